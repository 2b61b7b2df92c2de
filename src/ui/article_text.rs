//! The one place the workbench hands text to a renderer: styled byte-range spans in, hits and rectangles out.
//! All article text goes through the cosmic-text widget of `crate::text` (bidi, shaping); this module adapts to it,
//! so that the views speak in article terms (tags for entities and claims) and never lay text out with egui.

use egui::{Color32, Rect, Response, Ui};
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SpanStyle {
    pub background: Option<Color32>,
    pub underline: Option<Color32>,
    pub colour: Option<Color32>,
    /// Emphasis: a frame around the span (never a bold face, which would break Arabic joining inside words).
    pub outline: Option<Color32>,
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
    /// A sentence of the article (index into its `sentences`): clicking it asks for "similar here".
    pub const SENTENCE: u64 = 4 << 56;
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
    pub fn sentence(s: usize) -> u64 {
        SENTENCE | s as u64
    }
    pub fn as_sentence(t: u64) -> Option<usize> {
        (t & KIND_MASK == SENTENCE).then_some((t & !KIND_MASK) as usize)
    }
    pub fn as_claim(t: u64) -> Option<(usize, usize)> {
        (t & KIND_MASK == CLAIM).then_some((((t & !KIND_MASK) >> 24) as usize, (t & 0xff_ffff) as usize))
    }
}

/// The cosmic-text engine shared by every view of the workbench (interior mutability: tooltips draw through `&`).
pub type Engine = std::cell::RefCell<crate::text::TextEngine>;

/// One paragraph block to draw: text, styled spans, wrap width.
pub struct TextBlock<'a> {
    /// Stable across frames (layout cache and text selection are kept per id).
    pub id: egui::Id,
    pub text: &'a Arc<str>,
    pub spans: &'a [TextSpan],
    pub width: f32,
    pub font_size: f32,
    pub colour: Color32,
    /// Article text in the reading face; labels in the sans face.
    pub reading_face: bool,
    /// For which tags the screen rectangles are wanted (claim members, to align and connect them).
    pub rects_for: fn(u64) -> bool,
}

impl<'a> TextBlock<'a> {
    pub fn plain(id: egui::Id, text: &'a Arc<str>, width: f32, font_size: f32, colour: Color32) -> Self {
        Self {
            id,
            text,
            spans: &[],
            width,
            font_size,
            colour,
            reading_face: false,
            rects_for: |_| false,
        }
    }
}

/// The text widget's description of `block`: the same for drawing and for measuring, so both share one cached
/// layout.
fn widget_block(block: &TextBlock<'_>) -> crate::text::TextBlock {
    use crate::text;
    let spans: Vec<text::Span> = block
        .spans
        .iter()
        .map(|s| text::Span {
            range: s.range.clone(),
            style: text::SpanStyle {
                background: s.style.background,
                underline: s.style.underline.map(|color| text::Underline { color, thickness: 2.0 }),
                text_color: s.style.colour,
                outline: s.style.outline.map(|color| egui::Stroke::new(1.5, color)),
                dim: s.style.dim,
            },
            tag: s.tag,
        })
        .collect();
    text::TextBlock {
        id: block.id,
        text: Arc::clone(block.text),
        font_size: block.font_size,
        line_height: if block.reading_face { 1.7 } else { 1.35 },
        direction: text::Direction::Auto,
        face: if block.reading_face {
            text::Face::Naskh
        } else {
            text::Face::SansArabic
        },
        color: block.colour,
        spans,
    }
}

/// The layout `block` is drawn with (cached: spans do not change it), without drawing it: heights and positions of
/// blocks out of view.
pub fn layout_of(engine: &Engine, block: &TextBlock<'_>) -> Arc<crate::text::TextLayout> {
    let plain = TextBlock { spans: &[], ..*block };
    engine.borrow_mut().layout(&widget_block(&plain), block.width)
}

/// Lays out (cached) and paints a block through the cosmic-text widget (bidi, shaping, right-to-left wrapping),
/// with its spans styled. The block's text is its AccessKit label.
pub fn text_block_ui(ui: &mut Ui, engine: &Engine, block: &TextBlock<'_>) -> TextOutcome {
    use crate::text;
    let widget_block = widget_block(block);
    let out = {
        let mut engine = engine.borrow_mut();
        text::text_block_ui(ui, &mut engine, &widget_block, block.width)
    };
    let tag_rects = block
        .spans
        .iter()
        .filter(|s| (block.rects_for)(s.tag))
        .flat_map(|s| {
            let rects = out.range_rects(s.range.clone());
            let merged = rects.into_iter().reduce(|a, b| a.union(b));
            merged.map(|r| (s.tag, r))
        })
        .collect();
    TextOutcome {
        response: out.response,
        hovered: out.hovered_tags,
        clicked: out.clicked_tags,
        tag_rects,
    }
}
