//! `qarin train-ner`: train the entity tagger on a CoNLL file and write the model; progress and dev scores go to
//! standard error.

use anyhow::Context;
use qarin::analysis::ner::classes::{ClassParams, ClassTables, WordClasses};
use qarin::analysis::ner::contextual::{self, ContextualParams};
use qarin::analysis::ner::tagger::{Model, TAGS};
use qarin::analysis::ner::text::fold;
use qarin::analysis::ner::{TrainingData, conll, folded_body_sentences, tag_document};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What to train on besides the labelled data.
pub struct TrainOptions<'a> {
    pub epochs: usize,
    /// Unlabelled news to learn word classes from (none: no classes).
    pub unlabelled: &'a [PathBuf],
    /// Class counts; each is learnt forward and backward.
    pub classes: &'a [usize],
    /// Class counts of the tables learnt from the sentence encoder's word states (none: no such tables), and the
    /// encoder layers run.
    pub contextual_classes: &'a [usize],
    pub contextual_layers: usize,
    /// Also score K-fold cross-validation over the training portion (0: not).
    pub folds: usize,
    /// A model file whose word classes are taken instead of learning them.
    pub classes_from: Option<&'a Path>,
}

pub fn run(data: &Path, out: &Path, dev_out: Option<&Path>, options: &TrainOptions) -> anyhow::Result<ExitCode> {
    // Before training (minutes): an output that is the training data, or cannot be written, is said now.
    if let Some(parent) = out.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    }
    // The model whose classes are taken is an input too: `--classes-from assets/ner/model.bin` with the default
    // `--out` would overwrite it.
    let inputs: Vec<&Path> = std::iter::once(data).chain(options.classes_from).collect();
    super::check_output(out, &inputs)?;
    if let Some(dev_path) = dev_out {
        let mut inputs = inputs.clone();
        inputs.push(out);
        super::check_output(dev_path, &inputs)?;
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
    let classes = learn_classes(&split, options)?;
    if options.folds > 1 {
        let scores = cross_validate(&split, options, &classes)?;
        eprintln!(
            "train-ner: {}-fold cross-validation over the training portion:\n{}",
            options.folds,
            scores.report()
        );
    }
    let model = Model::train(&split.train, options.epochs, classes, |epoch, err| {
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

/// Word classes from the training sentences' words (never the dev portion's) and the unlabelled articles' bodies.
fn learn_classes(split: &TrainingData, options: &TrainOptions) -> anyhow::Result<ClassTables> {
    if let Some(path) = options.classes_from {
        let bytes = std::fs::read(path).with_context(|| format!("reading the model {}", path.display()))?;
        let model = Model::from_bytes(&bytes).with_context(|| format!("reading the model {}", path.display()))?;
        eprintln!("train-ner: word classes taken from {}", path.display());
        return Ok(model.lexicon().classes().clone());
    }
    if options.unlabelled.is_empty()
        || (options.classes.is_empty() && options.contextual_classes.iter().all(|&k| k == 0))
    {
        return Ok(ClassTables::default());
    }
    let corpus = qarin::corpus::load_paths(options.unlabelled, &qarin::progress::Progress::new());
    anyhow::ensure!(
        !corpus.articles.is_empty(),
        "no article could be read from the unlabelled paths"
    );
    let mut sentences: Vec<Vec<String>> = split
        .train
        .iter()
        .map(|(tokens, _)| tokens.iter().map(|t| fold(t)).collect())
        .collect();
    for article in &corpus.articles {
        sentences.extend(folded_body_sentences(article));
    }
    eprintln!(
        "train-ner: learning word classes ({:?}, forward and backward) from {} sentences, {} words ({} unlabelled \
         articles)",
        options.classes,
        sentences.len(),
        sentences.iter().map(Vec::len).sum::<usize>(),
        corpus.articles.len()
    );
    let params: Vec<ClassParams> = [false, true]
        .into_iter()
        .flat_map(|backward| {
            options.classes.iter().map(move |&classes| ClassParams {
                backward,
                ..ClassParams::with_classes(classes)
            })
        })
        .collect();
    let contextual: Vec<usize> = options.contextual_classes.iter().copied().filter(|&k| k > 0).collect();
    anyhow::ensure!(
        params.len() + contextual.len() <= qarin::analysis::ner::classes::MAX_TABLES,
        "at most {} class tables in all (each exchange class count makes two)",
        qarin::analysis::ner::classes::MAX_TABLES
    );
    let started = std::time::Instant::now();
    let mut tables: Vec<WordClasses> = params
        .par_iter()
        .enumerate()
        .map(|(table, p)| {
            WordClasses::learn(&sentences, p, |pass, ll| {
                let direction = if p.backward { "backward" } else { "forward" };
                eprintln!(
                    "train-ner: {} classes {direction} (table {table}): pass {pass}: log-likelihood per word {ll:.4}",
                    p.classes
                );
            })
        })
        .collect();
    if !contextual.is_empty() {
        tables.extend(contextual_classes(&sentences, &contextual, options.contextual_layers)?);
    }
    let tables = ClassTables::from_tables(&tables);
    eprintln!(
        "train-ner: {} words in {} class tables, {:.0} s",
        tables.words(),
        tables.tables(),
        started.elapsed().as_secs_f64()
    );
    Ok(tables)
}

/// Class tables of `classes` classes each from the bundled sentence encoder's states of the words of `sentences`
/// (see `qarin::analysis::ner::contextual`). The encoder reads every sentence once: minutes for millions of words.
fn contextual_classes(sentences: &[Vec<String>], classes: &[usize], layers: usize) -> anyhow::Result<Vec<WordClasses>> {
    use qarin::analysis::meaning::{bundled_model, bundled_model_problem, encoder};
    let (Some(encoder), Some(model)) = (encoder::bundled_encoder(), bundled_model()) else {
        anyhow::bail!(
            "{}",
            encoder::bundled_encoder_problem()
                .or_else(bundled_model_problem)
                .unwrap_or_else(|| "the bundled sentence encoder cannot be read".into())
        );
    };
    let params = ContextualParams {
        classes: classes.to_vec(),
        layers,
        ..ContextualParams::default()
    };
    let started = std::time::Instant::now();
    let last_said = std::sync::atomic::AtomicUsize::new(0);
    let vectors = contextual::word_vectors(sentences, encoder, model, &params, |done, total| {
        // About every tenth of the text.
        let tenth = done * 10 / total.max(1);
        if tenth > last_said.swap(tenth, std::sync::atomic::Ordering::Relaxed) {
            eprintln!(
                "train-ner: encoder word states: {done} of {total} words, {:.0} s",
                started.elapsed().as_secs_f64()
            );
        }
    });
    let tables = contextual::classes_from_vectors(&vectors, &params);
    eprintln!(
        "train-ner: contextual classes {classes:?} over {} words (of {} read), {:.0} s",
        tables.first().map_or(0, WordClasses::len),
        vectors.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(tables)
}

/// Entity-level scores of K models, each trained without one contiguous K-th of the training sentences and scored
/// on it (the same word classes throughout: they come from no labels).
fn cross_validate(
    split: &TrainingData,
    options: &TrainOptions,
    classes: &ClassTables,
) -> anyhow::Result<conll::Scores> {
    let k = options.folds;
    let n = split.train.len();
    let mut scores = conll::Scores::default();
    for fold in 0..k {
        let (a, b) = (fold * n / k, (fold + 1) * n / k);
        let train: Vec<_> = split.train[..a].iter().chain(&split.train[b..]).cloned().collect();
        let model = Model::train(&train, options.epochs, classes.clone(), |_, _| {});
        // As written and read back (quantised), like the dev figure.
        let model = Model::from_bytes(&model.to_bytes())?;
        let held = &split.train[a..b];
        let tokens: Vec<Vec<&str>> = held
            .iter()
            .map(|(t, _)| t.iter().map(String::as_str).collect())
            .collect();
        for ((_, gold), pred) in held.iter().zip(tag_document(&model, &tokens)) {
            let gold: Vec<&str> = gold.iter().map(|&x| TAGS[x]).collect();
            let pred: Vec<&str> = pred.iter().map(|&x| TAGS[x]).collect();
            scores.add(&gold, &pred);
        }
    }
    Ok(scores)
}
