//! Arabic text toolkit: normalisation, tokens, clitics, stems, transliteration keys.
//! Pure functions; every token keeps the byte range of the original characters it came from.
pub mod dates;
