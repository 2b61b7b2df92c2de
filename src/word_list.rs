//! Word lists bundled as data files under `assets/words/`: one entry a line, already in the folded form the code
//! matches against; lines starting with `#` (the list's origin and notes) and blank lines are skipped.
//!
//! A list is parsed once, on first use, and then reads as a slice of its entries in file order.

use rustc_hash::{FxHashMap, FxHashSet};
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
    /// The entries by their first word, for [`WordList::occurs_in`].
    by_first_word: FxHashMap<&'static str, Vec<&'static str>>,
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

    /// Whether some entry occurs in `folded` (words separated by spaces) as whole words: at the start or after a
    /// space, and followed by the end or a space. One hash look-up per word of `folded`, not a text search per entry.
    pub fn occurs_in(&self, folded: &str) -> bool {
        let by_first_word = &self.parsed().by_first_word;
        let starts = std::iter::once(0).chain(folded.match_indices(' ').map(|(at, _)| at + 1));
        starts.into_iter().any(|at| {
            let rest = &folded[at..];
            let word = rest.split(' ').next().unwrap_or("");
            by_first_word.get(word).is_some_and(|entries| {
                entries.iter().any(|entry| {
                    rest.strip_prefix(entry)
                        .is_some_and(|after| after.is_empty() || after.starts_with(' '))
                })
            })
        })
    }

    fn parsed(&self) -> &Entries {
        self.entries.get_or_init(|| {
            let in_order = parse(self.text);
            let set = in_order.iter().copied().collect();
            let mut by_first_word: FxHashMap<&'static str, Vec<&'static str>> = FxHashMap::default();
            for &entry in &in_order {
                let first = entry.split(' ').next().unwrap_or(entry);
                by_first_word.entry(first).or_default().push(entry);
            }
            Entries {
                in_order,
                set,
                by_first_word,
            }
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

    #[test]
    fn an_entry_occurs_only_as_whole_words() {
        static LIST: WordList = WordList::new("تابعونا على\nتويتر\nفيس بوك\n");
        assert!(LIST.occurs_in("تابعونا على تويتر"));
        assert!(LIST.occurs_in("صفحتنا على فيس بوك"));
        assert!(LIST.occurs_in("تويتر"));
        assert!(!LIST.occurs_in("تويترات الرئيس"));
        assert!(!LIST.occurs_in("فيس بوكس"));
        assert!(!LIST.occurs_in("الفيس بوك"));
        assert!(!LIST.occurs_in(""));
        // Every entry is found where a text search for it with word boundaries finds it.
        for line in [
            "قال تويتر",
            "تابعونا علىتويتر",
            "x فيس بوك y",
            "فيس  بوك",
            "على تويتر فيس",
        ] {
            let searched = LIST.iter().any(|e| {
                line.match_indices(e).any(|(at, _)| {
                    (at == 0 || line[..at].ends_with(' '))
                        && (line[at + e.len()..].is_empty() || line[at + e.len()..].starts_with(' '))
                })
            });
            assert_eq!(LIST.occurs_in(line), searched, "{line}");
        }
    }
}
