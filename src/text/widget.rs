//! The highlightable, selectable text widget: paints only the visible lines of a laid-out block as egui meshes.

use std::ops::Range;
use std::sync::Arc;

use egui::{Color32, Event, EventFilter, Key, Mesh, Modifiers, Pos2, Rect, Sense, Shape, StrokeKind, Vec2, pos2, vec2};

use super::engine::TextEngine;
use super::layout::{Cell, Span, TextBlock, TextLayout, VisualLine, cell_pieces};

/// Alpha factor for `SpanStyle::dim` text.
const DIM_FACTOR: f32 = 0.4;

/// A selection in one block: `anchor` where it started, `caret` where it ends (byte offsets).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Selection {
    pub anchor: usize,
    pub caret: usize,
    /// x of the caret (block coordinates) after a keyboard move: where bidi gives one offset two places, the
    /// next move starts from the place the caret is shown at.
    pub caret_x: Option<f32>,
}

impl Selection {
    /// The selected byte range (logical order).
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.caret)..self.anchor.max(self.caret)
    }

    pub fn is_empty(&self) -> bool {
        self.anchor == self.caret
    }
}

/// What the widget reports back for one frame.
#[derive(Debug, Clone)]
pub struct TextBlockResponse {
    /// The egui response of the whole block (AccessKit label = the block's text).
    pub response: egui::Response,
    /// Byte offset of the grapheme under the pointer.
    pub hovered_offset: Option<usize>,
    /// Tags of the spans under the pointer (in span order).
    pub hovered_tags: Vec<u64>,
    /// Tags of the spans under a click this frame (empty when there was no click on a span).
    pub clicked_tags: Vec<u64>,
    /// The block's current selection, if any (non-empty).
    pub selection: Option<Range<usize>>,
    /// The layout painted.
    pub layout: Arc<TextLayout>,
    /// Screen position of the layout's top-left corner.
    pub origin: Pos2,
}

impl TextBlockResponse {
    /// Screen rectangles covering the glyphs of a byte range (one per line and bidi piece).
    pub fn range_rects(&self, range: Range<usize>) -> Vec<Rect> {
        self.layout
            .range_rects(range)
            .into_iter()
            .map(|rect| rect.translate(self.origin.to_vec2()))
            .collect()
    }

    /// Byte offset of the caret position nearest to a screen point.
    pub fn offset_at(&self, pos: Pos2) -> Option<usize> {
        self.layout.hit(pos - self.origin.to_vec2()).map(|hit| hit.caret)
    }
}

fn selection_id(block_id: egui::Id) -> egui::Id {
    block_id.with("qarin-text-selection")
}

fn active_selection_id() -> egui::Id {
    egui::Id::unique("qarin-text-active-selection")
}

/// The selection of a block, as kept in egui's memory.
pub fn block_selection(ctx: &egui::Context, block_id: egui::Id) -> Option<Selection> {
    ctx.data(|data| data.get_temp::<Selection>(selection_id(block_id)))
        .filter(|sel| !sel.is_empty())
}

/// Set (or clear with `None`) the selection of a block; the block becomes the one Ctrl+C copies from.
pub fn set_block_selection(ctx: &egui::Context, block_id: egui::Id, selection: Option<Selection>) {
    ctx.data_mut(|data| match selection {
        Some(selection) => {
            data.insert_temp(selection_id(block_id), selection);
            data.insert_temp(active_selection_id(), block_id);
        }
        None => data.remove::<Selection>(selection_id(block_id)),
    });
}

/// Lay out (cached), paint the visible lines of, and interact with one block of text `width` points wide.
pub fn text_block_ui(ui: &mut egui::Ui, engine: &mut TextEngine, block: &TextBlock, width: f32) -> TextBlockResponse {
    let ctx = ui.ctx().clone();
    engine.begin_pass(ctx.cumulative_pass_nr());
    let layout = engine.layout(block, width);
    let (rect, response) = ui.allocate_exact_size(vec2(layout.width(), layout.height()), Sense::click_and_drag());
    // The block's text is its AccessKit label (a caller wanting another label sets `widget_info` on the response).
    let text_for_label = block.text.clone();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &*text_for_label));
    let origin = rect.min;
    let local = |pos: Pos2| pos - origin.to_vec2();

    // Pointer: hover, click, drag-select.
    let hover = response.hover_pos().and_then(|pos| layout.hit(local(pos)));
    let hovered_offset = hover.and_then(|hit| hit.under);
    let hovered_tags = hovered_offset.map(|offset| block.tags_at(offset)).unwrap_or_default();
    let mut selection = ctx.data(|data| data.get_temp::<Selection>(selection_id(block.id)));
    let active = ctx.data(|data| data.get_temp::<egui::Id>(active_selection_id()));
    if active.is_some_and(|id| id != block.id) {
        selection = None;
    }
    let mut clicked_tags = Vec::new();
    if response.drag_started()
        && let Some(hit) = ui
            .input(|i| i.pointer.press_origin())
            .and_then(|pos| layout.hit(local(pos)))
    {
        let anchor = if ui.input(|i| i.modifiers.shift) {
            selection.map_or(hit.caret, |s| s.anchor)
        } else {
            hit.caret
        };
        selection = Some(Selection {
            anchor,
            caret: hit.caret,
            caret_x: None,
        });
        response.request_focus();
    }
    if response.dragged()
        && let (Some(current), Some(hit)) = (
            selection,
            response.interact_pointer_pos().and_then(|pos| layout.hit(local(pos))),
        )
    {
        selection = Some(Selection {
            anchor: current.anchor,
            caret: hit.caret,
            caret_x: None,
        });
    }
    if response.clicked() {
        response.request_focus();
        if let Some(hit) = response.interact_pointer_pos().and_then(|pos| layout.hit(local(pos))) {
            if let Some(under) = hit.under {
                clicked_tags = block.tags_at(under);
            }
            selection = Some(Selection {
                anchor: hit.caret,
                caret: hit.caret,
                caret_x: None,
            });
        }
    }

    // Keyboard: shift+arrows extend the selection in visual order; Ctrl+A selects all; Ctrl+C copies.
    if response.has_focus() {
        ui.memory_mut(|memory| {
            memory.set_focus_lock_filter(
                response.id,
                EventFilter {
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    ..Default::default()
                },
            );
        });
        let text_len = block.text.len();
        let mut current = selection.unwrap_or_default();
        let mut changed = false;
        ui.input_mut(|input| {
            if input.consume_key(Modifiers::COMMAND, Key::A) {
                current = Selection {
                    anchor: 0,
                    caret: text_len,
                    caret_x: None,
                };
                changed = true;
            }
            for (key, right, vertical) in [
                (Key::ArrowLeft, false, false),
                (Key::ArrowRight, true, false),
                (Key::ArrowUp, false, true),
                (Key::ArrowDown, true, true),
            ] {
                let extend = input.consume_key(Modifiers::SHIFT, key);
                let plain = !extend && input.consume_key(Modifiers::NONE, key);
                if extend || plain {
                    let (caret, x) = if vertical {
                        layout.move_vertically(current.caret, right, current.caret_x)
                    } else {
                        layout.move_visually(current.caret, right, current.caret_x)
                    };
                    current = Selection {
                        anchor: if extend { current.anchor } else { caret },
                        caret,
                        caret_x: Some(x),
                    };
                    changed = true;
                }
            }
        });
        if changed {
            selection = Some(current);
        }
        let copy = ui.input(|input| input.events.iter().any(|event| matches!(event, Event::Copy)));
        if copy
            && let Some(sel) = selection.filter(|sel| !sel.is_empty())
            && let Some(text) = block.text.get(sel.range())
        {
            ctx.copy_text(text.to_string());
        }
    }
    if let Some(sel) = selection {
        let previous = ctx.data(|data| data.get_temp::<Selection>(selection_id(block.id)));
        if previous != Some(sel) {
            set_block_selection(&ctx, block.id, Some(sel));
        }
    }

    // Painting: only lines inside the clip rectangle.
    let clip = ui.clip_rect().intersect(rect);
    if clip.is_positive() || clip.height() > 0.0 {
        let visible = layout.lines_in(clip.min.y - origin.y, clip.max.y - origin.y);
        let selected = selection.filter(|s| !s.is_empty()).map(|s| s.range());
        paint_lines(ui, engine, block, &layout, origin, visible, selected);
    }

    TextBlockResponse {
        response,
        hovered_offset,
        hovered_tags,
        clicked_tags,
        selection: selection.filter(|s| !s.is_empty()).map(|s| s.range()),
        layout,
        origin,
    }
}

/// Underline lanes: overlapping underlined spans get increasing lanes so each line stays visible.
fn underline_lanes(spans: &[Span]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len())
        .filter(|&i| spans[i].style.underline.is_some())
        .collect();
    order.sort_by_key(|&i| (spans[i].range.start, std::cmp::Reverse(spans[i].range.end)));
    let mut lanes = vec![0; spans.len()];
    let mut lane_ends: Vec<usize> = Vec::new();
    for i in order {
        let span = &spans[i];
        let lane = lane_ends
            .iter()
            .position(|&end| end <= span.range.start)
            .unwrap_or(lane_ends.len());
        if lane == lane_ends.len() {
            lane_ends.push(span.range.end);
        } else {
            lane_ends[lane] = span.range.end;
        }
        lanes[i] = lane;
    }
    lanes
}

fn overlaps(a: &Range<usize>, line: &VisualLine) -> bool {
    a.start < line.range.end.max(line.range.start + 1) && a.end > line.range.start
}

#[allow(clippy::too_many_arguments)]
fn paint_lines(
    ui: &egui::Ui,
    engine: &mut TextEngine,
    block: &TextBlock,
    layout: &Arc<TextLayout>,
    origin: Pos2,
    visible: Range<usize>,
    selected: Option<Range<usize>>,
) {
    let ctx = ui.ctx();
    let painter = ui.painter();
    let pixels_per_point = ctx.pixels_per_point();
    engine.atlas.set_pixels_per_point(pixels_per_point);
    let texture_id = engine.atlas.texture_id(ctx);
    let selection_color = ui.visuals().selection.bg_fill;
    let lanes = underline_lanes(&block.spans);
    let mut backgrounds: Vec<Shape> = Vec::new();
    let mut underlines: Vec<Shape> = Vec::new();
    let mut mesh = Mesh::with_texture(texture_id);
    // Glyphs are placed on whole physical pixels from the block's origin, so cached quads only need translating.
    let origin_px = (
        (origin.x * pixels_per_point).round(),
        (origin.y * pixels_per_point).round(),
    );
    let lines = layout.lines().get(visible).unwrap_or(&[]);
    engine.painted.blocks += 1;
    engine.painted.lines += lines.len();
    // Spans on screen, found once; each line then only looks at these.
    let visible_bytes = match (lines.first(), lines.last()) {
        (Some(first), Some(last)) => first.range.start..last.range.end.max(first.range.start + 1),
        _ => 0..0,
    };
    let visible_spans: Vec<(usize, &Span)> = block
        .spans
        .iter()
        .enumerate()
        .filter(|(_, span)| span.range.start < visible_bytes.end && span.range.end > visible_bytes.start)
        .collect();
    for line in lines {
        let line_spans: Vec<(usize, &Span)> = visible_spans
            .iter()
            .copied()
            .filter(|(_, span)| overlaps(&span.range, line))
            .collect();
        let needs_cells = !line_spans.is_empty() || selected.as_ref().is_some_and(|sel| overlaps(sel, line));
        let cells: &[Cell] = if needs_cells { layout.cells(line) } else { &[] };
        let top = origin.y + line.top;
        for (_, span) in &line_spans {
            if let Some(color) = span.style.background {
                for (x0, x1) in cell_pieces(cells, &span.range) {
                    backgrounds.push(Shape::rect_filled(
                        Rect::from_min_max(pos2(origin.x + x0, top), pos2(origin.x + x1, top + line.height)),
                        2.0,
                        color,
                    ));
                }
            }
        }
        if let Some(sel) = &selected {
            for (x0, x1) in cell_pieces(cells, sel) {
                backgrounds.push(Shape::rect_filled(
                    Rect::from_min_max(pos2(origin.x + x0, top), pos2(origin.x + x1, top + line.height)),
                    0.0,
                    selection_color,
                ));
            }
        }
        for (_, span) in &line_spans {
            if let Some(stroke) = span.style.outline {
                for (x0, x1) in cell_pieces(cells, &span.range) {
                    underlines.push(Shape::rect_stroke(
                        Rect::from_min_max(pos2(origin.x + x0, top), pos2(origin.x + x1, top + line.height)),
                        2.0,
                        stroke,
                        StrokeKind::Inside,
                    ));
                }
            }
        }
        for (index, span) in &line_spans {
            if let Some(underline) = span.style.underline {
                let thickness = underline.thickness.max(0.5);
                let y = origin.y + line.baseline + block.font_size * 0.22 + lanes[*index] as f32 * (thickness + 1.5);
                for (x0, x1) in cell_pieces(cells, &span.range) {
                    underlines.push(Shape::rect_filled(
                        Rect::from_min_max(pos2(origin.x + x0, y), pos2(origin.x + x1, y + thickness)),
                        0.0,
                        underline.color,
                    ));
                }
            }
        }
        let colour_spans: Vec<&Span> = line_spans
            .iter()
            .map(|(_, span)| *span)
            .filter(|span| span.style.text_color.is_some() || span.style.dim)
            .collect();
        let quads = engine.line_quads(ctx, block.id, layout, line.index, pixels_per_point);
        engine.painted.glyphs += quads.len();
        for quad in quads.iter() {
            let mut color = block.color;
            let mut dim = false;
            for span in &colour_spans {
                if span.range.start <= quad.start && quad.start < span.range.end {
                    if let Some(text_color) = span.style.text_color {
                        color = text_color;
                    }
                    dim |= span.style.dim;
                }
            }
            if dim {
                color = color.gamma_multiply(DIM_FACTOR);
            }
            if quad.colored {
                color = Color32::WHITE;
            }
            let min = pos2(
                (origin_px.0 + quad.x as f32) / pixels_per_point,
                (origin_px.1 + quad.y as f32) / pixels_per_point,
            );
            let size = Vec2::new(quad.width as f32, quad.height as f32) / pixels_per_point;
            mesh.add_rect_with_uv(Rect::from_min_size(min, size), quad.uv, color);
        }
    }
    painter.extend(backgrounds);
    if !mesh.is_empty() {
        painter.add(Shape::mesh(mesh));
    }
    painter.extend(underlines);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::layout::{SpanStyle, Underline};

    fn underlined(range: Range<usize>) -> Span {
        Span {
            range,
            style: SpanStyle {
                underline: Some(Underline {
                    color: Color32::RED,
                    thickness: 2.0,
                }),
                ..Default::default()
            },
            tag: 0,
        }
    }

    #[test]
    fn overlapping_underlines_get_separate_lanes() {
        let spans = vec![
            underlined(0..50),
            underlined(10..20),
            underlined(20..30),
            Span {
                range: 0..100,
                style: SpanStyle::default(),
                tag: 1,
            },
            underlined(60..70),
            underlined(15..25),
        ];
        let lanes = underline_lanes(&spans);
        assert_eq!(lanes[0], 0);
        assert_eq!(lanes[1], 1);
        assert_eq!(lanes[2], 1, "20..30 starts where 10..20 ends: same lane");
        assert_eq!(lanes[4], 0, "60..70 overlaps nothing");
        assert_eq!(lanes[5], 2, "15..25 overlaps both others");
    }
}
