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

    /// The original text of every hit of `query` in `text`.
    fn found<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        FoldedText::new(text)
            .find_all(query)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn hamza_and_suffix_variants_match() {
        let text = "زار وزير خارجية إيران الصين، وقالت الخارجية الإيرانية إن ايران ترحب.";
        // The second إيران is inside الإيرانية.
        assert_eq!(found(text, "ايران"), ["إيران", "إيران", "ايران"]);
    }

    #[test]
    fn diacritics_and_tatweel_are_ignored_and_ranges_cover_them() {
        assert_eq!(found("قالَ مُحَمّد ومحـمد", "محمد"), ["مُحَمّد", "محـمد"]);
    }

    #[test]
    fn digits_of_every_script_meet() {
        assert_eq!(found("في عام 2020 وفي ۲۰۲۰ و٢٠٢٠", "۲۰۲۰"), ["2020", "۲۰۲۰", "٢٠٢٠"]);
    }

    #[test]
    fn latin_is_case_insensitive_and_empty_query_finds_nothing() {
        let text = "Reuters and REUTERS";
        assert_eq!(found(text, "reuters"), ["Reuters", "REUTERS"]);
        assert!(found(text, "  ").is_empty());
    }
}
