//! Repeated claims: the same statement across articles, verbatim or paraphrased, clustered, with differences flagged;
//! and the alignment of claim units across a chosen sequence of articles for the side-by-side view.
//!
//! Pipeline: [`claim_units`] cuts each article's body into sentences and clauses → every unit becomes weighted
//! features (content stems under a synonym table, linked entities, numbers, dates, near pairs of those, token
//! shingles) → each unit proposes its best candidates from an inverted index over units (never all pairs), the pairs
//! whose shared evidence is too unlikely to be chance become edges, and edges merge strongest first into clusters of
//! one unit per outlet (order-independent; see `clustering`) → clusters over ≥ 2 outlets are reported with the spans a Smith–Waterman alignment finds shared, and the
//! numbers, dates and entities on which members disagree.

mod align;
mod calibration;
mod clustering;
mod describing;
pub mod evaluation;
mod features;
mod local_align;
mod matching;
mod params;
pub mod text;
mod units;

pub use align::align_units;
pub use features::FeatureKind;
pub use local_align::{LocalAlignment, SharedRun, align_tokens};
pub use units::{ClaimUnit, claim_units, claim_units_with};

pub use calibration::{ScoredPair, dump_clusters, scored_pairs};
pub use clustering::{RepetitionKind, analyze_claims};
pub use matching::PairScore;
pub use params::{AlignParams, ClaimParams, FeatureParams, UnitParams};

use describing::*;
use matching::*;
use params::{affinity_threshold, scaled_threshold};

use super::model::{
    Alignment, ClaimCluster, ClaimKind, ClaimMember, Difference, Entity, EntityKind, Report, SharedSpan,
};
use super::stories::{ArticleVectors, StoryParams};
use crate::corpus::Article;
use crate::progress::Progress;
use features::{Fact, UnitData, mention_indices, unit_data};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;

/// A unit that restates another unit of the same article (a lead restated in the body) or of another article of the
/// same outlet: recognised, never a cross-outlet claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repetition {
    /// The article of `first`.
    pub article: String,
    /// The earlier unit (in corpus order).
    pub first: (usize, usize),
    /// The unit that repeats it …
    pub repeat: (usize, usize),
    /// … in this article (`article` itself for [`RepetitionKind::SameArticle`]).
    pub repeat_article: String,
    pub kind: RepetitionKind,
}

/// Everything claim detection finds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClaimAnalysis {
    pub clusters: Vec<ClaimCluster>,
    pub repetitions: Vec<Repetition>,
}

/// Claim clusters across ≥ 2 articles, most widely shared first. Ids are stable for the same input.
pub fn find_claims(articles: &[Article], entities: &[Entity], progress: &Progress) -> Vec<ClaimCluster> {
    analyze_claims(articles, entities, &ClaimParams::default(), progress).clusters
}

/// Rows lining up the claim units of `article_ids` (in that order) so that members of one cluster share a row.
pub fn align(report: &Report, article_ids: &[String]) -> Alignment {
    align_units(report, article_ids)
}
