//! Site chrome learnt from the corpus: word runs that recur across articles of one outlet about different things
//! (menus, "you chose Arabic" lines, login forms, footers, teaser lists glued into long lines), and runs that recur
//! across several outlets in articles that otherwise share little (video-tag notices, login forms). Both become
//! `boilerplate` at the exact byte offsets of their words, also inside a line.
//!
//! What recurs inside one story is what claims are made of and is kept: two articles are "about the same thing" when
//! their key words overlap — the words that weigh most in each by tf-idf, among words printed by more than one
//! outlet and by fewer than half of the articles; text shared only by such articles is never chrome.
//!
//! Linear in the total text: words are hashed once, runs of [`ChromeParams::run_words`] words are hashed into u64
//! shingles counted in hash maps, and each distinct set of articles sharing runs is judged once (a footer's hundreds
//! of runs share one judgement) over at most [`ChromeParams::sample_articles`] of them.

use super::model::{Article, SegmentKind};
use crate::arabic;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};

/// The numbers of chrome learning, with their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct ChromeParams {
    /// Words in one run (shingle): 8.
    pub run_words: usize,
    /// A run found in articles of at least this many outlets … : 3
    pub cross_min_outlets: usize,
    /// … and at least this many articles … : 6
    pub cross_min_articles: usize,
    /// … that tell at least this many unrelated stories is chrome everywhere: 4. (Wire text quoted by three outlets
    /// whose articles otherwise differ is story text, not chrome: what claims are made of.)
    pub cross_min_stories: usize,
    /// Key words kept per article to tell whether two articles are about the same thing: 24.
    pub key_words: usize,
    /// Two articles are about the same thing when this share of the smaller key-word set is shared: 0.25.
    pub same_story_share: f32,
    /// Articles sharing one run looked at to judge it: 24.
    pub sample_articles: usize,
    /// Unmarked words between two chrome runs on one line (a date, a link id, a counter) that are chrome too: 4.
    pub gap_max_words: usize,
    /// Key words come from an article's own text (not from runs other articles of its outlet print too: a login
    /// form's words would make every page of the outlet look alike); an article with fewer own content words than
    /// this (a copy of another page) takes them from its whole text: 30.
    pub own_min_words: usize,
    /// Words in more than half of the articles are left out of the key words when the corpus has at least this many
    /// articles: 40.
    pub common_min_articles: usize,
}

impl Default for ChromeParams {
    fn default() -> Self {
        Self {
            run_words: 8,
            cross_min_outlets: 3,
            cross_min_articles: 6,
            cross_min_stories: 4,
            key_words: 24,
            same_story_share: 0.25,
            sample_articles: 24,
            gap_max_words: 4,
            own_min_words: 30,
            common_min_articles: 40,
        }
    }
}

/// One word of an article: its original byte range, its hash in the one fold, and whether a line break precedes it
/// since the previous word.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub hash: u64,
    pub new_line: bool,
}

fn hash_of<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut h = FxHasher::default();
    value.hash(&mut h);
    h.finish()
}

/// The words and numbers of `text` in the one fold. With `numbers_alike`, every number hashes the same (dates,
/// counters and link ids vary where the chrome around them does not).
pub fn words_of(text: &str, numbers_alike: bool) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut last_end = 0;
    arabic::for_each_token(text, |t| {
        if t.kind == arabic::TokenKind::Punct {
            return;
        }
        let new_line = text.get(last_end..t.start).is_some_and(|gap| gap.contains('\n'));
        last_end = t.end;
        let hash = if numbers_alike && t.kind == arabic::TokenKind::Number {
            hash_of("#")
        } else {
            hash_of(t.norm)
        };
        out.push(Word {
            start: t.start,
            end: t.end,
            hash,
            new_line,
        });
    });
    out
}

/// The hash of each run of `n` words starting at each word (none when there are fewer than `n` words).
pub fn shingles(words: &[Word], n: usize) -> Vec<u64> {
    if n == 0 || words.len() < n {
        return Vec::new();
    }
    words
        .windows(n)
        .map(|w| {
            let mut h = FxHasher::default();
            for word in w {
                word.hash.hash(&mut h);
            }
            h.finish()
        })
        .collect()
}

/// Runs are counted and judged in this many shards, in parallel.
const RUN_SHARDS: usize = 16;

/// The shard of a run hash: its top four bits (FxHash mixes the high bits best).
fn run_shard(run: u64) -> usize {
    (run >> 60) as usize
}

/// Where a run shared by several articles is chrome: everywhere (across outlets), or in the articles of some
/// outlets (by outlet id).
#[derive(Debug, Clone)]
enum Verdict {
    Everywhere,
    /// Chrome in these outlets' articles, except the listed articles: they tell the same story as an article of
    /// another outlet that prints the run too, where the run is not that outlet's chrome as well (a statement the
    /// outlet quoted in two reports, one of them about the event the other outlets report; a login form two sites of
    /// one group print stays chrome in both).
    Outlets(FxHashSet<u32>, Vec<u32>),
}

/// Per article: its words, run hashes and key words.
struct Profile {
    words: Vec<Word>,
    runs: Vec<u64>,
    keys: Vec<u64>,
}

/// Whether a word counts as content for telling stories apart: three letters or more, not a number.
fn content_word(text: &str, w: &Word) -> bool {
    text.get(w.start..w.end)
        .is_some_and(|s| s.chars().filter(|&c| arabic::is_letter(c)).nth(2).is_some())
}

/// Byte ranges of learnt chrome in each article (sorted, disjoint), given each article's outlet key.
pub fn learn(articles: &[Article], outlets: &[Option<String>], p: &ChromeParams) -> Vec<Vec<(usize, usize)>> {
    let n = articles.len();
    if n < 2 || p.run_words == 0 {
        return vec![Vec::new(); n];
    }
    // Outlet ids; an article without an outlet is its own.
    let mut outlet_ids: FxHashMap<&str, u32> = FxHashMap::default();
    let outlet_of: Vec<u32> = outlets
        .iter()
        .enumerate()
        .map(|(i, o)| match o {
            Some(o) => {
                let next = outlet_ids.len() as u32;
                *outlet_ids.entry(o.as_str()).or_insert(next)
            }
            None => u32::MAX - i as u32,
        })
        .collect();

    let mut profiles: Vec<Profile> = articles
        .par_iter()
        .map(|a| {
            let words = words_of(&a.text, true);
            let mut runs = shingles(&words, p.run_words);
            runs.sort_unstable();
            runs.dedup();
            Profile {
                words,
                runs,
                keys: Vec::new(),
            }
        })
        .collect();

    // Runs found in more than one article, and which articles (a sample, in corpus order) hold them. The runs are
    // split into shards by their top bits; each article's sorted runs hold each shard's as one slice, so the shards
    // are counted in parallel, each over the articles in corpus order (the same samples as one pass would take).
    let holders: Vec<FxHashMap<u64, Vec<u32>>> = (0..RUN_SHARDS)
        .into_par_iter()
        .map(|shard| {
            // The first holder kept inline, so that the many runs only one article prints allocate nothing.
            let mut found: FxHashMap<u64, (u32, u32, Vec<u32>)> = FxHashMap::default();
            for (i, pr) in profiles.iter().enumerate() {
                let from = pr.runs.partition_point(|&r| run_shard(r) < shard);
                let to = pr.runs.partition_point(|&r| run_shard(r) <= shard);
                for &r in &pr.runs[from..to] {
                    let (count, _, others) = found.entry(r).or_insert((0, i as u32, Vec::new()));
                    if *count > 0 && others.len() + 1 < p.sample_articles {
                        others.push(i as u32);
                    }
                    *count += 1;
                }
            }
            found
                .into_iter()
                .filter(|(_, (count, ..))| *count >= 2)
                .map(|(run, (_, first, mut others))| {
                    others.insert(0, first);
                    others.truncate(p.sample_articles);
                    (run, others)
                })
                .collect()
        })
        .collect();

    // Words of each article inside runs that another article of its own outlet prints too (among the sampled
    // holders): they say what the outlet prints, not what the article is about.
    let mut outlet_repeats: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (&run, members) in holders.iter().flatten() {
        let mut seen_outlets: Vec<u32> = Vec::new();
        let mut repeated: Vec<u32> = Vec::new();
        for &m in members {
            let o = outlet_of[m as usize];
            if seen_outlets.contains(&o) {
                if !repeated.contains(&o) {
                    repeated.push(o);
                }
            } else {
                seen_outlets.push(o);
            }
        }
        if !repeated.is_empty() {
            outlet_repeats.insert(run, repeated);
        }
    }
    let shared_with_outlet: Vec<Vec<bool>> = profiles
        .par_iter()
        .enumerate()
        .map(|(i, pr)| {
            let mut marked = vec![false; pr.words.len()];
            for (at, run) in shingles(&pr.words, p.run_words).iter().enumerate() {
                if outlet_repeats.get(run).is_some_and(|o| o.contains(&outlet_of[i])) {
                    marked[at..at + p.run_words].iter_mut().for_each(|m| *m = true);
                }
            }
            marked
        })
        .collect();
    drop(outlet_repeats);

    // Key words: document frequency of content words, then each article's top words by tf-idf among those found
    // in more than one article.
    let word_sets: Vec<FxHashMap<u64, u32>> = profiles
        .par_iter()
        .zip(articles.par_iter())
        .zip(shared_with_outlet.par_iter())
        .map(|((pr, a), shared)| {
            let content = |w: &&Word| content_word(&a.text, w);
            let mut tf: FxHashMap<u64, u32> = FxHashMap::default();
            for w in pr
                .words
                .iter()
                .zip(shared)
                .filter(|(_, s)| !**s)
                .map(|(w, _)| w)
                .filter(content)
            {
                *tf.entry(w.hash).or_insert(0) += 1;
            }
            if tf.values().sum::<u32>() < p.own_min_words as u32 {
                tf.clear();
                for w in pr.words.iter().filter(content) {
                    *tf.entry(w.hash).or_insert(0) += 1;
                }
            }
            tf
        })
        .collect();
    // Per word: articles holding it, the first outlet seen, and whether another outlet prints it too.
    let mut df: FxHashMap<u64, (u32, u32, bool)> = FxHashMap::default();
    for (set, &o) in word_sets.iter().zip(&outlet_of) {
        for &h in set.keys() {
            let e = df.entry(h).or_insert((0, o, false));
            e.0 += 1;
            e.2 |= e.1 != o;
        }
    }
    let total = n as f32;
    // A word most articles hold tells no stories apart; a word only one outlet prints is its own vocabulary or
    // chrome, and cannot show that two articles tell the same story.
    // Only a corpus of many stories says which words are common: in a folder about one story its own words are in
    // most articles, and leaving them out would make its articles look unrelated and its shared text chrome.
    let common = |d: u32| n >= p.common_min_articles && d as usize * 2 > n;
    profiles.par_iter_mut().zip(word_sets.par_iter()).for_each(|(pr, tf)| {
        let mut scored: Vec<(f32, u64)> = tf
            .iter()
            .filter_map(|(&h, &count)| {
                let &(d, _, other_outlets) = df.get(&h)?;
                (d >= 2 && other_outlets && !common(d)).then(|| (count as f32 * (1.0 + total / d as f32).ln(), h))
            })
            .collect();
        scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        pr.keys = scored.into_iter().take(p.key_words).map(|(_, h)| h).collect();
        pr.keys.sort_unstable();
    });
    drop(word_sets);
    drop(df);
    drop(shared_with_outlet);

    let same_story = |a: usize, b: usize| -> bool {
        let (ka, kb) = (&profiles[a].keys, &profiles[b].keys);
        let smaller = ka.len().min(kb.len());
        if smaller == 0 {
            return false;
        }
        let (mut i, mut j, mut shared) = (0, 0, 0usize);
        while i < ka.len() && j < kb.len() {
            match ka[i].cmp(&kb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        shared as f32 >= p.same_story_share * smaller as f32
    };
    // Number of unrelated groups among `members`: articles linked by a chain of "about the same thing" are one group
    // (a wire copy retold by three outlets is one story even when the first and the last share few key words).
    let stories = |members: &[u32]| -> usize {
        let mut group: Vec<usize> = (0..members.len()).collect();
        fn root(group: &mut [usize], mut i: usize) -> usize {
            while group[i] != i {
                group[i] = group[group[i]];
                i = group[i];
            }
            i
        }
        for i in 0..members.len() {
            for j in i + 1..members.len() {
                if root(&mut group, i) != root(&mut group, j) && same_story(members[i] as usize, members[j] as usize) {
                    let (a, b) = (root(&mut group, i), root(&mut group, j));
                    group[a.max(b)] = a.min(b);
                }
            }
        }
        (0..members.len()).filter(|&i| root(&mut group, i) == i).count()
    };

    // Judge each distinct set of holders once per shard (shards in parallel): chrome everywhere, or chrome of some
    // outlets.
    let chrome_runs: Vec<FxHashMap<u64, Verdict>> = holders
        .par_iter()
        .map(|shard| {
            let mut verdicts: FxHashMap<u64, Verdict> = FxHashMap::default();
            let mut chrome_runs: FxHashMap<u64, Verdict> = FxHashMap::default();
            for (&run, members) in shard {
                let key = hash_of(members.as_slice());
                let verdict = verdicts.entry(key).or_insert_with(|| {
                    let mut by_outlet: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
                    for &m in members {
                        by_outlet.entry(outlet_of[m as usize]).or_default().push(m);
                    }
                    if by_outlet.len() >= p.cross_min_outlets
                        && members.len() >= p.cross_min_articles
                        && stories(members.as_slice()) >= p.cross_min_stories
                    {
                        return Verdict::Everywhere;
                    }
                    let chrome_of: FxHashSet<u32> = by_outlet
                        .iter()
                        .filter(|(_, group)| group.len() >= 2 && stories(group.as_slice()) >= 2)
                        .map(|(&o, _)| o)
                        .collect();
                    let exempt: Vec<u32> = members
                        .iter()
                        .filter(|&&m| chrome_of.contains(&outlet_of[m as usize]))
                        .filter(|&&m| {
                            members.iter().any(|&other| {
                                !chrome_of.contains(&outlet_of[other as usize])
                                    && same_story(m as usize, other as usize)
                            })
                        })
                        .copied()
                        .collect();
                    Verdict::Outlets(chrome_of, exempt)
                });
                if !matches!(verdict, Verdict::Outlets(o, _) if o.is_empty()) {
                    chrome_runs.insert(run, verdict.clone());
                }
            }
            chrome_runs
        })
        .collect();
    drop(holders);

    profiles
        .par_iter()
        .enumerate()
        .map(|(i, pr)| {
            let unsorted = shingles(&pr.words, p.run_words);
            let mut marked = vec![false; pr.words.len()];
            for (at, run) in unsorted.iter().enumerate() {
                let chrome = match chrome_runs[run_shard(*run)].get(run) {
                    Some(Verdict::Everywhere) => true,
                    Some(Verdict::Outlets(o, exempt)) => o.contains(&outlet_of[i]) && !exempt.contains(&(i as u32)),
                    None => false,
                };
                if chrome {
                    for m in &mut marked[at..at + p.run_words] {
                        *m = true;
                    }
                }
            }
            ranges_of(&articles[i].text, &pr.words, &mut marked, p.gap_max_words)
        })
        .collect()
}

/// Byte ranges of the marked words: short unmarked gaps between marked words on one line are filled, and each run
/// takes the punctuation around it up to the next word on its line (or the line's end).
fn ranges_of(text: &str, words: &[Word], marked: &mut [bool], gap_max: usize) -> Vec<(usize, usize)> {
    // Fill gaps.
    let mut i = 0;
    while i < words.len() {
        if marked[i] {
            i += 1;
            continue;
        }
        let gap_start = i;
        while i < words.len() && !marked[i] {
            i += 1;
        }
        let bounded = gap_start > 0 && i < words.len();
        let same_line = !words[gap_start..i.min(words.len())].iter().any(|w| w.new_line)
            && words.get(i).is_some_and(|w| !w.new_line);
        if bounded && i - gap_start <= gap_max && same_line {
            for m in &mut marked[gap_start..i] {
                *m = true;
            }
        }
    }
    let line_start = |pos: usize| text[..pos].rfind('\n').map_or(0, |n| n + 1);
    let line_end = |pos: usize| text[pos..].find('\n').map_or(text.len(), |n| pos + n);
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !marked[i] {
            i += 1;
            continue;
        }
        let first = i;
        while i + 1 < words.len() && marked[i + 1] && !words[i + 1].new_line {
            i += 1;
        }
        let last = i;
        i += 1;
        let start = if first == 0 || words[first].new_line {
            line_start(words[first].start)
        } else {
            words[first].start
        };
        let end = match words.get(last + 1) {
            Some(next) if !next.new_line => next.start,
            _ => line_end(words[last].end),
        };
        let end = text[..end].trim_end().len().max(words[last].end);
        match out.last_mut() {
            Some(prev) if prev.1 >= start => prev.1 = prev.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// Gives `boilerplate` to the learnt chrome of each article's body, and to a title line that is mostly chrome.
/// Returns the bytes relabelled.
pub fn mark(articles: &mut [Article], chrome: &[Vec<(usize, usize)>]) -> usize {
    articles
        .par_iter_mut()
        .zip(chrome.par_iter())
        .map(|(a, ranges)| {
            if ranges.is_empty() {
                return 0;
            }
            let mut in_body: Vec<(usize, usize)> = clip_to(a, ranges, SegmentKind::Body);
            // A title is never chrome: a title line that is mostly chrome is no title (the header reader finds
            // another).
            for s in a.segments.iter().filter(|s| s.kind == SegmentKind::Title) {
                let covered: usize = clip_to(a, ranges, SegmentKind::Title)
                    .iter()
                    .map(|&(cs, ce)| ce.min(s.end).saturating_sub(cs.max(s.start)))
                    .sum();
                if covered * 2 >= s.end - s.start {
                    in_body.push((s.start, s.end));
                }
            }
            in_body.sort_unstable();
            in_body.dedup();
            if in_body.is_empty() {
                return 0;
            }
            let marked = in_body.iter().map(|r| r.1 - r.0).sum::<usize>();
            super::relabel(a, &in_body, SegmentKind::Boilerplate);
            super::fill_sentences(a);
            marked
        })
        .sum()
}

/// The parts of `ranges` that lie in segments of `kind`, in order.
pub fn clip_to(a: &Article, ranges: &[(usize, usize)], kind: SegmentKind) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for s in a.segments.iter().filter(|s| s.kind == kind) {
        for &(rs, re) in ranges {
            let (cs, ce) = (rs.max(s.start), re.min(s.end));
            if cs < ce {
                out.push((cs, ce));
            }
        }
    }
    out.sort_unstable();
    out
}
