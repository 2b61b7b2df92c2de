//! Mentions in an article: the tagger run over the body sentence by sentence, news-prose patterns (roles before names,
//! agencies, bodies), gazetteer matches, dates, and later short forms of names given in full — then overlaps resolved.

use super::tagger::{Lexicon, Model, TAGS, TokenForms, cover_from_matches};
use super::text::strip_proclitics;
use super::{bundled_model, tag_document_forms};
use crate::analysis::gazetteer::{GazKind, GazMatch, Gazetteer};
use crate::analysis::mention::{MentionOrigin, RawMention};
use crate::analysis::model::EntityKind;
use crate::arabic::dates::find_dates;
use crate::arabic::{CliticSplit, Token, TokenKind, normalize, tokenize, tokenize_range};
use crate::corpus::Article;
use crate::progress::Progress;
use rayon::prelude::*;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

// One file per job: the sentences and tokens, each mention source, resolution, coreference, the word lists and the
// parameters. They share this module's imports and helpers (`use super::*`).
mod coreference;
mod dates;
mod gazetteer;
mod params;
mod patterns;
mod resolution;
mod shape;
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
use shape::looks_like_a_name;
use tagged::tagger_mentions;
use tokens::{Sentence, Tok, body_sentences, with_proclitics, ya_final};
use words::{BODY_HEADS, FUNCTION_WORDS, ORG_HEADS, ROLE_MODIFIERS, ROLES, SPEECH_VERBS, never_a_name};

/// Every mention in the article's `body` segments, sorted by start, not overlapping (default parameters).
pub fn recognize(article: &Article) -> Vec<RawMention> {
    recognize_with(article, &RecognitionParams::default())
}

/// [`recognize`] with explicit parameters.
pub fn recognize_with(article: &Article, params: &RecognitionParams) -> Vec<RawMention> {
    recognize_with_progress(article, params, &Progress::new())
}

/// The folded words of each sentence recognition reads in an article (its body sentences), as the tagger sees
/// them: unlabelled text to learn word classes from ([`super::classes`]).
pub fn folded_body_sentences(article: &Article) -> Vec<Vec<String>> {
    body_sentences(article)
        .into_iter()
        .map(|(s, e)| {
            tokenize_range(&article.text, s..e)
                .into_iter()
                .map(|t| t.norm)
                .collect::<Vec<_>>()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// [`recognize_with`] that reports its work on `progress` in bytes of the article's text (each sentence's bytes
/// counted as it is read, tagged and searched for patterns) and stops early when `progress` is cancelled: then the
/// mentions are those of the sentences done (a cancelled analysis is thrown away). Sentences are worked on in
/// parallel, so one long article uses every core.
pub fn recognize_with_progress(article: &Article, params: &RecognitionParams, progress: &Progress) -> Vec<RawMention> {
    let text = article.text.as_str();
    let ranges = body_sentences(article);
    // A third of each sentence's bytes for each pass over it; the body's other bytes when the work ends.
    let third = |(s, e): (usize, usize)| (e - s) / 3;
    let counted = AtomicUsize::new(0);
    let step = |bytes: usize| {
        progress.advance(bytes);
        counted.fetch_add(bytes, Ordering::Relaxed);
    };
    let sentences: Vec<Sentence> = ranges
        .par_iter()
        .filter_map(|&(s, e)| {
            if progress.is_cancelled() {
                return None;
            }
            let tokens = tokenize_range(text, s..e);
            let gaz = Gazetteer::global().find_in_tokens(&tokens);
            let toks: Vec<Tok> = tokens.into_iter().map(with_proclitics).collect();
            step(third((s, e)));
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
        let go_on = |i: usize| {
            let go = !progress.is_cancelled();
            if go && let Some(s) = sentences.get(i) {
                step(third((s.start, s.end)));
            }
            go
        };
        tagger_mentions(text, &sentences, model, params, &go_on, &mut candidates);
    }
    let per_sentence: Vec<Vec<Candidate>> = sentences
        .par_iter()
        .map(|s| {
            let mut out = Vec::new();
            if progress.is_cancelled() {
                return out;
            }
            pattern_mentions(text, s, lexicon, params, &mut out);
            gazetteer_mentions(s, params, &mut out);
            date_mentions(text, s, params, &mut out);
            step(s.end - s.start - 2 * third((s.start, s.end)));
            out
        })
        .collect();
    candidates.extend(per_sentence.into_iter().flatten());
    if !progress.is_cancelled() {
        // The bytes outside the body sentences (title, boilerplate) and of sentences without tokens.
        progress.advance(text.len().saturating_sub(counted.load(Ordering::Relaxed)));
    }
    let mut mentions = resolve(candidates);
    // A name found by the tagger or a pattern that is exactly a gazetteer entry (تاس in وكالة "تاس") gets its identity
    // (each mention on its own: in parallel).
    mentions.par_iter_mut().for_each(|m| {
        if m.canonical.is_some() || m.kind == EntityKind::Date {
            return;
        }
        let name = &text[m.start..m.end];
        if let [g] = Gazetteer::global().find_all(name).as_slice()
            && g.start == 0
            && g.end == name.len()
            && g.kind.entity_kind() == m.kind
            && !g.canonical.is_empty()
        {
            m.canonical = Some(g.canonical.clone());
        }
    });
    drop_broken_words(text, &mut mentions);
    drop_unsupported_single_names(text, lexicon, params, &mut mentions);
    short_forms(text, &sentences, params, &mut mentions);
    complete_names_cut_at_a_connector(text, &mut mentions);
    mentions
}

/// Words that join a name to the rest of it (أبو بكر, بن سلمان, عبد الله, آل مكتوم), as written (marks left out): no
/// name ends with one. Not folded: «آبي» (Abe) is a surname, «أبي» the kunya's connector.
const NAME_CONNECTORS: &[&str] = &[
    "أبو", "ابو", "أبي", "ابي", "أبا", "ابا", "بن", "ابن", "إبن", "بنت", "عبد", "آل",
];

/// A person's name cut after a connector («إبراهيم أبو» + «البغدادي», the kunya's «بكر» left between) goes on: the
/// word after the connector is part of the name, and a person named right after it is the rest of the same name
/// («إبراهيم أبو بكر البغدادي»). The word taken must be a word of letters that is no function or time word.
fn complete_names_cut_at_a_connector(text: &str, mentions: &mut Vec<RawMention>) {
    mentions.sort_by_key(|m| (m.start, m.end));
    // The next whitespace-separated word after `at`: its byte range, if only spaces lie before it.
    let next_word = |at: usize| -> Option<(usize, usize)> {
        let rest = text.get(at..)?;
        let lead = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        let start = at + lead;
        let len = text[start..].find(char::is_whitespace).unwrap_or(text.len() - start);
        (len > 0 && lead > 0).then_some((start, start + len))
    };
    let is_connector = |w: &str| {
        let bare: String = w
            .chars()
            .filter(|&c| !crate::arabic::normalize::is_arabic_mark(c) && c != '\u{640}')
            .collect();
        NAME_CONNECTORS.contains(&bare.as_str())
    };
    // The word after a connector, if it can be the rest of a name: letters (two or more), no function or time word.
    let name_word = |(ws, we): (usize, usize)| {
        let word = &text[ws..we];
        let folded = crate::arabic::normalize(word);
        let base = folded
            .strip_prefix('و')
            .filter(|b| b.chars().count() >= 2)
            .unwrap_or(&folded);
        word.chars().all(crate::arabic::normalize::is_letter)
            && word.chars().count() >= 2
            && ![folded.as_str(), base]
                .iter()
                .any(|w| FUNCTION_WORDS.contains(w) || never_a_name(w))
    };
    // One pass that moves each mention once (removing merged ones in place would be quadratic in a long article).
    let mut rest = std::mem::take(mentions).into_iter().peekable();
    while let Some(mut m) = rest.next() {
        if m.kind == EntityKind::Person {
            let mut end = m.end;
            // A connector ends the name so far: take the word after it (a chain «بن سلمان بن عبد العزيز» word by word).
            for _ in 0..4 {
                let ends_in_connector = text[m.start..end].split_whitespace().last().is_some_and(is_connector);
                let Some((_, we)) = next_word(end).filter(|&w| ends_in_connector && name_word(w)) else {
                    break;
                };
                if rest
                    .peek()
                    .is_some_and(|n| n.start < we && n.kind != EntityKind::Person)
                {
                    break;
                }
                end = we.max(end);
                // The rest of the name: a person mention starting at that word or right after it.
                while let Some(n) = rest.next_if(|n| {
                    n.kind == EntityKind::Person && (n.start < end || next_word(end).is_some_and(|(s, _)| s == n.start))
                }) {
                    end = end.max(n.end);
                }
            }
            if end != m.end {
                m.end = end;
                m.canonical = None;
            }
        }
        mentions.push(m);
    }
}

/// Scraped pages often print a word broken where a mark stood (نبيه بر ي, معو ض, الإمبراطوري ة): a letter cut off
/// from its word. A name is made of whole words: a mention holding such a lone letter, or a word that no Arabic word
/// begins with (ة, ى, ؤ), is dropped (cutting the letter off would leave a broken word: ك ردستان → ردستان). An
/// abbreviation spelled letter by letter (أ ف ب, د ب أ) is whole as it is, and «و» spaced off inside a name is the
/// conjunction (وزارة الخارجية و المغتربين).
fn drop_broken_words(text: &str, mentions: &mut Vec<RawMention>) {
    let lone_letter = |w: &str| {
        let mut chars = w.chars().filter(|&c| !crate::arabic::normalize::is_arabic_mark(c));
        matches!((chars.next(), chars.next()), (Some(c), None) if crate::arabic::normalize::is_arabic_letter(c))
    };
    let impossible_start = |w: &str| w.starts_with(['ة', 'ى', 'ؤ']);
    mentions.retain(|m| {
        if m.kind == EntityKind::Date || m.origin == MentionOrigin::Gazetteer {
            return true;
        }
        let words: Vec<&str> = text[m.start..m.end].split_whitespace().collect();
        if words.iter().all(|w| lone_letter(w)) {
            return words.len() >= 3;
        }
        let inner_and = |k: usize, w: &str| w == "و" && k > 0 && k + 1 < words.len();
        !words
            .iter()
            .enumerate()
            .any(|(k, w)| (lone_letter(w) && !inner_and(k, w)) || impossible_start(w))
    });
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
