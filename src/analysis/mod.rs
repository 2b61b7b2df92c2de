//! Entities, claims, alignment, the report model and its JSON. Depends on [`crate::corpus`] and [`crate::arabic`] only.
//!
//! Stages: [`ner::recognize`] finds mentions in each article's body → [`entities::link_entities`] clusters them into
//! entities across articles → [`claims::find_claims`] finds statements shared across articles.

pub mod claims;
pub mod entities;
pub mod gazetteer;
pub mod mention;
pub mod model;
pub mod ner;

pub use mention::{MentionOrigin, RawMention};
pub use model::*;

use crate::corpus::Corpus;
use crate::progress::Progress;
use rayon::prelude::*;

/// Runs the whole analysis over a loaded corpus. Only `body` segments are analysed.
pub fn analyze(corpus: Corpus, progress: &Progress) -> Report {
    let Corpus { articles, diagnostics } = corpus;
    progress.begin("entities", articles.len());
    let mentions: Vec<Vec<RawMention>> = articles
        .par_iter()
        .map(|a| {
            let m = ner::recognize(a);
            progress.advance(1);
            m
        })
        .collect();
    let entities = entities::link_entities(&articles, &mentions);
    progress.begin("claims", articles.len());
    let claims = claims::find_claims(&articles, &entities, progress);
    Report {
        format: REPORT_FORMAT.to_string(),
        articles,
        entities,
        claims,
        diagnostics,
    }
}
