//! Entity recognition in one article: a statistical tagger trained on ANERcorp, gazetteers, news-prose patterns, dates.

pub mod conll;
mod consistency;
mod recognize;
pub mod tagger;
pub mod text;

pub use recognize::{RecognitionParams, is_role, recognize, recognize_with};

use anyhow::Context;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::OnceLock;
use tagger::{Model, TAGS, TokenForms};

/// The bundled model, trained by `qarin train-ner` on ANERcorp (CC BY-SA 4.0, see assets/ner/README.md).
static MODEL_BYTES: &[u8] = include_bytes!("../../../assets/ner/model.bin");

/// The bundled tagger, decoded once. `None` only if the bundled file is broken (a build problem, reported once).
pub fn bundled_model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| match Model::from_bytes(MODEL_BYTES) {
            Ok(m) => Some(m),
            Err(err) => {
                eprintln!("qarin: the bundled entity tagger cannot be read ({err}); using patterns only");
                None
            }
        })
        .as_ref()
}

/// `qarin ner FILE.conll [--model FILE]`.
pub fn ner_command(file: &Path, model: Option<&Path>) -> anyhow::Result<ExitCode> {
    let loaded;
    let model = match model {
        Some(path) => {
            let bytes = std::fs::read(path).with_context(|| format!("reading the model {}", path.display()))?;
            loaded = Model::from_bytes(&bytes).with_context(|| format!("reading the model {}", path.display()))?;
            &loaded
        }
        None => bundled_model().context("the bundled entity tagger cannot be read")?,
    };
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let sentences = conll::parse(&text);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut scores = conll::Scores::default();
    let mut all_gold = true;
    let tokens: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(|l| l.token.as_str()).collect())
        .collect();
    let tags = tag_document(model, &tokens);
    for (sentence, tags) in sentences.iter().zip(&tags) {
        let pred: Vec<&str> = tags.iter().map(|&t| TAGS[t]).collect();
        for (line, tag) in sentence.iter().zip(&pred) {
            writeln!(out, "{} {}", line.text, tag)?;
        }
        writeln!(out)?;
        match sentence
            .iter()
            .map(|l| l.gold.as_deref())
            .collect::<Option<Vec<&str>>>()
        {
            Some(gold) => scores.add(&gold, &pred),
            None => all_gold = false,
        }
    }
    if all_gold && !sentences.is_empty() {
        write!(out, "{}", scores.report())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// How many sentences either side a name found by the tagger labels its repeats in a CoNLL file (it has no document
/// boundaries, so only near sentences are taken as the same story; an article is one document as a whole).
const CONSISTENCY_WINDOW: usize = 5;

/// Tags a run of sentences of a CoNLL file: the tagger per sentence, then one-name-one-label over near sentences.
pub fn tag_document(model: &Model, sentences: &[Vec<&str>]) -> Vec<Vec<usize>> {
    let folded: Vec<Vec<String>> = sentences.iter().map(|s| tagger::fold_all(s)).collect();
    let forms: Vec<Vec<TokenForms>> = sentences
        .iter()
        .zip(&folded)
        .map(|(s, f)| tagger::forms_of(s, f))
        .collect();
    tag_document_forms(model, &forms, &[], CONSISTENCY_WINDOW)
}

/// [`tag_document`] over tokens already folded, with each sentence's gazetteer cover already known (empty: computed
/// here) and a window for the one-name-one-label pass (`usize::MAX`: the whole document).
pub fn tag_document_forms(
    model: &Model,
    sentences: &[Vec<TokenForms>],
    covers: &[tagger::GazCover],
    window: usize,
) -> Vec<Vec<usize>> {
    let mut scratch = tagger::Features::default();
    let mut tags: Vec<Vec<usize>> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| model.tag_forms(s, covers.get(i), &mut scratch))
        .collect();
    consistency::propagate(sentences, &mut tags, window);
    tags
}

/// `qarin train-ner`.
pub fn train_ner_command(data: &Path, out: &Path, dev_out: Option<&Path>, epochs: usize) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(data).with_context(|| format!("reading {}", data.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let sentences = conll::parse(&text);
    anyhow::ensure!(
        sentences.len() >= 10,
        "{} holds fewer than 10 sentences",
        data.display()
    );
    // The last tenth of the sentences, in file order, is the dev set.
    let dev_start = sentences.len() - sentences.len() / 10;
    let (train, dev) = sentences.split_at(dev_start);
    let mut skipped = 0;
    let train: Vec<(Vec<String>, Vec<usize>)> = train
        .iter()
        .filter_map(|s| {
            let gold = conll::gold_indices(s);
            if gold.is_none() {
                skipped += 1;
            }
            Some((s.iter().map(|l| l.token.clone()).collect(), gold?))
        })
        .collect();
    eprintln!(
        "train-ner: {} training sentences ({} tokens), {} dev sentences{}",
        train.len(),
        train.iter().map(|s| s.0.len()).sum::<usize>(),
        dev.len(),
        if skipped > 0 {
            format!(", {skipped} skipped (untagged lines)")
        } else {
            String::new()
        }
    );
    let model = Model::train(&train, epochs, |epoch, err| {
        eprintln!("train-ner: epoch {epoch}: token error rate {:.4}", err);
    });
    if let Some(parent) = out.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    std::fs::write(out, model.to_bytes()).with_context(|| format!("writing {}", out.display()))?;
    if let Some(dev_path) = dev_out {
        let mut s = String::new();
        for sentence in dev {
            for line in sentence {
                s.push_str(&line.text);
                s.push('\n');
            }
            s.push('\n');
        }
        std::fs::write(dev_path, s).with_context(|| format!("writing {}", dev_path.display()))?;
    }
    // Score the dev set with the model as written (quantised), the figure `qarin ner` will give.
    let written = Model::from_bytes(&std::fs::read(out)?)?;
    let mut scores = conll::Scores::default();
    let tokens: Vec<Vec<&str>> = dev
        .iter()
        .map(|s| s.iter().map(|l| l.token.as_str()).collect())
        .collect();
    let tags = tag_document(&written, &tokens);
    for (sentence, tags) in dev.iter().zip(&tags) {
        if let Some(gold) = sentence
            .iter()
            .map(|l| l.gold.as_deref())
            .collect::<Option<Vec<&str>>>()
        {
            let pred: Vec<&str> = tags.iter().map(|&t| TAGS[t]).collect();
            scores.add(&gold, &pred);
        }
    }
    eprintln!("train-ner: wrote {}; dev scores:\n{}", out.display(), scores.report());
    Ok(ExitCode::SUCCESS)
}
