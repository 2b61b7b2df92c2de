//! Articles side by side: one scrolled column per article, highlights, claim side bars, alignment and connector bands.
//!
//! Columns share the window down to a minimum width, then scroll horizontally. For a right-to-left corpus the first
//! column stands at the right and the view starts scrolled to the right, so a partly visible column is cut on its
//! left, where its Arabic lines end. Each column has an overview strip with the marks of the selected entity, claim
//! and search hits (click to jump). Text is laid out piece by piece: a long article only lays out what is seen.

use super::article_text::{SpanStyle, TextBlock, TextSpan, layout_of, tag, text_block_ui};
use super::commands::UiCommand;
use super::context::ViewCtx;
use super::palette;
use super::state::{ColumnOrder, WorkbenchState, is_secondary};
use super::widgets::{claim_tooltip_ui, entity_tooltip_ui, rtl_line_ui, similar_tooltip_ui};
use crate::corpus::SegmentKind;
use crate::text::{TextLayout, layout_pieces, shorten};
use egui::{Color32, Key, Modifiers, Rect, RichText, Ui};
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::Arc;

/// A laid-out piece of a column: its byte range, top, height and layout once it has one.
type PiecePosition = (Range<usize>, f32, f32, Option<Arc<TextLayout>>);

/// Space between columns, where the connector bands are drawn.
const GUTTER: f32 = 18.0;
/// Width of the claim side bar at a column's edge.
const BAR: f32 = 4.0;
/// Width of the overview strip beside a column's text.
const STRIP: f32 = 10.0;
/// A widened column is this many times as wide as the others.
const WIDE_FACTOR: f32 = 2.0;
/// Segments longer than this are laid out in pieces of about this size (cut at sentence ends).
const PIECE_BYTES: usize = 12 * 1024;
/// Articles up to this size are laid out whole, so positions off screen are exact (claim alignment); longer ones
/// are laid out only where seen, with estimated heights elsewhere.
const EAGER_BYTES: usize = 256 * 1024;
/// Height of the button of a collapsed block.
const TOGGLE_HEIGHT: f32 = 18.0;
/// Titles in column headers are cut to this many characters.
const TITLE_CHARS: usize = 90;

/// What the last frame drew, per column: used to align claims and draw connector bands.
#[derive(Debug, Clone)]
pub struct ColumnRecord {
    pub article: usize,
    /// Screen rectangle of the column's scrolled text area.
    pub viewport: egui::Rect,
    /// Claim members drawn: (cluster, member, screen rect), clipped to nothing.
    pub claim_rects: Vec<(usize, usize, egui::Rect)>,
    /// Distance from the top of the scrolled content to the selected claim's member in this column.
    pub selected_member_content_y: Option<f32>,
    /// Distance from the top of the scrolled content to the first search hit (when a new search asked for it).
    pub first_hit_content_y: Option<f32>,
    /// Distance from the top of the scrolled content to the unit similar to a newly chosen sentence.
    pub similar_content_y: Option<f32>,
    pub scroll_offset: f32,
    pub header_height: f32,
    /// Screen rectangle of the whole column (header, text and overview strip).
    pub rect: egui::Rect,
    /// Marks in the overview strip: (fraction of the content height, kind).
    pub overview: Vec<(f32, OverviewMark)>,
    /// Where the column's text pieces stand in its scrolled content.
    pub positions: PiecePositions,
}

impl Default for ColumnRecord {
    fn default() -> Self {
        Self {
            article: 0,
            viewport: egui::Rect::NOTHING,
            claim_rects: Vec::new(),
            selected_member_content_y: None,
            first_hit_content_y: None,
            similar_content_y: None,
            scroll_offset: 0.0,
            header_height: 0.0,
            rect: egui::Rect::NOTHING,
            overview: Vec::new(),
            positions: PiecePositions::default(),
        }
    }
}

/// What a mark in a column's overview strip stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewMark {
    Entity,
    Claim,
    SearchHit,
    /// A unit similar to the chosen sentence.
    Similar,
}

#[derive(Debug, Clone, Default)]
pub struct FrameRecord {
    pub columns: Vec<ColumnRecord>,
    /// The columns drew right to left (first column at the right).
    pub right_to_left: bool,
    /// Search hits of the shown columns and the one navigated to (0-based), for "n of N".
    pub hit_position: (Option<usize>, usize),
    /// Mentions of the selected entity in the shown columns and the one navigated to.
    pub mention_position: (Option<usize>, usize),
}

impl FrameRecord {
    /// Screen rectangle of the selected cluster's member in each column that has one.
    pub fn selected_member_rects(&self, cluster: usize) -> Vec<(usize, egui::Rect)> {
        self.columns
            .iter()
            .filter_map(|c| {
                c.claim_rects
                    .iter()
                    .filter(|(cl, _, _)| *cl == cluster)
                    .map(|(_, _, r)| *r)
                    .reduce(|a, b| if a.top() <= b.top() { a } else { b })
                    .map(|r| (c.article, r))
            })
            .collect()
    }
}

/// The highlights drawn in one column; told to assistive technology with the column's header.
#[derive(Debug, Clone, Copy, Default)]
pub struct Highlights {
    /// Mentions of the selected entity, drawn emphasised.
    pub emphasised: usize,
    /// Mentions of other entities, dimmed while an entity is selected.
    pub dimmed: usize,
    pub search_hits: usize,
    /// Units marked similar to the chosen sentence.
    pub similar: usize,
}

impl Highlights {
    /// The accessible description of a column's highlights.
    pub fn label(&self, article_id: &str) -> String {
        let mut label = format!(
            "Highlights in {article_id}: {} mentions of the selected entity, {} other mentions dimmed, {} search hits",
            self.emphasised, self.dimmed, self.search_hits
        );
        if self.similar > 0 {
            label.push_str(&format!("; {} similar to the chosen sentence", self.similar));
        }
        label
    }
}

/// A place navigated to with next/previous: article and byte range.
type Target = (usize, Range<usize>);

/// The spans of `start..end` of article `a`, relative to `start`, styled for the current selection. `current` is the
/// search hit or mention navigated to (drawn framed).
pub fn block_spans(
    st: &WorkbenchState,
    a: usize,
    start: usize,
    end: usize,
    current: Option<&Target>,
    drawn: &mut Highlights,
) -> Vec<TextSpan> {
    let marks = &st.index.marks[a];
    let mut spans = Vec::new();
    let rel = |s: usize, e: usize| s.max(start) - start..e.min(end) - start;
    let strong = if st.settings.dark {
        Color32::WHITE
    } else {
        Color32::BLACK
    };
    let is_current = |r: &Range<usize>| current.is_some_and(|(ca, cr)| *ca == a && cr == r);
    for (r, c, m) in &marks.claims {
        if r.end <= start || r.start >= end {
            continue;
        }
        let selected = st.selection.claim == Some(*c);
        let colour = st.claim_colour(*c);
        spans.push(TextSpan {
            range: rel(r.start, r.end),
            style: SpanStyle {
                underline: Some(if selected || st.selection.claim.is_none() {
                    colour
                } else {
                    colour.gamma_multiply(0.5)
                }),
                ..SpanStyle::default()
            },
            tag: tag::claim(*c, *m),
        });
    }
    for (r, e) in &marks.mentions {
        if r.end <= start || r.start >= end {
            continue;
        }
        let colour = st.entity_colour(*e);
        let style = match st.selection.entity {
            Some(sel) if sel == *e => {
                drawn.emphasised += 1;
                // Emphasis is a frame, never a bold face (which would split the word's shaping).
                SpanStyle {
                    background: Some(colour),
                    colour: Some(strong),
                    outline: Some(if is_current(r) {
                        palette::claim_colour(0, st.settings.dark)
                    } else {
                        strong
                    }),
                    ..SpanStyle::default()
                }
            }
            Some(_) => {
                // Other entities fade to a faint tint; their words stay readable.
                drawn.dimmed += 1;
                SpanStyle {
                    background: Some(colour.gamma_multiply(0.22)),
                    ..SpanStyle::default()
                }
            }
            None => SpanStyle {
                background: Some(colour),
                ..SpanStyle::default()
            },
        };
        spans.push(TextSpan {
            range: rel(r.start, r.end),
            style,
            tag: tag::entity(*e),
        });
    }
    // Sentences: clickable ("similar here"); the chosen one framed, the similar units of other columns tinted.
    if let Some(article) = st.report.as_ref().and_then(|r| r.articles.get(a)) {
        let sentences = &article.sentences;
        let first = sentences.partition_point(|s| s.end <= start);
        for (i, s) in sentences
            .iter()
            .enumerate()
            .skip(first)
            .take_while(|(_, s)| s.start < end)
        {
            let chosen = st.selection.sentence == Some((a, i));
            spans.push(TextSpan {
                range: rel(s.start, s.end),
                style: SpanStyle {
                    outline: chosen.then_some(palette::chosen_sentence_colour(st.settings.dark)),
                    ..SpanStyle::default()
                },
                tag: tag::sentence(i),
            });
        }
        for similar in st.similar_in(a).filter(|s| s.end > start && s.start < end) {
            drawn.similar += 1;
            spans.push(TextSpan {
                range: rel(similar.start, similar.end),
                style: SpanStyle {
                    background: Some(palette::similar_colour(st.settings.dark)),
                    ..SpanStyle::default()
                },
                tag: tag::sentence(similar.sentence),
            });
        }
    }
    if let Some(hits) = st.search_hits.get(a) {
        let first = hits.partition_point(|r| r.end <= start);
        for r in hits[first..].iter().take_while(|r| r.start < end) {
            drawn.search_hits += 1;
            spans.push(TextSpan {
                range: rel(r.start, r.end),
                style: SpanStyle {
                    background: Some(palette::search_hit_colour(st.settings.dark)),
                    outline: is_current(r).then_some(strong),
                    ..SpanStyle::default()
                },
                tag: tag::SEARCH,
            });
        }
    }
    spans
}

/// What was clicked in a column this frame.
enum Interaction {
    Entity(usize),
    Claim(usize),
    Sentence(usize, usize),
}

/// What the columns view remembers between frames besides the state: choices that only concern drawing.
#[derive(Debug, Clone, Default)]
struct ViewMemory {
    /// Scrolling one column scrolls all by the same amount.
    locked: bool,
    /// Articles whose columns are widened.
    wide: BTreeSet<usize>,
    /// The search hit navigated to (index in the order of the shown columns) and the query it belongs to.
    hit: Option<(String, usize)>,
    /// The mention navigated to and the entity it belongs to.
    mention: Option<(usize, usize)>,
    /// The selection seen last frame: a new one brings its first place into view.
    last_entity: Option<usize>,
    last_claim: Option<usize>,
    /// A horizontal scroll offset to apply on the next frame.
    horizontal: Option<f32>,
    /// Frames left in which the selected claim is aligned again: pieces laid out for the first time after a jump
    /// replace estimated heights, so the first alignment can be off by a few pixels.
    realign_frames: u8,
}

fn memory_id() -> egui::Id {
    egui::Id::unique("qarin-columns-view")
}

/// Pieces of the long segments, cut once per text: (segment text pointer, pieces with their own text).
type SplitPieces = Arc<Vec<(Range<usize>, Arc<str>)>>;

#[derive(Clone, Default)]
struct PieceCache {
    split: HashMap<(usize, usize), (usize, SplitPieces)>,
    /// Measured heights of pieces laid out at least once: id → (width, font size, height).
    heights: HashMap<egui::Id, (f32, f32, f32)>,
}

fn piece_cache_id() -> egui::Id {
    egui::Id::unique("qarin-column-pieces")
}

/// The columns in screen order, left to right.
fn visual_order(columns: &[usize], right_to_left: bool) -> Vec<usize> {
    if right_to_left {
        columns.iter().rev().copied().collect()
    } else {
        columns.to_vec()
    }
}

/// Whether the columns stand right to left: the setting, or (automatic) most letters of the shown articles' first
/// kilobytes are Arabic script.
pub fn right_to_left(st: &WorkbenchState) -> bool {
    match st.settings.column_order {
        ColumnOrder::RightToLeft => true,
        ColumnOrder::LeftToRight => false,
        ColumnOrder::Auto => {
            let Some(report) = &st.report else { return false };
            let (mut arabic, mut letters) = (0usize, 0usize);
            for &a in &st.columns {
                let Some(article) = report.articles.get(a) else {
                    continue;
                };
                for c in article.text.chars().take(2000).filter(|c| c.is_alphabetic()) {
                    letters += 1;
                    arabic += usize::from(
                        matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'),
                    );
                }
            }
            letters > 0 && arabic * 2 > letters
        }
    }
}

/// Column widths: every column `base` wide (widened ones `WIDE_FACTOR` times) so that all share `available`, but
/// never narrower than `min_width` (then the view scrolls horizontally).
pub fn column_widths(available: f32, min_width: f32, wide: &[bool]) -> Vec<f32> {
    let n = wide.len();
    if n == 0 {
        return Vec::new();
    }
    let units: f32 = wide.iter().map(|&w| if w { WIDE_FACTOR } else { 1.0 }).sum();
    let base = ((available - GUTTER * (n as f32 - 1.0)) / units).floor().max(min_width);
    wide.iter()
        .map(|&w| if w { (base * WIDE_FACTOR).floor() } else { base })
        .collect()
}

/// The shown articles side by side. `previous` is what the last frame drew; `pending_scroll` the offsets to apply.
/// Returns what this frame drew.
pub fn columns_ui(
    ctx: &mut ViewCtx<'_>,
    ui: &mut Ui,
    previous: &FrameRecord,
    pending_scroll: &HashMap<usize, f32>,
) -> FrameRecord {
    let state = ctx.state;
    if state.columns.is_empty() {
        ui.label("No article is shown: tick articles in the corpus panel.");
        return FrameRecord::default();
    }
    let mut memory: ViewMemory = ui.ctx().data_mut(|d| d.get_temp(memory_id()).unwrap_or_default());
    memory.wide.retain(|a| state.columns.contains(a));
    let rtl = right_to_left(state);
    let hits = search_targets(state);
    let mentions = mention_targets(state);
    let mut record = FrameRecord {
        right_to_left: rtl,
        ..FrameRecord::default()
    };
    if memory
        .hit
        .as_ref()
        .is_some_and(|(q, i)| *q != state.selection.query || *i >= hits.len())
    {
        memory.hit = None;
    }
    if memory
        .mention
        .is_some_and(|(e, i)| Some(e) != state.selection.entity || i >= mentions.len())
    {
        memory.mention = None;
    }

    // Toolbar: order, locked scrolling, next/previous hit and mention with "n of N".
    let mut jump: Option<Target> = None;
    ui.horizontal(|ui| {
        let order_text = if rtl {
            "First column: right"
        } else {
            "First column: left"
        };
        let order_button = ui
            .button(order_text)
            .on_hover_text(UiCommand::SetColumnOrder(ColumnOrder::Auto).tooltip());
        if order_button.clicked() {
            ctx.emit(UiCommand::SetColumnOrder(if rtl {
                ColumnOrder::LeftToRight
            } else {
                ColumnOrder::RightToLeft
            }));
        }
        ui.checkbox(&mut memory.locked, "Lock scrolling")
            .on_hover_text("Scrolling one column scrolls the others by the same amount");
        if !hits.is_empty() {
            ui.separator();
            let current = memory.hit.as_ref().map(|(_, i)| *i);
            if let Some(i) = navigator_ui(ui, "hit", current, hits.len(), "F3", "Shift+F3") {
                memory.hit = Some((state.selection.query.clone(), i));
                jump = Some(hits[i].clone());
            }
        }
        if !mentions.is_empty() {
            ui.separator();
            let current = memory.mention.map(|(_, i)| i);
            if let Some(i) = navigator_ui(ui, "mention", current, mentions.len(), "F4", "Shift+F4")
                && let Some(e) = state.selection.entity
            {
                memory.mention = Some((e, i));
                jump = Some(mentions[i].clone());
            }
        }
    });
    // Keyboard: F3 / Shift+F3 (also Ctrl+G / Ctrl+Shift+G) through the search hits, F4 / Shift+F4 through the
    // selected entity's mentions.
    let (hit_step, mention_step) = ui.input_mut(|i| {
        let step = |i: &mut egui::InputState, keys: &[(Modifiers, Key)]| {
            let mut step = 0i32;
            for &(m, k) in keys {
                if i.consume_key(m, k) {
                    step += if m.shift { -1 } else { 1 };
                }
            }
            step
        };
        (
            step(
                i,
                &[
                    // Most specific first: a plain key also matches with Shift held.
                    (Modifiers::SHIFT, Key::F3),
                    (Modifiers::NONE, Key::F3),
                    (Modifiers::COMMAND | Modifiers::SHIFT, Key::G),
                    (Modifiers::COMMAND, Key::G),
                ],
            ),
            step(i, &[(Modifiers::SHIFT, Key::F4), (Modifiers::NONE, Key::F4)]),
        )
    });
    let hit_step = hit_step + state.pending_hit_step;
    if state.pending_hit_step != 0 {
        ctx.emit(UiCommand::SearchHitStepped);
    }
    if hit_step != 0 && !hits.is_empty() {
        let i = step_index(memory.hit.as_ref().map(|(_, i)| *i), hit_step > 0, hits.len());
        memory.hit = Some((state.selection.query.clone(), i));
        jump = Some(hits[i].clone());
    }
    if mention_step != 0
        && !mentions.is_empty()
        && let Some(e) = state.selection.entity
    {
        let i = step_index(memory.mention.map(|(_, i)| i), mention_step > 0, mentions.len());
        memory.mention = Some((e, i));
        jump = Some(mentions[i].clone());
    }
    record.hit_position = (memory.hit.as_ref().map(|(_, i)| *i), hits.len());
    record.mention_position = (memory.mention.map(|(_, i)| i), mentions.len());
    let current: Option<Target> = memory
        .mention
        .map(|(_, i)| mentions[i].clone())
        .or_else(|| memory.hit.as_ref().map(|(_, i)| hits[*i].clone()));

    let avail = ui.available_size();
    let min_width = if ctx.compact {
        150.0
    } else {
        state.settings.column_width.clamp(120.0, 900.0)
    };
    let visual = visual_order(&state.columns, rtl);
    let wide: Vec<bool> = visual.iter().map(|a| memory.wide.contains(a)).collect();
    let widths = column_widths(avail.x - 2.0, min_width, &wide);
    let lefts: Vec<f32> = widths
        .iter()
        .scan(0.0f32, |x, w| {
            let left = *x;
            *x += w + GUTTER;
            Some(left)
        })
        .collect();
    let header_height = previous.columns.iter().map(|c| c.header_height).fold(0.0f32, f32::max);
    let mut interaction = None;
    let bands_clip = ui.max_rect();
    let wanted_x = memory.horizontal.take();
    // Sticking to the right would undo a requested offset in the same frame (a member brought into view).
    let mut horizontal = egui::ScrollArea::horizontal()
        .id_salt("columns-h")
        .auto_shrink(false)
        .stick_to_right(rtl && wanted_x.is_none());
    if let Some(x) = wanted_x {
        horizontal = horizontal.horizontal_scroll_offset(x);
    }
    let mut column_actions: Vec<ColumnAction> = Vec::new();
    let h_output = horizontal.show(ui, |ui| {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = GUTTER;
            for (k, &a) in visual.iter().enumerate() {
                let width = widths[k];
                let size = egui::vec2(width, avail.y - 4.0);
                let inner = ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
                    ui.set_min_size(size);
                    ui.set_max_width(size.x);
                    let column = Column {
                        a,
                        width,
                        header_height,
                        offset: pending_scroll.get(&a).copied(),
                        current: current.as_ref(),
                        wide: wide[k],
                    };
                    column_ui(ctx, ui, &column, &mut interaction, &mut column_actions)
                });
                let mut column_record = inner.inner;
                column_record.rect = inner.response.rect;
                record.columns.push(column_record);
            }
        });
    });
    let h_view = h_output.inner_rect;
    let h_offset = h_output.state.clamped_offset().x;
    // Back to the order of `state.columns` for the callers (alignment, tests).
    if rtl {
        record.columns.reverse();
    }
    for action in column_actions {
        match action {
            ColumnAction::Widen(a) => {
                if !memory.wide.remove(&a) {
                    memory.wide.insert(a);
                }
            }
            ColumnAction::Remove(a) => ctx.emit(UiCommand::ToggleColumn(a)),
            ColumnAction::Scroll(a, offset) => ctx.emit(UiCommand::ScrollColumn { article: a, offset }),
        }
    }

    // Bring a column into view horizontally: the screen x of visual column k is its left minus the offset.
    let in_view = |a: usize| {
        visual.iter().position(|&v| v == a).is_some_and(|k| {
            let left = lefts[k] - h_offset;
            left >= -1.0 && left + widths[k] <= h_view.width() + 1.0
        })
    };
    let show_column = |a: usize, memory: &mut ViewMemory| {
        if let Some(k) = visual.iter().position(|&v| v == a)
            && !in_view(a)
        {
            // Right-to-left: the column's right edge at the view's right; else its left edge at the left.
            let x = if rtl {
                lefts[k] + widths[k] - h_view.width()
            } else {
                lefts[k]
            };
            memory.horizontal = Some(x.max(0.0));
        }
    };

    // Next/previous: scroll the column holding the place so it sits a third of the way down, and into view.
    if let Some((a, range)) = &jump
        && let Some(r) = record.columns.iter().find(|r| r.article == *a)
    {
        let y = r.positions.y_of(range.start);
        ctx.emit(UiCommand::ScrollColumn {
            article: *a,
            offset: (y - r.viewport.height() * 0.3).max(0.0),
        });
        show_column(*a, &mut memory);
        ui.ctx().request_repaint();
    }
    // A newly selected entity: each column shows its first mention; if no column in view has one, the first
    // column that has one scrolls into view.
    if state.selection.entity != memory.last_entity {
        if let Some(e) = state.selection.entity {
            let mut with_mention = Vec::new();
            for r in &record.columns {
                let first = state.index.marks[r.article]
                    .mentions
                    .iter()
                    .find(|(_, me)| *me == e)
                    .map(|(range, _)| range.start);
                if let Some(y) = first.map(|start| r.positions.y_of(start)) {
                    with_mention.push(r.article);
                    let visible = y >= r.scroll_offset && y <= r.scroll_offset + r.viewport.height() * 0.9;
                    if !visible {
                        ctx.emit(UiCommand::ScrollColumn {
                            article: r.article,
                            offset: (y - r.viewport.height() * 0.3).max(0.0),
                        });
                    }
                }
            }
            if !with_mention.iter().any(|&a| in_view(a))
                && let Some(&a) = with_mention.first()
            {
                show_column(a, &mut memory);
            }
            ui.ctx().request_repaint();
        }
        memory.last_entity = state.selection.entity;
    }
    // A newly selected claim: if no column in view holds a member, the first that does scrolls into view.
    if state.selection.claim != memory.last_claim {
        if let Some(c) = state.selection.claim {
            let with_member: Vec<usize> = record
                .columns
                .iter()
                .filter(|r| state.index.marks[r.article].claims.iter().any(|(_, rc, _)| *rc == c))
                .map(|r| r.article)
                .collect();
            if !with_member.iter().any(|&a| in_view(a))
                && let Some(&a) = with_member.first()
            {
                show_column(a, &mut memory);
                ui.ctx().request_repaint();
            }
        }
        memory.last_claim = state.selection.claim;
    }
    // Align the selected claim: every column scrolls so that its member sits at the same screen height.
    if state.align_pending {
        memory.realign_frames = 3;
    }
    if state.selection.claim.is_some() && (state.align_pending || memory.realign_frames > 0) {
        memory.realign_frames = memory.realign_frames.saturating_sub(1);
        let with_member: Vec<&ColumnRecord> = record
            .columns
            .iter()
            .filter(|r| r.selected_member_content_y.is_some())
            .collect();
        if !with_member.is_empty() {
            let view_top = with_member.iter().map(|r| r.viewport.top()).fold(f32::MIN, f32::max);
            let view_h = with_member.iter().map(|r| r.viewport.height()).fold(f32::MAX, f32::min);
            let natural_min = with_member
                .iter()
                .map(|r| r.viewport.top() + r.selected_member_content_y.unwrap_or(0.0))
                .fold(f32::MAX, f32::min);
            let target = (view_top + view_h * 0.3).min(natural_min);
            for r in &with_member {
                let y = r.viewport.top() + r.selected_member_content_y.unwrap_or(0.0);
                ctx.emit(UiCommand::ScrollColumn {
                    article: r.article,
                    offset: (y - target).max(0.0),
                });
            }
            ctx.emit(UiCommand::ClaimAligned);
            ui.ctx().request_repaint();
        } else if state.align_pending {
            // No shown column holds the claim: nothing to align.
            ctx.emit(UiCommand::ClaimAligned);
        }
    }
    // A new search: each column shows its first hit a third of the way down.
    if state.search_scroll_pending {
        for r in &record.columns {
            if let Some(y) = r.first_hit_content_y {
                ctx.emit(UiCommand::ScrollColumn {
                    article: r.article,
                    offset: (y - r.viewport.height() * 0.3).max(0.0),
                });
            }
        }
        ctx.emit(UiCommand::SearchScrolled);
        ui.ctx().request_repaint();
    }
    // A newly chosen sentence: each column shows its similar unit a third of the way down.
    if state.similar_scroll_pending {
        for r in &record.columns {
            if let Some(y) = r.similar_content_y {
                ctx.emit(UiCommand::ScrollColumn {
                    article: r.article,
                    offset: (y - r.viewport.height() * 0.3).max(0.0),
                });
            }
        }
        ctx.emit(UiCommand::SimilarScrolled);
        ui.ctx().request_repaint();
    }
    // Locked scrolling: a column the user scrolled moves the others by the same amount.
    if memory.locked {
        let moved = record.columns.iter().find_map(|r| {
            let before = previous.columns.iter().find(|p| p.article == r.article)?;
            let delta = r.scroll_offset - before.scroll_offset;
            (delta.abs() > 0.5 && !pending_scroll.contains_key(&r.article)).then_some((r.article, delta))
        });
        if let Some((moved_article, delta)) = moved {
            for r in record.columns.iter().filter(|r| r.article != moved_article) {
                ctx.emit(UiCommand::ScrollColumn {
                    article: r.article,
                    offset: (r.scroll_offset + delta).max(0.0),
                });
            }
            ui.ctx().request_repaint();
        }
    }
    connector_bands(state, ui, &record, bands_clip);
    match interaction {
        Some(Interaction::Entity(e)) => ctx.emit(UiCommand::ToggleEntity(e)),
        Some(Interaction::Claim(c)) => ctx.emit(UiCommand::ToggleClaim(c)),
        Some(Interaction::Sentence(article, sentence)) => ctx.emit(UiCommand::ToggleSentence { article, sentence }),
        None => {}
    }
    ui.ctx().data_mut(|d| d.insert_temp(memory_id(), memory));
    record
}

/// "< 3 of 79 hits >": returns the index to go to when a button was clicked.
fn navigator_ui(
    ui: &mut Ui,
    what: &str,
    current: Option<usize>,
    total: usize,
    next_key: &str,
    previous_key: &str,
) -> Option<usize> {
    let mut go = None;
    let previous = ui
        .small_button("<")
        .on_hover_text(format!("Previous {what} ({previous_key})"));
    previous.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Previous {what}")));
    if previous.clicked() {
        go = Some(step_index(current, false, total));
    }
    let plural = if total == 1 { "" } else { "s" };
    let text = match current {
        Some(i) => format!("{} of {total} {what}{plural}", i + 1),
        None => format!("{total} {what}{plural}"),
    };
    ui.label(RichText::new(text).small());
    let next = ui.small_button(">").on_hover_text(format!("Next {what} ({next_key})"));
    next.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Next {what}")));
    if next.clicked() {
        go = Some(step_index(current, true, total));
    }
    go
}

/// The next (or previous) index among `total`, wrapping around; from nothing, the first (or last).
fn step_index(current: Option<usize>, forward: bool, total: usize) -> usize {
    match (current, forward) {
        (None, true) => 0,
        (None, false) => total.saturating_sub(1),
        (Some(i), true) => (i + 1) % total.max(1),
        (Some(i), false) => (i + total.max(1) - 1) % total.max(1),
    }
}

/// Search hits of the shown columns in column order, then text order.
fn search_targets(st: &WorkbenchState) -> Vec<Target> {
    st.columns
        .iter()
        .flat_map(|&a| st.search_hits.get(a).into_iter().flatten().map(move |r| (a, r.clone())))
        .collect()
}

/// Mentions of the selected entity in the shown columns, in column order, then text order.
fn mention_targets(st: &WorkbenchState) -> Vec<Target> {
    let Some(e) = st.selection.entity else {
        return Vec::new();
    };
    st.columns
        .iter()
        .flat_map(|&a| {
            st.index.marks[a]
                .mentions
                .iter()
                .filter(move |(_, me)| *me == e)
                .map(move |(r, _)| (a, r.clone()))
        })
        .collect()
}

/// Where the pieces of a column stand in its scrolled content, for positions of places off screen.
#[derive(Debug, Clone, Default)]
pub struct PiecePositions {
    /// (article byte range, content top, height, layout when known).
    pieces: Vec<PiecePosition>,
}

impl PiecePositions {
    /// Content y of byte `offset`: its line's top where the piece is laid out, else its share of the piece's height.
    pub fn y_of(&self, offset: usize) -> f32 {
        let i = self.pieces.partition_point(|(r, ..)| r.end <= offset);
        let Some((range, top, height, layout)) = self.pieces.get(i).or(self.pieces.last()) else {
            return 0.0;
        };
        let local = offset.saturating_sub(range.start).min(range.len());
        match layout {
            Some(layout) => {
                let line = layout.line_of(local).and_then(|l| layout.lines().get(l));
                top + line.map_or(0.0, |l| l.top)
            }
            None if !range.is_empty() => top + height * local as f32 / range.len() as f32,
            None => *top,
        }
    }
}

/// What the header buttons of a column ask for.
enum ColumnAction {
    Widen(usize),
    Remove(usize),
    Scroll(usize, f32),
}

/// One column to draw.
struct Column<'a> {
    a: usize,
    width: f32,
    header_height: f32,
    /// A scroll offset to apply this frame.
    offset: Option<f32>,
    /// The search hit or mention navigated to.
    current: Option<&'a Target>,
    wide: bool,
}

/// One block of a column's scrolled content.
enum Item {
    /// The button of a collapsible block (boilerplate, related article, repeated headline).
    Toggle {
        segment: usize,
        label: String,
    },
    Text(Piece),
}

/// A piece of a segment's text, laid out and drawn as one block.
struct Piece {
    id: egui::Id,
    /// Byte range in the article's text.
    range: Range<usize>,
    text: Arc<str>,
    font_size: f32,
    colour: Color32,
    secondary: bool,
    /// Space after it (the last piece of a segment).
    gap: f32,
    height: f32,
    layout: Option<Arc<TextLayout>>,
}

/// The items of article `a`'s column at `width`: pieces with their heights (laid out when `eager`, else measured
/// earlier or estimated).
fn column_items(ctx: &ViewCtx<'_>, ui: &Ui, a: usize, width: f32, eager: bool) -> Vec<Item> {
    let state = ctx.state;
    let Some(article) = state.report.as_ref().and_then(|r| r.articles.get(a)) else {
        return Vec::new();
    };
    let font_size = state.settings.font_size;
    let text_colour = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let mut items = Vec::new();
    let mut cache: PieceCache = ui
        .ctx()
        .data_mut(|d| std::mem::take(d.get_temp_mut_or_default(piece_cache_id())));
    for (si, seg) in article.segments.iter().enumerate() {
        if seg.kind == SegmentKind::Title || seg.start >= seg.end {
            continue;
        }
        let Some(shared) = state.index.segment_texts.get(a).and_then(|t| t.get(si)) else {
            continue;
        };
        if shared.trim().is_empty() {
            continue;
        }
        let secondary = is_secondary(seg.kind);
        if secondary {
            let expanded = state.expanded.contains(&(a, si));
            let name = match seg.kind {
                SegmentKind::Boilerplate => "boilerplate",
                SegmentKind::Related => "related article",
                _ => "repeated headline",
            };
            let arrow = if expanded { "[-]" } else { "[+]" };
            let count = if shared.len() > 100_000 {
                format!("{} KB", shared.len() / 1024)
            } else {
                format!("{} characters", shared.chars().count())
            };
            items.push(Item::Toggle {
                segment: si,
                label: format!("{arrow} {name} ({count})"),
            });
            if !expanded {
                continue;
            }
        }
        let size = if seg.kind == SegmentKind::Meta {
            font_size * 0.8
        } else {
            font_size
        };
        let colour = if secondary || seg.kind == SegmentKind::Meta {
            weak
        } else {
            text_colour
        };
        let pieces: SplitPieces = if shared.len() <= PIECE_BYTES {
            Arc::new(vec![(0..shared.len(), Arc::clone(shared))])
        } else {
            let key = Arc::as_ptr(shared) as *const u8 as usize;
            match cache.split.get(&(a, si)) {
                Some((k, pieces)) if *k == key => Arc::clone(pieces),
                _ => {
                    let pieces: SplitPieces = Arc::new(
                        layout_pieces(shared, PIECE_BYTES)
                            .into_iter()
                            .map(|r| (r.clone(), Arc::from(&shared[r])))
                            .collect(),
                    );
                    cache.split.insert((a, si), (key, Arc::clone(&pieces)));
                    pieces
                }
            }
        };
        let count = pieces.len();
        for (pi, (range, text)) in pieces.iter().enumerate() {
            let id = egui::Id::unique(("qarin-segment", &article.id, si, pi));
            let block = TextBlock {
                id,
                text,
                reading_face: true,
                spans: &[],
                width,
                font_size: size,
                colour,
                rects_for: |_| false,
            };
            let (height, layout) = if eager {
                let layout = layout_of(ctx.engine, &block);
                (layout.height(), Some(layout))
            } else {
                let measured = cache
                    .heights
                    .get(&id)
                    .filter(|(w, s, _)| *w == width && *s == size)
                    .map(|(_, _, h)| *h);
                (measured.unwrap_or_else(|| estimate_height(text, width, size)), None)
            };
            items.push(Item::Text(Piece {
                id,
                range: seg.start + range.start..seg.start + range.end,
                text: Arc::clone(text),
                font_size: size,
                colour,
                secondary,
                gap: if pi + 1 == count { size * 0.6 } else { 0.0 },
                height,
                layout,
            }));
        }
    }
    ui.ctx().data_mut(|d| d.insert_temp(piece_cache_id(), cache));
    items
}

/// A guess of the height of a text not laid out yet: its characters at an average Arabic advance, wrapped at
/// `width`, in lines 1.7 font sizes high.
fn estimate_height(text: &str, width: f32, font_size: f32) -> f32 {
    // Bytes rather than characters: Arabic letters are two bytes, spaces one; about 0.24 font sizes per byte.
    let advance = font_size * 0.24;
    let per_line = (width / advance).max(1.0);
    let lines = (text.len() as f32 / per_line).ceil().max(1.0);
    lines * font_size * 1.7
}

/// One article's column: header, then its text in a scroll area with claim side bars and an overview strip.
fn column_ui(
    ctx: &mut ViewCtx<'_>,
    ui: &mut Ui,
    column: &Column<'_>,
    interaction: &mut Option<Interaction>,
    actions: &mut Vec<ColumnAction>,
) -> ColumnRecord {
    let state = ctx.state;
    let engine = ctx.engine;
    let a = column.a;
    let width = column.width;
    let mut record = ColumnRecord {
        article: a,
        ..ColumnRecord::default()
    };
    let Some(report) = state.report.as_ref() else {
        return record;
    };
    let article = &report.articles[a];
    let mut drawn = Highlights::default();
    let title = shorten(&article.title, TITLE_CHARS);
    let header = egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(width - 12.0);
            ui.set_min_height((column.header_height - 12.0).max(0.0));
            rtl_line_ui(ui, engine, &title, 16.0, ui.visuals().strong_text_color(), width - 12.0).widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Label,
                    true,
                    format!("Column {}: {}", article.id, shorten(&article.title, 300)),
                )
            });
            // Source and date are often Arabic: they go through the text widget (egui labels have no bidi).
            let date = article.date.as_deref().map(super::widgets::display_date);
            let source_date: Vec<String> = [article.source.as_deref(), date.as_deref()]
                .into_iter()
                .flatten()
                .map(|s| shorten(s, 60).into_owned())
                .collect();
            if !source_date.is_empty() {
                rtl_line_ui(
                    ui,
                    engine,
                    &source_date.join(" · "),
                    12.0,
                    ui.visuals().text_color(),
                    width - 12.0,
                );
            }
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 6.0;
                let entities = state.index.mention_counts.iter().filter(|c| c[a] > 0).count();
                ui.label(
                    RichText::new(format!("{entities} entities · {} claims", state.index.claim_counts[a]))
                        .small()
                        .weak(),
                )
                .on_hover_text(format!("{}\n{}", article.id, article.path));
                let widen = ui
                    .small_button(if column.wide { "narrow" } else { "wide" })
                    .on_hover_text(if column.wide {
                        "Back to the common width"
                    } else {
                        "Widen this column"
                    });
                widen.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Widen column {}", article.id))
                });
                if widen.clicked() {
                    actions.push(ColumnAction::Widen(a));
                }
                let remove = ui
                    .small_button("×")
                    .on_hover_text("Take this column out (the corpus panel brings it back)");
                remove.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Remove column {}", article.id))
                });
                if remove.clicked() {
                    actions.push(ColumnAction::Remove(a));
                }
            });
        });
    record.header_height = header.response.rect.height();

    // The overview strip stands at the column's left edge (where right-to-left lines end); the text beside it.
    let body = ui.available_rect_before_wrap();
    let strip_rect = Rect::from_min_max(body.min, egui::pos2(body.min.x + STRIP, body.max.y));
    let text_area = Rect::from_min_max(egui::pos2(body.min.x + STRIP + 2.0, body.min.y), body.max);
    // Inside the scroll area (its bar takes room): leave space for the claim side bar.
    let text_width = (text_area.width() - ui.spacing().scroll.bar_width - BAR * 3.0).max(40.0);
    let eager = article.text.len() <= EAGER_BYTES;
    let mut items = column_items(ctx, ui, a, text_width, eager);
    let mut tops = Vec::with_capacity(items.len());
    let mut y = 0.0f32;
    for item in &items {
        tops.push(y);
        y += match item {
            Item::Toggle { .. } => TOGGLE_HEIGHT,
            Item::Text(piece) => piece.height + piece.gap,
        };
    }

    let mut scroll = egui::ScrollArea::vertical().id_salt(("column", a)).auto_shrink(false);
    if let Some(offset) = column.offset {
        scroll = scroll.vertical_scroll_offset(offset);
        ctx.emit(UiCommand::ScrollTaken(a));
    }
    let selected_claim = state.selection.claim;
    let mut hovered: Option<u64> = None;
    let mut hover_response: Option<egui::Response> = None;
    let mut measured: Vec<(egui::Id, f32, f32)> = Vec::new();
    let weak = ui.visuals().weak_text_color();
    let mut text_ui = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(text_area)
            .layout(egui::Layout::top_down(egui::Align::Min)),
    );
    let output = scroll.show_viewport(&mut text_ui, |ui, viewport| {
        ui.spacing_mut().item_spacing.y = 0.0;
        let content_top = ui.min_rect().top();
        // Pieces a screen above and below the viewport are drawn too, so short scrolls find them laid out.
        let margin = viewport.height();
        for (item, &top) in items.iter_mut().zip(&tops) {
            match item {
                Item::Toggle { segment, label } => {
                    let button = egui::Button::new(RichText::new(label.as_str()).small().color(weak)).frame(false);
                    let response = ui.add_sized([text_width, TOGGLE_HEIGHT], button);
                    if response.clicked() {
                        ctx.emit(UiCommand::ToggleSegment {
                            article: a,
                            segment: *segment,
                        });
                    }
                }
                Item::Text(piece) => {
                    let bottom = top + piece.height + piece.gap;
                    let visible = bottom >= viewport.min.y - margin && top <= viewport.max.y + margin;
                    if !visible {
                        if eager {
                            // Their highlights are counted all the same (what a column tells assistive technology).
                            block_spans(state, a, piece.range.start, piece.range.end, None, &mut drawn);
                        }
                        ui.add_space(piece.height + piece.gap);
                        continue;
                    }
                    let mut spans =
                        block_spans(state, a, piece.range.start, piece.range.end, column.current, &mut drawn);
                    if piece.secondary {
                        for s in &mut spans {
                            s.style.dim = true;
                        }
                    }
                    let block = TextBlock {
                        id: piece.id,
                        text: &piece.text,
                        reading_face: true,
                        spans: &spans,
                        width: text_width,
                        font_size: piece.font_size,
                        colour: piece.colour,
                        rects_for: |t| tag::as_claim(t).is_some(),
                    };
                    let out = text_block_ui(ui, engine, &block);
                    let height = out.response.rect.height();
                    measured.push((piece.id, piece.font_size, height));
                    if piece.layout.is_none() {
                        piece.layout = Some(layout_of(engine, &block));
                    }
                    piece.height = height;
                    for (t, rect) in &out.tag_rects {
                        if let Some((c, m)) = tag::as_claim(*t) {
                            record.claim_rects.push((c, m, *rect));
                        }
                    }
                    if let Some(&t) = out
                        .hovered
                        .iter()
                        .rev()
                        .find(|t| tag::as_entity(**t).is_some())
                        .or_else(|| out.hovered.iter().rev().find(|t| tag::as_claim(**t).is_some()))
                        .or_else(|| {
                            out.hovered.iter().rev().find(|t| {
                                tag::as_sentence(**t).is_some_and(|s| state.similar_in(a).any(|x| x.sentence == s))
                            })
                        })
                    {
                        hovered = Some(t);
                        hover_response = Some(out.response.clone());
                    }
                    let clicked_entity = out.clicked.iter().find_map(|t| tag::as_entity(*t));
                    let clicked_claim = out.clicked.iter().find_map(|t| tag::as_claim(*t));
                    let clicked_sentence = out.clicked.iter().find_map(|t| tag::as_sentence(*t));
                    if let Some(e) = clicked_entity {
                        *interaction = Some(Interaction::Entity(e));
                    } else if let Some((c, _)) = clicked_claim {
                        *interaction = Some(Interaction::Claim(c));
                    } else if let Some(s) = clicked_sentence {
                        *interaction = Some(Interaction::Sentence(a, s));
                    }
                    ui.add_space(piece.gap);
                }
            }
        }
        // Room below the end so any claim member can be scrolled to the alignment line.
        ui.add_space(ui.clip_rect().height() * 0.8);
        content_top
    });
    ui.advance_cursor_after_rect(body);
    record.viewport = output.inner_rect;
    record.scroll_offset = output.state.clamped_offset().y;
    ui.ctx().data_mut(|d| {
        let cache: &mut PieceCache = d.get_temp_mut_or_default(piece_cache_id());
        for (id, size, height) in measured {
            cache.heights.insert(id, (text_width, size, height));
        }
    });
    let positions = PiecePositions {
        pieces: items
            .iter()
            .zip(&tops)
            .filter_map(|(item, &top)| match item {
                Item::Text(piece) => Some((piece.range.clone(), top, piece.height, piece.layout.clone())),
                Item::Toggle { .. } => None,
            })
            .collect(),
    };
    // Places off screen: the selected claim's member and the first search hit, from the piece positions.
    let marks = &state.index.marks[a];
    if let Some(c) = selected_claim {
        record.selected_member_content_y = marks
            .claims
            .iter()
            .filter(|(_, rc, _)| *rc == c)
            .map(|(r, _, _)| positions.y_of(r.start))
            .reduce(f32::min);
    }
    if state.similar_scroll_pending {
        // The chosen sentence's own column shows it too (chosen from the command line, it may be out of view).
        let chosen = match state.selection.sentence {
            Some((chosen_article, s)) if chosen_article == a => article.sentences.get(s).map(|s| s.start),
            _ => None,
        };
        record.similar_content_y = chosen
            .or_else(|| state.similar_in(a).next().map(|s| s.start))
            .map(|start| positions.y_of(start));
    }
    if state.search_scroll_pending {
        record.first_hit_content_y = state
            .search_hits
            .get(a)
            .and_then(|hits| hits.first())
            .map(|r| positions.y_of(r.start));
    }
    // The overview strip: marks of the selected entity, claim and search hits over the whole content height.
    let content_height = output.content_size.y.max(1.0);
    let mut overview = Vec::new();
    if let Some(e) = state.selection.entity {
        overview.extend(
            marks
                .mentions
                .iter()
                .filter(|(_, me)| *me == e)
                .map(|(r, _)| (positions.y_of(r.start) / content_height, OverviewMark::Entity)),
        );
    }
    if let Some(c) = selected_claim {
        overview.extend(
            marks
                .claims
                .iter()
                .filter(|(_, rc, _)| *rc == c)
                .map(|(r, _, _)| (positions.y_of(r.start) / content_height, OverviewMark::Claim)),
        );
    }
    if let Some(hits) = state.search_hits.get(a) {
        overview.extend(
            hits.iter()
                .map(|r| (positions.y_of(r.start) / content_height, OverviewMark::SearchHit)),
        );
    }
    overview.extend(
        state
            .similar_in(a)
            .map(|s| (positions.y_of(s.start) / content_height, OverviewMark::Similar)),
    );
    if let Some(jump) = overview_strip_ui(ctx, ui, strip_rect, &overview, &record, content_height, a) {
        actions.push(ColumnAction::Scroll(a, jump));
    }
    record.overview = overview;
    record.positions = positions;

    // Claim side bars at the column's right edge (the start of right-to-left lines).
    let painter = ui.painter().with_clip_rect(output.inner_rect);
    for (c, _, r) in &record.claim_rects {
        let selected = selected_claim == Some(*c);
        let colour = state.claim_colour(*c);
        let x = output.inner_rect.right() - BAR;
        let bar = Rect::from_x_y_ranges(x..=x + BAR - 1.0, r.top()..=r.bottom());
        painter.rect_filled(bar, 1.0, if selected { colour } else { colour.gamma_multiply(0.55) });
    }
    record.claim_rects.retain(|(_, _, r)| r.intersects(output.inner_rect));
    if let (Some(t), Some(resp)) = (hovered, hover_response) {
        if let Some(e) = tag::as_entity(t) {
            resp.on_hover_ui_at_pointer(|ui| entity_tooltip_ui(state, engine, ui, e));
        } else if let Some((c, _)) = tag::as_claim(t) {
            resp.on_hover_ui_at_pointer(|ui| claim_tooltip_ui(state, engine, ui, c));
        } else if let Some(s) = tag::as_sentence(t) {
            resp.on_hover_ui_at_pointer(|ui| similar_tooltip_ui(state, engine, ui, a, s));
        }
    }
    header
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Group, true, drawn.label(&article.id)));
    record
}

/// Draws a column's overview strip: the visible part as a band, marks as short bars (one per pixel row at most).
/// A click asks to scroll there (returns the offset).
fn overview_strip_ui(
    ctx: &ViewCtx<'_>,
    ui: &mut Ui,
    rect: Rect,
    marks: &[(f32, OverviewMark)],
    record: &ColumnRecord,
    content_height: f32,
    a: usize,
) -> Option<f32> {
    let state = ctx.state;
    let response = ui.interact(rect, egui::Id::unique(("qarin-overview", a)), egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::ScrollBar,
            true,
            format!("Overview of column {a}: {} marks", marks.len()),
        )
    });
    let painter = ui.painter().with_clip_rect(rect);
    let visuals = ui.visuals();
    painter.rect_filled(rect, 2.0, visuals.extreme_bg_color);
    let view_h = record.viewport.height().max(1.0);
    let top = rect.top() + rect.height() * record.scroll_offset / content_height;
    let band = Rect::from_x_y_ranges(
        rect.x_range(),
        top..=top + (rect.height() * view_h / content_height).max(3.0),
    );
    painter.rect_filled(band, 2.0, visuals.widgets.inactive.bg_fill);
    let mut rows: HashMap<(i32, u8), OverviewMark> = HashMap::new();
    for &(fraction, kind) in marks {
        let row = (rect.top() + fraction.clamp(0.0, 1.0) * rect.height()).round() as i32;
        let key = match kind {
            OverviewMark::SearchHit => 0,
            OverviewMark::Entity => 1,
            OverviewMark::Claim => 2,
            OverviewMark::Similar => 3,
        };
        rows.insert((row, key), kind);
    }
    let entity = state.selection.entity.map_or(Color32::GRAY, |e| state.entity_colour(e));
    let claim = state.selection.claim.map_or(Color32::GRAY, |c| state.claim_colour(c));
    let hit = palette::search_hit_colour(state.settings.dark);
    let similar = palette::similar_colour(state.settings.dark);
    let outline = visuals.strong_text_color().gamma_multiply(0.6);
    for ((row, _), kind) in rows {
        let (x_range, colour) = match kind {
            OverviewMark::SearchHit => (rect.left()..=rect.right(), hit),
            OverviewMark::Entity => (rect.left()..=rect.center().x, entity),
            OverviewMark::Claim => (rect.center().x..=rect.right(), claim),
            OverviewMark::Similar => (rect.left()..=rect.right(), similar),
        };
        let y = row as f32;
        let mark = Rect::from_x_y_ranges(x_range, y - 1.0..=y + 1.5);
        painter.rect_filled(mark, 0.0, colour);
        painter.rect_stroke(mark, 0.0, egui::Stroke::new(0.5, outline), egui::StrokeKind::Outside);
    }
    let pos = response.interact_pointer_pos().filter(|_| response.clicked())?;
    let fraction = ((pos.y - rect.top()) / rect.height()).clamp(0.0, 1.0);
    Some((fraction * content_height - view_h * 0.3).max(0.0))
}

/// Bands between neighbouring columns joining the members of one claim cluster, as diff tools join changed blocks.
fn connector_bands(state: &WorkbenchState, ui: &Ui, record: &FrameRecord, clip: Rect) {
    let painter = ui.painter().with_clip_rect(clip);
    let mut on_screen: Vec<&ColumnRecord> = record.columns.iter().collect();
    on_screen.sort_by(|a, b| a.viewport.left().total_cmp(&b.viewport.left()));
    for pair in on_screen.windows(2) {
        let (left, right) = (pair[0], pair[1]);
        for (c, _, lr) in &left.claim_rects {
            let Some((_, _, rr)) = right.claim_rects.iter().find(|(rc, _, _)| rc == c) else {
                continue;
            };
            let selected = state.selection.claim == Some(*c);
            if state.selection.claim.is_some() && !selected {
                continue;
            }
            let colour = state.claim_colour(*c);
            let fill = if selected {
                colour.gamma_multiply(0.45)
            } else {
                colour.gamma_multiply(0.16)
            };
            let clamp = |r: &Rect, v: &Rect| (r.top().max(v.top()), r.bottom().min(v.bottom()));
            let (lt, lb) = clamp(lr, &left.viewport);
            let (rt, rb) = clamp(rr, &right.viewport);
            if lt >= lb || rt >= rb {
                continue;
            }
            let x0 = left.viewport.right();
            let x1 = right.rect.left();
            let points = vec![
                egui::pos2(x0, lt),
                egui::pos2(x1, rt),
                egui::pos2(x1, rb),
                egui::pos2(x0, lb),
            ];
            painter.add(egui::Shape::convex_polygon(
                points,
                fill,
                egui::Stroke::new(if selected { 1.5 } else { 0.0 }, colour),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_share_the_width_down_to_the_minimum() {
        let widths = column_widths(1000.0, 150.0, &[false; 5]);
        assert!(widths.iter().all(|&w| w == widths[0]));
        let total: f32 = widths.iter().sum::<f32>() + GUTTER * 4.0;
        assert!(total <= 1000.0 && total > 990.0, "{total}");
        let narrow = column_widths(500.0, 150.0, &[false; 5]);
        assert!(narrow.iter().all(|&w| w == 150.0));
        let wide = column_widths(1000.0, 150.0, &[false, true, false]);
        assert_eq!(wide[1], (wide[0] * WIDE_FACTOR).floor());
    }

    #[test]
    fn steps_wrap_around() {
        assert_eq!(step_index(None, true, 5), 0);
        assert_eq!(step_index(None, false, 5), 4);
        assert_eq!(step_index(Some(4), true, 5), 0);
        assert_eq!(step_index(Some(0), false, 5), 4);
    }

    #[test]
    fn positions_come_from_layouts_or_shares_of_estimated_heights() {
        let positions = PiecePositions {
            pieces: vec![(0..100, 0.0, 50.0, None), (100..300, 60.0, 100.0, None)],
        };
        assert_eq!(positions.y_of(0), 0.0);
        assert_eq!(positions.y_of(50), 25.0);
        assert_eq!(positions.y_of(200), 110.0);
        assert_eq!(positions.y_of(10_000), 160.0);
    }
}
