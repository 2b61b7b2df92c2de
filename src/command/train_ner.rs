//! `qarin train-ner`: train the entity tagger on a CoNLL file and write the model; progress and dev scores go to
//! standard error.

use anyhow::Context;
use qarin::analysis::ner::{TrainingData, conll, tagger::Model};
use std::path::Path;
use std::process::ExitCode;

pub fn run(data: &Path, out: &Path, dev_out: Option<&Path>, epochs: usize) -> anyhow::Result<ExitCode> {
    // Before training (minutes): an output that is the training data, or cannot be written, is said now.
    if let Some(parent) = out.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    super::check_output(out, &[data])?;
    if let Some(dev_path) = dev_out {
        super::check_output(dev_path, &[data, out])?;
    }
    let bytes = std::fs::read(data).with_context(|| format!("reading {}", data.display()))?;
    let sentences = conll::parse(&String::from_utf8_lossy(&bytes));
    anyhow::ensure!(
        sentences.len() >= 10,
        "{} holds fewer than 10 sentences",
        data.display()
    );
    let split = TrainingData::split(sentences);
    eprintln!(
        "train-ner: {} training sentences ({} tokens), {} dev sentences{}",
        split.train.len(),
        split.train_tokens(),
        split.dev.len(),
        if split.skipped > 0 {
            format!(", {} skipped (untagged lines)", split.skipped)
        } else {
            String::new()
        }
    );
    let model = Model::train(&split.train, epochs, |epoch, err| {
        eprintln!("train-ner: epoch {epoch}: token error rate {:.4}", err);
    });
    std::fs::write(out, model.to_bytes()).with_context(|| format!("writing {}", out.display()))?;
    if let Some(dev_path) = dev_out {
        std::fs::write(dev_path, split.dev_conll()).with_context(|| format!("writing {}", dev_path.display()))?;
    }
    // Score the dev set with the model as written (quantised), the figure `qarin ner` will give.
    let written = Model::from_bytes(&std::fs::read(out)?)?;
    let scores = split.dev_scores(&written);
    eprintln!("train-ner: wrote {}; dev scores:\n{}", out.display(), scores.report());
    Ok(ExitCode::SUCCESS)
}
