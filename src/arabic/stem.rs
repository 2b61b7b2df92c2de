//! A light stemmer for content words (after Larkey, Ballesteros & Connell's "light10"), on normalised words.
//!
//! It strips the conjunction و, the article forms (ال وال بال كال فال لل) and the common suffixes
//! (ها ان ات ون ين يه ه ي), keeping at least two letters. It is for matching *content words* (claims, paraphrases):
//! callers must NEVER stem proper names — `stem("بوتين")` is `بوت` and `stem("روسيا")` is `روس`, which would merge
//! unrelated names; names are compared with [`translit_key`](super::translit_key) and
//! [`names_match`](super::names_match) instead. (The Snowball Arabic stemmer of `rust-stemmers` was not adopted: it
//! is more aggressive, stripping further prefixes and noun/verb suffixes, which is worse for names and adds a
//! dependency; this light stemmer is small, predictable and works on our own normalised forms.)

const PREFIXES: [&str; 6] = ["وال", "بال", "كال", "فال", "لل", "ال"];
const SUFFIXES: [&str; 9] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي", "ا"];

/// Whether `s` has at least `n` characters (counting stops there: stemming asks this of every word).
fn at_least_chars(s: &str, n: usize) -> bool {
    n == 0 || s.chars().nth(n - 1).is_some()
}

/// The light stem of a [`normalize`](super::normalize)d content word.
pub fn stem(norm: &str) -> String {
    stem_slice(norm).to_string()
}

/// [`stem`] without allocating: the stem is always a slice of the word.
pub fn stem_slice(norm: &str) -> &str {
    let mut word = norm;
    if at_least_chars(word, 4)
        && let Some(rest) = word.strip_prefix('و')
    {
        word = rest;
    }
    for p in PREFIXES {
        if let Some(rest) = word.strip_prefix(p)
            && at_least_chars(rest, 2)
        {
            word = rest;
            break;
        }
    }
    loop {
        let mut changed = false;
        for s in SUFFIXES {
            if let Some(rest) = word.strip_suffix(s)
                && at_least_chars(rest, 3)
            {
                word = rest;
                changed = true;
                break;
            }
        }
        if !changed {
            break;
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::normalize;

    #[test]
    fn conflates_inflections() {
        let s = |w: &str| stem(&normalize(w));
        assert_eq!(s("العلاقات"), s("علاقة"));
        assert_eq!(s("والعلاقات"), "علاق");
        assert_eq!(s("الدفاعية"), s("دفاعي"));
        assert_eq!(s("للتعاون"), s("التعاون"));
        assert_eq!(s("المحادثات"), "محادث");
        assert_eq!(s("المتعلقة"), s("متعلق"));
    }

    #[test]
    fn keeps_short_words() {
        assert_eq!(stem("من"), "من");
        assert_eq!(stem("الي"), "الي");
        assert_eq!(stem("ان"), "ان");
    }
}
