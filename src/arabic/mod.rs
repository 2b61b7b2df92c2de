//! Arabic text toolkit: normalisation, tokens, clitics, stems, transliteration keys.
//! Pure functions; every token keeps the byte range of the original characters it came from.
//!
//! Stages, in the spirit of tantivy's analyzer chain: [`tokenize`] splits the ORIGINAL text into [`Token`]s (offsets
//! never change afterwards) and gives each its [`normalize`]d form; [`strip_clitics`] / [`analyses`] split a
//! normalised word into clitics and base; [`stem`] conflates inflections of content words (never of names);
//! [`translit_key`] and [`names_match`] compare foreign names across spelling variants.

pub mod clitics;
pub mod dates;
pub mod normalize;
pub mod stem;
pub mod token;
pub mod translit;

pub use clitics::{Analysis, analyses, strip_clitics};
pub use normalize::{digit_value, is_arabic_letter, is_arabic_mark, is_format_control, normalize, push_normalized};
pub use stem::stem;
pub use token::{Token, TokenKind, tokenize};
pub use translit::{name_similarity, names_match, translit_key, weighted_distance, words_match};
