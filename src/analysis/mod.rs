//! Entities, claims, alignment, the report model and its JSON. Depends on [`crate::corpus`] and [`crate::arabic`] only.
//!
//! Stages: [`ner::recognize`] finds mentions in each article's body → [`entities::link_entities`] clusters them into
//! entities across articles → [`claims::find_claims`] finds statements shared across articles.

pub mod claims;
pub mod entities;
pub mod gazetteer;
pub mod meaning;
pub mod mention;
pub mod model;
pub mod ner;
pub mod stories;

pub use mention::{MentionOrigin, RawMention};
pub use model::*;

use crate::corpus::Corpus;
use crate::progress::Progress;
use claims::ClaimParams;
use entities::LinkParams;
use ner::RecognitionParams;
use rayon::prelude::*;

/// Runs the whole analysis over a loaded corpus with the default parameters. Only `body` segments are analysed.
pub fn analyze(corpus: Corpus, progress: &Progress) -> Report {
    analyze_with(
        corpus,
        &RecognitionParams::default(),
        &LinkParams::default(),
        &ClaimParams::default(),
        progress,
    )
}

/// [`analyze`] with the parameters of each stage (see [`crate::pipeline::Params`]).
pub fn analyze_with(
    corpus: Corpus,
    recognition: &RecognitionParams,
    linking: &LinkParams,
    claims: &ClaimParams,
    progress: &Progress,
) -> Report {
    analyze_timed(corpus, recognition, linking, claims, progress).0
}

/// How long each analysis stage took.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StageTimes {
    pub recognition: std::time::Duration,
    pub linking: std::time::Duration,
    pub claims: std::time::Duration,
    /// Grouping articles into stories (set by [`crate::pipeline::run_timed`], after the analysis proper).
    pub stories: std::time::Duration,
}

/// [`analyze_with`], also saying how long each stage took.
pub fn analyze_timed(
    corpus: Corpus,
    recognition: &RecognitionParams,
    linking: &LinkParams,
    claims: &ClaimParams,
    progress: &Progress,
) -> (Report, StageTimes) {
    let started = std::time::Instant::now();
    let Corpus { articles, diagnostics } = corpus;
    // Progress in bytes: one long article moves the bar too, and cancelling stops inside it.
    progress.begin("entities", articles.iter().map(|a| a.text.len()).sum());
    let mentions: Vec<Vec<RawMention>> = articles
        .par_iter()
        .map(|a| ner::recognize_with_progress(a, recognition, progress))
        .collect();
    ner::tagger::release_word_caches();
    if progress.is_cancelled() {
        return (
            Report::new(articles, Vec::new(), Vec::new(), diagnostics),
            StageTimes::default(),
        );
    }
    let recognised = started.elapsed();
    let entities = entities::link_entities_with(&articles, &mentions, linking);
    let linked = started.elapsed();
    progress.begin("claims", articles.len());
    let claims = claims::analyze_claims(&articles, &entities, claims, progress).clusters;
    let times = StageTimes {
        recognition: recognised,
        linking: linked - recognised,
        claims: started.elapsed() - linked,
        stories: std::time::Duration::ZERO,
    };
    (Report::new(articles, entities, claims, diagnostics), times)
}
