//! Workbench state, separate from drawing: the loaded report, derived indexes, selection, view settings,
//! and the background loading job.

use super::palette;
use super::search::FoldedText;
use crate::analysis::meaning::{
    self,
    similar::{SentenceCache, SimilarParams, SimilarSentence, similar_sentences},
};
use crate::analysis::{self, Alignment, ClaimCluster, EntityKind, Report};
use crate::corpus::{Article, Diagnostic, SegmentKind, Severity};
use crate::progress::Progress;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

/// What is persisted between runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub dark: bool,
    pub zoom: f32,
    /// The paths of the last corpus (empty: the sample corpus).
    pub last_corpus: Option<Vec<PathBuf>>,
    pub recent: Vec<Vec<PathBuf>>,
    /// Article ids shown as columns, in order, for the last corpus.
    pub visible_columns: Vec<String>,
    pub column_width: f32,
    pub font_size: f32,
    /// Where the first column stands (right for an Arabic corpus unless switched).
    pub column_order: ColumnOrder,
    /// The corpus + claims panel (left) is shown; hidden, the columns get its width.
    pub show_corpus_panel: bool,
    /// The entities panel (right) is shown.
    pub show_entities_panel: bool,
    /// Where exports go when no file dialog answers (unset: `dialogs::default_export_dir`).
    pub export_dir: Option<PathBuf>,
}

/// The order of the columns on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ColumnOrder {
    /// Right to left when most of the shown text is Arabic script, else left to right.
    #[default]
    Auto,
    RightToLeft,
    LeftToRight,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            dark: false,
            zoom: 1.0,
            last_corpus: None,
            recent: Vec::new(),
            visible_columns: Vec::new(),
            column_width: 160.0,
            font_size: 17.0,
            column_order: ColumnOrder::Auto,
            show_corpus_panel: true,
            show_entities_panel: true,
            export_dir: None,
        }
    }
}

pub const MAX_RECENT: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewMode {
    Columns,
    Aligned,
    /// The story list (issue 14); until that view is wired in, the central area says it is not available.
    Stories,
}

impl ViewMode {
    pub fn name(self) -> &'static str {
        match self {
            ViewMode::Columns => "columns",
            ViewMode::Aligned => "aligned",
            ViewMode::Stories => "stories",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixSort {
    Articles,
    Label,
    Kind,
    /// Mentions in the article at this index of the report.
    Article(usize),
}

/// How the workbench should look once its corpus is loaded: the command line's `--view`, `--theme`, `--search`,
/// `--select-entity`, `--select-claim`, `--panels` (interactive runs and `--screenshot` alike). Unset: as stored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StartView {
    pub view: Option<ViewMode>,
    pub dark: Option<bool>,
    pub search: Option<String>,
    /// A label or any spelling variant of an entity (folded match).
    pub select_entity: Option<String>,
    /// 1-based position in the claims panel.
    pub select_claim: Option<usize>,
    /// A fragment of the sentence to choose for "similar here" (folded match, first in column order).
    pub select_sentence: Option<String>,
    /// Which side panels show: (corpus + claims, entities).
    pub panels: Option<(bool, bool)>,
}

impl StartView {
    /// Whether it asks for any selection or search (a screenshot then shows exactly that).
    pub fn selects_anything(&self) -> bool {
        self.search.is_some()
            || self.select_entity.is_some()
            || self.select_claim.is_some()
            || self.select_sentence.is_some()
    }
}

/// One highlight in an article: a byte range and what it marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Entity(usize),
    /// (cluster index, member index)
    Claim(usize, usize),
    SearchHit,
}

#[derive(Debug, Clone)]
pub struct ArticleMarks {
    /// Entity mentions, sorted by start.
    pub mentions: Vec<(Range<usize>, usize)>,
    /// Claim members, sorted by start: (range, cluster index, member index).
    pub claims: Vec<(Range<usize>, usize, usize)>,
}

/// Everything derived from a report once, when it is loaded.
#[derive(Debug, Clone, Default)]
pub struct ReportIndex {
    pub article_by_id: HashMap<String, usize>,
    pub marks: Vec<ArticleMarks>,
    /// Mentions per (entity, article).
    pub mention_counts: Vec<Vec<usize>>,
    /// Claim clusters per article.
    pub claim_counts: Vec<usize>,
    /// Cluster indexes ordered by the number of distinct articles sharing them (then id).
    pub claim_order: Vec<usize>,
    /// Rank of a cluster in `claim_order` (its colour).
    pub claim_rank: Vec<usize>,
    pub claim_article_counts: Vec<usize>,
    pub folded: Vec<FoldedText>,
    /// Each segment's text (trailing space trimmed), shared with the text widget without copying each frame.
    pub segment_texts: Vec<Vec<Arc<str>>>,
}

impl ReportIndex {
    pub fn new(report: &Report) -> Self {
        let article_by_id: HashMap<String, usize> = report
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let n = report.articles.len();
        let mut marks: Vec<ArticleMarks> = (0..n)
            .map(|_| ArticleMarks {
                mentions: Vec::new(),
                claims: Vec::new(),
            })
            .collect();
        let mut mention_counts = vec![vec![0; n]; report.entities.len()];
        for (e, entity) in report.entities.iter().enumerate() {
            for m in &entity.mentions {
                if let Some(&a) = article_by_id.get(&m.article)
                    && m.start < m.end
                    && m.end <= report.articles[a].text.len()
                {
                    marks[a].mentions.push((m.start..m.end, e));
                    mention_counts[e][a] += 1;
                }
            }
        }
        let mut claim_counts = vec![0; n];
        let mut claim_article_counts = Vec::with_capacity(report.claims.len());
        for (c, cluster) in report.claims.iter().enumerate() {
            let mut arts = BTreeSet::new();
            for (mi, m) in cluster.members.iter().enumerate() {
                if let Some(&a) = article_by_id.get(&m.article)
                    && m.start < m.end
                    && m.end <= report.articles[a].text.len()
                {
                    marks[a].claims.push((m.start..m.end, c, mi));
                    arts.insert(a);
                }
            }
            for &a in &arts {
                claim_counts[a] += 1;
            }
            claim_article_counts.push(arts.len());
        }
        for m in &mut marks {
            m.mentions.sort_by_key(|(r, _)| (r.start, r.end));
            m.claims.sort_by_key(|(r, _, _)| (r.start, r.end));
        }
        let mut claim_order: Vec<usize> = (0..report.claims.len()).collect();
        claim_order.sort_by(|&a, &b| {
            claim_article_counts[b]
                .cmp(&claim_article_counts[a])
                .then(report.claims[b].members.len().cmp(&report.claims[a].members.len()))
                .then(a.cmp(&b))
        });
        let mut claim_rank = vec![0; report.claims.len()];
        for (rank, &c) in claim_order.iter().enumerate() {
            claim_rank[c] = rank;
        }
        let folded = report.articles.iter().map(|a| FoldedText::new(&a.text)).collect();
        let segment_texts = report
            .articles
            .iter()
            .map(|a| {
                a.segments
                    .iter()
                    .map(|s| Arc::from(a.slice(s.start, s.end).trim_end()))
                    .collect()
            })
            .collect();
        Self {
            article_by_id,
            marks,
            mention_counts,
            claim_counts,
            claim_order,
            claim_rank,
            claim_article_counts,
            folded,
            segment_texts,
        }
    }
}

/// A running load + analysis on a worker thread.
pub struct LoadJob {
    pub paths: Vec<PathBuf>,
    pub progress: Arc<Progress>,
    receiver: Receiver<LoadOutcome>,
}

pub enum LoadOutcome {
    Done(Box<Report>),
    Cancelled,
    Failed(String),
}

impl LoadJob {
    /// Starts loading `paths` (none: the sample corpus) and analysing them off the UI thread.
    /// `wake` is called when the result is ready (the UI asks for a repaint there).
    pub fn start(paths: Vec<PathBuf>, wake: impl Fn() + Send + 'static) -> Self {
        let progress = Arc::new(Progress::new());
        let (sender, receiver) = std::sync::mpsc::channel();
        let worker_progress = Arc::clone(&progress);
        let worker_paths = paths.clone();
        let spawned = std::thread::Builder::new().name("qarin-load".into()).spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                load_and_analyze(&worker_paths, &worker_progress)
            }))
            .unwrap_or_else(|panic| {
                let msg = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown error".into());
                LoadOutcome::Failed(format!("internal error while loading: {msg}"))
            });
            let _ = sender.send(outcome);
            wake();
        });
        let job = Self {
            paths,
            progress,
            receiver,
        };
        if let Err(err) = spawned {
            // Rare (thread limit): fall back to a failed outcome instead of freezing.
            let (sender, receiver) = std::sync::mpsc::channel();
            let _ = sender.send(LoadOutcome::Failed(format!("cannot start the loading thread: {err}")));
            return Self { receiver, ..job };
        }
        job
    }

    /// The outcome once the worker is done.
    pub fn poll(&self) -> Option<LoadOutcome> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(LoadOutcome::Failed("the loading thread stopped".into())),
        }
    }

    pub fn cancel(&self) {
        self.progress.cancel();
    }
}

pub fn load_and_analyze(paths: &[PathBuf], progress: &Progress) -> LoadOutcome {
    let report = crate::pipeline::run(paths, &crate::pipeline::Params::default(), progress);
    if progress.is_cancelled() {
        return LoadOutcome::Cancelled;
    }
    LoadOutcome::Done(Box::new(report))
}

/// What is selected: at most one entity and one claim cluster; the search query.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub entity: Option<usize>,
    pub claim: Option<usize>,
    pub query: String,
    /// A sentence the reader clicked: (article, index into its `sentences`); its nearest units in the other
    /// columns are marked "similar here".
    pub sentence: Option<(usize, usize)>,
}

/// The whole state of the workbench, without any drawing.
pub struct WorkbenchState {
    pub settings: Settings,
    pub report: Option<Report>,
    pub index: ReportIndex,
    /// Paths of the loaded corpus (empty: the sample corpus).
    pub corpus_paths: Vec<PathBuf>,
    /// Report indexes of the articles shown as columns, in order.
    pub columns: Vec<usize>,
    pub selection: Selection,
    pub view: ViewMode,
    pub matrix_sort: MatrixSort,
    pub entity_filter: String,
    /// Boilerplate/related blocks the user expanded: (article, segment index).
    pub expanded: BTreeSet<(usize, usize)>,
    pub job: Option<LoadJob>,
    /// Messages for the status bar (errors of dialogs, exports…), newest last.
    pub messages: Vec<String>,
    /// Search hits per article (recomputed when the query changes).
    pub search_hits: Vec<Vec<Range<usize>>>,
    search_for: String,
    alignment: Option<(Vec<usize>, Alignment)>,
    /// Set when the columns should scroll to align the selected claim.
    pub align_pending: bool,
    /// Set when a new search should bring each column's first hit into view.
    pub search_scroll_pending: bool,
    /// Steps through the search hits asked for outside the columns (Enter in the search field), not yet taken.
    pub pending_hit_step: i32,
    /// The story list is shown instead of the columns (a corpus of more than one story opens on it).
    pub story_list: bool,
    /// The open story (an index into the report's stories); the panels then show its claims and entities only.
    pub story: Option<usize>,
    pub story_filter: Option<super::story_index::StoryFilter>,
    pub stories: super::story_index::StoryIndex,
    /// Aligned view: only the claims the base article carries.
    pub aligned_only_base: bool,
    /// Aligned view: the article the others are compared against (report index; unset or not shown: the first
    /// column).
    pub aligned_base: Option<usize>,
    /// The units of the shown columns nearest to the chosen sentence (`selection.sentence`), best first per column.
    pub similar: Vec<SimilarSentence>,
    /// Set when a new choice of sentence should bring each column's similar unit into view.
    pub similar_scroll_pending: bool,
    /// Meaning vectors and stems of the units of the articles compared so far (this corpus).
    sentence_cache: SentenceCache,
}

impl WorkbenchState {
    pub fn new(settings: Settings) -> Self {
        Self {
            settings,
            report: None,
            index: ReportIndex::default(),
            corpus_paths: Vec::new(),
            columns: Vec::new(),
            selection: Selection::default(),
            view: ViewMode::Columns,
            matrix_sort: MatrixSort::Articles,
            entity_filter: String::new(),
            expanded: BTreeSet::new(),
            job: None,
            messages: Vec::new(),
            search_hits: Vec::new(),
            search_for: String::new(),
            alignment: None,
            align_pending: false,
            search_scroll_pending: false,
            pending_hit_step: 0,
            story_list: false,
            story: None,
            story_filter: None,
            stories: super::story_index::StoryIndex::default(),
            aligned_only_base: false,
            aligned_base: None,
            similar: Vec::new(),
            similar_scroll_pending: false,
            sentence_cache: SentenceCache::default(),
        }
    }

    pub fn is_loading(&self) -> bool {
        self.job.is_some()
    }

    pub fn message(&mut self, msg: impl Into<String>) {
        self.messages.push(msg.into());
        if self.messages.len() > 50 {
            self.messages.remove(0);
        }
    }

    /// Installs a freshly analysed report; keeps the persisted column choice when it fits this corpus.
    pub fn set_report(&mut self, report: Report, paths: Vec<PathBuf>) {
        self.index = ReportIndex::new(&report);
        let same_corpus = self.settings.last_corpus.as_ref() == Some(&paths);
        let restored: Vec<usize> = if same_corpus {
            self.settings
                .visible_columns
                .iter()
                .filter_map(|id| self.index.article_by_id.get(id).copied())
                .collect()
        } else {
            Vec::new()
        };
        self.columns = if restored.is_empty() {
            (0..report.articles.len().min(6)).collect()
        } else {
            restored
        };
        self.selection = Selection {
            query: std::mem::take(&mut self.selection.query),
            ..Selection::default()
        };
        self.expanded.clear();
        self.alignment = None;
        self.similar.clear();
        self.sentence_cache = SentenceCache::default();
        self.search_for = String::from("\u{0}");
        self.stories = super::story_index::StoryIndex::new(&report);
        // A corpus that fits in the columns opens on them, as before stories.
        self.story_list = report.stories.len() > 1 && report.articles.len() > super::story_index::STORY_COLUMNS;
        self.story = None;
        self.story_filter = None;
        self.report = Some(report);
        self.corpus_paths = paths.clone();
        self.settings.last_corpus = Some(paths.clone());
        if !paths.is_empty() {
            self.settings.recent.retain(|p| p != &paths);
            self.settings.recent.insert(0, paths);
            self.settings.recent.truncate(MAX_RECENT);
        }
        self.remember_columns();
        self.refresh_search();
    }

    pub fn remember_columns(&mut self) {
        if let Some(report) = &self.report {
            self.settings.visible_columns = self.columns.iter().map(|&a| report.articles[a].id.clone()).collect();
        }
    }

    /// Takes the worker's result when it is ready.
    pub fn poll_job(&mut self) {
        let Some(job) = &self.job else { return };
        let Some(outcome) = job.poll() else { return };
        let paths = job.paths.clone();
        self.job = None;
        match outcome {
            LoadOutcome::Done(report) => {
                let n = report.articles.len();
                let problems = report.diagnostics.len();
                if n == 0 && self.report.as_ref().is_some_and(|r| !r.articles.is_empty()) {
                    // Keep what the user was reading rather than an empty workbench.
                    let first = report
                        .diagnostics
                        .first()
                        .map(|d| format!(": {}", d.message))
                        .unwrap_or_default();
                    self.message(format!(
                        "Nothing could be loaded from {} ({problems} problem(s){first}); the current corpus stays",
                        paths_label(&paths)
                    ));
                    return;
                }
                self.set_report(*report, paths);
                if n == 0 {
                    self.message(format!("Nothing could be loaded ({problems} problem(s))"));
                } else {
                    self.message(format!("Loaded {n} articles, {problems} problem(s)"));
                }
            }
            LoadOutcome::Cancelled => self.message("Loading cancelled"),
            LoadOutcome::Failed(err) => self.message(err),
        }
    }

    pub fn start_loading(&mut self, paths: Vec<PathBuf>, wake: impl Fn() + Send + 'static) {
        if let Some(job) = &self.job {
            job.cancel();
        }
        self.job = Some(LoadJob::start(paths, wake));
    }

    pub fn refresh_search(&mut self) {
        if self.search_for == self.selection.query {
            return;
        }
        self.search_for = self.selection.query.clone();
        self.search_scroll_pending = !self.selection.query.trim().is_empty();
        self.search_hits = self
            .index
            .folded
            .iter()
            .map(|f| f.find_all(&self.selection.query))
            .collect();
    }

    pub fn search_hit_count(&self) -> usize {
        self.search_hits.iter().map(Vec::len).sum()
    }

    pub fn select_claim(&mut self, claim: Option<usize>) {
        self.selection.claim = claim;
        self.align_pending = claim.is_some();
    }

    /// Moves the claim selection through the claims list (ordered by how widely shared), wrapping around.
    pub fn step_claim(&mut self, forward: bool) {
        let order = &self.index.claim_order;
        if order.is_empty() {
            return;
        }
        let pos = self.selection.claim.and_then(|c| order.iter().position(|&x| x == c));
        let next = match (pos, forward) {
            (None, true) => 0,
            (None, false) => order.len() - 1,
            (Some(p), true) => (p + 1) % order.len(),
            (Some(p), false) => (p + order.len() - 1) % order.len(),
        };
        self.select_claim(Some(order[next]));
    }

    pub fn clear_selection(&mut self) {
        self.selection.entity = None;
        self.selection.claim = None;
        self.selection.query.clear();
        self.selection.sentence = None;
        self.similar.clear();
        self.refresh_search();
    }

    /// Chooses a sentence (or lets go of it when it is the chosen one) and marks its nearest units in the other
    /// columns.
    pub fn toggle_sentence(&mut self, article: usize, sentence: usize) {
        if self.selection.sentence == Some((article, sentence)) {
            self.selection.sentence = None;
            self.similar.clear();
            return;
        }
        self.selection.sentence = Some((article, sentence));
        self.refresh_similar();
        self.similar_scroll_pending = !self.similar.is_empty();
    }

    /// Recomputes the units similar to the chosen sentence over the shown columns (the chosen sentence's article
    /// included even when its column was closed, so the choice stays valid).
    pub fn refresh_similar(&mut self) {
        self.similar.clear();
        let (Some((article, sentence)), Some(report), Some(model)) =
            (self.selection.sentence, self.report.as_ref(), meaning::bundled_model())
        else {
            return;
        };
        let mut shown: Vec<usize> = self.columns.clone();
        if !shown.contains(&article) {
            shown.push(article);
        }
        let given: Vec<(usize, &Article)> = shown
            .iter()
            .filter_map(|&a| report.articles.get(a).map(|x| (a, x)))
            .collect();
        self.similar = similar_sentences(
            model,
            &given,
            (article, sentence),
            &mut self.sentence_cache,
            &SimilarParams::default(),
        );
    }

    /// The similar unit drawn in article `a`, if any.
    pub fn similar_in(&self, a: usize) -> impl Iterator<Item = &SimilarSentence> {
        self.similar.iter().filter(move |s| s.article == a)
    }

    pub fn toggle_column(&mut self, article: usize) {
        if let Some(pos) = self.columns.iter().position(|&a| a == article) {
            self.columns.remove(pos);
        } else {
            self.columns.push(article);
        }
        self.remember_columns();
        if self.selection.sentence.is_some() {
            self.refresh_similar();
        }
    }

    pub fn move_column(&mut self, article: usize, towards_start: bool) {
        let Some(pos) = self.columns.iter().position(|&a| a == article) else {
            return;
        };
        let other = if towards_start {
            pos.checked_sub(1)
        } else {
            Some(pos + 1)
        };
        if let Some(other) = other.filter(|&o| o < self.columns.len()) {
            self.columns.swap(pos, other);
            self.remember_columns();
        }
    }

    /// Computes the alignment of the shown columns unless it is cached for them already.
    pub fn prepare_alignment(&mut self) {
        let Some(report) = self.report.as_ref() else { return };
        let fresh = self.alignment.as_ref().is_some_and(|(cols, _)| cols == &self.columns);
        if !fresh {
            let ids: Vec<String> = self.columns.iter().map(|&a| report.articles[a].id.clone()).collect();
            let alignment = analysis::claims::align(report, &ids);
            self.alignment = Some((self.columns.clone(), alignment));
        }
    }

    /// The article the aligned view compares the others against: the chosen one while it is shown, else the first
    /// column.
    pub fn base_article(&self) -> Option<usize> {
        self.aligned_base
            .filter(|a| self.columns.contains(a))
            .or_else(|| self.columns.first().copied())
    }

    /// The alignment of the shown columns, once [`Self::prepare_alignment`] computed it for them.
    pub fn alignment(&self) -> Option<&Alignment> {
        self.report.as_ref()?;
        self.alignment
            .as_ref()
            .filter(|(cols, _)| cols == &self.columns)
            .map(|(_, a)| a)
    }

    pub fn entity_colour(&self, entity: usize) -> egui::Color32 {
        let id = self
            .report
            .as_ref()
            .and_then(|r| r.entities.get(entity))
            .map(|e| e.id.as_str())
            .unwrap_or("");
        palette::entity_colour(id, self.settings.dark)
    }

    pub fn claim_colour(&self, cluster: usize) -> egui::Color32 {
        palette::claim_colour(
            self.index.claim_rank.get(cluster).copied().unwrap_or(0),
            self.settings.dark,
        )
    }

    /// The entity ids listed in the panel: filtered, then in the matrix sort order.
    pub fn entities_in_order(&self) -> Vec<usize> {
        let Some(report) = &self.report else { return Vec::new() };
        let filter = super::search::fold(self.entity_filter.trim());
        let mut list: Vec<usize> = (0..report.entities.len())
            .filter(|&e| self.entity_in_view(e))
            .filter(|&e| {
                filter.is_empty()
                    || report.entities[e]
                        .variants
                        .iter()
                        .chain([&report.entities[e].label])
                        .any(|v| super::search::fold(v).contains(&filter))
            })
            .collect();
        let counts = &self.index.mention_counts;
        match self.matrix_sort {
            MatrixSort::Articles => list.sort_by_key(|&e| {
                (
                    std::cmp::Reverse(report.entities[e].articles.len()),
                    std::cmp::Reverse(counts[e].iter().sum::<usize>()),
                    e,
                )
            }),
            MatrixSort::Label => list.sort_by(|&a, &b| report.entities[a].label.cmp(&report.entities[b].label)),
            MatrixSort::Kind => list.sort_by_key(|&e| {
                (
                    report.entities[e].kind,
                    std::cmp::Reverse(report.entities[e].articles.len()),
                    e,
                )
            }),
            MatrixSort::Article(a) => {
                list.sort_by_key(|&e| (std::cmp::Reverse(counts[e].get(a).copied().unwrap_or(0)), e))
            }
        }
        list
    }

    /// The entity whose label or any variant equals `text` after folding (spelling variants, marks, digits meet);
    /// among several, the one in most articles. Without an exact match, the widest whose label or a variant
    /// contains it.
    pub fn find_entity(&self, text: &str) -> Option<usize> {
        let report = self.report.as_ref()?;
        let wanted = super::search::fold(text.trim());
        if wanted.is_empty() {
            return None;
        }
        let names = |e: usize| {
            let entity = &report.entities[e];
            std::iter::once(&entity.label)
                .chain(&entity.variants)
                .map(|v| super::search::fold(v))
        };
        let widest = |found: Vec<usize>| {
            found.into_iter().max_by_key(|&e| {
                (
                    report.entities[e].articles.len(),
                    report.entities[e].mentions.len(),
                    std::cmp::Reverse(e),
                )
            })
        };
        let exact: Vec<usize> = (0..report.entities.len())
            .filter(|&e| names(e).any(|n| n == wanted))
            .collect();
        if !exact.is_empty() {
            return widest(exact);
        }
        widest(
            (0..report.entities.len())
                .filter(|&e| names(e).any(|n| n.contains(&wanted)))
                .collect(),
        )
    }

    /// Applies the parts of `start` that need the report (search, selections); the view, theme and panels too.
    /// An entity or claim that does not exist is an error naming what there is.
    pub fn apply_start_view(&mut self, start: &StartView) -> Result<(), String> {
        if let Some(view) = start.view {
            self.view = view;
            // Asking for the columns or the aligned table shows them, also in a corpus that opens on its stories.
            self.story_list = view == ViewMode::Stories;
        }
        if let Some(dark) = start.dark {
            self.settings.dark = dark;
        }
        if let Some((corpus, entities)) = start.panels {
            self.settings.show_corpus_panel = corpus;
            self.settings.show_entities_panel = entities;
        }
        if let Some(query) = &start.search {
            self.selection.query = query.clone();
            self.refresh_search();
        }
        if let Some(text) = &start.select_entity {
            match self.find_entity(text) {
                Some(e) => self.selection.entity = Some(e),
                None => {
                    let n = self.report.as_ref().map_or(0, |r| r.entities.len());
                    return Err(format!("no entity is called «{text}» (label or variant; {n} entities)"));
                }
            }
        }
        if let Some(fragment) = &start.select_sentence {
            match self.find_sentence(fragment) {
                Some((article, sentence)) => self.toggle_sentence(article, sentence),
                None => return Err(format!("no sentence of the shown columns contains «{fragment}»")),
            }
        }
        if let Some(n) = start.select_claim {
            match self.claim_at(n) {
                Some(c) => self.select_claim(Some(c)),
                None => {
                    return Err(format!(
                        "there is no claim {n}: the claims panel lists {} (numbered from 1)",
                        self.index.claim_order.len()
                    ));
                }
            }
        }
        Ok(())
    }

    /// The first sentence of the shown columns (in column order) containing `fragment` after Arabic folding.
    pub fn find_sentence(&self, fragment: &str) -> Option<(usize, usize)> {
        let needle = super::search::fold(fragment);
        if needle.trim().is_empty() {
            return None;
        }
        let report = self.report.as_ref()?;
        self.columns.iter().find_map(|&a| {
            let article = report.articles.get(a)?;
            let sentence = article
                .sentences
                .iter()
                .position(|s| super::search::fold(article.slice(s.start, s.end)).contains(&needle))?;
            Some((a, sentence))
        })
    }

    /// The claim cluster at 1-based position `n` of the claims panel (most widely shared first).
    pub fn claim_at(&self, n: usize) -> Option<usize> {
        n.checked_sub(1).and_then(|i| self.index.claim_order.get(i)).copied()
    }

    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.report.as_ref().map(|r| r.diagnostics.as_slice()).unwrap_or(&[])
    }

    pub fn cluster(&self, c: usize) -> Option<&ClaimCluster> {
        self.report.as_ref()?.claims.get(c)
    }

    /// The window title: the corpus shown.
    pub fn title(&self) -> String {
        let corpus = if self.corpus_paths.is_empty() {
            "sample corpus".to_string()
        } else if self.corpus_paths.len() == 1 {
            self.corpus_paths[0].display().to_string()
        } else {
            format!(
                "{} and {} more",
                self.corpus_paths[0].display(),
                self.corpus_paths.len() - 1
            )
        };
        match &self.report {
            Some(r) => format!("Qarin — {corpus} ({} articles)", r.articles.len()),
            None => "Qarin".to_string(),
        }
    }
}

/// The paths of a corpus as the user typed them, for messages (none: the sample corpus).
pub fn paths_label(paths: &[PathBuf]) -> String {
    match paths {
        [] => "the sample corpus".to_string(),
        [one] => one.display().to_string(),
        [first, rest @ ..] => format!("{} and {} more", first.display(), rest.len()),
    }
}

pub fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "Person",
        EntityKind::Org => "Organisation",
        EntityKind::Place => "Place",
        EntityKind::Date => "Date",
        EntityKind::Other => "Other",
    }
}

pub fn severity_name(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Segments shown collapsed and greyed unless expanded.
pub fn is_secondary(kind: SegmentKind) -> bool {
    matches!(
        kind,
        SegmentKind::Boilerplate | SegmentKind::Related | SegmentKind::Duplicate
    )
}
