//! The binary's command layer: what each command of `qarin` does. `main.rs` parses the command line and calls one
//! of these; they call the library, which returns data, and they alone print and choose the exit code.

pub mod analyze;
pub mod bench_ui;
pub mod eval_claims;
pub mod ner;
pub mod shape;
pub mod train_ner;
pub mod workbench;

/// Says once, on standard error, when the bundled entity tagger is broken (a build problem) and recognition falls
/// back to patterns only.
pub fn warn_if_tagger_broken() {
    if let Some(problem) = qarin::analysis::ner::bundled_model_problem() {
        eprintln!("qarin: {problem}");
    }
}
