//! Bytes to text: UTF-8 when it is, Windows-1252 (the usual mislabelled Latin-1) when it is not.

/// Decodes a document's bytes, with a warning when they were not valid UTF-8. Text held
/// double-encoded is put back (`mojibake`), with a warning.
pub fn decode_text(bytes: &[u8]) -> (String, Option<String>) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            let (text, repaired) = crate::mojibake::undo_double_encoding(s.into());
            let warning = (repaired > 0).then(|| crate::mojibake::repaired_note(repaired));
            (text.into_owned(), warning)
        }
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let warning = format!(
                "not valid UTF-8 (first bad byte at offset {}); decoded as Windows-1252",
                e.valid_up_to()
            );
            (text.into_owned(), Some(warning))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_decoded_with_a_warning() {
        let (text, warning) = decode_text(b"caf\xe9 au lait");
        assert_eq!(text, "café au lait");
        assert!(warning.unwrap().contains("offset 3"));
        let (text, warning) = decode_text("\u{feff}plain".as_bytes());
        assert_eq!(text, "plain");
        assert!(warning.is_none());
    }

    #[test]
    fn double_encoded_text_is_put_back_with_a_warning() {
        let (text, warning) = decode_text("Itâ€™s fÃ¼r dich.".as_bytes());
        assert_eq!(text, "It’s für dich.");
        assert!(warning.is_some_and(|w| w.starts_with("2 double-encoded")));
    }
}
