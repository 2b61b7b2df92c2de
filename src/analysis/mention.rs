//! A mention as recognition finds it in one article, before linking across articles.

use super::model::EntityKind;

/// Where a mention came from; linking may trust some origins more than others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionOrigin {
    /// The statistical sequence tagger.
    Tagger,
    /// A gazetteer entry (countries, cities, organisations, agencies, …).
    Gazetteer,
    /// A news-prose pattern (a title or role before a name, `وكالة "…"`, `وزارة …`).
    Pattern,
    /// A date expression.
    Date,
    /// A later short form of a name given in full earlier in the same article.
    Coreference,
}

/// One recognised span of an article's text (byte range into `Article::text`, inside a `body` segment).
#[derive(Debug, Clone, PartialEq)]
pub struct RawMention {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// Normalised value where the kind has one (a date as `2020-10-18` / `2020-10`).
    pub value: Option<String>,
    /// A known identity from a gazetteer (e.g. `place:IR` for both إيران and الإيرانية), used by linking.
    pub canonical: Option<String>,
    pub origin: MentionOrigin,
    /// 0..=1.
    pub confidence: f32,
}

impl RawMention {
    /// A gazetteer match taken as it stands: its span, kind and identity, with full confidence. For mentions made by
    /// hand (tests, benches); recognition weighs gazetteer matches by its own parameters.
    pub fn from_gazetteer(g: super::gazetteer::GazMatch) -> RawMention {
        RawMention {
            start: g.start,
            end: g.end,
            kind: g.kind.entity_kind(),
            value: None,
            canonical: Some(g.canonical),
            origin: MentionOrigin::Gazetteer,
            confidence: 1.0,
        }
    }
}
