//! Headlines without the label a newsroom puts before them ("BREAKING: ", "Eilmeldung – "): the
//! label says when or how the page was shown, not what the story is.

use std::sync::LazyLock;

use parallax_text::lines;

/// Lowercase headline labels, from `data/headline_labels.txt`.
static HEADLINE_LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lines(include_str!("../data/headline_labels.txt")).collect());

/// The title without a leading headline label; the title itself when it has none, or when nothing
/// would be left after it.
pub fn without_label(title: String) -> String {
    // A colon or bar ends a label where it stands; a dash only with a space before it
    // ("Live - ...", not "Live-streamed"), a full stop only with one after it ("DIRECT. ...").
    let mut previous = ' ';
    let separator = title.char_indices().find(|&(i, c)| {
        let found = matches!(c, ':' | '|')
            || (matches!(c, '-' | '–' | '—') && previous == ' ')
            || (c == '.' && title[i + 1..].starts_with(' '));
        previous = c;
        found
    });
    let Some((at, c)) = separator else {
        return title;
    };
    let (label, rest) = (&title[..at], &title[at + c.len_utf8()..]);
    let label = label.trim().to_lowercase();
    let rest = rest.trim();
    if is_label(&label) && rest.split_whitespace().nth(1).is_some() {
        rest.to_string()
    } else {
        title
    }
}

/// Whether `label`, lowercase, is a headline label ("breaking", "en direct", "eilmeldung").
pub(crate) fn is_label(label: &str) -> bool {
    HEADLINE_LABELS.contains(&label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(title: &str, expected: &str) {
        assert_eq!(without_label(title.to_string()), expected);
    }

    #[test]
    fn labels_of_four_languages_go() {
        check(
            "Breaking: Train derails in the east",
            "Train derails in the east",
        );
        check("LIVE | Storm reaches the coast", "Storm reaches the coast");
        check(
            "Eilmeldung – Zug entgleist im Osten",
            "Zug entgleist im Osten",
        );
        check("EN DIRECT - Le train a déraillé", "Le train a déraillé");
        check("Última hora: Descarrila un tren", "Descarrila un tren");
        check(
            "Directo | Temporal en el sur: llega el ejército",
            "Temporal en el sur: llega el ejército",
        );
        check("Na żywo: Pociąg wykoleił się", "Pociąg wykoleił się");
        check(
            "DIRECT. Grève dans le ciel : les vols annulés",
            "Grève dans le ciel : les vols annulés",
        );
    }

    #[test]
    fn titles_without_a_label_stay() {
        check(
            "Live music returns to the harbour",
            "Live music returns to the harbour",
        );
        check("Update: delayed", "Update: delayed");
        check(
            "Analysis-driven policing: a review",
            "Analysis-driven policing: a review",
        );
        check("Mayor: the bridge will open", "Mayor: the bridge will open");
    }
}
