//! The report model: what `qarin analyze --json` writes and what the workbench reads.
//! Every `start..end` is a UTF-8 byte range into the text of the article named by `article` (an article id).

pub use crate::corpus::formats::REPORT_FORMAT;

use crate::corpus::{Article, Diagnostic};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`REPORT_FORMAT`].
    pub format: String,
    pub articles: Vec<Article>,
    pub entities: Vec<Entity>,
    pub claims: Vec<ClaimCluster>,
    pub diagnostics: Vec<Diagnostic>,
    /// The articles grouped into stories (see [`crate::analysis::stories`]); every article is in at most one.
    #[serde(default)]
    pub stories: Vec<Story>,
}

/// Why a report could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveReportError {
    #[error("cannot create {}: {source}", path.display())]
    Create { path: PathBuf, source: std::io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

impl Report {
    /// A report of these findings, tagged with [`REPORT_FORMAT`].
    pub fn new(
        articles: Vec<Article>,
        entities: Vec<Entity>,
        claims: Vec<ClaimCluster>,
        diagnostics: Vec<Diagnostic>,
    ) -> Report {
        Report {
            format: REPORT_FORMAT.to_string(),
            articles,
            entities,
            claims,
            diagnostics,
            stories: Vec::new(),
        }
    }

    /// Writes the report as pretty JSON and a final newline (what `qarin analyze --json` writes).
    pub fn write_json(&self, mut writer: impl Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut writer, self)?;
        writeln!(writer)?;
        writer.flush()
    }

    /// Writes the report as JSON to the file at `path` (created or replaced).
    pub fn save_json(&self, path: &Path) -> Result<(), SaveReportError> {
        let file = std::fs::File::create(path).map_err(|source| SaveReportError::Create {
            path: path.to_path_buf(),
            source,
        })?;
        self.write_json(std::io::BufWriter::new(file))
            .map_err(|source| SaveReportError::Write {
                path: path.to_path_buf(),
                source,
            })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Org,
    Place,
    Date,
    Other,
}

/// One real-world entity, linked across articles despite spelling variants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable across runs on the same corpus, e.g. `e12`.
    pub id: String,
    pub kind: EntityKind,
    /// Its most common written form.
    pub label: String,
    /// Every distinct written form, most common first.
    pub variants: Vec<String>,
    /// Normalised value where the kind has one: a date as `2020-10-18` or `2020-10`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Ids of the articles it occurs in, in corpus order.
    pub articles: Vec<String>,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Verbatim,
    Paraphrase,
}

/// The same statement carried by two or more articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimCluster {
    /// Stable across runs on the same corpus, e.g. `c3`.
    pub id: String,
    pub kind: ClaimKind,
    /// Cohesion of the cluster, 0..=1.
    pub score: f32,
    /// Ordered by article date (members of one date: the one the others share most text with first), then article
    /// order, then position; the first is the earliest known source.
    pub members: Vec<ClaimMember>,
    /// Exactly shared spans inside members (from local alignment).
    pub shared: Vec<SharedSpan>,
    /// Details on which members disagree.
    pub differences: Vec<Difference>,
    /// Units of other articles of a member's own outlet that repeat it: "repeated by this outlet", shown with the
    /// claim but never a member (one outlet saying a thing twice is not two outlets saying it).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repeated_by_outlet: Vec<ClaimMember>,
    /// Ids of the stories its members' articles belong to, in story order; two or more mark a claim carried across
    /// stories (background reused by unrelated articles). Empty before stories are grouped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<String>,
}

/// Articles about the same event or development, across outlets and days (`qarin-report/1` `stories`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// `s1`, `s2`, … — largest story first; stable for the same corpus whatever the file order.
    pub id: String,
    /// The title of its earliest dated article (else of its first one).
    pub label: String,
    /// Article ids, in corpus order.
    pub articles: Vec<String>,
    /// Earliest and latest known publication date of its articles (`YYYY-MM-DD` or `YYYY-MM`).
    pub first: Option<String>,
    pub last: Option<String>,
    /// Outlets that carried it, most articles first.
    pub outlets: Vec<String>,
    /// Entities named by two or more of its articles (by one when it holds one article), most articles first.
    pub entities: Vec<String>,
    /// Claim clusters with a member in one of its articles, in report order.
    pub claims: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimMember {
    pub article: String,
    /// Index into the article's `sentences`.
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedSpan {
    /// Index into the cluster's `members`.
    pub member: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// e.g. `{what: "date", values: {"000": "2020-10-18", "001": "2020-10"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    /// `number`, `date`, `quantity` or `entity`.
    pub what: String,
    /// Article id → the value that member states (a rounded figure, «أكثر من 300», as `~300`).
    pub values: BTreeMap<String, String>,
    /// A rounded figure against an exact one: the members may well agree (absent: false).
    #[serde(default, skip_serializing_if = "is_false")]
    pub soft: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Rows that line units up across a chosen sequence of articles (a multiple-sequence alignment over claim clusters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Article ids, one per column, in the chosen order.
    pub articles: Vec<String>,
    pub rows: Vec<AlignmentRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignmentRow {
    /// The claim cluster whose members share this row, if any.
    pub cluster: Option<String>,
    /// One cell per column of [`Alignment::articles`]: the unit of that article on this row, if any.
    pub cells: Vec<Option<AlignedUnit>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlignedUnit {
    pub start: usize,
    pub end: usize,
}

impl Report {
    /// The story holding the article `id`, if any.
    pub fn story_of(&self, article: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.articles.iter().any(|a| a == article))
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }
}
