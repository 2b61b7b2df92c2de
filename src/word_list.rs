//! Word lists bundled as data files under `assets/words/`: one entry a line, already in the folded form the code
//! matches against; lines starting with `#` (the list's origin and notes) and blank lines are skipped.
//!
//! A list is parsed once, on first use, and then reads as a slice of its entries in file order.

use rustc_hash::FxHashSet;
use std::ops::Deref;
use std::sync::OnceLock;

/// A bundled word list (see the module doc for the file format).
pub struct WordList {
    text: &'static str,
    entries: OnceLock<Entries>,
}

/// The parsed entries, in file order and as a set (membership is asked per token on hot paths).
struct Entries {
    in_order: Vec<&'static str>,
    set: FxHashSet<&'static str>,
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
        &self.parsed().in_order
    }

    /// Whether `word` is an entry (a hash look-up, not a scan of the list).
    pub fn contains(&self, word: &str) -> bool {
        self.parsed().set.contains(word)
    }

    fn parsed(&self) -> &Entries {
        self.entries.get_or_init(|| {
            let in_order = parse(self.text);
            let set = in_order.iter().copied().collect();
            Entries { in_order, set }
        })
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
        assert!(LIST.contains("ب"));
        assert!(!LIST.contains("ج"));
    }
}
