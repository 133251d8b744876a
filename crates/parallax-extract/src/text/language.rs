//! Which language a text is in, as an ISO 639-1 code.

/// ISO 639-1 code of the text's language, or `und` when it cannot be told.
pub fn detect_language(text: &str) -> String {
    let sample = &text[..floor(text, 1200)];
    if looks_english(sample) {
        return "en".into();
    }
    let Some(info) = whatlang::detect(sample) else {
        return "und".into();
    };
    if !info.is_reliable() && info.confidence() < 0.3 {
        return "und".into();
    }
    let code = info.lang().code();
    let short = match code {
        "eng" => "en",
        "fra" => "fr",
        "deu" => "de",
        "spa" => "es",
        "ita" => "it",
        "por" => "pt",
        "rus" => "ru",
        "ukr" => "uk",
        "nld" => "nl",
        "pol" => "pl",
        "tur" => "tr",
        "ara" => "ar",
        "cmn" => "zh",
        "jpn" => "ja",
        "kor" => "ko",
        "hin" => "hi",
        "swe" => "sv",
        "dan" => "da",
        "nob" => "nb",
        "fin" => "fi",
        "ces" => "cs",
        "ell" => "el",
        "heb" => "he",
        "hun" => "hu",
        "ron" => "ro",
        "bul" => "bg",
        "hrv" => "hr",
        "srp" => "sr",
        "slk" => "sk",
        "slv" => "sl",
        "ind" => "id",
        "vie" => "vi",
        "tha" => "th",
        "cat" => "ca",
        "lit" => "lt",
        "lav" => "lv",
        "est" => "et",
        "pes" => "fa",
        "urd" => "ur",
        "ben" => "bn",
        "tam" => "ta",
        "afr" => "af",
        other => other,
    };
    short.to_string()
}

/// A fast path for the common case: a third of the words are English function words.
fn looks_english(sample: &str) -> bool {
    let words: Vec<String> = sample
        .split_whitespace()
        .take(200)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    let hits = words
        .iter()
        .filter(|w| crate::lexicon::ENGLISH_FUNCTION_WORDS.contains(w.as_str()))
        .count();
    words.len() >= 30 && hits * 3 >= words.len()
}

fn floor(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
