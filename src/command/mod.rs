//! The binary's command layer: what each command of `qarin` does. `main.rs` parses the command line and calls one
//! of these; they call the library, which returns data, and they alone print and choose the exit code.

pub mod analyze;
pub mod bench_ui;
pub mod eval_claims;
pub mod eval_corpus;
pub mod eval_meaning;
pub mod eval_stories;
pub mod ner;
pub mod shape;
pub mod train_ner;
pub mod workbench;

use anyhow::Context;
pub use qarin::corpus::output::{check_output, terminal_safe};
use std::path::Path;

/// Says once, on standard error, when the bundled entity tagger is broken (a build problem) and recognition falls
/// back to patterns only.
pub fn warn_if_tagger_broken() {
    if let Some(problem) = qarin::analysis::ner::bundled_model_problem() {
        eprintln!("qarin: {problem}");
    }
}

/// Reads an input file of a command that takes one (`ner`, `shape`), refusing one over the size limit of an article
/// file ([`qarin::corpus::MAX_FILE_BYTES`]) before reading it, and decodes it as the corpus loader does (damaged
/// UTF-8 repaired with a warning, UTF-16, legacy Arabic encodings). Decoding warnings go to standard error.
pub fn read_text_input(path: &Path) -> anyhow::Result<String> {
    let shown = terminal_safe(&path.display().to_string()).into_owned();
    let meta = std::fs::metadata(path).with_context(|| format!("reading {shown}"))?;
    anyhow::ensure!(
        meta.len() <= qarin::corpus::MAX_FILE_BYTES,
        "{shown} is {:.1} MB, over the {} MB limit for one input file; not read",
        meta.len() as f64 / (1024.0 * 1024.0),
        qarin::corpus::MAX_FILE_BYTES / (1024 * 1024)
    );
    let bytes = std::fs::read(path).with_context(|| format!("reading {shown}"))?;
    let decoded = qarin::corpus::decode::decode(&bytes).with_context(|| format!("reading {shown}"))?;
    for w in &decoded.warnings {
        eprintln!("{shown}: warning: {}", terminal_safe(w));
    }
    Ok(decoded.text)
}
