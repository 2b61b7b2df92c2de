//! The one place the workbench hands text to a renderer: styled byte-range spans in, hits and rectangles out.
//! Article text goes through the cosmic-text widget of `crate::text` (bidi, shaping); this module adapts to it.

use egui::{Color32, Rect, Response, Ui};
use std::ops::Range;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SpanStyle {
    pub background: Option<Color32>,
    pub underline: Option<Color32>,
    pub colour: Option<Color32>,
    pub bold: bool,
    pub dim: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextSpan {
    pub range: Range<usize>,
    pub style: SpanStyle,
    pub tag: u64,
}

pub struct TextOutcome {
    pub response: Response,
    /// Tags under the pointer (innermost last).
    pub hovered: Vec<u64>,
    pub clicked: Vec<u64>,
    /// Screen rectangles of the spans whose tags were asked for (one or more per span, one per line piece).
    pub tag_rects: Vec<(u64, Rect)>,
}

/// Tags are a kind in the top byte and an index below.
pub mod tag {
    pub const ENTITY: u64 = 1 << 56;
    pub const CLAIM: u64 = 2 << 56;
    pub const SEARCH: u64 = 3 << 56;
    const KIND_MASK: u64 = 0xff << 56;

    pub fn entity(e: usize) -> u64 {
        ENTITY | e as u64
    }
    /// Cluster index in bits 24.., member index below.
    pub fn claim(cluster: usize, member: usize) -> u64 {
        CLAIM | ((cluster as u64) << 24) | member as u64
    }
    pub fn as_entity(t: u64) -> Option<usize> {
        (t & KIND_MASK == ENTITY).then_some((t & !KIND_MASK) as usize)
    }
    pub fn as_claim(t: u64) -> Option<(usize, usize)> {
        (t & KIND_MASK == CLAIM).then_some((((t & !KIND_MASK) >> 24) as usize, (t & 0xff_ffff) as usize))
    }
}

/// One paragraph block to draw: text, styled spans, wrap width.
pub struct TextBlock<'a> {
    pub text: &'a str,
    pub spans: &'a [TextSpan],
    pub width: f32,
    pub font_size: f32,
    pub colour: Color32,
    /// For which tags the screen rectangles are wanted (claim members, to align and connect them).
    pub rects_for: fn(u64) -> bool,
}

impl<'a> TextBlock<'a> {
    pub fn plain(text: &'a str, width: f32, font_size: f32, colour: Color32) -> Self {
        Self {
            text,
            spans: &[],
            width,
            font_size,
            colour,
            rects_for: |_| false,
        }
    }
}

/// Lays out and paints a block (right-to-left paragraphs) wrapped to its width, with its spans styled.
/// The block's text is its AccessKit label.
pub fn text_block_ui(ui: &mut Ui, block: &TextBlock<'_>) -> TextOutcome {
    fallback::text_block_ui(ui, block)
}

/// Provisional renderer through egui's own text until the cosmic-text widget lands (no bidi reordering).
mod fallback {
    use super::*;
    use egui::text::{LayoutJob, TextFormat};
    use egui::{FontId, Sense, Stroke};

    pub fn text_block_ui(ui: &mut Ui, block: &TextBlock<'_>) -> TextOutcome {
        let TextBlock {
            text,
            spans,
            width,
            font_size,
            colour: base_colour,
            rects_for: rect_tags,
        } = *block;
        let accessible_label = text;
        let mut cuts: Vec<usize> = vec![0, text.len()];
        for s in spans {
            cuts.push(s.range.start.min(text.len()));
            cuts.push(s.range.end.min(text.len()));
        }
        cuts.retain(|&c| text.is_char_boundary(c));
        cuts.sort_unstable();
        cuts.dedup();
        let mut job = LayoutJob {
            wrap: egui::text::TextWrapping {
                max_width: width,
                ..Default::default()
            },
            halign: egui::Align::RIGHT,
            ..Default::default()
        };
        let font = FontId::proportional(font_size);
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            if a == b {
                continue;
            }
            let mut format = TextFormat::simple(font.clone(), base_colour);
            for s in spans.iter().filter(|s| s.range.start <= a && b <= s.range.end) {
                if let Some(bg) = s.style.background {
                    format.background = bg;
                }
                if let Some(u) = s.style.underline {
                    format.underline = Stroke::new(2.0, u);
                }
                if let Some(c) = s.style.colour {
                    format.color = c;
                }
                if s.style.dim {
                    format.color = format.color.gamma_multiply(0.45);
                    format.background = format.background.gamma_multiply(0.35);
                }
            }
            job.append(&text[a..b], 0.0, format);
        }
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        // Plain lines (no tagged spans) must not swallow clicks meant for the row around them.
        let sense = if spans.iter().any(|s| s.tag != 0) {
            Sense::click()
        } else {
            Sense::hover()
        };
        let (rect, response) = ui.allocate_exact_size(egui::vec2(width, galley.size().y), sense);
        // Right-aligned: the galley's own rect already reflects the halign within `width`.
        let origin = egui::pos2(rect.left() + width - galley.rect.right(), rect.top());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, accessible_label));

        let char_to_byte: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let byte_to_char = |b: usize| char_to_byte.partition_point(|&x| x < b);
        let mut hovered = Vec::new();
        if let Some(pos) = response.hover_pos() {
            let cursor = galley.cursor_from_pos(pos - origin);
            let ci: usize = cursor.index.into();
            let byte = char_to_byte.get(ci).copied().unwrap_or(text.len());
            hovered = spans
                .iter()
                .filter(|s| s.range.start <= byte && byte < s.range.end)
                .map(|s| s.tag)
                .collect();
        }
        let clicked = if response.clicked() {
            hovered.clone()
        } else {
            Vec::new()
        };
        let mut tag_rects = Vec::new();
        for s in spans.iter().filter(|s| rect_tags(s.tag)) {
            let a = galley.pos_from_cursor(egui::text::CCursor::new(byte_to_char(s.range.start)));
            let b = galley.pos_from_cursor(egui::text::CCursor::new(byte_to_char(s.range.end)));
            let r = if (a.top() - b.top()).abs() < 1.0 {
                Rect::from_x_y_ranges(a.left().min(b.left())..=a.right().max(b.right()), a.top()..=a.bottom())
            } else {
                Rect::from_x_y_ranges(galley.rect.x_range(), a.top()..=b.bottom())
            };
            tag_rects.push((s.tag, r.translate(origin.to_vec2())));
        }
        ui.painter().galley(origin, galley, base_colour);
        TextOutcome {
            response,
            hovered,
            clicked,
            tag_rects,
        }
    }
}
