//! Bytes → text: byte-order marks, UTF-8, UTF-16 with or without a byte-order mark, the legacy Arabic encodings
//! (Windows-1256, ISO-8859-6), binary detection, and line endings normalised to LF.
//!
//! Damaged UTF-8 (a cut file, a flipped byte, a pasted Windows-1256 paragraph) stays UTF-8: the bad bytes become
//! U+FFFD and [`Decoded::warnings`] says how many and where. A file is re-read in a legacy encoding only when most
//! of its non-ASCII bytes are not UTF-8, i.e. when it was written in that encoding as a whole.

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
    /// What was lost or guessed while decoding (replaced bytes and where they were), for the user to see.
    pub warnings: Vec<String>,
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
    let mut warnings = Vec::new();
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
        let text = match text {
            Some(t) => t,
            // A UTF-8 byte-order mark on damaged UTF-8: the same repair as without one.
            None if enc == UTF_8 => {
                let (text, damage) = utf8_lossy(body);
                warnings.push(damage.describe(bom_len));
                text
            }
            None => return Err(DecodeError::BadBom { bom }),
        };
        if enc != UTF_8 && has_controls(&text) {
            return Err(DecodeError::BadBom { bom });
        }
        (text, bom)
    } else {
        if let Some(kind) = binary_kind(bytes) {
            return Err(DecodeError::Binary(kind));
        }
        if let Some(found) = utf16_without_bom(bytes) {
            found
        } else {
            if bytes.iter().take(1 << 16).any(|&b| b == 0) {
                return Err(DecodeError::Binary("it contains NUL bytes"));
            }
            match std::str::from_utf8(bytes) {
                Ok(s) => (s.to_string(), "UTF-8"),
                Err(e) => decode_damaged(bytes, e.valid_up_to(), &mut warnings)?,
            }
        }
    };
    let text = normalize_newlines(text);
    if text.trim().is_empty() {
        return Err(DecodeError::WhitespaceOnly);
    }
    Ok(Decoded {
        text,
        encoding,
        warnings,
    })
}

/// Bytes that are not all UTF-8: damaged UTF-8 when most non-ASCII bytes are valid UTF-8, else a whole file in a
/// legacy Arabic encoding, else (nearly all ASCII, a stray byte or two) UTF-8 with replacements.
fn decode_damaged(
    bytes: &[u8],
    first_bad: usize,
    warnings: &mut Vec<String>,
) -> Result<(String, &'static str), DecodeError> {
    let (text, damage) = utf8_lossy(bytes);
    if damage.valid_non_ascii_bytes > damage.invalid_bytes {
        warnings.push(damage.describe(0));
        return Ok((text, "UTF-8"));
    }
    if let Some(legacy) = decode_legacy(bytes) {
        return Ok(legacy);
    }
    // A mostly-ASCII file with a few stray bytes (say a Latin-1 letter): keep the text, say what was replaced.
    let controls = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{0C}'));
    if damage.invalid_bytes * 100 <= bytes.len() && !controls {
        warnings.push(damage.describe(0));
        return Ok((text, "UTF-8"));
    }
    Err(DecodeError::Undecodable { offset: first_bad })
}

/// What [`utf8_lossy`] replaced: how many bytes, in which runs (byte offset and 1-based line).
#[derive(Debug, Default)]
struct Utf8Damage {
    invalid_bytes: usize,
    valid_non_ascii_bytes: usize,
    /// (byte offset, line) of each run of invalid bytes, the first [`Utf8Damage::SHOWN`] of them.
    places: Vec<(usize, usize)>,
    runs: usize,
    /// The last run ends the file: the file was cut inside a character.
    cut_at_end: bool,
}

impl Utf8Damage {
    const SHOWN: usize = 5;

    /// A message for the user; `offset` is added to byte offsets (a byte-order mark before the decoded part).
    fn describe(&self, offset: usize) -> String {
        let bytes = if self.invalid_bytes == 1 {
            "1 byte".to_string()
        } else {
            format!("{} bytes", self.invalid_bytes)
        };
        let places: Vec<String> = self
            .places
            .iter()
            .map(|&(at, line)| format!("line {line} (byte {})", at + offset))
            .collect();
        let more = if self.runs > self.places.len() {
            format!(" and {} more places", self.runs - self.places.len())
        } else {
            String::new()
        };
        let cut = if self.cut_at_end {
            "; the file ends inside a character (cut short?)"
        } else {
            ""
        };
        format!(
            "not valid UTF-8: {bytes} could not be read and were replaced by U+FFFD (�), at {}{more}{cut}; the rest \
             was read as UTF-8",
            places.join(", ")
        )
    }
}

/// UTF-8 with each maximal invalid sequence replaced by U+FFFD (as `String::from_utf8_lossy`), and where they were.
/// One pass; line numbers are counted as the chunks go by.
fn utf8_lossy(bytes: &[u8]) -> (String, Utf8Damage) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut damage = Utf8Damage::default();
    let mut pos = 0usize;
    let mut line = 1usize;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        text.push_str(valid);
        line += valid.bytes().filter(|&b| b == b'\n').count();
        damage.valid_non_ascii_bytes += valid.bytes().filter(|b| !b.is_ascii()).count();
        pos += valid.len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            text.push('\u{FFFD}');
            damage.invalid_bytes += invalid.len();
            // Invalid sequences back to back (a bad lead byte, then its stray continuation bytes) are one place.
            if !valid.is_empty() || damage.runs == 0 {
                damage.runs += 1;
                if damage.places.len() < Utf8Damage::SHOWN {
                    damage.places.push((pos, line));
                }
            }
            pos += invalid.len();
            damage.cut_at_end = pos == bytes.len();
        }
    }
    (text, damage)
}

/// The high bytes of UTF-16 code units in the text we read: ASCII/Latin-1 (0x00), Arabic and its supplements
/// (0x06–0x08), general punctuation (0x20) and Arabic presentation forms (0xFB–0xFE).
fn is_common_utf16_high_byte(b: u8) -> bool {
    matches!(b, 0x00 | 0x06..=0x08 | 0x20 | 0xFB..=0xFE)
}

/// UTF-16 without a byte-order mark: one byte of each pair (the high byte) is nearly always one of the few values
/// Arabic and Latin text gives, and the whole decodes to readable text. Checked before UTF-8 because Arabic
/// UTF-16LE with no space in it is also valid ASCII (letters U+0621…U+064A are bytes 0x21…0x4A, then 0x06).
fn utf16_without_bom(bytes: &[u8]) -> Option<(String, &'static str)> {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(1 << 16)];
    let pairs = sample.len() / 2;
    let high_share = |high: usize| {
        sample
            .chunks_exact(2)
            .filter(|p| is_common_utf16_high_byte(p[high]))
            .count()
            * 10
            >= pairs * 9
    };
    // Text that is UTF-8 already has few bytes in 0x00–0x08: only look further when one byte of a pair is.
    let (enc, name) = if high_share(1) {
        (UTF_16LE, "UTF-16LE")
    } else if high_share(0) {
        (encoding_rs::UTF_16BE, "UTF-16BE")
    } else {
        return None;
    };
    let text = enc.decode_without_bom_handling_and_without_replacement(bytes)?;
    (!has_controls(&text) && readable_letters(&text)).then(|| (text.into_owned(), name))
}

/// Letters are mostly Arabic or Latin: a wrong byte order gives CJK and other scripts.
fn readable_letters(text: &str) -> bool {
    let (mut known, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|&c| crate::arabic::is_letter(c)) {
        if c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c) || is_arabic(c) {
            known += 1;
        } else {
            other += 1;
        }
    }
    known > 0 && other * 10 <= known
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
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
        } else if crate::arabic::is_letter(c) && !c.is_ascii() {
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
