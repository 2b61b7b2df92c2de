//! `qarin ner FILE.conll [--model FILE]`: each line with its predicted tag appended, then entity-level scores when
//! the file carries gold tags.

use anyhow::Context;
use qarin::analysis::ner::{self, tagger::Model};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path, model: Option<&Path>) -> anyhow::Result<ExitCode> {
    let loaded;
    let model = match model {
        Some(path) => {
            let bytes = std::fs::read(path).with_context(|| format!("reading the model {}", path.display()))?;
            loaded = Model::from_bytes(&bytes).with_context(|| format!("reading the model {}", path.display()))?;
            &loaded
        }
        None => {
            super::warn_if_tagger_broken();
            ner::bundled_model().context("the bundled entity tagger cannot be read")?
        }
    };
    let text = super::read_text_input(file)?;
    let tagged = ner::tag_conll(model, &text);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (sentence, tags) in tagged.sentences.iter().zip(&tagged.tags) {
        for (line, tag) in sentence.iter().zip(tags) {
            writeln!(out, "{} {}", super::terminal_safe(&line.text), tag)?;
        }
        writeln!(out)?;
    }
    if let Some(scores) = &tagged.scores {
        write!(out, "{}", scores.report())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
