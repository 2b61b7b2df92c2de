//! Regenerates `src/analysis/claims/news_frequencies.tsv`: the light stems of ANERcorp's training portion with the
//! number of sentences each occurs in (at least [`MIN_SENTENCES`]), most frequent first.
//!
//! `cargo run --release --example news_frequencies` (needs ANERcorp at the path in `tests/analysis/anercorp.rs`).

#[path = "../tests/analysis/anercorp.rs"]
mod anercorp;

use anyhow::Context;
use qarin::analysis::claims::text::{is_stop_word, light_stem, tokenize};
use std::collections::{HashMap, HashSet};

/// Stems in fewer sentences than this are left out of the table.
const MIN_SENTENCES: u32 = 4;

const TABLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/analysis/claims/news_frequencies.tsv");

fn main() -> anyhow::Result<()> {
    let sentences = anercorp::sentences().with_context(|| format!("cannot read ANERcorp at {}", anercorp::ANERCORP))?;
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
    let mut rows: Vec<(String, u32)> = sf.into_iter().filter(|(_, n)| *n >= MIN_SENTENCES).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = format!(
        "# Sentence frequencies of light stems in ANERcorp (training portion, {} sentences).\n\
         # Derived from ANERcorp by Benajiba, Rosso and Benedí (2007), CC BY-SA 4.0 (CAMeL Lab release).\n\
         # Regenerate: cargo run --release --example news_frequencies\n\
         sentences\t{}\n",
        sentences.len(),
        sentences.len()
    );
    for (stem, n) in rows {
        out.push_str(&format!("{stem}\t{n}\n"));
    }
    std::fs::write(TABLE, out).with_context(|| format!("cannot write {TABLE}"))?;
    println!("wrote {TABLE}");
    Ok(())
}
