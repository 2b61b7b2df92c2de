//! Data behind the claims matcher, derived from ANERcorp (/work/shared/ner, CC BY-SA 4.0; not shipped with the
//! sources, so these checks skip where it is absent): the background word frequencies and the synonym groups.

use qarin::analysis::claims::text::{is_stop_word, light_stem, tokenize, word_key};
use std::collections::{BTreeMap, HashMap, HashSet};

const ANERCORP: &str = "/work/shared/ner/anercorp_train.conll";

fn sentences() -> Option<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(ANERCORP).ok()?;
    let mut out = vec![Vec::new()];
    for line in text.lines() {
        let word = line.split(' ').next().unwrap_or("");
        if word.is_empty() {
            out.push(Vec::new());
            continue;
        }
        if let Some(last) = out.last_mut() {
            last.push(word.to_string());
        }
    }
    Some(out)
}

/// Regenerates `src/analysis/claims/news_frequencies.tsv`: light stems with their sentence frequency in ANERcorp.
#[test]
#[ignore = "regenerates a data file from ANERcorp"]
fn regenerate_background_frequencies() {
    let Some(sentences) = sentences() else {
        return;
    };
    let mut sf: HashMap<String, u32> = HashMap::new();
    for s in &sentences {
        let mut seen = HashSet::new();
        for w in s {
            for t in tokenize(w, 0, w.len()) {
                if !t.is_number() && !is_stop_word(&t.norm) {
                    seen.insert(light_stem(&t.norm));
                }
            }
        }
        for stem in seen {
            *sf.entry(stem).or_default() += 1;
        }
    }
    let mut rows: Vec<(String, u32)> = sf.into_iter().filter(|(_, n)| *n >= 4).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = format!(
        "# Sentence frequencies of light stems in ANERcorp (training portion, {} sentences).\n\
         # Derived from ANERcorp by Benajiba, Rosso and Benedí (2007), CC BY-SA 4.0 (CAMeL Lab release).\n\
         # Regenerate: cargo test --test claims_synonyms -- --ignored regenerate_background_frequencies\n\
         sentences\t{}\n",
        sentences.len(),
        sentences.len()
    );
    for (stem, n) in rows {
        out.push_str(&format!("{stem}\t{n}\n"));
    }
    std::fs::write(
        concat!(env!("CARGO_MANIFEST_DIR"), "/src/analysis/claims/news_frequencies.tsv"),
        out,
    )
    .unwrap();
}

fn cosine(a: &HashMap<String, f32>, b: &HashMap<String, f32>) -> f32 {
    let dot: f32 = a.iter().filter_map(|(k, x)| b.get(k).map(|y| x * y)).sum();
    let na: f32 = a.values().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.values().map(|x| x * x).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 { 0.0 } else { dot / (na * nb) }
}

/// Every synonym group is checked against ANERcorp: its members' context vectors (stems within three words) are
/// closer to each other than words of similar frequency are on average.
#[test]
fn synonym_groups_share_contexts_in_anercorp() {
    let Some(sentences) = sentences() else {
        return;
    };
    let stems: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| {
            s.iter()
                .flat_map(|w| tokenize(w, 0, w.len()))
                .filter(|t| !t.is_number() && !is_stop_word(&t.norm))
                .map(|t| light_stem(&t.norm))
                .collect()
        })
        .collect();
    let mut contexts: HashMap<String, HashMap<String, f32>> = HashMap::new();
    let mut freq: HashMap<String, usize> = HashMap::new();
    for s in &stems {
        for (i, w) in s.iter().enumerate() {
            *freq.entry(w.clone()).or_default() += 1;
            let ctx = contexts.entry(w.clone()).or_default();
            let window = i.saturating_sub(3)..(i + 4).min(s.len());
            for (j, other) in s.iter().enumerate().take(window.end).skip(window.start) {
                if j != i {
                    *ctx.entry(other.clone()).or_default() += 1.0;
                }
            }
        }
    }
    // Baseline: mean cosine between words of frequency 5..200, sampled deterministically.
    let mut pool: Vec<&String> = freq
        .iter()
        .filter(|(_, n)| (5..200).contains(*n))
        .map(|(w, _)| w)
        .collect();
    pool.sort();
    let mut baseline = Vec::new();
    for k in 0..400.min(pool.len() / 2) {
        let (a, b) = (pool[(k * 7919) % pool.len()], pool[(k * 104_729 + 13) % pool.len()]);
        if a != b {
            baseline.push(cosine(&contexts[a], &contexts[b]));
        }
    }
    let base = baseline.iter().sum::<f32>() / baseline.len().max(1) as f32;
    let mut checked = 0;
    let mut above = 0;
    let mut report = BTreeMap::new();
    for group in qarin::analysis::claims::text::synonym_groups() {
        let present: Vec<String> = group
            .iter()
            .filter_map(|w| word_key(w).map(|_| tokenize(w, 0, w.len())[0].norm.clone()))
            .map(|n| light_stem(&n))
            .filter(|s| freq.get(s).copied().unwrap_or(0) >= 3)
            .collect();
        let mut sims = Vec::new();
        for i in 0..present.len() {
            for j in i + 1..present.len() {
                if present[i] != present[j] {
                    sims.push(cosine(&contexts[&present[i]], &contexts[&present[j]]));
                }
            }
        }
        if sims.is_empty() {
            continue;
        }
        let mean = sims.iter().sum::<f32>() / sims.len() as f32;
        checked += 1;
        if mean > base {
            above += 1;
        }
        report.insert(group[0], (present.len(), mean));
    }
    println!("baseline {base:.3}; groups {report:?}");
    assert!(checked >= 8, "too few synonym groups occur in ANERcorp: {report:?}");
    assert!(
        above * 10 >= checked * 8,
        "groups no closer than chance (baseline {base:.3}): {report:?}"
    );
}
