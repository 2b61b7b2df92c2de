//! Aligned view: the claims as a table, one row per claim cluster and one column per shown article, compared
//! against a base article as collation tools compare witnesses against a base text.
//!
//! Inside a row, what differs in substance is marked strongly — a name (entity) the other side does not mention, a
//! number, a date, a negation one side has and the other not — and a content word only one side uses is marked
//! lightly; shared wording, function words and another inflection of a shared word read plainly.

use super::article_text::{SpanStyle, TextBlock, TextSpan, text_block_ui};
use super::commands::UiCommand;
use super::context::ViewCtx;
use super::palette;
use super::state::{ReportIndex, WorkbenchState};
use super::widgets::{rtl_line_ui, short_title};
use crate::analysis::{EntityKind, Report};
use crate::arabic;
use crate::word_list::WordList;
use egui::{RichText, Ui};
use std::collections::{BTreeSet, HashSet};
use std::ops::Range;
use std::sync::Arc;

static NEGATION: WordList = WordList::new(include_str!("../../assets/words/aligned/negation.txt"));

/// How a marked stretch of a cell differs from the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Variance {
    /// A name (entity mention) the other side does not mention.
    Name,
    Number,
    Date,
    /// A negation one side has and the other not.
    Negation,
    /// A content word (after light stemming) only this side uses.
    Wording,
}

impl Variance {
    pub fn is_substance(self) -> bool {
        self != Variance::Wording
    }
}

/// One row of the table: a claim cluster and, per shown column, the range of its member there.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterRow {
    pub cluster: usize,
    /// Per shown column: the member of that article (its first, when it has several), as an article byte range.
    pub cells: Vec<Option<Range<usize>>>,
}

/// The rows for the shown columns: every cluster with members in at least two of them, once. Clusters the base
/// article carries come first in its reading order, then the others in the claims panel's order; with
/// `only_base`, only the first kind.
pub fn cluster_rows(state: &WorkbenchState, only_base: bool) -> Vec<ClusterRow> {
    let Some(report) = state.report.as_ref() else {
        return Vec::new();
    };
    let columns = &state.columns;
    let base_col = state.base_article().and_then(|b| columns.iter().position(|&a| a == b));
    let mut in_base: Vec<(usize, ClusterRow)> = Vec::new();
    let mut others: Vec<ClusterRow> = Vec::new();
    for &c in &state.index.claim_order {
        let mut cells: Vec<Option<Range<usize>>> = vec![None; columns.len()];
        for m in &report.claims[c].members {
            let Some(col) = state
                .index
                .article_by_id
                .get(&m.article)
                .and_then(|a| columns.iter().position(|x| x == a))
            else {
                continue;
            };
            let text_len = report.articles[columns[col]].text.len();
            if cells[col].is_none() && m.start < m.end && m.end <= text_len {
                cells[col] = Some(m.start..m.end);
            }
        }
        if cells.iter().flatten().count() < 2 {
            continue;
        }
        let row = ClusterRow { cluster: c, cells };
        match base_col.and_then(|b| row.cells[b].clone()) {
            Some(r) => in_base.push((r.start, row)),
            None if !only_base => others.push(row),
            None => {}
        }
    }
    in_base.sort_by_key(|(start, row)| (*start, row.cluster));
    in_base.into_iter().map(|(_, row)| row).chain(others).collect()
}

/// What one cell says, for comparing: its numbers, named entities, dates, negations and content-word stems.
#[derive(Debug, Default)]
struct CellFacts {
    /// (range relative to the cell, variance kind, comparison key) of every item that can differ.
    items: Vec<(Range<usize>, Variance, String)>,
}

impl CellFacts {
    fn keys(&self, kind: Variance) -> HashSet<&str> {
        self.items
            .iter()
            .filter(|(_, k, _)| *k == kind)
            .map(|(_, _, key)| key.as_str())
            .collect()
    }
}

fn is_negation(norm: &str) -> bool {
    NEGATION.contains(norm)
        || norm
            .strip_prefix('و')
            .or_else(|| norm.strip_prefix('ف'))
            .is_some_and(|rest| NEGATION.contains(rest))
}

/// The comparable items of `range` of article `a`: entity mentions (dates by their text, names by entity), then
/// numbers, negations and content words outside the mentions.
fn cell_facts(report: &Report, index: &ReportIndex, a: usize, range: &Range<usize>) -> CellFacts {
    let article = &report.articles[a];
    let text = article.slice(range.start, range.end);
    let mut facts = CellFacts::default();
    let mut covered: Vec<Range<usize>> = Vec::new();
    for (r, e) in &index.marks[a].mentions {
        if r.start < range.start || r.end > range.end {
            continue;
        }
        let rel = r.start - range.start..r.end - range.start;
        let Some(entity) = report.entities.get(*e) else {
            continue;
        };
        let (kind, key) = if entity.kind == EntityKind::Date {
            let value = entity
                .value
                .clone()
                .unwrap_or_else(|| arabic::normalize(&text[rel.clone()]));
            (Variance::Date, value)
        } else {
            (Variance::Name, entity.id.clone())
        };
        covered.push(rel.clone());
        facts.items.push((rel, kind, key));
    }
    for token in arabic::without_punctuation(arabic::tokenize(text)) {
        let rel = token.start..token.end;
        if covered.iter().any(|c| c.start < rel.end && rel.start < c.end) {
            continue;
        }
        let norm = token.norm;
        if norm.chars().any(|c| c.is_ascii_digit()) {
            facts.items.push((rel, Variance::Number, norm));
        } else if is_negation(&norm) {
            facts.items.push((rel, Variance::Negation, String::from("not")));
        } else if !crate::analysis::claims::text::is_stop_word(&norm) {
            facts.items.push((rel, Variance::Wording, arabic::stem(&norm)));
        }
    }
    facts
}

/// For each cell of a row (article, article byte range), the marked stretches relative to the cell's start.
/// `base`: the index of the base cell. A cell other than the base is compared with the base; the base with every
/// other cell (a substance item is marked when a cell that states something else of that kind lacks it; a word
/// when no other cell uses it).
pub fn row_variances(
    report: &Report,
    index: &ReportIndex,
    cells: &[Option<(usize, Range<usize>)>],
    base: Option<usize>,
) -> Vec<Vec<(Range<usize>, Variance)>> {
    let facts: Vec<Option<CellFacts>> = cells
        .iter()
        .map(|c| c.as_ref().map(|(a, r)| cell_facts(report, index, *a, r)))
        .collect();
    let base = base.filter(|&b| facts.get(b).is_some_and(Option::is_some));
    let kinds = [
        Variance::Name,
        Variance::Number,
        Variance::Date,
        Variance::Negation,
        Variance::Wording,
    ];
    facts
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            let Some(cell) = cell else { return Vec::new() };
            let others: Vec<&CellFacts> = facts
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .filter_map(|(_, f)| f.as_ref())
                .collect();
            if others.is_empty() {
                return Vec::new();
            }
            let mut marked = Vec::new();
            for kind in kinds {
                let mine = cell.keys(kind);
                let differs = |key: &str| -> bool {
                    match (base, kind) {
                        // Not the base: what the base does not say.
                        (Some(b), _) if b != i => facts[b].as_ref().is_some_and(|f| !f.keys(kind).contains(key)),
                        // The base (or no base), a word: no other cell uses it.
                        (_, Variance::Wording) => others.iter().all(|o| !o.keys(kind).contains(key)),
                        // The base, a negation: some other cell does not negate.
                        (_, Variance::Negation) => others.iter().any(|o| o.keys(kind).is_empty()),
                        // The base, a name, number or date: some other cell states another one instead.
                        _ => others.iter().any(|o| {
                            let theirs = o.keys(kind);
                            !theirs.contains(key) && theirs.iter().any(|t| !mine.contains(t))
                        }),
                    }
                };
                for (r, k, key) in &cell.items {
                    if *k == kind && differs(key) {
                        marked.push((r.clone(), kind));
                    }
                }
            }
            marked.sort_by_key(|(r, _)| r.start);
            marked
        })
        .collect()
}

/// Whether the shown articles read right to left (most of their titles' letters are Arabic): the table then
/// starts at the right, like the text.
fn right_to_left(state: &WorkbenchState) -> bool {
    let Some(report) = state.report.as_ref() else {
        return false;
    };
    let (mut arabic_letters, mut other_letters) = (0usize, 0usize);
    for &a in &state.columns {
        for c in report.articles[a].title.chars().filter(|c| c.is_alphabetic()) {
            if arabic::is_arabic_letter(c) {
                arabic_letters += 1;
            } else {
                other_letters += 1;
            }
        }
    }
    arabic_letters > other_letters
}

/// The claims table.
pub fn aligned_view_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    let state = ctx.state;
    let engine = ctx.engine;
    // In this view "aligning" a claim means bringing its row into view.
    let align_pending = state.align_pending;
    if align_pending {
        ctx.emit(UiCommand::ClaimAligned);
    }
    if state.columns.is_empty() {
        ui.label("No article is shown: tick articles in the corpus panel.");
        return;
    }
    let Some(report) = state.report.as_ref() else { return };
    let columns = &state.columns;
    let n = columns.len();
    let base = state.base_article();
    let base_col = base.and_then(|b| columns.iter().position(|&a| a == b));
    let rows = cluster_rows(state, state.aligned_only_base);
    let rtl = right_to_left(state);
    // Room for the claim id column, the differences column (170) and the grid spacing.
    let cell_width = ((ui.available_width() - 240.0 - 10.0 * n as f32) / n as f32).clamp(160.0, 420.0);
    let font = state.settings.font_size * 0.9;
    let dark = state.settings.dark;
    ui.horizontal_wrapped(|ui| {
        let what = if state.aligned_only_base {
            "claims of the base article shared by other shown articles"
        } else {
            "claims shared by the shown articles"
        };
        ui.label(RichText::new(format!("{} {what}", rows.len())).strong());
        let mut only_base = state.aligned_only_base;
        let cmd = UiCommand::AlignedOnlyBase(only_base);
        if ui
            .checkbox(&mut only_base, cmd.label())
            .on_hover_text(cmd.tooltip())
            .changed()
        {
            ctx.emit(UiCommand::AlignedOnlyBase(only_base));
        }
        ui.separator();
        legend_chip(
            ui,
            palette::difference_colour(dark),
            "differs in substance (name, number, date, negation)",
        );
        legend_chip(ui, palette::own_word_colour(dark), "wording this article alone uses");
        ui.label(RichText::new("— relative to the base article").weak());
    });
    if rows.is_empty() {
        ui.label("The shown articles share no claim.");
        return;
    }
    // Right to left: the claim column at the right, then the first article, the differences at the left.
    let order: Vec<usize> = if rtl { (0..n).rev().collect() } else { (0..n).collect() };
    egui::ScrollArea::both()
        .id_salt("aligned")
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::Grid::new("aligned-grid")
                .striped(true)
                .min_col_width(40.0)
                .spacing([10.0, 8.0])
                .show(ui, |ui| {
                    let mut header = |ui: &mut Ui, slot: Slot| match slot {
                        Slot::Claim => {
                            ui.label(RichText::new("claim").strong());
                        }
                        Slot::Differences => {
                            ui.label(RichText::new("differences").strong());
                        }
                        Slot::Column(i) => {
                            let a = columns[i];
                            ui.vertical(|ui| {
                                ui.set_width(cell_width);
                                let is_base = Some(a) == base;
                                let cmd = UiCommand::SetAlignedBase(a);
                                let label = if is_base {
                                    "base article"
                                } else {
                                    "compare against this"
                                };
                                let r = ui.selectable_label(is_base, label).on_hover_text(cmd.tooltip());
                                r.widget_info(|| {
                                    egui::WidgetInfo::selected(
                                        egui::Role::Button,
                                        true,
                                        is_base,
                                        format!("Base article {}", report.articles[a].id),
                                    )
                                });
                                if r.clicked() {
                                    ctx.emit(cmd);
                                }
                                rtl_line_ui(
                                    ui,
                                    engine,
                                    &format!("#{} {}", i + 1, short_title(&report.articles[a].title, 80)),
                                    13.0,
                                    ui.visuals().strong_text_color(),
                                    cell_width,
                                );
                            });
                        }
                    };
                    for slot in slots(rtl, &order) {
                        header(ui, slot);
                    }
                    ui.end_row();
                    for row in &rows {
                        let c = row.cluster;
                        let cells: Vec<Option<(usize, Range<usize>)>> = row
                            .cells
                            .iter()
                            .enumerate()
                            .map(|(i, r)| r.clone().map(|r| (columns[i], r)))
                            .collect();
                        let marks = row_variances(report, &state.index, &cells, base_col);
                        for slot in slots(rtl, &order) {
                            match slot {
                                Slot::Claim => claim_cell_ui(ctx, ui, c, align_pending),
                                Slot::Differences => differences_cell_ui(ctx, ui, c),
                                Slot::Column(i) => match &cells[i] {
                                    Some((a, range)) => {
                                        let text = report.articles[*a].slice(range.start, range.end);
                                        member_cell_ui(ui, ctx, text, &marks[i], (c, i), cell_width, font);
                                    }
                                    None => {
                                        ui.label(RichText::new("—").weak());
                                    }
                                },
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}

/// A cell slot of the table, in drawing order.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Claim,
    Column(usize),
    Differences,
}

/// Left to right: claim, columns, differences; right to left the mirror (drawn left to right by the grid).
fn slots(rtl: bool, order: &[usize]) -> Vec<Slot> {
    let mut slots: Vec<Slot> = order.iter().map(|&i| Slot::Column(i)).collect();
    if rtl {
        slots.insert(0, Slot::Differences);
        slots.push(Slot::Claim);
    } else {
        slots.insert(0, Slot::Claim);
        slots.push(Slot::Differences);
    }
    slots
}

fn legend_chip(ui: &mut Ui, colour: egui::Color32, text: &str) {
    let (r, _) = ui.allocate_exact_size(egui::vec2(14.0, 12.0), egui::Sense::hover());
    ui.painter().rect_filled(r, 2.0, colour);
    ui.label(RichText::new(text).small());
}

fn claim_cell_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui, c: usize, align_pending: bool) {
    let state = ctx.state;
    let Some(cluster) = state.cluster(c) else { return };
    let colour = state.claim_colour(c);
    let selected = state.selection.claim == Some(c);
    let text = RichText::new(&cluster.id).color(colour).strong();
    let r = ui.selectable_label(selected, text);
    if r.clicked() {
        ctx.emit(UiCommand::SelectClaim(c));
    }
    if selected && align_pending {
        r.scroll_to_me(Some(egui::Align::Center));
    }
}

fn member_cell_ui(
    ui: &mut Ui,
    ctx: &ViewCtx<'_>,
    text: &str,
    marks: &[(Range<usize>, Variance)],
    (cluster, column): (usize, usize),
    width: f32,
    font: f32,
) {
    let dark = ctx.state.settings.dark;
    let spans: Vec<TextSpan> = marks
        .iter()
        .map(|(r, v)| TextSpan {
            range: r.clone(),
            style: SpanStyle {
                background: Some(if v.is_substance() {
                    palette::difference_colour(dark)
                } else {
                    palette::own_word_colour(dark)
                }),
                ..SpanStyle::default()
            },
            tag: 0,
        })
        .collect();
    let shared: Arc<str> = Arc::from(text);
    let id = egui::Id::unique(("qarin-aligned-cell", cluster, column));
    let block = TextBlock {
        spans: &spans,
        reading_face: true,
        ..TextBlock::plain(id, &shared, width, font, ui.visuals().text_color())
    };
    text_block_ui(ui, ctx.engine, &block);
}

/// The details the members disagree on, by column number.
fn differences_cell_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui, c: usize) {
    let state = ctx.state;
    let Some(cluster) = state.cluster(c) else { return };
    let columns = &state.columns;
    ui.vertical(|ui| {
        let whats: BTreeSet<&str> = cluster.differences.iter().map(|d| d.what.as_str()).collect();
        if whats.is_empty() {
            ui.label(RichText::new("—").weak());
        }
        for d in &cluster.differences {
            ui.label(
                RichText::new(format!("≠ {}", d.what))
                    .color(ui.visuals().warn_fg_color)
                    .strong(),
            );
            for (id, v) in &d.values {
                let col = state
                    .index
                    .article_by_id
                    .get(id)
                    .and_then(|a| columns.iter().position(|c| c == a));
                let Some(col) = col else { continue };
                ui.horizontal(|ui| {
                    ui.label(RichText::new(format!("#{}", col + 1)).monospace());
                    rtl_line_ui(ui, ctx.engine, v, 12.0, ui.visuals().text_color(), 140.0);
                });
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_words_with_a_conjunction_are_found() {
        assert!(is_negation("لم"));
        assert!(is_negation("ولم"));
        assert!(is_negation("فلا"));
        assert!(!is_negation("قال"));
    }
}
