//! Clitics: the conjunctions و ف, the prepositions ب ك ل, the article ال (and لل = ل + ال), and attached pronouns.
//!
//! Work on [`normalize`](super::normalize)d words. Arabic spelling does not say whether a leading و is a conjunction
//! (وروسيا = و + روسيا) or part of the word (وزير, والي, واشنطن), nor whether a leading ب is a preposition (بموسكو) or
//! a letter of a name (بوتين, باقري). So there are two entry points:
//! - [`strip_clitics`] gives ONE conservative analysis that never mangles a short word or a name of the kinds above:
//!   it strips the article forms (ال، وال، بال، كال، فال، لل، ولل، وبال …), a lone و only before a long remainder, and
//!   pronoun suffixes only on words without the article;
//! - [`analyses`] gives every plausible split, for callers that check candidates against a lexicon (the gazetteer,
//!   linking), which should try the unsplit word first.

/// One way to read a word: `prefixes` + `base` + `suffix` (all normalised; `ل` + `ال` for a written `لل`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Analysis {
    pub prefixes: Vec<&'static str>,
    pub base: String,
    pub suffix: Option<&'static str>,
    /// How many normalised bytes of the word the prefixes take (`لل` is 4 bytes for the two prefixes ل + ال).
    pub prefix_len: usize,
}

impl Analysis {
    fn identity(norm: &str) -> Analysis {
        Analysis {
            prefixes: Vec::new(),
            base: norm.to_string(),
            suffix: None,
            prefix_len: 0,
        }
    }

    /// True when nothing was split off.
    pub fn is_identity(&self) -> bool {
        self.prefixes.is_empty() && self.suffix.is_none()
    }

    /// True when the article ال is among the prefixes.
    pub fn has_article(&self) -> bool {
        self.prefixes.contains(&"ال")
    }

    /// The base with the article kept: `ال` + base when the word had it (for display-like keys), else the base.
    pub fn base_with_article(&self) -> String {
        if self.has_article() {
            format!("ال{}", self.base)
        } else {
            self.base.clone()
        }
    }
}

/// Words that start or end like clitics but are whole words (normalised forms).
const PROTECTED: &[&str] = &[
    "الله",
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللذان",
    "اللتين",
    "اللتان",
    "اللواتي",
    "اللاتي",
    "اللايي",
    "الا",
    "الي",
    "الان",
    "الكسندر",
    "الكساندر",
    "الكسي",
    "البرت",
    "الفريد",
    "الن",
    "الين",
    "اليكس",
    "الما",
    "الجزاير",
    "واشنطن",
    "ويلينغتون",
    "ولينغتون",
    "ويلسون",
    "وليامز",
    "ويليامز",
    "وليام",
    "ويليام",
    "وارسو",
    "وانغ",
    "وادي",
    "فاليري",
    "فالنتين",
    "فالنتينا",
    "فالنسيا",
    "كاليفورنيا",
    "كالينينغراد",
    "كالكوتا",
    "بالي",
    "بالتيمور",
    "فالح",
    "كالا",
    "لاتفيا",
    "لالا",
    "لاوس",
    "بالم",
];

const CONJUNCTIONS: [&str; 2] = ["و", "ف"];
const PREPOSITIONS: [&str; 3] = ["ب", "ك", "ل"];
const SUFFIXES: [&str; 13] = [
    "هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ني", "ه", "ك", "ي", "ا",
];

fn char_len(s: &str) -> usize {
    s.chars().count()
}

fn is_protected(norm: &str) -> bool {
    PROTECTED.contains(&norm)
}

/// The conservative analysis of a normalised word (see the module documentation).
pub fn strip_clitics(norm: &str) -> Analysis {
    if is_protected(norm) || char_len(norm) < 4 {
        return Analysis::identity(norm);
    }
    // Article forms, with optional conjunction and preposition.
    let (conj, rest) = match CONJUNCTIONS.iter().find(|c| norm.starts_with(**c)) {
        Some(c) => (Some(*c), &norm[c.len()..]),
        None => (None, norm),
    };
    for with_conj in [true, false] {
        let (conj, rest) = if with_conj {
            match conj {
                Some(c) => (Some(c), rest),
                None => continue,
            }
        } else {
            (None, norm)
        };
        let (prep, rest2) = match PREPOSITIONS.iter().find(|p| rest.starts_with(**p)) {
            Some(p) => (Some(*p), &rest[p.len()..]),
            None => (None, rest),
        };
        // لل = ل + ال.
        if prep == Some("ل") && rest2.starts_with('ل') {
            let base = &rest2['ل'.len_utf8()..];
            if char_len(base) >= 2 && !is_protected(rest) {
                let mut prefixes: Vec<&'static str> = conj.into_iter().collect();
                prefixes.extend(["ل", "ال"]);
                return Analysis {
                    prefixes,
                    base: base.to_string(),
                    suffix: None,
                    prefix_len: norm.len() - base.len(),
                };
            }
        }
        for (prep, after) in [(prep, rest2), (None, rest)] {
            if let Some(base) = after.strip_prefix("ال") {
                let min = if conj.is_some() || prep.is_some() { 3 } else { 2 };
                if char_len(base) >= min && !is_protected(after) {
                    let mut prefixes: Vec<&'static str> = conj.into_iter().collect();
                    prefixes.extend(prep);
                    prefixes.push("ال");
                    return Analysis {
                        prefixes,
                        base: base.to_string(),
                        suffix: None,
                        prefix_len: norm.len() - base.len(),
                    };
                }
            }
            if prep.is_none() {
                break;
            }
        }
    }
    // A lone و before a long remainder (وروسيا, ونظيره, وافادت); never before a short one (وزير, وثيقه, وكاله).
    let mut prefixes = Vec::new();
    let mut base = norm;
    if let Some(rest) = norm.strip_prefix('و')
        && char_len(rest) >= 5
        && !is_protected(rest)
    {
        prefixes.push("و");
        base = rest;
    }
    let prefix_len = norm.len() - base.len();
    // Pronoun suffixes on words without the article, only where a base of three letters or more remains.
    for suf in ["هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا"] {
        if let Some(stem) = base.strip_suffix(suf) {
            let min = if suf == "نا" { 4 } else { 3 };
            if char_len(stem) >= min && !is_protected(base) {
                return Analysis {
                    prefixes,
                    base: stem.to_string(),
                    suffix: Some(suf),
                    prefix_len,
                };
            }
        }
    }
    Analysis {
        prefixes,
        base: base.to_string(),
        suffix: None,
        prefix_len,
    }
}

/// Every plausible analysis of a normalised word: the unsplit word first, then [`strip_clitics`]'s, then the others
/// by decreasing base length. Each keeps a base of at least two letters.
pub fn analyses(norm: &str) -> Vec<Analysis> {
    let mut out = vec![Analysis::identity(norm)];
    let best = strip_clitics(norm);
    if !best.is_identity() {
        out.push(best);
    }
    let mut rest_out: Vec<Analysis> = Vec::new();
    let conj_opts: Vec<Option<&'static str>> = std::iter::once(None)
        .chain(CONJUNCTIONS.iter().filter(|c| norm.starts_with(**c)).map(|c| Some(*c)))
        .collect();
    for conj in conj_opts {
        let after_conj = &norm[conj.map_or(0, str::len)..];
        let mut prep_opts: Vec<(Vec<&'static str>, &str)> = vec![(Vec::new(), after_conj)];
        for p in PREPOSITIONS {
            if let Some(r) = after_conj.strip_prefix(p) {
                prep_opts.push((vec![p], r));
            }
        }
        if let Some(r) = after_conj.strip_prefix("لل") {
            prep_opts.push((vec!["ل", "ال"], r));
        }
        for (preps, after_prep) in prep_opts {
            let mut art_opts: Vec<(Vec<&'static str>, &str)> = vec![(preps.clone(), after_prep)];
            if !preps.contains(&"ال")
                && let Some(r) = after_prep.strip_prefix("ال")
            {
                let mut p = preps.clone();
                p.push("ال");
                art_opts.push((p, r));
            }
            for (pfx, base) in art_opts {
                let mut prefixes: Vec<&'static str> = conj.into_iter().collect();
                prefixes.extend(pfx);
                let prefix_len = norm.len() - base.len();
                let mut push = |base: &str, suffix: Option<&'static str>| {
                    if char_len(base) >= 2 {
                        let a = Analysis {
                            prefixes: prefixes.clone(),
                            base: base.to_string(),
                            suffix,
                            prefix_len,
                        };
                        if !out.contains(&a) && !rest_out.contains(&a) {
                            rest_out.push(a);
                        }
                    }
                };
                push(base, None);
                if !prefixes.contains(&"ال") {
                    for suf in SUFFIXES {
                        if let Some(stem) = base.strip_suffix(suf) {
                            push(stem, Some(suf));
                        }
                    }
                }
            }
        }
    }
    rest_out.sort_by_key(|a| std::cmp::Reverse(char_len(&a.base)));
    out.extend(rest_out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arabic::normalize;

    fn best(word: &str) -> (Vec<&'static str>, String, Option<&'static str>) {
        let a = strip_clitics(&normalize(word));
        (a.prefixes, a.base, a.suffix)
    }

    #[test]
    fn splits_article_forms() {
        assert_eq!(best("وبالروسية"), (vec!["و", "ب", "ال"], "روسيه".into(), None));
        assert_eq!(best("الروسي"), (vec!["ال"], "روسي".into(), None));
        assert_eq!(best("للتعاون"), (vec!["ل", "ال"], "تعاون".into(), None));
        assert_eq!(best("والعراق"), (vec!["و", "ال"], "عراق".into(), None));
        assert_eq!(best("فالقضية"), (vec!["ف", "ال"], "قضيه".into(), None));
    }

    #[test]
    fn never_mangles_short_words_and_names() {
        for w in [
            "وزير",
            "والي",
            "بوتين",
            "فلاديمير",
            "باقري",
            "وثيقة",
            "وكالة",
            "وزارة",
            "فرنسا",
            "فومين",
            "واشنطن",
            "فالري",
            "فاليري",
            "التي",
            "الله",
            "بالي",
            "لبنان",
            "كندا",
        ] {
            let a = strip_clitics(&normalize(w));
            assert!(a.is_identity(), "{w} → {a:?}");
        }
    }

    #[test]
    fn lone_waw_before_long_words() {
        assert_eq!(best("وروسيا"), (vec!["و"], "روسيا".into(), None));
        assert_eq!(best("ونظيره"), (vec!["و"], "نظيره".into(), None));
    }

    #[test]
    fn pronoun_suffixes() {
        assert_eq!(best("رئيسها"), (vec![], "رييس".into(), Some("ها")));
        assert_eq!(best("بلادنا"), (vec![], "بلاد".into(), Some("نا")));
    }

    #[test]
    fn candidates_include_preposition_splits() {
        let all = analyses(&normalize("بموسكو"));
        assert!(all[0].is_identity());
        assert!(all.iter().any(|a| a.base == "موسكو" && a.prefixes == ["ب"]));
        let all = analyses(&normalize("لروسيا"));
        assert!(all.iter().any(|a| a.base == "روسيا"));
        for a in analyses(&normalize("وبالروسية")) {
            assert!(a.base.chars().count() >= 2);
        }
    }
}
