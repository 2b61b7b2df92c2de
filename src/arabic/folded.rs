//! The one fold with offsets: a text normalised for matching ([`push_normalized`], the fold every stage uses) plus,
//! for each folded byte, the byte range of the ORIGINAL character it came from — so a match found in the folded text
//! (a search hit, a phrase) is reported on the user's characters, marks and tatweel included.

use super::normalize::push_normalized;
use std::ops::Range;

/// `text` folded for matching, with each folded byte mapped back to its original character.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    folded: String,
    /// Per folded byte: the original character's byte range (u32: an article is far below 4 GiB and the map is the
    /// size of the text many times over).
    origin: Vec<(u32, u32)>,
}

impl Folded {
    pub fn new(original: &str) -> Self {
        let mut folded = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (start, c) in original.char_indices() {
            let before = folded.len();
            push_normalized(c, &mut folded);
            let range = (start as u32, (start + c.len_utf8()) as u32);
            origin.extend(std::iter::repeat_n(range, folded.len() - before));
        }
        Self { folded, origin }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.folded
    }

    /// The byte range in the ORIGINAL text of the characters that gave `self.as_str()[folded]` (None when the range
    /// is empty or out of bounds). Marks dropped by the fold between two kept characters are inside the range.
    pub fn original_range(&self, folded: Range<usize>) -> Option<Range<usize>> {
        if folded.is_empty() {
            return None;
        }
        let first = self.origin.get(folded.start)?;
        let last = self.origin.get(folded.end - 1)?;
        Some(first.0 as usize..last.1 as usize)
    }

    /// Byte ranges in the ORIGINAL text of every non-overlapping occurrence of `needle`, which must already be folded
    /// (see [`normalize`](super::normalize)); an empty needle finds nothing.
    pub fn find_all<'a>(&'a self, needle: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        let needle = if needle.is_empty() { None } else { Some(needle) };
        needle.into_iter().flat_map(move |needle| {
            self.folded
                .match_indices(needle)
                .filter_map(move |(at, m)| self.original_range(at..at + m.len()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::normalize;

    /// (original text, folded needle, original slices found)
    const CASES: &[(&str, &str, &[&str])] = &[
        ("زار إيران والإيرانية", "ايران", &["إيران", "إيران"]),
        ("عام ۲۰۲۰ وعام ٢٠٢٠ و2020", "2020", &["۲۰۲۰", "٢٠٢٠", "2020"]),
        ("قالَ مُحَمّد ومحـمد", "محمد", &["مُحَمّد", "محـمد"]),
        ("مستشفى المدينة", "مستشفي المدينه", &["مستشفى المدينة"]),
        ("Reuters REUTERS", "reuters", &["Reuters", "REUTERS"]),
        ("\u{FEFB}", "لا", &["\u{FEFB}"]),
        ("کرمان", "كرمان", &["کرمان"]),
        ("موس\u{200C}كو", "موسكو", &["موس\u{200C}كو"]),
        ("نص", "", &[]),
    ];

    #[test]
    fn finds_folded_needles_on_original_characters() {
        for (text, needle, expected) in CASES {
            let folded = Folded::new(text);
            let found: Vec<&str> = folded.find_all(needle).map(|r| &text[r]).collect();
            assert_eq!(&found, expected, "{needle:?} in {text:?}");
        }
    }

    #[test]
    fn folded_text_is_the_normalised_text() {
        for (text, _, _) in CASES {
            assert_eq!(Folded::new(text).as_str(), normalize(text));
        }
    }

    #[test]
    fn one_original_character_maps_to_all_its_folded_bytes() {
        let text = "a\u{FEFB}b";
        let folded = Folded::new(text);
        assert_eq!(folded.as_str(), "aلاb");
        assert_eq!(folded.original_range(1..3), Some(1..4), "ل alone is the whole ligature");
        assert_eq!(folded.original_range(1..6), Some(1..5));
        assert_eq!(folded.original_range(2..2), None);
        assert_eq!(folded.original_range(6..9), None);
    }
}
