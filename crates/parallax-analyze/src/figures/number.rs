//! Numbers as written: digits with the separators of a language, spelled-out and mixed numbers
//! ("five thousand", "5 thousand 383", "2,5 Millionen", "quatre-vingt-dix", "dreiundzwanzig").

use std::sync::LazyLock;

use super::lexicon::{number_words, Role, NUMBER_WORDS};
use crate::shape::WordShape;

/// The value of a digit run, reading `.` and `,` the way `lang` writes numbers: in English the
/// comma groups thousands and the point marks decimals; in French, German and Spanish the other
/// way round (a point or space groups thousands, a comma marks decimals).
pub(super) fn digits_value(raw: &str, lang: &str) -> Option<f64> {
    let clean: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let commas = clean.matches(',').count();
    let points = clean.matches('.').count();
    let groups_of_three = |sep: char| clean.split(sep).skip(1).all(|g| g.len() == 3);
    let normal = match (commas, points) {
        (0, 0) => clean,
        (_, 0) if lang == "en" && groups_of_three(',') => clean.replace(',', ""),
        (1, 0) => clean.replace(',', "."),
        (_, 0) => clean.replace(',', ""),
        (0, 1) if lang != "en" && groups_of_three('.') => clean.replace('.', ""),
        (0, 1) => clean,
        (0, _) => clean.replace('.', ""),
        _ => {
            // Both: the last one is the decimal mark.
            let last_comma = clean.rfind(',').unwrap_or(0);
            let last_point = clean.rfind('.').unwrap_or(0);
            if last_comma > last_point {
                clean.replace('.', "").replace(',', ".")
            } else {
                clean.replace(',', "")
            }
        }
    };
    normal.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A number word of `lang`, or a German compound of them ("dreiundzwanzig", "fünftausend"),
/// as the pieces it is made of.
pub(super) fn word_pieces(lower: &str, lang: &str) -> Option<Vec<(f64, Role)>> {
    let compound = lang == "de" && lower.len() >= 6;
    if !compound && surely_no_number_word(lower) {
        return None;
    }
    let table = number_words(lang)?;
    if let Some(p) = table.get(lower) {
        return Some(vec![p]);
    }
    if lang != "de" || lower.len() < 6 {
        return None;
    }
    // German writes numbers as one word: split it into the longest known pieces.
    let mut rest = lower;
    let mut pieces = Vec::new();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("und") {
            rest = r;
            continue;
        }
        let mut best: Option<(usize, (f64, Role))> = None;
        for w in table.words() {
            if !rest.starts_with(w) || best.is_some_and(|(len, _)| w.len() <= len) {
                continue;
            }
            if let Some(p) = table.get(w).filter(|p| p.1 != Role::Article) {
                best = Some((w.len(), p));
            }
        }
        let (len, p) = best?;
        pieces.push(p);
        rest = rest.get(len..)?;
    }
    // "drei und zwanzig": a unit before "und" adds to the tens after it, which the sum does.
    (pieces.len() > 1).then_some(pieces)
}

/// The shape of every language's number words.
static NUMBER_SHAPE: LazyLock<WordShape> =
    LazyLock::new(|| WordShape::of(NUMBER_WORDS.iter().flat_map(|(_, table)| table.words())));

/// Whether `word` is surely no number word of any language's table, by its length and its first
/// and last bytes: most words are not, and are then not looked up.
fn surely_no_number_word(word: &str) -> bool {
    NUMBER_SHAPE.surely_not(word)
}

/// A spelled-out or mixed number being read, piece by piece.
#[derive(Debug, Default, Clone)]
pub(super) struct Reading {
    total: f64,
    current: f64,
    last_unit: f64,
    /// Whether the last piece was a scale word ("thousand").
    pub after_scale: bool,
    /// Whether any piece gave a value (an article alone does not).
    pub pieces: usize,
}

impl Reading {
    /// Adds a number word. False when it cannot continue the number.
    pub fn push(&mut self, value: f64, role: Role, lang: &str) -> bool {
        match role {
            Role::Unit => {
                if self.pieces > 0 && !self.after_scale && self.current % 100.0 != 0.0 {
                    // "twenty five" continues, "five five" does not; "quatre-vingt" multiplies.
                    let tens = self.current % 100.0;
                    if lang == "fr" && value == 20.0 && (2.0..10.0).contains(&self.last_unit) {
                        self.current += self.last_unit * 19.0;
                        self.last_unit = 0.0;
                        self.pieces += 1;
                        return true;
                    }
                    let english = tens >= 20.0 && tens % 10.0 == 0.0 && value < 10.0;
                    let french = lang == "fr"
                        && ((tens % 20.0 == 0.0 && value < 20.0) || (tens == 10.0 && value < 10.0));
                    // German puts the unit first: "drei-und-zwanzig".
                    let german =
                        lang == "de" && tens < 10.0 && value >= 20.0 && value % 10.0 == 0.0;
                    if !(english || french || german) {
                        return false;
                    }
                }
                self.current += value;
                self.last_unit = value;
            }
            Role::Scale if value < 1000.0 => {
                self.current = self.current.max(1.0) * value;
                self.last_unit = 0.0;
            }
            Role::Scale => {
                self.total += self.current.max(1.0) * value;
                self.current = 0.0;
                self.last_unit = 0.0;
            }
            Role::Article => {
                if self.pieces > 0 {
                    return false;
                }
                self.current = 1.0;
                self.after_scale = false;
                return true;
            }
            Role::Ordinal => return false,
        }
        self.after_scale = role == Role::Scale;
        self.pieces += 1;
        true
    }

    /// Adds a digit run: only at the start, or after a scale word ("5 thousand 383").
    pub fn push_digits(&mut self, value: f64) -> bool {
        let first = self.pieces == 0 && self.current == 0.0;
        let after_scale = self.after_scale && self.current == 0.0 && value < 1000.0;
        if !(first || after_scale) {
            return false;
        }
        self.current = value;
        self.after_scale = false;
        self.pieces += 1;
        true
    }

    /// The value read so far.
    pub fn value(&self) -> f64 {
        self.total + self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(raw: &str, lang: &str, expected: f64) {
        assert_eq!(digits_value(raw, lang), Some(expected), "{raw} ({lang})");
    }

    /// The shape check turns away no word of any table.
    #[test]
    fn every_number_word_passes_the_shape_check() {
        for (lang, table) in NUMBER_WORDS.iter() {
            for w in table.words() {
                assert!(!surely_no_number_word(w), "{w}");
                let p = table.get(w).expect("a listed word has a value");
                assert_eq!(word_pieces(w, lang), Some(vec![p]), "{w} ({lang})");
            }
        }
    }

    #[test]
    fn separators_by_language() {
        check("3,000", "en", 3000.0);
        check("1.4", "en", 1.4);
        check("1,234,567.5", "en", 1_234_567.5);
        check("2,5", "de", 2.5);
        check("3.000", "de", 3000.0);
        check("1.234,5", "es", 1234.5);
        check("5\u{a0}000", "fr", 5000.0);
        check("1.4", "fr", 1.4);
    }

    #[test]
    fn german_compounds() {
        let value = |w: &str| {
            let mut r = Reading::default();
            for (v, role) in word_pieces(w, "de").unwrap_or_default() {
                assert!(r.push(v, role, "de"), "{w}");
            }
            r.value()
        };
        assert_eq!(value("dreiundzwanzig"), 23.0);
        assert_eq!(value("fünftausend"), 5000.0);
        assert_eq!(value("zweihundertfünfzig"), 250.0);
    }
}
