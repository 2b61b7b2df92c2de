//! Claim detection at scale: generated corpora of 10,000 and 40,000 articles (~3 KB each) built from the sample
//! articles' sentences — copied with words dropped, swapped and respelled, mixed with shuffled filler sentences —
//! timed end to end through `find_claims`. Run: `cargo bench --bench claims`.

use qarin::analysis::claims::{claim_units, find_claims};
use qarin::corpus::{self, Article, Segment, SegmentKind, Sentence};
use qarin::progress::Progress;
use std::time::Instant;

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

fn respell(word: &str, rng: &mut Rng) -> String {
    if !rng.chance(10) {
        return word.to_string();
    }
    word.chars()
        .map(|c| match c {
            'ا' if rng.chance(30) => 'أ',
            'أ' | 'إ' => 'ا',
            'ة' => 'ه',
            'ى' => 'ي',
            'ي' if rng.chance(20) => 'ى',
            c => c,
        })
        .collect()
}

/// A copy of `sentence` with words dropped (15 %), neighbours swapped (10 %) and respelled (10 %).
fn vary(sentence: &str, rng: &mut Rng) -> String {
    let mut words: Vec<String> = Vec::new();
    for w in sentence.split_whitespace() {
        if !rng.chance(15) {
            words.push(respell(w, rng));
        }
    }
    for i in 1..words.len() {
        if rng.chance(10) {
            words.swap(i - 1, i);
        }
    }
    words.join(" ")
}

/// Generated articles, with the byte ranges of their filler sentences (text no other article carries).
fn generate(count: usize, seed: u64) -> (Vec<Article>, Vec<Vec<(usize, usize)>>) {
    let sample = corpus::load_builtin();
    let sources: Vec<String> = sample
        .articles
        .iter()
        .flat_map(|a| {
            claim_units(a)
                .into_iter()
                .map(move |u| a.slice(u.start, u.end).to_string())
        })
        .collect();
    let vocabulary: Vec<&str> = sources.iter().flat_map(|s| s.split_whitespace()).collect();
    let mut rng = Rng(seed);
    let mut fillers = Vec::with_capacity(count);
    let articles = (0..count)
        .map(|i| {
            let mut text = format!("مقال رقم {i}\n");
            let mut sentences = Vec::new();
            let mut filler_ranges = Vec::new();
            while text.len() < 3000 {
                let copy = rng.chance(40);
                let line = if copy {
                    vary(&sources[rng.below(sources.len())], &mut rng)
                } else {
                    // Filler: a sentence of random words, the text no other article carries.
                    let n = 12 + rng.below(18);
                    let words: Vec<&str> = (0..n).map(|_| vocabulary[rng.below(vocabulary.len())]).collect();
                    format!("{}.", words.join(" "))
                };
                let start = text.len();
                text.push_str(&line);
                sentences.push(Sentence { start, end: text.len() });
                if !copy {
                    filler_ranges.push((start, text.len()));
                }
                text.push('\n');
            }
            let title_end = text.find('\n').unwrap_or(0);
            fillers.push(filler_ranges);
            Article {
                id: format!("{i:06}"),
                path: format!("generated:{i}"),
                title: text[..title_end].to_string(),
                date: Some(format!("2020-{:02}-{:02}", 1 + i % 12, 1 + i % 28)),
                source: None,
                url: None,
                segments: vec![
                    Segment {
                        kind: SegmentKind::Title,
                        start: 0,
                        end: title_end,
                    },
                    Segment {
                        kind: SegmentKind::Body,
                        start: title_end,
                        end: text.len(),
                    },
                ],
                sentences,
                text,
            }
        })
        .collect();
    (articles, fillers)
}

fn run(count: usize) -> f64 {
    let (articles, fillers) = generate(count, 0x9E37_79B9_7F4A_7C15);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let t = Instant::now();
    let clusters = find_claims(&articles, &[], &Progress::new());
    let secs = t.elapsed().as_secs_f64();
    let members: usize = clusters.iter().map(|c| c.members.len()).sum();
    // Precision on what is known: a filler sentence is random words and restates nothing.
    let index: std::collections::HashMap<&str, usize> =
        articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let is_filler = |m: &qarin::analysis::ClaimMember| {
        index
            .get(m.article.as_str())
            .is_some_and(|&i| fillers[i].iter().any(|&(s, e)| s <= m.start && m.end <= e))
    };
    // Filler that joins a cluster of copies pollutes a real claim; filler clustered with filler is a false claim.
    let (mut filler_only, mut beside_copies, mut copy_members, mut false_clusters) = (0, 0, 0, 0);
    for c in &clusters {
        let f = c.members.iter().filter(|m| is_filler(m)).count();
        if f == c.members.len() {
            filler_only += f;
            false_clusters += 1;
        } else {
            beside_copies += f;
            copy_members += c.members.len() - f;
        }
    }
    if std::env::var_os("QARIN_CLAIMS_BENCH_SHOW").is_some() {
        for c in clusters.iter().filter(|c| c.members.iter().any(is_filler)).take(12) {
            println!("== {} members, score {:.3}", c.members.len(), c.score);
            for m in c.members.iter().take(4) {
                println!("  {} {}", if is_filler(m) { "F" } else { " " }, m.text);
            }
        }
    }
    println!(
        "claims: {count} articles, {:.1} MB: {secs:.2} s ({:.1} MB/s), {} clusters, {members} members \
         ({false_clusters} clusters of filler only, {filler_only} members; clusters of copies: {copy_members} copies + \
         {beside_copies} filler); peak RSS so far {:.0} MB",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        clusters.len(),
        qarin::measure::peak_rss_mb().unwrap_or(f64::NAN)
    );
    secs
}

fn main() {
    let sizes: Vec<usize> = std::env::var("QARIN_CLAIMS_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 40_000]);
    let times: Vec<f64> = sizes.iter().map(|&n| run(n)).collect();
    if times.len() == 2 {
        println!(
            "claims: {}x the articles took {:.2}x the time",
            sizes[1] / sizes[0].max(1),
            times[1] / times[0].max(1e-9)
        );
    }
}
