//! Text that was UTF-8, read once as Windows-1252 (or Latin-1) and saved again as UTF-8, put
//! back: "itâ€™s" is "it’s", "fÃ¼r" is "für", "57Â°" is "57°". A crawler or a CMS that got the
//! charset wrong leaves every non-ASCII character of a page so; the reader, and every quote
//! matched across outlets, needs the words.
//!
//! Only sequences that cannot be meant are put back: a leader a double encoding leaves
//! (`Â`–`Å`, `Î`, `Ï`, `Ð`, `Ñ` for two bytes; `â` for three, General Punctuation and the
//! symbols after it; `ð` for four, an emoji), followed by the characters its continuation bytes
//! show, forming valid UTF-8 of Latin, Greek or Cyrillic letters and signs, punctuation or an
//! emoji. Other leaders are letters a text ends words with ("é – " in Czech, "à »" in French, with
//! a no-break space: `é`, no-break space and `–` would read as a Chinese character), and Chinese
//! text so broken is left as it is. A page mentioning one such sequence ("I saw Ã¤ instead of
//! ä") is left alone: [`MIN_SEQUENCES`] are needed.

use std::borrow::Cow;

/// Sequences a text must hold before any is put back.
const MIN_SEQUENCES: usize = 2;

/// `text` with its double-encoded sequences put back, and how many there were; the text itself
/// when it holds fewer than [`MIN_SEQUENCES`].
pub(crate) fn undo_double_encoding(text: Cow<'_, str>) -> (Cow<'_, str>, usize) {
    let bytes = text.as_bytes();
    // Every leader is U+00C2 to U+00F0, two bytes opening with 0xC3 in UTF-8.
    let mut repairs: Vec<(usize, usize, char)> = Vec::new();
    let mut next = 0;
    for at in memchr::memchr_iter(0xC3, bytes) {
        if at < next {
            continue;
        }
        if let Some((len, c)) = sequence_at(&text, at) {
            repairs.push((at, at + len, c));
            next = at + len;
        }
    }
    if repairs.len() < MIN_SEQUENCES {
        return (text, 0);
    }
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for &(start, end, c) in &repairs {
        out.push_str(&text[from..start]);
        out.push(c);
        from = end;
    }
    out.push_str(&text[from..]);
    (Cow::Owned(out), repairs.len())
}

/// The warning that `repaired` double-encoded characters were put back.
pub(crate) fn repaired_note(repaired: usize) -> String {
    format!(
        "{repaired} double-encoded characters put back (UTF-8 read as Windows-1252 and saved again)"
    )
}

/// The length in bytes of the double-encoded sequence at byte `at` of `text`, and the character
/// it stands for.
fn sequence_at(text: &str, at: usize) -> Option<(usize, char)> {
    let mut chars = text.get(at..)?.chars();
    let leader = chars.next()?;
    let continuations = match leader {
        'Â'..='Å' | 'Î' | 'Ï' | 'Ð' | 'Ñ' => 1,
        'â' => 2,
        'ð' => 3,
        _ => return None,
    };
    let mut utf8 = [0u8; 4];
    utf8[0] = u8::try_from(u32::from(leader)).ok()?;
    let mut len = leader.len_utf8();
    for slot in utf8.iter_mut().skip(1).take(continuations) {
        let c = chars.next()?;
        *slot = continuation_byte(c)?;
        len += c.len_utf8();
    }
    let meant = std::str::from_utf8(&utf8[..=continuations])
        .ok()?
        .chars()
        .next()?;
    let plausible = match continuations {
        1 => matches!(meant, '\u{a0}'..='\u{17f}' | 'Α'..='ώ' | 'Ѐ'..='џ'),
        _ => true,
    };
    plausible.then_some((len, meant))
}

/// The byte 0x80 to 0xBF that Windows-1252 shows as `c`, or Latin-1 (its C1 controls).
fn continuation_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if (0x80..=0xBF).contains(&code) {
        return u8::try_from(code).ok();
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text as put back.
    fn check(input: &str, expected: &str) {
        let (out, _) = undo_double_encoding(Cow::Borrowed(input));
        assert_eq!(out, expected, "{input:?}");
    }

    /// `text` encoded as UTF-8, read as Windows-1252 and encoded again: what such a page holds.
    fn double_encoded(text: &str) -> String {
        encoding_rs::WINDOWS_1252
            .decode(text.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn double_encoded_text_is_put_back() {
        check(
            "Itâ€™s â€œdoneâ€\u{9d} â€” 57Â° hot",
            "It’s “done” — 57° hot",
        );
        check(
            "Freie LastenrÃ¤der fÃ¼r Berlin",
            "Freie Lastenräder für Berlin",
        );
        check("Â¿QuÃ© pasÃ³ en EspaÃ±a?", "¿Qué pasó en España?");
        check("Ð¼Ð¸Ñ€ Ð¸ Ð´Ñ€ÑƒÐ¶Ð±Ð°", "мир и дружба");
        check("Price: â‚¬35 â„¢ ðŸ˜ž", "Price: €35 ™ 😞");
        for text in [
            "Le café de l’Élysée « ouvert » — déjà vu",
            "Zażółć gęślą jaźń, Straße, Øre",
            "Αθήνα και Κύπρος",
        ] {
            check(&double_encoded(text), text);
        }
    }

    #[test]
    fn latin_1_s_control_characters_are_read_as_their_bytes() {
        // A page decoded as Latin-1, not Windows-1252, shows C1 controls for 0x80 to 0x9F.
        check(
            "itâ\u{80}\u{99}s and â\u{80}\u{94} and â\u{80}¦",
            "it’s and — and …",
        );
    }

    #[test]
    fn text_as_written_is_left_alone() {
        for text in [
            // A word ending in é before a no-break space and a dash reads as a CJK character.
            "Je to hotové\u{a0}– a Fuß“ steht: „Fuß“ und Maß“",
            "L'ÉTÉ\u{a0}» et à\u{a0}» puis SÃO PAULO, NÃO",
            "Åsa, Ärger, Ölfeld, Ñandú, Î le",
            // One mention of a broken character is the page's subject, not its state.
            "I saw Ã¤ instead of ä all day.",
            "",
            "plain ASCII",
        ] {
            check(text, text);
        }
    }

    #[test]
    fn a_text_without_sequences_is_not_copied() {
        let (out, n) = undo_double_encoding(Cow::Borrowed("für café"));
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(n, 0);
    }
}
