//! Search across articles with the Arabic chain's one fold ([`crate::arabic::Folded`]): spelling variants, marks,
//! tatweel and digits of every script meet (a search for ۲۰۲۰ finds 2020); hits are byte ranges in the ORIGINAL text.

use crate::arabic::{self, Folded};
use std::ops::Range;

/// An article text folded once for searching.
#[derive(Debug, Clone, Default)]
pub struct FoldedText(Folded);

/// The folded form of a query or label, to compare with other folded strings.
pub fn fold(text: &str) -> String {
    arabic::normalize(text)
}

impl FoldedText {
    pub fn new(text: &str) -> Self {
        Self(Folded::new(text))
    }

    /// Byte ranges in the ORIGINAL text of every (non-overlapping) match of the folded `query`.
    pub fn find_all(&self, query: &str) -> Vec<Range<usize>> {
        let needle = fold(query.trim());
        self.0.find_all(&needle).collect()
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
    fn digits_of_every_script_meet() {
        let text = "في عام 2020 وفي ۲۰۲۰ و٢٠٢٠";
        let ranges = FoldedText::new(text).find_all("۲۰۲۰");
        let found: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(found, vec!["2020", "۲۰۲۰", "٢٠٢٠"]);
    }

    #[test]
    fn latin_is_case_insensitive_and_empty_query_finds_nothing() {
        let text = "Reuters and REUTERS";
        assert_eq!(FoldedText::new(text).find_all("reuters").len(), 2);
        assert!(FoldedText::new(text).find_all("  ").is_empty());
    }
}
