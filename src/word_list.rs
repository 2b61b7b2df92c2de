//! Word lists bundled as data files under `assets/words/`: one entry a line, already in the folded form the code
//! matches against; lines starting with `#` (the list's origin and notes) and blank lines are skipped.
//!
//! A list is parsed once, on first use, and then reads as a slice of its entries in file order.

use std::ops::Deref;
use std::sync::OnceLock;

/// A bundled word list (see the module doc for the file format).
pub struct WordList {
    text: &'static str,
    entries: OnceLock<Vec<&'static str>>,
}

impl WordList {
    /// A list over the text of its data file (`include_str!`); nothing is parsed until first use.
    pub const fn new(text: &'static str) -> WordList {
        WordList {
            text,
            entries: OnceLock::new(),
        }
    }

    /// The entries, in file order.
    pub fn entries(&self) -> &[&'static str] {
        self.entries.get_or_init(|| parse(self.text))
    }
}

impl Deref for WordList {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.entries()
    }
}

/// The entries of a word-list file: trimmed lines, without comments and blank lines.
pub fn parse(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        assert_eq!(parse("# origin\n\nقال\n  فرانس برس \n#x\n"), ["قال", "فرانس برس"]);
        static LIST: WordList = WordList::new("# origin\nا\nب\n");
        assert_eq!(LIST.len(), 2);
        assert!(LIST.contains(&"ب"));
    }
}
