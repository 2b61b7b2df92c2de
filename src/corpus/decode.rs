//! Bytes → text: byte-order marks, UTF-8, the legacy Arabic encodings (Windows-1256, ISO-8859-6), binary
//! detection, and line endings normalised to LF.

use encoding_rs::{Encoding, ISO_8859_6, UTF_8, UTF_16LE, WINDOWS_1256};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("empty file")]
    Empty,
    #[error("the file holds only white space")]
    WhitespaceOnly,
    #[error("binary file ({0}), not text")]
    Binary(&'static str),
    #[error(
        "cannot decode: not UTF-8 (invalid byte at offset {offset}), no UTF-16 byte-order mark, and not readable as \
         Windows-1256 or ISO-8859-6 Arabic text"
    )]
    Undecodable { offset: usize },
    #[error("cannot decode: the file starts with a {bom} byte-order mark but is not valid {bom}")]
    BadBom { bom: &'static str },
}

/// Decoded text and the name of the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Known binary formats by their first bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive, or a DOCX/EPUB/ODT document"),
        (b"PK\x05\x06", "an empty ZIP archive"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"BM", "a BMP image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"Rar!", "a RAR archive"),
        (b"\x7FELF", "an executable program"),
        (b"MZ", "a Windows executable"),
        (b"\xD0\xCF\x11\xE0", "an old Microsoft Office document"),
        (b"ID3", "an MP3 audio file"),
        (b"OggS", "an Ogg audio/video file"),
        (b"\x00\x00\x00\x18ftyp", "an MP4 video"),
        (b"\x00\x00\x00\x20ftyp", "an MP4 video"),
        (b"SQLite format 3", "an SQLite database"),
    ];
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        // "BM" and "MZ" are also how some text starts: only trust them when NUL bytes follow.
        .filter(|(m, _)| m.len() > 2 || bytes.iter().take(64).any(|&b| b == 0))
        .map(|(_, k)| *k)
}

/// Decodes `bytes` into text with LF line endings.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (text, encoding) = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let bom = if enc == UTF_8 {
            "UTF-8"
        } else if enc == UTF_16LE {
            "UTF-16LE"
        } else {
            "UTF-16BE"
        };
        let text = if enc == UTF_8 {
            std::str::from_utf8(body).ok().map(str::to_string)
        } else if !body.len().is_multiple_of(2) {
            None
        } else {
            enc.decode_without_bom_handling_and_without_replacement(body)
                .map(|c| c.into_owned())
        };
        let text = text.ok_or(DecodeError::BadBom { bom })?;
        if enc != UTF_8 && has_controls(&text) {
            return Err(DecodeError::BadBom { bom });
        }
        (text, bom)
    } else {
        if let Some(kind) = binary_kind(bytes) {
            return Err(DecodeError::Binary(kind));
        }
        if bytes.iter().take(1 << 16).any(|&b| b == 0) {
            return Err(DecodeError::Binary("it contains NUL bytes"));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), "UTF-8"),
            Err(e) => {
                let offset = e.valid_up_to();
                decode_legacy(bytes).ok_or(DecodeError::Undecodable { offset })?
            }
        }
    };
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err(DecodeError::WhitespaceOnly);
    }
    Ok(Decoded { text, encoding })
}

/// Windows-1256 or ISO-8859-6, as `chardetng` judges, when the result reads as text.
fn decode_legacy(bytes: &[u8]) -> Option<(String, &'static str)> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let order: [&'static Encoding; 2] = if guess == ISO_8859_6 {
        [ISO_8859_6, WINDOWS_1256]
    } else {
        [WINDOWS_1256, ISO_8859_6]
    };
    for enc in order {
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes)
            && plausible_arabic(&text)
        {
            let name = if enc == ISO_8859_6 {
                "ISO-8859-6"
            } else {
                "Windows-1256"
            };
            return Some((text.into_owned(), name));
        }
    }
    None
}

fn has_controls(text: &str) -> bool {
    let controls = text
        .chars()
        .filter(|&c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}')) || c == '\u{FFFD}')
        .count();
    controls * 200 > text.chars().count().max(1)
}

/// Legacy decoding maps any byte to something; real text has no control characters and its letters are mostly
/// Arabic or ASCII.
fn plausible_arabic(text: &str) -> bool {
    if has_controls(text) {
        return false;
    }
    let mut arabic = 0usize;
    let mut other_letters = 0usize;
    for c in text.chars() {
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        } else if c.is_alphabetic() && !c.is_ascii() {
            other_letters += 1;
        }
    }
    arabic > 0 && other_letters * 4 <= arabic
}

/// CRLF and lone CR become LF.
pub fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARABIC: &str = "قال وزير الدفاع الروسي إن العلاقات بين البلدين تتطور.\r\nسطر ثان\rسطر ثالث";

    #[test]
    fn utf8_with_and_without_bom_and_newlines() {
        let d = decode(ARABIC.as_bytes()).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(!d.text.contains('\r'));
        assert_eq!(d.text.lines().count(), 3);
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(ARABIC.as_bytes());
        assert_eq!(decode(&with_bom).unwrap().text, d.text);
    }

    #[test]
    fn utf16_both_orders() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in ARABIC.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        let expected = normalize_newlines(ARABIC.to_string());
        assert_eq!(decode(&le).unwrap().text, expected);
        assert_eq!(decode(&be).unwrap().text, expected);
    }

    #[test]
    fn legacy_arabic_encodings() {
        let (bytes, _, bad) = WINDOWS_1256.encode(ARABIC);
        assert!(!bad);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "Windows-1256");
        assert_eq!(d.text, normalize_newlines(ARABIC.to_string()));
        let (bytes, _, bad) = ISO_8859_6.encode(ARABIC);
        assert!(!bad);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, normalize_newlines(ARABIC.to_string()));
    }

    #[test]
    fn bad_inputs() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(DecodeError::WhitespaceOnly));
        assert!(matches!(decode(b"%PDF-1.7\n..."), Err(DecodeError::Binary(_))));
        assert!(matches!(decode(b"abc\x00def"), Err(DecodeError::Binary(_))));
        assert!(matches!(
            decode(&[0x81, 0x01, 0x02, 0x9F, 0x03]),
            Err(DecodeError::Undecodable { .. })
        ));
    }
}
