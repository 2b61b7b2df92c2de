//! The one Arabic text chain: normalisation, tokens, clitics, stems, dates, transliteration keys. Every other module
//! that folds or tokenises Arabic text uses these stages rather than its own. Pure functions; every token keeps the
//! byte range of the original characters it came from.
//!
//! Stages, in the spirit of tantivy's analyzer chain:
//! - the fold: [`push_normalized`] / [`normalize`] (one character → its matching form), and [`Folded`], the folded
//!   text with a map back to original byte ranges (search, phrases);
//! - [`tokenize`] / [`tokenize_range`] split the ORIGINAL text into [`Token`]s (offsets never change afterwards) and
//!   give each its folded form;
//! - filters over tokens: [`without_punctuation`], [`split_numbers`] (digit groups for dates and clocks);
//! - [`strip_clitics`] / [`analyses`] split a folded word into clitics and base ([`Token::original_range`] gives the
//!   base's original characters; [`CliticSplit`] keeps a token with its proclitics measured on the original text); [`stem`] conflates inflections of content words (never of names);
//! - readers built on tokens: [`dates`], [`numbers`] (figures in words); [`translit_key`] and [`names_match`] compare foreign names across spelling
//!   variants.

pub mod clitics;
pub mod dates;
pub mod folded;
pub mod normalize;
pub mod numbers;
pub mod stem;
pub mod token;
pub mod translit;

pub use clitics::{Analysis, analyses, strip_clitics};
pub use folded::Folded;
pub use normalize::{
    digit_value, is_arabic_letter, is_arabic_mark, is_format_control, is_letter, normalize, push_normalized,
};
pub use stem::stem;
pub use token::{
    CliticSplit, Token, TokenKind, TokenView, for_each_token, split_numbers, tokenize, tokenize_range,
    without_punctuation,
};
pub use translit::{NameKey, match_keys, name_similarity, names_match, translit_key, weighted_distance, words_match};
