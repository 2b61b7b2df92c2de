//! Entity recognition in one article: a statistical tagger trained on ANERcorp, gazetteers, news-prose patterns, dates.

use super::mention::RawMention;
use crate::corpus::Article;
use std::path::Path;
use std::process::ExitCode;

/// Every mention in the article's `body` segments, sorted by start, not overlapping.
pub fn recognize(article: &Article) -> Vec<RawMention> {
    let _ = article;
    Vec::new()
}

/// `qarin ner FILE.conll [--model FILE]`.
pub fn ner_command(file: &Path, model: Option<&Path>) -> anyhow::Result<ExitCode> {
    let _ = (file, model);
    anyhow::bail!("the entity tagger is not built yet")
}

/// `qarin train-ner`.
pub fn train_ner_command(data: &Path, out: &Path, dev_out: Option<&Path>, epochs: usize) -> anyhow::Result<ExitCode> {
    let _ = (data, out, dev_out, epochs);
    anyhow::bail!("the entity tagger is not built yet")
}
