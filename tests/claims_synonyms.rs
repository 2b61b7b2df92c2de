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
                if !t.is_number && !is_stop_word(&t.norm) {
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
