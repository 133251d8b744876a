//! The words of the quantity grammar, read once from `data/figures/`: qualifiers, number words,
//! units and the context words that make a number something other than a quantity.

use foldhash::{HashMap, HashMapExt, HashSet};
use std::sync::LazyLock;

use parallax_core::{Direction, FigureKind};

use parallax_text::lines;

/// The languages the grammar knows; anything else is read as English.
pub(super) fn language(code: &str) -> &'static str {
    match code {
        "fr" => "fr",
        "de" => "de",
        "es" => "es",
        _ => "en",
    }
}

/// Qualifier patterns of one language: the words before the number and the words after it.
#[derive(Debug, Default)]
pub(super) struct Qualifiers {
    /// Lowercase words (joined by one space) that stand right before the number.
    pub before: HashMap<String, Direction>,
    /// Lowercase words (joined by one space) that stand right after the number.
    pub after: HashMap<String, Direction>,
    /// The longest sequence of either kind, in words.
    pub longest: usize,
}

fn direction(name: &str) -> Option<Direction> {
    Some(match name {
        "exact" => Direction::Exact,
        "around" => Direction::Around,
        "above" => Direction::Above,
        "nearly" => Direction::Nearly,
        "below" => Direction::Below,
        "atleast" => Direction::AtLeast,
        "atmost" => Direction::AtMost,
        _ => return None,
    })
}

/// Qualifiers by language, from `qualifiers.txt`: one table gives both the matcher and the
/// direction.
pub(super) static QUALIFIERS: LazyLock<HashMap<&'static str, Qualifiers>> = LazyLock::new(|| {
    let mut out: HashMap<&'static str, Qualifiers> = HashMap::new();
    for line in lines(include_str!("../../data/figures/qualifiers.txt")) {
        let mut fields = line.split('\t');
        let (Some(dir), Some(lang), Some(pattern)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let Some(dir) = direction(dir.trim()) else {
            continue;
        };
        let Some((before, after)) = pattern.split_once('#') else {
            continue;
        };
        let q = out.entry(lang.trim()).or_default();
        let before: Vec<&str> = before.split_whitespace().collect();
        let after: Vec<&str> = after.split_whitespace().collect();
        q.longest = q.longest.max(before.len()).max(after.len());
        if !before.is_empty() {
            q.before.insert(before.join(" "), dir);
        } else if !after.is_empty() {
            q.after.insert(after.join(" "), dir);
        }
    }
    out
});

/// What a number word does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Role {
    /// Adds its value ("five", "twenty").
    Unit,
    /// Multiplies what came before ("hundred", "thousand").
    Scale,
    /// A rank ("third").
    Ordinal,
    /// "a", "un": one, but only before a scale word.
    Article,
}

/// The number words of all languages, one a line: language, word, value, role (tab-separated).
const NUMBERS_TEXT: &str = include_str!("../../data/figures/numbers.txt");
const NUMBER_SLOTS: usize = parallax_text::table::slots_for(
    parallax_text::table::separated_at_most(NUMBERS_TEXT.as_bytes(), b"\n"),
);

/// Lowercase number words of one language, made at compile time: value and role.
pub(super) struct NumberWords(parallax_text::table::RangeMap<NUMBER_SLOTS>);

/// The roles of [`Role`] as tags of a [`NumberWords`] map, by their names in the data file.
const ROLE_NAMES: [(&str, Role); 4] = [
    ("unit", Role::Unit),
    ("scale", Role::Scale),
    ("ordinal", Role::Ordinal),
    ("article", Role::Article),
];

impl NumberWords {
    /// The words of `lang` (the first field of a line) with a role of [`ROLE_NAMES`].
    const fn of(lang: &str) -> Self {
        use parallax_text::table::{equals, next_field, next_line, RangeMap};
        let bytes = NUMBERS_TEXT.as_bytes();
        let lang = lang.as_bytes();
        let mut map = RangeMap::new(NUMBERS_TEXT);
        let mut from = 0;
        while let Some((start, end, next)) = next_line(bytes, from) {
            from = next;
            let (ls, le, rest) = next_field(bytes, start, end, b'\t');
            let (ws, we, rest) = next_field(bytes, rest, end, b'\t');
            let (vs, ve, rest) = next_field(bytes, rest, end, b'\t');
            let (rs, re, _) = next_field(bytes, rest, end, b'\t');
            if !equals(bytes, ls, le, lang) || ws == we {
                continue;
            }
            let mut r = 0;
            while r < ROLE_NAMES.len() {
                if equals(bytes, rs, re, ROLE_NAMES[r].0.as_bytes()) {
                    map.insert((ws, we), (vs, ve), r as u8);
                }
                r += 1;
            }
        }
        NumberWords(map)
    }

    /// The value and role of a lowercase word.
    pub(super) fn get(&self, word: &str) -> Option<(f64, Role)> {
        self.0.get(word).and_then(read_number_word)
    }

    /// Every word.
    pub(super) fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|(w, _, _)| w)
    }
}

/// A value and role tag of [`NumberWords`]; a value that is no number reads as no word.
fn read_number_word((value, tag): (&str, u8)) -> Option<(f64, Role)> {
    let value = value.parse::<f64>().ok()?;
    Some((value, ROLE_NAMES.get(usize::from(tag))?.1))
}

/// Number words by language (the languages of [`language`]).
pub(super) static NUMBER_WORDS: [(&str, NumberWords); 4] = [
    ("en", NumberWords::of("en")),
    ("fr", NumberWords::of("fr")),
    ("de", NumberWords::of("de")),
    ("es", NumberWords::of("es")),
];

/// The number words of a language of [`language`].
pub(super) fn number_words(lang: &str) -> Option<&'static NumberWords> {
    NUMBER_WORDS
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, w)| w)
}

/// A unit word or symbol.
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit {
    /// The kind of quantity it makes.
    pub kind: FigureKind,
    /// The normalised unit ("USD", "km", "minute", "%").
    pub name: &'static str,
}

/// Units, from `units.txt`: forms (lowercase, possibly several words) per language ("*" for all).
pub(super) struct Units {
    /// Form to unit, by language.
    pub forms: HashMap<&'static str, HashMap<&'static str, Unit>>,
    /// Short scale words ("m", "bn") to their factor.
    pub scales: HashMap<&'static str, f64>,
    /// Longest form, in words.
    pub longest: usize,
}

impl Units {
    /// The unit a lowercase form names in a language.
    pub fn get(&self, lang: &str, form: &str) -> Option<Unit> {
        self.forms
            .get(lang)
            .and_then(|m| m.get(form))
            .or_else(|| self.forms.get("*").and_then(|m| m.get(form)))
            .copied()
    }
}

/// The units table.
pub(super) static UNITS: LazyLock<Units> = LazyLock::new(|| {
    let mut forms: HashMap<&str, HashMap<&str, Unit>> = HashMap::new();
    let mut scales = HashMap::new();
    let mut longest = 1;
    for line in lines(include_str!("../../data/figures/units.txt")) {
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [kind, name, lang, list] = f[..] else {
            continue;
        };
        let kind = match kind {
            "percent" => FigureKind::Percent,
            "money" => FigureKind::Money,
            "measure" => FigureKind::Measure,
            "duration" => FigureKind::Duration,
            "scale" => {
                if let Ok(v) = name.parse::<f64>() {
                    for form in list.split('|') {
                        scales.insert(form, v);
                    }
                }
                continue;
            }
            _ => continue,
        };
        for form in list.split('|') {
            longest = longest.max(form.split_whitespace().count());
            forms
                .entry(lang)
                .or_default()
                .entry(form)
                .or_insert(Unit { kind, name });
        }
    }
    Units {
        forms,
        scales,
        longest,
    }
});

/// Context words by role, from `context.txt`.
pub(super) static CONTEXT: LazyLock<HashMap<&'static str, HashSet<&'static str>>> =
    LazyLock::new(|| {
        let mut out: HashMap<&str, HashSet<&str>> = HashMap::new();
        for line in lines(include_str!("../../data/figures/context.txt")) {
            if let Some((role, words)) = line.split_once('\t') {
                out.entry(role.trim())
                    .or_default()
                    .extend(words.trim().split('|'));
            }
        }
        out
    });

/// How plurals end, per language that marks every plural (`plural_ending` in `context.txt`,
/// written `lang:ending`).
pub(super) static PLURAL_ENDINGS: LazyLock<HashMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| {
        let mut out: HashMap<&str, Vec<&str>> = HashMap::new();
        for entry in CONTEXT.get("plural_ending").into_iter().flatten() {
            if let Some((lang, ending)) = entry.split_once(':') {
                out.entry(lang).or_default().push(ending);
            }
        }
        out
    });

/// Per language, each word of a `same_thing` line with the line's first word.
static SAME_THING: LazyLock<HashMap<(&'static str, &'static str), &'static str>> =
    LazyLock::new(|| {
        let mut out = HashMap::new();
        for line in lines(include_str!("../../data/figures/context.txt")) {
            let Some(("same_thing", group)) = line.split_once('\t').map(|(r, g)| (r.trim(), g))
            else {
                continue;
            };
            let Some((lang, words)) = group.trim().split_once(':') else {
                continue;
            };
            let mut words = words.split('|');
            let first = words.next().unwrap_or_default();
            for w in words {
                out.insert((lang, w), first);
            }
        }
        out
    });

/// The word that names what `word` (lowercase) names, in language `lang`: the first word of its
/// `same_thing` line ("personen" → "menschen"), else the word itself.
pub(super) fn same_thing<'a>(word: &'a str, lang: &str) -> &'a str {
    SAME_THING
        .get(&(language(lang), word))
        .copied()
        .unwrap_or(word)
}

/// Whether `word` (lowercase) has `role` in the context table.
pub(super) fn is(role: &str, word: &str) -> bool {
    CONTEXT.get(role).is_some_and(|s| s.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The roles the grammar asks for by name are in `context.txt` (`is` of a missing role is
    /// false for every word).
    #[test]
    fn the_context_roles_asked_for_are_listed() {
        for role in [
            "time_after",
            "time_before",
            "time_before_unless_of",
            "relative_after",
            "relative_before",
            "month",
            "range_join",
            "range_open",
            "range_and",
            "spent_on",
            "unit_of",
            "month_of",
            "number_sign",
        ] {
            assert!(CONTEXT.get(role).is_some_and(|s| !s.is_empty()), "{role}");
        }
        assert!(is("spent_on", "d’") && is("number_sign", "núm") && !is("range_and", "to"));
    }

    /// The number words as they were read at run time: what the compile-time maps must hold.
    type WordTable = HashMap<&'static str, (f64, Role)>;

    /// Number words by language: lowercase word to value and role.
    fn run_time_number_words() -> HashMap<&'static str, WordTable> {
        let mut out: HashMap<&str, HashMap<&str, (f64, Role)>> = HashMap::new();
        for line in lines(include_str!("../../data/figures/numbers.txt")) {
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [lang, word, value, role] = f[..] else {
                continue;
            };
            let Ok(value) = value.parse::<f64>() else {
                continue;
            };
            let role = match role {
                "unit" => Role::Unit,
                "scale" => Role::Scale,
                "ordinal" => Role::Ordinal,
                "article" => Role::Article,
                _ => continue,
            };
            out.entry(lang).or_default().insert(word, (value, role));
        }
        out
    }

    #[test]
    fn the_number_words_made_at_compile_time_are_the_ones_read_at_run_time() {
        let read = run_time_number_words();
        assert_eq!(
            read.len(),
            NUMBER_WORDS.len(),
            "a language of the data has no map"
        );
        for (lang, words) in &read {
            let map = number_words(lang).unwrap_or_else(|| panic!("{lang}"));
            assert_eq!(map.words().count(), words.len(), "{lang}");
            for (w, p) in words {
                assert_eq!(map.get(w), Some(*p), "{w} ({lang})");
            }
        }
    }
}
