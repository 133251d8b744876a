//! A line of its own crediting the wire services a news item comes from ("Quelle: dpa",
//! "(Quelle: APA/sda/dpa)", "Source : AFP"): the page's furniture, read for the wires it names.

use std::sync::LazyLock;

use parallax_text::chars::starts_with_folded;

use super::meta;

/// The labels of `data/source_labels.txt`.
static SOURCE_LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| parallax_text::lines(include_str!("../../data/source_labels.txt")).collect());

/// Words a source line has at most ("Quelle: Reuters, AFP und dpa").
const MAX_SOURCE_WORDS: usize = 8;

/// The wire services a line credits when it is a source line and nothing else: a label of
/// [`SOURCE_LABELS`] and a colon, then one wire service or more (`data/wires.txt`) joined by
/// slashes, commas or "and" in the seven languages, the whole in brackets or not. Empty for any
/// other line: a source that is no wire ("Source: NASA") is the article's to name.
pub(super) fn credited_wires(line: &str) -> Vec<&'static str> {
    let line = line.trim().trim_end_matches('.');
    let line = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .unwrap_or(line)
        .trim();
    if !line.contains(':') || super::words_exceed(line, MAX_SOURCE_WORDS) {
        return Vec::new();
    }
    let Some(rest) = SOURCE_LABELS.iter().find_map(|label| {
        let end = starts_with_folded(line, label)?;
        line[end..].trim_start().strip_prefix(':')
    }) else {
        return Vec::new();
    };
    let mut wires = Vec::new();
    for part in rest.split(['/', ',', ';', '&']) {
        for name in split_on_and(part) {
            match meta::wire_name(name) {
                Some(wire) => wires.push(wire),
                None if name.trim().is_empty() => {}
                None => return Vec::new(),
            }
        }
    }
    wires
}

/// Words joining the last two names of a list, in the seven languages.
const AND: [&str; 6] = [" and ", " und ", " et ", " y ", " e ", " i "];

/// The parts of `text` that "and" in one of the seven languages joins.
fn split_on_and(text: &str) -> Vec<&str> {
    let mut parts = vec![text];
    for and in AND {
        parts = parts.into_iter().flat_map(|p| p.split(and)).collect();
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, expected: &[&str]) {
        assert_eq!(credited_wires(line), expected, "{line:?}");
    }

    #[test]
    fn a_source_line_naming_wire_services_credits_them() {
        check("Quelle: dpa", &["dpa"]);
        check("(Quelle: APA/sda/dpa)", &["APA", "Keystone-SDA", "dpa"]);
        check("Source : AFP.", &["AFP"]);
        check("Fuente: EFE", &["EFE"]);
        check("Quellen: Reuters, AFP und dpa", &["Reuters", "AFP", "dpa"]);
        check("Źródło: Reuters", &["Reuters"]);
        check("Quelle: sid/dpa", &["SID", "dpa"]);
        check("Źródło: PAP", &["PAP"]);
        check("Fonte: Lusa", &["Lusa"]);
    }

    #[test]
    fn a_source_that_is_no_wire_service_is_the_articles() {
        check("Source: NASA", &[]);
        check("Quelle: Statistisches Bundesamt", &[]);
        check("Quelle: ntv.de, dpa", &[]);
        // A label alone, a sentence, or a line too long to be a credit.
        check("Quellen:", &[]);
        check("Sources say the talks failed.", &[]);
        check(
            "Source: AFP, Reuters, AP, dpa, EFE, ANSA, Kyodo and Xinhua",
            &[],
        );
    }
}
