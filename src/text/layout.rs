//! Text blocks (text + spans + styles) and their laid-out form: lines, glyphs, hit-testing and range rectangles.
//!
//! Coordinates here are in egui points relative to the block's top-left corner; the widget adds the screen origin.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use cosmic_text::LayoutGlyph;
use egui::{Color32, Pos2, Rect, Stroke, pos2};
use unicode_segmentation::UnicodeSegmentation;

use super::fonts::Face;

/// Paragraph direction of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// From each paragraph's first strong character (Unicode bidi rules P2–P3).
    #[default]
    Auto,
    /// Every paragraph right to left (right-aligned), whatever its first letter.
    Rtl,
    /// Every paragraph left to right (left-aligned).
    Ltr,
}

/// An underline: colour and thickness in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Underline {
    pub color: Color32,
    pub thickness: f32,
}

/// How a span looks. Every field is optional so that overlapping spans combine.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SpanStyle {
    /// Filled behind the span's glyphs.
    pub background: Option<Color32>,
    /// Drawn under the span's glyphs; overlapping underlines are stacked so each stays visible.
    pub underline: Option<Underline>,
    /// Glyph colour (the last span in the list wins where several set it). Painted per glyph after shaping, so it
    /// never splits a shaping run.
    pub text_color: Option<Color32>,
    /// A frame drawn around the span's glyphs (emphasis). Spans never change the face: a bold or other face inside
    /// a word would split cosmic-text's shaping runs there and break letter joining and bidi order.
    pub outline: Option<Stroke>,
    /// Faded text (e.g. text outside the current focus).
    pub dim: bool,
}

/// A styled byte range of a block's text, with the caller's `tag` returned by hit tests.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Byte offsets into the block's text. Ranges not on char boundaries are shrunk to the nearest ones.
    pub range: Range<usize>,
    pub style: SpanStyle,
    /// The caller's id for this span (an entity or claim id, …).
    pub tag: u64,
}

/// Everything needed to lay out and draw one block of text.
#[derive(Debug, Clone)]
pub struct TextBlock {
    /// Identifies the block across frames: layout cache and selection state are kept per id.
    pub id: egui::Id,
    pub text: Arc<str>,
    /// Font size in points.
    pub font_size: f32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
    pub direction: Direction,
    pub face: Face,
    /// Default glyph colour.
    pub color: Color32,
    pub spans: Vec<Span>,
}

impl TextBlock {
    /// A block with default style: Naskh, 18 pt, automatic direction, no spans.
    pub fn new(id: impl std::hash::Hash + std::fmt::Debug, text: impl Into<Arc<str>>) -> Self {
        Self {
            id: egui::Id::unique(id),
            text: text.into(),
            font_size: 18.0,
            line_height: 1.7,
            direction: Direction::Auto,
            face: Face::Naskh,
            color: Color32::from_gray(20),
            spans: Vec::new(),
        }
    }

    pub fn with_font_size(mut self, font_size: f32) -> Self {
        self.font_size = font_size;
        self
    }

    pub fn with_direction(mut self, direction: Direction) -> Self {
        self.direction = direction;
        self
    }

    pub fn with_face(mut self, face: Face) -> Self {
        self.face = face;
        self
    }

    pub fn with_color(mut self, color: Color32) -> Self {
        self.color = color;
        self
    }

    pub fn with_spans(mut self, spans: Vec<Span>) -> Self {
        self.spans = spans;
        self
    }

    /// Tags of the spans that contain byte `offset`, in span order.
    pub fn tags_at(&self, offset: usize) -> Vec<u64> {
        self.spans
            .iter()
            .filter(|span| span.range.start <= offset && offset < span.range.end)
            .map(|span| span.tag)
            .collect()
    }
}

/// One laid-out (visual) line.
#[derive(Debug, Clone)]
pub struct VisualLine {
    /// Top of the line box.
    pub top: f32,
    /// Height of the line box.
    pub height: f32,
    /// Baseline y.
    pub baseline: f32,
    /// Byte range of the text on this line (logical; glyph order is visual).
    pub range: Range<usize>,
    /// Paragraph direction.
    pub rtl: bool,
    /// Index of the paragraph this line belongs to.
    pub paragraph: usize,
    /// Index of this line in [`TextLayout::lines`].
    pub index: usize,
    pub(crate) glyphs: Range<usize>,
}

/// A grapheme's box on a line: the unit of hit-testing, selection and range rectangles.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub x0: f32,
    pub x1: f32,
    pub range: Range<usize>,
    pub rtl: bool,
}

/// Result of hit-testing a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Nearest caret position (byte offset between graphemes).
    pub caret: usize,
    /// Start of the grapheme under the point, if the point is on one.
    pub under: Option<usize>,
    /// Line index.
    pub line: usize,
}

/// A block laid out at one width. Immutable and cheap to share (`Arc`).
#[derive(Debug)]
pub struct TextLayout {
    pub(crate) text: Arc<str>,
    pub(crate) width: f32,
    pub(crate) height: f32,
    pub(crate) lines: Vec<VisualLine>,
    /// Glyphs with `start`/`end` rewritten to byte offsets into the whole text.
    pub(crate) glyphs: Vec<LayoutGlyph>,
    /// Grapheme cells per line, computed on first use (painting spans, hit tests).
    pub(crate) cells: Vec<OnceLock<Vec<Cell>>>,
}

impl TextLayout {
    /// The text laid out.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Width the text was wrapped to.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// Total height.
    pub fn height(&self) -> f32 {
        self.height
    }

    /// All visual lines, top to bottom.
    pub fn lines(&self) -> &[VisualLine] {
        &self.lines
    }

    /// Glyphs of a line, in the order cosmic-text laid them out.
    pub fn line_glyphs(&self, line: &VisualLine) -> &[LayoutGlyph] {
        self.glyphs.get(line.glyphs.clone()).unwrap_or(&[])
    }

    /// Indices of the lines that intersect the vertical band `y0..y1`.
    pub fn lines_in(&self, y0: f32, y1: f32) -> Range<usize> {
        let first = self.lines.partition_point(|line| line.top + line.height <= y0);
        let last = self.lines.partition_point(|line| line.top < y1);
        first..last.max(first)
    }

    /// The line at height `y` (clamped to the first/last line).
    pub fn line_at(&self, y: f32) -> Option<usize> {
        if self.lines.is_empty() {
            return None;
        }
        let index = self.lines.partition_point(|line| line.top + line.height <= y);
        Some(index.min(self.lines.len() - 1))
    }

    /// Grapheme cells of a line (in glyph order). The glyphs of one cluster (base + marks) form one box; a cluster
    /// of several graphemes (a ligature such as lam-alef) is split evenly between them.
    pub fn cells(&self, line: &VisualLine) -> &[Cell] {
        match self.cells.get(line.index) {
            Some(cell) => cell.get_or_init(|| self.compute_cells(line)),
            None => &[],
        }
    }

    fn compute_cells(&self, line: &VisualLine) -> Vec<Cell> {
        let glyphs = self.line_glyphs(line);
        let mut cells = Vec::new();
        let mut i = 0;
        while i < glyphs.len() {
            let first = &glyphs[i];
            let (start, end, rtl) = (first.start, first.end, first.level.is_rtl());
            let (mut x0, mut x1) = (first.x, first.x + first.w);
            let mut j = i + 1;
            while j < glyphs.len() && glyphs[j].start == start && glyphs[j].end == end {
                x0 = x0.min(glyphs[j].x);
                x1 = x1.max(glyphs[j].x + glyphs[j].w);
                j += 1;
            }
            i = j;
            let Some(cluster) = self.text.get(start..end) else {
                continue;
            };
            let count = cluster.graphemes(true).count().max(1) as f32;
            let part = (x1 - x0) / count;
            for (k, (offset, grapheme)) in cluster.grapheme_indices(true).enumerate() {
                let left = if rtl {
                    x1 - part * (k as f32 + 1.0)
                } else {
                    x0 + part * k as f32
                };
                let begin = start + offset;
                cells.push(Cell {
                    x0: left,
                    x1: left + part,
                    range: begin..begin + grapheme.len(),
                    rtl,
                });
            }
        }
        cells
    }

    /// Hit-test a point (block coordinates).
    pub fn hit(&self, pos: Pos2) -> Option<Hit> {
        let line_index = self.line_at(pos.y)?;
        let line = &self.lines[line_index];
        let cells = self.cells(line);
        let inside_y = pos.y >= line.top && pos.y < line.top + line.height;
        let under = cells
            .iter()
            .find(|cell| inside_y && pos.x >= cell.x0 && pos.x < cell.x1 && cell.x1 > cell.x0)
            .map(|cell| cell.range.start);
        let nearest = cells
            .iter()
            .filter(|cell| cell.x1 > cell.x0)
            .min_by(|a, b| distance(a, pos.x).total_cmp(&distance(b, pos.x)));
        let caret = match nearest {
            None => {
                if line.rtl == (pos.x > self.width / 2.0) {
                    line.range.start
                } else {
                    line.range.end
                }
            }
            Some(cell) => {
                let left_half = pos.x < (cell.x0 + cell.x1) / 2.0;
                if left_half == cell.rtl {
                    cell.range.end
                } else {
                    cell.range.start
                }
            }
        };
        Some(Hit {
            caret,
            under,
            line: line_index,
        })
    }

    /// Rectangles covering the glyphs of a byte range: one per line and bidi piece, each exactly over its glyphs.
    pub fn range_rects(&self, range: Range<usize>) -> Vec<Rect> {
        let mut rects = Vec::new();
        if range.start >= range.end {
            return rects;
        }
        for line in &self.lines {
            if line.range.end <= range.start || line.range.start >= range.end {
                continue;
            }
            // Only cells between two selected cells can join; unselected ones between them keep pieces apart
            // because they are not among the pieces and leave a gap.
            let merged = cell_pieces(self.cells(line), &range);
            rects.extend(
                merged
                    .into_iter()
                    .map(|(x0, x1)| Rect::from_min_max(pos2(x0, line.top), pos2(x1, line.top + line.height))),
            );
        }
        rects
    }

    /// Index of the line a caret offset belongs to (the first line whose range contains it, else the one it ends).
    pub fn line_of(&self, offset: usize) -> Option<usize> {
        self.lines
            .iter()
            .position(|line| line.range.start <= offset && offset < line.range.end)
            .or_else(|| self.lines.iter().position(|line| line.range.end == offset))
            .or_else(|| {
                if offset >= self.text.len() {
                    self.lines.len().checked_sub(1)
                } else {
                    None
                }
            })
    }

    /// x position of the caret at `offset` on line `line_index`. Where bidi gives one offset two places (the
    /// boundary of a number inside an RTL line), the one nearest `hint_x` (the caret's previous x) is taken.
    pub fn caret_x(&self, line_index: usize, offset: usize, hint_x: Option<f32>) -> f32 {
        let Some(line) = self.lines.get(line_index) else {
            return 0.0;
        };
        let stops = self.caret_stops(line);
        let candidates = stops.iter().filter(|(_, o)| *o == offset);
        let chosen = match hint_x {
            Some(hint) => candidates.min_by(|a, b| (a.0 - hint).abs().total_cmp(&(b.0 - hint).abs())),
            None => candidates.min_by(|a, b| a.0.total_cmp(&b.0)),
        };
        chosen
            .map(|(x, _)| *x)
            .unwrap_or(if line.rtl { self.width } else { 0.0 })
    }

    /// Caret stops of a line: (x, byte offset), sorted by x.
    pub fn caret_stops(&self, line: &VisualLine) -> Vec<(f32, usize)> {
        let mut stops = Vec::new();
        for cell in self.cells(line) {
            if cell.rtl {
                stops.push((cell.x1, cell.range.start));
                stops.push((cell.x0, cell.range.end));
            } else {
                stops.push((cell.x0, cell.range.start));
                stops.push((cell.x1, cell.range.end));
            }
        }
        if stops.is_empty() {
            let x = if line.rtl { self.width } else { 0.0 };
            stops.push((x, line.range.start));
        }
        stops.sort_by(|a, b| a.0.total_cmp(&b.0));
        stops
    }

    /// Move a caret one grapheme visually left (`right == false`) or right, crossing to the adjacent line at the
    /// ends. `hint_x` is the caret's current x (from the previous move) to tell apart the two places of an
    /// ambiguous bidi boundary. Returns the new offset and its x.
    pub fn move_visually(&self, offset: usize, right: bool, hint_x: Option<f32>) -> (usize, f32) {
        let Some(line_index) = self.line_of(offset) else {
            return (offset, hint_x.unwrap_or(0.0));
        };
        let line = &self.lines[line_index];
        let stops = self.caret_stops(line);
        let x = self.caret_x(line_index, offset, hint_x);
        // The nearest stop in the direction of motion; among stops at that same x, the logically nearest offset.
        let ahead: Vec<&(f32, usize)> = stops
            .iter()
            .filter(|(sx, o)| *o != offset && if right { *sx > x + 0.01 } else { *sx < x - 0.01 })
            .collect();
        let nearest_x = if right {
            ahead.iter().map(|s| s.0).fold(f32::INFINITY, f32::min)
        } else {
            ahead.iter().map(|s| s.0).fold(f32::NEG_INFINITY, f32::max)
        };
        if let Some((sx, o)) = ahead
            .iter()
            .filter(|s| (s.0 - nearest_x).abs() <= 0.01)
            .min_by_key(|s| s.1.abs_diff(offset))
        {
            return (*o, *sx);
        }
        // Off the line's end: forward is right in LTR lines, left in RTL ones.
        let forward = right != line.rtl;
        let target = if forward {
            line_index + 1
        } else {
            line_index.wrapping_sub(1)
        };
        let Some(target_line) = self.lines.get(target) else {
            let end = if forward {
                line.range.end.max(offset)
            } else {
                line.range.start.min(offset)
            };
            return (end, x);
        };
        let stops = self.caret_stops(target_line);
        // Enter the adjacent line at the side the motion comes from, skipping the offset we are at.
        let candidates = stops.iter().filter(|(_, o)| *o != offset);
        let chosen = if right {
            candidates.min_by(|a, b| a.0.total_cmp(&b.0))
        } else {
            candidates.max_by(|a, b| a.0.total_cmp(&b.0))
        };
        chosen.map_or((offset, x), |(sx, o)| (*o, *sx))
    }

    /// Move a caret one line up or down, keeping its x. Returns the new offset and its x.
    pub fn move_vertically(&self, offset: usize, down: bool, hint_x: Option<f32>) -> (usize, f32) {
        let Some(line_index) = self.line_of(offset) else {
            return (offset, hint_x.unwrap_or(0.0));
        };
        let x = self.caret_x(line_index, offset, hint_x);
        let target = if down {
            line_index + 1
        } else {
            line_index.wrapping_sub(1)
        };
        let Some(line) = self.lines.get(target) else {
            return (if down { self.text.len() } else { 0 }, x);
        };
        self.caret_stops(line)
            .into_iter()
            .min_by(|a, b| (a.0 - x).abs().total_cmp(&(b.0 - x).abs()))
            .map_or((offset, x), |(sx, o)| (o, sx))
    }
}

fn distance(cell: &Cell, x: f32) -> f32 {
    if x < cell.x0 {
        cell.x0 - x
    } else if x > cell.x1 {
        x - cell.x1
    } else {
        0.0
    }
}

/// Rectangles (x ranges) of `range` among a line's cells, merged where adjacent.
pub fn cell_pieces(cells: &[Cell], range: &Range<usize>) -> Vec<(f32, f32)> {
    let mut pieces: Vec<(f32, f32)> = cells
        .iter()
        .filter(|cell| cell.range.start < range.end && cell.range.end > range.start && cell.x1 > cell.x0)
        .map(|cell| (cell.x0, cell.x1))
        .collect();
    pieces.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f32, f32)> = Vec::new();
    for (x0, x1) in pieces {
        match merged.last_mut() {
            Some(last) if x0 <= last.1 + 0.01 => last.1 = last.1.max(x1),
            _ => merged.push((x0, x1)),
        }
    }
    merged
}
