//! Mentions in an article: the tagger run over the body sentence by sentence, news-prose patterns (roles before names,
//! agencies, bodies), gazetteer matches, dates, and later short forms of names given in full — then overlaps resolved.

use super::tagger::{Lexicon, Model, TAGS, TokenForms, cover_from_matches};
use super::text::strip_proclitics;
use super::{bundled_model, tag_document_forms};
use crate::analysis::gazetteer::{GazKind, GazMatch, Gazetteer};
use crate::analysis::mention::{MentionOrigin, RawMention};
use crate::analysis::model::EntityKind;
use crate::arabic::dates::find_dates;
use crate::arabic::{CliticSplit, Token, normalize, tokenize, tokenize_range};
use crate::corpus::Article;
use std::collections::HashSet;

// One file per job: the sentences and tokens, each mention source, resolution, coreference, the word lists and the
// parameters. They share this module's imports and helpers (`use super::*`).
mod coreference;
mod dates;
mod gazetteer;
mod params;
mod patterns;
mod resolution;
mod tagged;
mod tokens;
mod words;

use coreference::short_forms;
use dates::date_mentions;
use gazetteer::{gazetteer_knows, gazetteer_mentions};
pub use params::RecognitionParams;
pub use patterns::is_role;
use patterns::pattern_mentions;
use resolution::{drop_unsupported_single_names, full_person_names, resolve};
use tagged::tagger_mentions;
use tokens::{Sentence, Tok, body_sentences, with_proclitics, ya_final};
use words::{BODY_HEADS, FUNCTION_WORDS, ROLE_MODIFIERS, ROLES, never_a_name};

/// Every mention in the article's `body` segments, sorted by start, not overlapping (default parameters).
pub fn recognize(article: &Article) -> Vec<RawMention> {
    recognize_with(article, &RecognitionParams::default())
}

/// [`recognize`] with explicit parameters.
pub fn recognize_with(article: &Article, params: &RecognitionParams) -> Vec<RawMention> {
    let text = article.text.as_str();
    let sentences: Vec<Sentence> = body_sentences(article)
        .into_iter()
        .filter_map(|(s, e)| {
            let tokens = tokenize_range(text, s..e);
            let gaz = Gazetteer::global().find_in_tokens(&tokens);
            let toks: Vec<Tok> = tokens.into_iter().map(with_proclitics).collect();
            (!toks.is_empty()).then_some(Sentence {
                start: s,
                end: e,
                toks,
                gaz,
            })
        })
        .collect();
    let model = bundled_model();
    let empty = Lexicon::default();
    let lexicon = model.map(Model::lexicon).unwrap_or(&empty);
    let mut candidates = Vec::new();
    if let Some(model) = model {
        tagger_mentions(text, &sentences, model, params, &mut candidates);
    }
    for s in &sentences {
        pattern_mentions(text, s, lexicon, params, &mut candidates);
        gazetteer_mentions(s, params, &mut candidates);
        date_mentions(text, s, params, &mut candidates);
    }
    let mut mentions = resolve(candidates);
    // A name found by the tagger or a pattern that is exactly a gazetteer entry (تاس in وكالة "تاس") gets its identity.
    for m in mentions
        .iter_mut()
        .filter(|m| m.canonical.is_none() && m.kind != EntityKind::Date)
    {
        let name = &text[m.start..m.end];
        if let [g] = Gazetteer::global().find_all(name).as_slice()
            && g.start == 0
            && g.end == name.len()
            && g.kind.entity_kind() == m.kind
            && !g.canonical.is_empty()
        {
            m.canonical = Some(g.canonical.clone());
        }
    }
    drop_unsupported_single_names(text, lexicon, params, &mut mentions);
    short_forms(text, &sentences, params, &mut mentions);
    mentions
}

pub(super) fn kind_of(ty: &str) -> EntityKind {
    match ty {
        "PERS" => EntityKind::Person,
        "LOC" => EntityKind::Place,
        "ORG" => EntityKind::Org,
        _ => EntityKind::Other,
    }
}

pub(super) struct Candidate {
    pub(super) mention: RawMention,
    /// Higher wins an overlap before length does.
    pub(super) rank: u8,
}

pub(super) fn push(
    out: &mut Vec<Candidate>,
    params: &RecognitionParams,
    start: usize,
    end: usize,
    kind: EntityKind,
    origin: MentionOrigin,
    rank: u8,
) {
    if start < end {
        out.push(Candidate {
            mention: RawMention {
                start,
                end,
                kind,
                value: None,
                canonical: None,
                origin,
                confidence: params.confidence(origin),
            },
            rank,
        });
    }
}
