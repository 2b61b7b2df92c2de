//! Measures how the corpus layer reads a folder of outlet-named scraped pages (`NN_<domain>.txt` in one folder per
//! story, like the dev set): how much text that recurs within an outlet stays `body`, how many titles are chrome,
//! which dates and sources were found.
//!
//! "Recurring within an outlet" is defined here independently of the chrome detector: a run of
//! [`RUN_WORDS`] folded words (numbers as written) found in at least two articles of one outlet that sit in
//! different story folders. The outlet is the domain of the file or folder name (else the source).

use super::chrome::{shingles, words_of};
use super::header::{HeaderParams, plausible};
use super::model::{Corpus, SegmentKind};
use super::outlet;
use super::segment::fold_line;
use crate::arabic::dates;
use rustc_hash::FxHashMap;
use std::path::Path;

/// Words in a recurring run: 8.
pub const RUN_WORDS: usize = 8;

/// Two articles of one outlet sharing this share of the smaller one's runs are copies of one page: 0.5.
pub const COPY_SHARE: f64 = 0.8;

/// Holders of one run among which pairs are compared; a run held by more articles of one outlet recurs: 64.
const PAIR_HOLDERS: usize = 64;

/// What [`evaluate`] measured.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusEval {
    pub articles: usize,
    pub outlets: usize,
    pub story_folders: usize,
    /// Pairs of articles of one outlet in different story folders that are copies of one page (not counted as
    /// recurring text).
    pub copy_pairs: usize,
    /// Bytes of words in text recurring within an outlet, and how many of them stay `body`.
    pub recurring_bytes: usize,
    pub recurring_body_bytes: usize,
    /// Articles with a title, and how many titles recur within an outlet (as titles or as recurring text).
    pub titles: usize,
    pub chrome_titles: usize,
    /// Articles whose first lines print a full date, and how many of those got a date.
    pub header_prints_date: usize,
    pub header_date_found: usize,
    /// Articles with a date, the earliest and latest, and how many are implausible.
    pub dates: usize,
    pub date_min: Option<String>,
    pub date_max: Option<String>,
    pub implausible_dates: usize,
    /// Articles with a source, distinct sources, and sources equal to the outlet domain of the file name.
    pub sources: usize,
    pub distinct_sources: usize,
    pub sources_from_domain: usize,
    /// The most frequent sources that are not the file name's domain: (source, articles).
    pub other_sources: Vec<(String, usize)>,
    /// The most widespread recurring text left in `body`: (outlet, text, articles).
    pub body_leftovers: Vec<(String, String, usize)>,
    /// Chrome titles, a few: (outlet, title).
    pub chrome_title_examples: Vec<(String, String)>,
}

impl CorpusEval {
    /// Share of outlet-recurring text that stays `body` (0 when there is none).
    pub fn recurring_body_share(&self) -> f64 {
        ratio(self.recurring_body_bytes, self.recurring_bytes)
    }
    pub fn chrome_title_share(&self) -> f64 {
        ratio(self.chrome_titles, self.titles)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn intern(ids: &mut FxHashMap<String, u32>, key: String) -> u32 {
    let next = ids.len() as u32;
    *ids.entry(key).or_insert(next)
}

/// Measures `corpus` (loaded from a folder of story folders); `header` gives the plausible date range.
pub fn evaluate(corpus: &Corpus, header: &HeaderParams) -> CorpusEval {
    let arts = &corpus.articles;
    let mut e = CorpusEval {
        articles: arts.len(),
        ..CorpusEval::default()
    };
    let mut outlet_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut folder_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut outlet_names: Vec<String> = Vec::new();
    let keys: Vec<(u32, u32)> = arts
        .iter()
        .map(|a| {
            let name = outlet::domain_of_path(&a.path)
                .map(|d| outlet::site_of(&d))
                .or_else(|| a.source.clone())
                .unwrap_or_else(|| a.id.clone());
            let o = intern(&mut outlet_ids, name.clone());
            if o as usize == outlet_names.len() {
                outlet_names.push(name);
            }
            let folder = Path::new(&a.path)
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            (o, intern(&mut folder_ids, folder))
        })
        .collect();
    e.outlets = outlet_ids.len();
    e.story_folders = folder_ids.len();

    // Per (outlet, run): the articles holding it. A run recurs when two of them sit in different story folders and
    // are not copies of one article (one page filed under two claims is about one thing, not chrome).
    let words: Vec<_> = arts.iter().map(|a| words_of(&a.text, false)).collect();
    let runs: Vec<Vec<u64>> = words.iter().map(|w| shingles(w, RUN_WORDS)).collect();
    let distinct: Vec<Vec<u64>> = runs
        .iter()
        .map(|r| {
            let mut own = r.clone();
            own.sort_unstable();
            own.dedup();
            own
        })
        .collect();
    let mut holders: FxHashMap<(u32, u64), Vec<u32>> = FxHashMap::default();
    for (n, own) in distinct.iter().enumerate() {
        for &h in own {
            holders.entry((keys[n].0, h)).or_default().push(n as u32);
        }
    }
    // Runs shared by each pair of articles of one outlet (pairs looked at only among the first holders).
    let mut shared: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for list in holders.values().filter(|l| l.len() >= 2) {
        let list = &list[..list.len().min(PAIR_HOLDERS)];
        for (i, &a) in list.iter().enumerate() {
            for &b in &list[i + 1..] {
                *shared.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let copies = |a: u32, b: u32| -> bool {
        let (a, b) = (a.min(b), a.max(b));
        let smaller = distinct[a as usize].len().max(distinct[b as usize].len());
        shared
            .get(&(a, b))
            .is_some_and(|&s| s as f64 >= COPY_SHARE * smaller as f64)
    };
    let mut seen: FxHashMap<(u32, u64), (u32, bool, u32)> = FxHashMap::default();
    for (&(o, h), list) in &holders {
        let first = keys[list[0] as usize].1;
        let recurs = list.len() > PAIR_HOLDERS
            || list.iter().enumerate().any(|(i, &a)| {
                list[i + 1..]
                    .iter()
                    .any(|&b| keys[a as usize].1 != keys[b as usize].1 && !copies(a, b))
            });
        seen.insert((o, h), (first, recurs, list.len() as u32));
    }
    e.copy_pairs = shared
        .iter()
        .filter(|&(&(a, b), _)| keys[a as usize].1 != keys[b as usize].1 && copies(a, b))
        .count();
    let mut leftovers: FxHashMap<(u32, String), usize> = FxHashMap::default();
    let mut title_seen: FxHashMap<(u32, String), (u32, bool)> = FxHashMap::default();
    let mut title_recurring: Vec<bool> = vec![false; arts.len()];
    for (n, a) in arts.iter().enumerate() {
        let (o, f) = keys[n];
        let w = &words[n];
        let mut covered = vec![false; w.len()];
        for (at, h) in runs[n].iter().enumerate() {
            if seen.get(&(o, *h)).is_some_and(|s| s.1) {
                covered[at..at + RUN_WORDS].iter_mut().for_each(|c| *c = true);
            }
        }
        // Words and segments are both in text order: one pointer walks the segments.
        let mut seg = 0;
        let mut leftover_start: Option<usize> = None;
        let mut title_words = (0usize, 0usize);
        for (k, word) in w.iter().enumerate() {
            while a.segments.get(seg).is_some_and(|s| s.end <= word.start) {
                seg += 1;
            }
            let kind = a.segments.get(seg).map(|s| s.kind);
            if kind == Some(SegmentKind::Title) {
                title_words.0 += 1;
                title_words.1 += usize::from(covered[k]);
            }
            let in_body = covered[k] && kind == Some(SegmentKind::Body);
            if covered[k] {
                e.recurring_bytes += word.end - word.start;
                if in_body {
                    e.recurring_body_bytes += word.end - word.start;
                }
            }
            match (in_body, leftover_start) {
                (true, None) => leftover_start = Some(k),
                (false, Some(s)) => {
                    let text = a.slice(w[s].start, w[k - 1].end);
                    *leftovers.entry((o, fold_line(text))).or_insert(0) += 1;
                    leftover_start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = leftover_start
            && let Some(last) = w.last()
        {
            *leftovers
                .entry((o, fold_line(a.slice(w[s].start, last.end))))
                .or_insert(0) += 1;
        }
        title_recurring[n] = title_words.0 > 0 && title_words.1 * 2 > title_words.0;
        let t = fold_line(&a.title);
        if !t.is_empty() {
            let entry = title_seen.entry((o, t)).or_insert((f, false));
            if entry.0 != f {
                entry.1 = true;
            }
        }
    }
    for (n, a) in arts.iter().enumerate() {
        let t = fold_line(&a.title);
        if t.is_empty() {
            continue;
        }
        e.titles += 1;
        let (o, _) = keys[n];
        if title_recurring[n] || title_seen.get(&(o, t)).is_some_and(|s| s.1) {
            e.chrome_titles += 1;
            if e.chrome_title_examples.len() < 12 {
                e.chrome_title_examples
                    .push((outlet_names[o as usize].clone(), a.title.chars().take(100).collect()));
            }
        }
    }
    let mut left: Vec<(usize, usize, u32, String)> = leftovers
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|((o, t), n)| (n * t.len(), n, o, t))
        .collect();
    left.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.3.cmp(&b.3)));
    e.body_leftovers = left
        .into_iter()
        .take(15)
        .map(|(_, n, o, t)| (outlet_names[o as usize].clone(), t.chars().take(160).collect(), n))
        .collect();

    // Dates.
    for a in arts {
        let head_end = (header.header_bytes.min(a.text.len())..=a.text.len())
            .find(|&i| a.text.is_char_boundary(i))
            .unwrap_or(a.text.len());
        let prints = dates::find_dates(&a.text[..head_end])
            .iter()
            .any(|m| m.value.len() == 10 && plausible(&m.value, header));
        if prints {
            e.header_prints_date += 1;
            e.header_date_found += usize::from(a.date.is_some());
        }
        if let Some(d) = &a.date {
            e.dates += 1;
            if !plausible(d, header) {
                e.implausible_dates += 1;
            }
            if e.date_min.as_ref().is_none_or(|m| d < m) {
                e.date_min = Some(d.clone());
            }
            if e.date_max.as_ref().is_none_or(|m| d > m) {
                e.date_max = Some(d.clone());
            }
        }
    }

    // Sources.
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for a in arts {
        let Some(s) = a.source.as_deref() else { continue };
        e.sources += 1;
        *counts.entry(s).or_insert(0) += 1;
        if outlet::domain_of_path(&a.path).as_deref() == Some(s) {
            e.sources_from_domain += 1;
        }
    }
    e.distinct_sources = counts.len();
    let mut other: Vec<(String, usize)> = counts
        .into_iter()
        .filter(|(s, _)| !s.contains('.'))
        .map(|(s, n)| (s.to_string(), n))
        .collect();
    other.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    other.truncate(15);
    e.other_sources = other;
    e
}
