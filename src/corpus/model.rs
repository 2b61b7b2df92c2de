//! The article model every later stage reads. All offsets are UTF-8 byte offsets into `Article::text`.

use serde::{Deserialize, Serialize};

/// One article as loaded: its decoded text kept exactly (line endings normalised to LF) and what was read of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// File stem, made unique within the corpus (stable: derived from the sorted path order).
    pub id: String,
    /// Where it came from: a file path, or `builtin:NAME` for the bundled sample corpus.
    pub path: String,
    pub title: String,
    /// ISO 8601: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` when a time is known, or `YYYY-MM` when only a month is.
    pub date: Option<String>,
    /// Outlet or agency.
    pub source: Option<String>,
    pub url: Option<String>,
    pub text: String,
    /// Cover the whole text, in order, without overlap.
    pub segments: Vec<Segment>,
    /// Sentences of the `body` segments only, in order.
    pub sentences: Vec<Sentence>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    Title,
    /// Date, source, id lines.
    Meta,
    Body,
    /// Comment forms, share/follow lines, "back to top", adverts, tag lists, copyright lines.
    Boilerplate,
    /// An appended "read also" / "related news" block and the other article that follows it.
    Related,
    /// A headline repeated in the body.
    Duplicate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// One problem with one input path, said so that a user knows what happened to that file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub path: String,
    pub severity: Severity,
    pub message: String,
}

/// What loading gave: every article that could be read and one diagnostic per problem.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Article {
    /// The text of `start..end`, or "" when the range is not on character boundaries of this text.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        self.text.get(start..end).unwrap_or("")
    }

    /// The `body` segments, the only part later stages analyse.
    pub fn body_segments(&self) -> impl Iterator<Item = &Segment> {
        self.segments.iter().filter(|s| s.kind == SegmentKind::Body)
    }
}
