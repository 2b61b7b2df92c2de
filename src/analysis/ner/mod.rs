//! Entity recognition in one article: a statistical tagger trained on ANERcorp, gazetteers, news-prose patterns, dates.

pub mod classes;
pub mod conll;
mod consistency;
pub mod contextual;
mod recognize;
pub mod tagger;
pub mod text;

pub use recognize::{
    RecognitionParams, folded_body_sentences, is_role, recognize, recognize_with, recognize_with_progress,
};

use rayon::prelude::*;
use std::sync::OnceLock;
use tagger::{Model, TAGS, TokenForms};

/// The bundled model, trained by `qarin train-ner` on ANERcorp (CC BY-SA 4.0, see assets/ner/README.md).
static MODEL_BYTES: &[u8] = include_bytes!("../../../assets/ner/model.bin");

/// The bundled tagger, decoded once. An error only if the bundled file is broken (a build problem); recognition
/// then uses patterns only, and the commands say so once ([`bundled_model_problem`]).
pub fn bundled_model() -> Option<&'static Model> {
    decoded_bundled_model().as_ref().ok()
}

/// Why the bundled tagger cannot be used, if it cannot.
pub fn bundled_model_problem() -> Option<String> {
    decoded_bundled_model()
        .as_ref()
        .err()
        .map(|err| format!("the bundled entity tagger cannot be read ({err}); using patterns only"))
}

fn decoded_bundled_model() -> &'static Result<Model, String> {
    static MODEL: OnceLock<Result<Model, String>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(MODEL_BYTES).map_err(|err| err.to_string()))
}

/// A CoNLL file tagged by the tagger: each sentence's predicted BIO tags, and entity-level scores when every
/// sentence carries gold tags.
pub struct TaggedConll {
    pub sentences: Vec<Vec<conll::Line>>,
    /// Per sentence, per line: the predicted tag (PERS, LOC, ORG, MISC in BIO).
    pub tags: Vec<Vec<&'static str>>,
    pub scores: Option<conll::Scores>,
}

/// Tags the sentences of a CoNLL text (`qarin ner`).
pub fn tag_conll(model: &Model, text: &str) -> TaggedConll {
    let sentences = conll::parse(text);
    let mut scores = conll::Scores::default();
    let mut all_gold = true;
    let tokens: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(|l| l.token.as_str()).collect())
        .collect();
    let tags: Vec<Vec<&'static str>> = tag_document(model, &tokens)
        .iter()
        .map(|tags| tags.iter().map(|&t| TAGS[t]).collect())
        .collect();
    for (sentence, pred) in sentences.iter().zip(&tags) {
        match sentence
            .iter()
            .map(|l| l.gold.as_deref())
            .collect::<Option<Vec<&str>>>()
        {
            Some(gold) => scores.add(&gold, pred),
            None => all_gold = false,
        }
    }
    let scores = (all_gold && !sentences.is_empty()).then_some(scores);
    TaggedConll {
        sentences,
        tags,
        scores,
    }
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
    tag_document_forms(model, &forms, &[], CONSISTENCY_WINDOW, &|_| true)
}

/// [`tag_document`] over tokens already folded, with each sentence's gazetteer cover already known (empty: computed
/// here) and a window for the one-name-one-label pass (`usize::MAX`: the whole document). Sentences are tagged in
/// parallel; `go_on(i)` is asked before sentence `i` is tagged, and a sentence it refuses is left all `O` (how a
/// caller cancels inside a long article and counts progress).
pub fn tag_document_forms(
    model: &Model,
    sentences: &[Vec<TokenForms>],
    covers: &[tagger::GazCover],
    window: usize,
    go_on: &(dyn Fn(usize) -> bool + Sync),
) -> Vec<Vec<usize>> {
    let mut tags: Vec<Vec<usize>> = sentences
        .par_iter()
        .enumerate()
        .map_init(tagger::Features::default, |scratch, (i, s)| {
            if go_on(i) {
                model.tag_forms(s, covers.get(i), scratch)
            } else {
                vec![0; s.len()]
            }
        })
        .collect();
    consistency::propagate(sentences, &mut tags, window);
    tags
}

/// Training data as `qarin train-ner` splits it: the last tenth of the sentences, in file order, is the dev set.
pub struct TrainingData {
    /// Tokens and gold tag indices of each training sentence.
    pub train: Vec<(Vec<String>, Vec<usize>)>,
    pub dev: Vec<Vec<conll::Line>>,
    /// Training sentences left out because a line carries no tag.
    pub skipped: usize,
}

impl TrainingData {
    pub fn split(sentences: Vec<Vec<conll::Line>>) -> Self {
        let dev_start = sentences.len() - sentences.len() / 10;
        let mut sentences = sentences;
        let dev = sentences.split_off(dev_start);
        let mut skipped = 0;
        let train = sentences
            .iter()
            .filter_map(|s| {
                let gold = conll::gold_indices(s);
                if gold.is_none() {
                    skipped += 1;
                }
                Some((s.iter().map(|l| l.token.clone()).collect(), gold?))
            })
            .collect();
        Self { train, dev, skipped }
    }

    pub fn train_tokens(&self) -> usize {
        self.train.iter().map(|s| s.0.len()).sum()
    }

    /// The dev sentences as CoNLL text.
    pub fn dev_conll(&self) -> String {
        let mut s = String::new();
        for sentence in &self.dev {
            for line in sentence {
                s.push_str(&line.text);
                s.push('\n');
            }
            s.push('\n');
        }
        s
    }

    /// Entity-level scores of `model` on the dev sentences that carry gold tags.
    pub fn dev_scores(&self, model: &Model) -> conll::Scores {
        let mut scores = conll::Scores::default();
        let tokens: Vec<Vec<&str>> = self
            .dev
            .iter()
            .map(|s| s.iter().map(|l| l.token.as_str()).collect())
            .collect();
        let tags = tag_document(model, &tokens);
        for (sentence, tags) in self.dev.iter().zip(&tags) {
            if let Some(gold) = sentence
                .iter()
                .map(|l| l.gold.as_deref())
                .collect::<Option<Vec<&str>>>()
            {
                let pred: Vec<&str> = tags.iter().map(|&t| TAGS[t]).collect();
                scores.add(&gold, &pred);
            }
        }
        scores
    }
}
