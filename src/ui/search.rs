//! Search across articles after Arabic spelling normalisation, with hits mapped back to the original bytes.

use std::ops::Range;

/// A text folded for search (hamza-carrying alefs → ا, ى → ي, ة → ه, marks and tatweel dropped, Latin lower-cased),
/// with each folded byte mapped back to the original character it came from.
#[derive(Debug, Clone, Default)]
pub struct FoldedText {
    pub folded: String,
    /// Per folded byte: the original character's byte range.
    origin: Vec<(usize, usize)>,
}

/// The folded form of one character, or None when the character is dropped.
fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' | '\u{200C}'..='\u{200F}' => None,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Some('ا'),
        'ى' | 'ئ' | 'ی' => Some('ي'),
        'ة' => Some('ه'),
        'ؤ' => Some('و'),
        'ک' => Some('ك'),
        '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10),
        _ => Some(c.to_lowercase().next().unwrap_or(c)),
    }
}

pub fn fold(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

impl FoldedText {
    pub fn new(text: &str) -> Self {
        let mut folded = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (start, c) in text.char_indices() {
            if let Some(f) = fold_char(c) {
                let end = start + c.len_utf8();
                folded.push(f);
                origin.extend(std::iter::repeat_n((start, end), f.len_utf8()));
            }
        }
        Self { folded, origin }
    }

    /// Byte ranges in the ORIGINAL text of every (non-overlapping) match of the folded `query`.
    pub fn find_all(&self, query: &str) -> Vec<Range<usize>> {
        let needle = fold(query.trim());
        if needle.is_empty() {
            return Vec::new();
        }
        self.folded
            .match_indices(&needle)
            .filter_map(|(at, m)| {
                let first = self.origin.get(at)?;
                let last = self.origin.get(at + m.len() - 1)?;
                Some(first.0..last.1)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hamza_and_suffix_variants_match() {
        let text = "زار وزير خارجية إيران الصين، وقالت الخارجية الإيرانية إن ايران ترحب.";
        let hits = FoldedText::new(text).find_all("ايران");
        let found: Vec<&str> = hits.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, vec!["إيران", "إيران", "ايران"]);
    }

    #[test]
    fn diacritics_and_tatweel_are_ignored_and_ranges_cover_them() {
        let text = "قالَ مُحَمّد ومحـمد";
        let hits = FoldedText::new(text).find_all("محمد");
        assert_eq!(hits.len(), 2);
        assert_eq!(&text[hits[0].clone()], "مُحَمّد");
        assert_eq!(&text[hits[1].clone()], "محـمد");
    }

    #[test]
    fn latin_is_case_insensitive_and_empty_query_finds_nothing() {
        let text = "Reuters and REUTERS";
        assert_eq!(FoldedText::new(text).find_all("reuters").len(), 2);
        assert!(FoldedText::new(text).find_all("  ").is_empty());
    }
}
