//! Which language a text is in, as an ISO 639-1 code.

/// Bytes of a text's opening that its language is told by.
const SAMPLE_BYTES: usize = 1200;

/// ISO 639-1 code of the text's language, or `und` when it cannot be told.
pub fn detect_language(text: &str) -> String {
    let sample = &text[..floor(text, SAMPLE_BYTES)];
    if looks_english(sample) {
        return "en".into();
    }
    let Some(info) = whatlang::detect(sample) else {
        return "und".into();
    };
    if !info.is_reliable() && info.confidence() < 0.3 {
        return "und".into();
    }
    iso_code(info.lang())
}

/// The language of a text whose page declares `declared`: the declaration (lowercased), unless
/// the text plainly says otherwise. A template's `lang="en"` is often left on pages written in
/// another language, and an English article sometimes stands on a site declared in its own.
/// Only English is told apart from a declaration, both ways: by its function words, and
/// another language over a declared English only when the detector is sure of it. Two other
/// languages (Norwegian and Danish, Croatian and Serbian) can be too close to overrule a page.
pub fn settle_language(declared: &str, text: &str) -> String {
    let declared = declared.to_ascii_lowercase();
    let sample = &text[..floor(text, SAMPLE_BYTES)];
    if sample.split_whitespace().nth(SHORT_SAMPLE).is_none() {
        return declared;
    }
    let english = looks_english(sample);
    let declared_english = declared.split(['-', '_']).next() == Some("en");
    if !declared_english {
        return if english { "en".into() } else { declared };
    }
    if english {
        return declared;
    }
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() && info.lang() != whatlang::Lang::Eng => {
            iso_code(info.lang())
        }
        _ => declared,
    }
}

/// The ISO 639-1 code of one of the detector's languages (its own code where it has none).
fn iso_code(lang: whatlang::Lang) -> String {
    let code = lang.code();
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
        "aka" => "ak",
        "amh" => "am",
        "aze" => "az",
        "bel" => "be",
        "cym" => "cy",
        "epo" => "eo",
        "guj" => "gu",
        "hye" => "hy",
        "jav" => "jv",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "lat" => "la",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "ori" => "or",
        "pan" => "pa",
        "sin" => "si",
        "sna" => "sn",
        "tel" => "te",
        "tgl" => "tl",
        "tuk" => "tk",
        "uzb" => "uz",
        "yid" => "yi",
        "zul" => "zu",
        other => other,
    };
    short.to_string()
}

/// Words of a sample that must be English function words for the fast path to say English
/// without the detector: English prose holds a quarter to a half of them, other languages
/// written in Latin letters under a tenth (`data/english_function_words.txt`).
const ENGLISH_SHARE: (usize, usize) = (1, 4);

/// A sample of fewer words than this is short: one sentence, a headline.
const SHORT_SAMPLE: usize = 30;

/// What a short sample needs instead: a third of its words, and three at least. A few words
/// vary more than a page of them; of 5,000 sentences of 6 to 29 words in German, French,
/// Spanish, Italian, Polish and eight other languages (the pages of the extraction development
/// sets), none holds this many, where a quarter lets one German sentence in a thousand through.
const SHORT_ENGLISH_SHARE: (usize, usize) = (1, 3);
const SHORT_ENGLISH_HITS: usize = 3;

/// A fast path for the common case: a quarter of the words are English function words (a third
/// in a short sample). Tokens without a letter (the commas and quote marks of tokenised text,
/// numbers) are no words. The detector's tables cost a one-sentence brief a fifth of its work.
fn looks_english(sample: &str) -> bool {
    let (mut words, mut hits) = (0usize, 0usize);
    for w in sample
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .take(200)
    {
        words += 1;
        let listed = crate::lexicon::ENGLISH_FUNCTION_WORDS.contains(&parallax_text::lowercase(w));
        hits += usize::from(listed);
    }
    if words >= SHORT_SAMPLE {
        let (part, whole) = ENGLISH_SHARE;
        hits * whole >= words * part
    } else {
        let (part, whole) = SHORT_ENGLISH_SHARE;
        hits >= SHORT_ENGLISH_HITS && hits * whole >= words * part
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &str) {
        assert_eq!(detect_language(text), expected, "{text}");
    }

    #[track_caller]
    fn check_settled(declared: &str, text: &str, expected: &str) {
        assert_eq!(
            settle_language(declared, text),
            expected,
            "{declared}: {text}"
        );
    }

    const FR: &str = "Les pompiers ont travaillé toute la nuit pour maîtriser l'incendie qui a \
                      obligé les habitants du quartier à quitter leurs maisons, selon les autorités \
                      locales. Une enquête a été ouverte lundi pour comprendre ce qui s'est passé.";
    const DE: &str = "Die Feuerwehr hat die ganze Nacht gearbeitet, um den Brand zu löschen, der \
                      die Bewohner des Viertels zwang, ihre Häuser zu verlassen, teilten die \
                      Behörden mit. Die Polizei hat am Montag Ermittlungen aufgenommen.";
    const EN: &str = "Firefighters worked through the night to put out the fire that forced the \
                      people of the district to leave their homes, the local authorities said on \
                      Monday. The police have opened an inquiry into what caused it.";

    #[test]
    fn a_declared_english_the_text_plainly_contradicts_gives_way() {
        check_settled("en-US", FR, "fr");
        check_settled("en", DE, "de");
        check_settled("EN-gb", EN, "en-gb");
    }

    #[test]
    fn an_english_text_on_a_page_declared_in_another_language_is_english() {
        check_settled("de", EN, "en");
        check_settled("fr-FR", EN, "en");
        check_settled("de-DE", DE, "de-de");
    }

    #[test]
    fn two_other_languages_never_overrule_a_declaration() {
        check_settled("de", FR, "de");
        check_settled("nb", DE, "nb");
    }

    #[test]
    fn a_short_text_keeps_the_declaration() {
        check_settled(
            "en",
            "Die Stadt hat am Montag die Brücke wieder geöffnet.",
            "en",
        );
        check_settled(
            "de",
            "The council said it would vote on the plan next week.",
            "de",
        );
    }

    #[test]
    fn tokenised_english_takes_the_fast_path() {
        let tokenised =
            "The council said on Tuesday , `` we will vote on the budget next week . '' \
                         The mayor , who had asked for the vote , said the plan was a good one for \
                         the city and that it would be paid for by the new tax . Residents were \
                         not so sure , and some of them said so at the meeting .";
        assert!(looks_english(tokenised));
        check(tokenised, "en");
        // Numbers and punctuation are no words: counted, they would make the three function
        // words below a quarter of twelve; left out, they are all of a short sample's words.
        assert!(looks_english("12 , 34 . 56 , 78 . 90 1 2 3 the of and"));
        assert!(!looks_english(&"12 , 34 . ".repeat(20)));
    }

    #[test]
    fn a_short_english_sentence_takes_the_fast_path() {
        assert!(looks_english(
            "The committee approved the new budget for the coastal park on its first vote."
        ));
        assert!(looks_english("He said it was over."));
        // Two function words are too few to tell anything by.
        assert!(!looks_english("Storm closes bridge to traffic"));
        assert!(!looks_english("Bridge closed by storm"));
    }

    #[test]
    fn a_short_sentence_of_another_language_never_takes_the_english_fast_path() {
        for text in [
            "La mairie a annoncé que le pont serait rouvert lundi matin.",
            "On a dit à la presse que le maire était en vacances.",
            "Die Stadt hat am Montag die Brücke in der Altstadt wieder geöffnet.",
            "Was die Polizei am Abend in Berlin fand, ist noch unklar.",
            "El alcalde dijo que el puente se abrirá a los coches el lunes.",
            "Il sindaco ha detto che il ponte sarà riaperto lunedì.",
            "O prefeito disse que a ponte será reaberta na segunda-feira.",
            "Burmistrz powiedział, że most zostanie otwarty w poniedziałek.",
            "De burgemeester zei dat de brug maandag weer open is.",
        ] {
            assert!(!looks_english(text), "{text}");
        }
    }

    #[test]
    fn other_languages_never_take_the_english_fast_path() {
        for text in [
            "Les pompiers ont travaillé toute la nuit pour maîtriser l'incendie qui a obligé les \
             habitants du quartier à quitter leurs maisons, a indiqué la préfecture. On ne sait \
             pas encore ce qui a causé le feu, mais une enquête a été ouverte lundi.",
            "Die Feuerwehr war die ganze Nacht im Einsatz, um den Brand zu löschen. Was das Feuer \
             ausgelöst hat, ist noch unklar; die Polizei hat am Montag Ermittlungen aufgenommen, \
             und die Bewohner dürfen in ihre Häuser zurück.",
            "De brandweer was de hele nacht in touw om de brand te blussen. Wat het vuur heeft \
             veroorzaakt is nog niet duidelijk; de politie is maandag een onderzoek begonnen en \
             de bewoners mogen terug naar hun huizen.",
            "I vigili del fuoco hanno lavorato tutta la notte per spegnere l'incendio in centro. \
             Non è ancora chiaro che cosa abbia causato il fuoco, ma la polizia ha aperto \
             un'indagine lunedì e gli abitanti sono tornati a casa.",
        ] {
            assert!(!looks_english(text), "{text}");
        }
    }

    #[test]
    fn a_long_text_is_told_by_its_opening() {
        let fr = "Les pompiers ont travaillé toute la nuit pour maîtriser l'incendie qui a obligé \
                  les habitants du quartier à quitter leurs maisons, selon les autorités locales. ";
        check(&fr.repeat(40), "fr");
        let de = "Die Feuerwehr hat die ganze Nacht gearbeitet, um den Brand zu löschen, der die \
                  Bewohner des Viertels zwang, ihre Häuser zu verlassen, teilten die Behörden mit. ";
        check(&de.repeat(40), "de");
        let es = "Los bomberos trabajaron durante toda la noche para controlar el incendio que \
                  obligó a evacuar a los vecinos de la zona, según informaron las autoridades. ";
        check(&es.repeat(40), "es");
    }
}
