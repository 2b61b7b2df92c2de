//! Repeated claims: the same statement across articles, verbatim or paraphrased, clustered, with differences flagged;
//! and the alignment of claim units across a chosen sequence of articles for the side-by-side view.

use super::model::{Alignment, ClaimCluster, Entity, Report};
use crate::corpus::Article;
use crate::progress::Progress;

/// Claim clusters across ≥ 2 articles, most widely shared first. Ids are stable for the same input.
pub fn find_claims(articles: &[Article], entities: &[Entity], progress: &Progress) -> Vec<ClaimCluster> {
    let _ = (articles, entities, progress);
    Vec::new()
}

/// Rows lining up the claim units of `article_ids` (in that order) so that members of one cluster share a row.
pub fn align(_report: &Report, article_ids: &[String]) -> Alignment {
    Alignment {
        articles: article_ids.to_vec(),
        rows: Vec::new(),
    }
}
