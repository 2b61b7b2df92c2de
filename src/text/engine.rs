//! The text engine: bundled fonts, shaping and layout cache, and the glyph atlas.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use cosmic_text::{
    Attrs, AttrsList, BufferLine, Ellipsize, Family, FontSystem, Hinting, LayoutGlyph, LineEnding, Shaping, SwashCache,
    Wrap, fontdb,
};

use super::atlas::GlyphAtlas;
use super::fonts::{Face, bundled_font_system};
use super::layout::{Direction, TextBlock, TextLayout, VisualLine};

/// Right-to-left / left-to-right marks put in front of each paragraph to force its direction.
const RLM: &str = "\u{200F}";
const LRM: &str = "\u{200E}";

/// Tab width in spaces (cosmic-text's unit).
const TAB_WIDTH: u16 = 8;

/// Layouts not used for this many frames are dropped.
const EVICT_AFTER_FRAMES: u64 = 600;

/// Shapes, lays out and rasterises text with the bundled fonts. Keep one in the app and pass it `&mut`.
pub struct TextEngine {
    pub(crate) font_system: FontSystem,
    pub(crate) font_paths: Vec<(fontdb::ID, &'static str)>,
    pub(crate) swash: SwashCache,
    pub(crate) atlas: GlyphAtlas,
    cache: HashMap<egui::Id, CachedLayout>,
    quads: HashMap<egui::Id, QuadCache>,
    /// Lines and glyphs painted in the current pass (and in the previous one, once a new pass started).
    pub(crate) painted: PaintStats,
    last_painted: PaintStats,
    frame: u64,
    last_frame_nr: Option<u64>,
}

impl std::fmt::Debug for TextEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextEngine")
            .field("cached_layouts", &self.cache.len())
            .finish_non_exhaustive()
    }
}

impl Default for TextEngine {
    fn default() -> Self {
        Self::new()
    }
}

/// A glyph ready to draw: its atlas image placed relative to the block's origin (snapped to a whole pixel), in
/// physical pixels. Made once per line and scale, so a frame (also while scrolling) only translates quads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GlyphQuad {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    pub uv: egui::Rect,
    /// Byte offset of the glyph's cluster (for span colours).
    pub start: usize,
    pub colored: bool,
}

/// Quads of the lines of one block's current layout at one scale, made on first paint of each line.
struct QuadCache {
    layout: Arc<TextLayout>,
    pixels_per_point: f32,
    atlas_generation: u64,
    lines: Vec<Option<Arc<[GlyphQuad]>>>,
}

impl TextEngine {
    /// The quads of line `line_index` of `layout` (block `id`) at the current scale, rasterising glyphs as needed.
    pub(crate) fn line_quads(
        &mut self,
        ctx: &egui::Context,
        id: egui::Id,
        layout: &Arc<TextLayout>,
        line_index: usize,
        pixels_per_point: f32,
    ) -> Arc<[GlyphQuad]> {
        let generation = self.atlas.generation;
        let fresh = self.quads.get(&id).is_some_and(|cache| {
            Arc::ptr_eq(&cache.layout, layout)
                && cache.pixels_per_point == pixels_per_point
                && cache.atlas_generation == generation
        });
        if !fresh {
            self.quads.insert(
                id,
                QuadCache {
                    layout: layout.clone(),
                    pixels_per_point,
                    atlas_generation: generation,
                    lines: vec![None; layout.lines().len()],
                },
            );
        }
        if let Some(quads) = self
            .quads
            .get(&id)
            .and_then(|cache| cache.lines.get(line_index))
            .and_then(Clone::clone)
        {
            return quads;
        }
        let Some(line) = layout.lines().get(line_index) else {
            return Arc::from(Vec::new());
        };
        let offset = (0.0, line.baseline * pixels_per_point);
        let mut quads = Vec::with_capacity(layout.line_glyphs(line).len());
        for glyph in layout.line_glyphs(line) {
            let physical = glyph.physical(offset, pixels_per_point);
            let Some(image) = self
                .atlas
                .glyph(ctx, &mut self.font_system, &mut self.swash, physical.cache_key)
            else {
                continue;
            };
            quads.push(GlyphQuad {
                x: physical.x + image.left,
                y: physical.y - image.top,
                width: image.width,
                height: image.height,
                uv: image.uv,
                start: glyph.start,
                colored: image.colored,
            });
        }
        let quads: Arc<[GlyphQuad]> = Arc::from(quads);
        // Only keep quads whose atlas entries are still valid (the atlas may have been emptied meanwhile).
        if self.atlas.generation == generation
            && let Some(slot) = self
                .quads
                .get_mut(&id)
                .and_then(|cache| cache.lines.get_mut(line_index))
        {
            *slot = Some(quads.clone());
        }
        quads
    }
}

/// Painting counters of one egui pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaintStats {
    pub blocks: usize,
    pub lines: usize,
    pub glyphs: usize,
}

/// What a cached layout was made from: when any of it changes, the text is shaped again. Spans are not part of
/// it: the text is shaped once with uniform attributes and highlights are painted over the glyphs.
#[derive(Debug, Clone, PartialEq)]
struct ShapeKey {
    font_size: f32,
    direction: Direction,
    face: Face,
}

/// One paragraph of a block as given to cosmic-text.
#[derive(Debug, Clone)]
struct Paragraph {
    /// Byte offset of the paragraph in the whole text.
    start: usize,
    /// Bytes of the direction mark put in front of it (0 for `Direction::Auto`).
    prefix: usize,
    /// Length of the paragraph's own text (without prefix and line ending).
    len: usize,
}

struct CachedLayout {
    text: Arc<str>,
    key: ShapeKey,
    paragraphs: Vec<Paragraph>,
    lines: Vec<BufferLine>,
    line_height: f32,
    layout: Option<Arc<TextLayout>>,
    last_used: u64,
}

impl TextEngine {
    /// An engine with the bundled fonts only.
    pub fn new() -> Self {
        let (font_system, font_paths) = bundled_font_system();
        Self {
            font_system,
            font_paths,
            swash: SwashCache::new(),
            atlas: GlyphAtlas::default(),
            cache: HashMap::new(),
            quads: HashMap::new(),
            painted: PaintStats::default(),
            last_painted: PaintStats::default(),
            frame: 0,
            last_frame_nr: None,
        }
    }

    /// Repository path of the bundled font file behind a face id.
    pub fn font_path(&self, id: fontdb::ID) -> Option<&'static str> {
        self.font_paths
            .iter()
            .find(|(face, _)| *face == id)
            .map(|(_, path)| *path)
    }

    /// Called by the widget once per egui pass: advances the frame counter and drops long-unused layouts.
    pub(crate) fn begin_pass(&mut self, frame_nr: u64) {
        if self.last_frame_nr == Some(frame_nr) {
            return;
        }
        self.last_frame_nr = Some(frame_nr);
        self.frame += 1;
        self.last_painted = std::mem::take(&mut self.painted);
        if self.frame.is_multiple_of(60) {
            let now = self.frame;
            self.cache
                .retain(|_, entry| now.saturating_sub(entry.last_used) < EVICT_AFTER_FRAMES);
            let cache = &self.cache;
            self.quads.retain(|id, _| cache.contains_key(id));
        }
    }

    /// Number of rasterised glyph images in the atlas, and how often the atlas filled up and was emptied.
    pub fn atlas_stats(&self) -> (usize, u64) {
        (self.atlas.len(), self.atlas.resets)
    }

    /// Lines and glyphs painted in the last complete egui pass (painting follows what is visible, not text length).
    pub fn last_paint_stats(&self) -> PaintStats {
        self.last_painted
    }

    /// Number of layouts in the cache.
    pub fn cached_layouts(&self) -> usize {
        self.cache.len()
    }

    /// Drop every cached layout (fonts and atlas stay).
    pub fn clear_layouts(&mut self) {
        self.cache.clear();
        self.quads.clear();
    }

    /// Lay out `block` wrapped to `width` points. Cached per block id until the text, width, font size, direction
    /// or face change; spans do not matter (they are painted over the shaped glyphs). A width change only re-wraps.
    pub fn layout(&mut self, block: &TextBlock, width: f32) -> Arc<TextLayout> {
        let width = if width.is_finite() { width.max(1.0) } else { 1.0e6 };
        let font_size = if block.font_size.is_finite() && block.font_size > 0.5 {
            block.font_size
        } else {
            14.0
        };
        let line_height = font_size
            * if block.line_height.is_finite() && block.line_height > 0.5 {
                block.line_height
            } else {
                1.6
            };
        let key = ShapeKey {
            font_size,
            direction: block.direction,
            face: block.face,
        };
        let frame = self.frame;
        let entry = self.cache.get_mut(&block.id);
        let valid = entry.as_ref().is_some_and(|entry| {
            (Arc::ptr_eq(&entry.text, &block.text) || *entry.text == *block.text) && entry.key == key
        });
        if !valid {
            let (paragraphs, lines) = build_lines(&block.text, &key);
            self.cache.insert(
                block.id,
                CachedLayout {
                    text: block.text.clone(),
                    key: key.clone(),
                    paragraphs,
                    lines,
                    line_height,
                    layout: None,
                    last_used: frame,
                },
            );
        }
        let Some(entry) = self.cache.get_mut(&block.id) else {
            unreachable_layout()
        };
        entry.last_used = frame;
        if let Some(layout) = &entry.layout
            && layout.width == width
            && entry.line_height == line_height
        {
            return layout.clone();
        }
        if entry.layout.is_some() {
            for line in &mut entry.lines {
                line.reset_layout();
            }
        }
        entry.line_height = line_height;
        let layout = Arc::new(lay_out(&mut self.font_system, entry, width, font_size));
        entry.layout = Some(layout.clone());

        layout
    }

    /// Lay out a block once, without caching (benchmarks, one-off measurements).
    pub fn layout_uncached(&mut self, block: &TextBlock, width: f32) -> TextLayout {
        let font_size = block.font_size.max(1.0);
        let key = ShapeKey {
            font_size,
            direction: block.direction,
            face: block.face,
        };
        let (paragraphs, lines) = build_lines(&block.text, &key);
        let mut entry = CachedLayout {
            text: block.text.clone(),
            key,
            paragraphs,
            lines,
            line_height: font_size * block.line_height.max(0.5),
            layout: None,
            last_used: 0,
        };
        lay_out(&mut self.font_system, &mut entry, width.max(1.0), font_size)
    }
}

fn unreachable_layout() -> ! {
    // The entry was inserted just above; a missing entry would be a logic error in this module.
    panic!("text layout cache entry vanished")
}

/// Split the text into cosmic-text lines (paragraphs), each with the direction mark and one uniform set of
/// attributes.
fn build_lines(text: &str, key: &ShapeKey) -> (Vec<Paragraph>, Vec<BufferLine>) {
    let prefix = match key.direction {
        Direction::Auto => "",
        Direction::Rtl => RLM,
        Direction::Ltr => LRM,
    };
    let family = Family::Name(key.face.family_name());
    let attrs = Attrs::new().family(family);
    let mut paragraphs = Vec::new();
    let mut lines = Vec::new();
    let mut push = |range: Range<usize>, ending: LineEnding| {
        let body = &text[range.clone()];
        let mut line_text = String::with_capacity(prefix.len() + body.len());
        line_text.push_str(prefix);
        line_text.push_str(body);
        let attrs_list = AttrsList::new(&attrs);
        paragraphs.push(Paragraph {
            start: range.start,
            prefix: prefix.len(),
            len: body.len(),
        });
        lines.push(BufferLine::new(line_text, ending, attrs_list, Shaping::Advanced));
    };
    for range in paragraph_ranges(text) {
        push(range, LineEnding::None);
    }
    (paragraphs, lines)
}

/// Byte ranges of the paragraphs of `text`: split at every paragraph separator of the Unicode bidi algorithm
/// (class B: LF, CR, CR LF as one, U+001C–U+001E, U+0085, U+2029), which are left out of the ranges. cosmic-text
/// would otherwise keep U+2029 and friends inside one line and fail when its paragraphs differ in direction.
/// Text ending in a separator has a last, empty paragraph; empty text has one empty paragraph.
pub(crate) fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '\n' | '\r' | '\u{1C}' | '\u{1D}' | '\u{1E}' | '\u{85}' | '\u{2029}') {
            ranges.push(start..i);
            let mut end = i + c.len_utf8();
            if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
                chars.next();
                end += 1;
            }
            start = end;
        }
    }
    ranges.push(start..text.len());
    ranges
}

// Layout shapes (if needed) and wraps every paragraph, then flattens the result into a `TextLayout`.
// cosmic-text's `shape-run-cache` feature is NOT used: its key (text + attributes) leaves out the direction, so
// "()" shaped in an RTL run is reused in an LTR one with its glyphs reversed (12,837 BidiCharacterTest failures).

/// Texts at least this long are shaped and wrapped on all cores.
const PARALLEL_MIN_BYTES: usize = 32 * 1024;

thread_local! {
    /// A font system per worker thread for parallel shaping. Loaded from the same bundled fonts in the same order,
    /// so its face ids are the engine's own and the glyphs it produces are rasterised by the engine.
    static WORKER_FONT_SYSTEM: std::cell::RefCell<Option<FontSystem>> = const { std::cell::RefCell::new(None) };
}

fn wrap_line(font_system: &mut FontSystem, line: &mut BufferLine, width: f32, font_size: f32) {
    line.layout(
        font_system,
        font_size,
        Some(width),
        // A word wider than the line (a long URL) breaks between glyphs instead of running out of the block.
        Wrap::WordOrGlyph,
        Ellipsize::None,
        None,
        TAB_WIDTH,
        Hinting::default(),
    );
}

/// Shape and wrap every paragraph of a long text in parallel (each paragraph is independent in cosmic-text).
fn wrap_in_parallel(lines: &mut [BufferLine], width: f32, font_size: f32) {
    use rayon::prelude::*;
    lines.par_iter_mut().with_min_len(16).for_each(|line| {
        WORKER_FONT_SYSTEM.with(|cell| {
            let mut slot = cell.borrow_mut();
            let font_system = slot.get_or_insert_with(|| bundled_font_system().0);
            wrap_line(font_system, line, width, font_size);
        });
    });
}

fn lay_out(font_system: &mut FontSystem, entry: &mut CachedLayout, width: f32, font_size: f32) -> TextLayout {
    if entry.text.len() >= PARALLEL_MIN_BYTES && entry.lines.len() > 1 && rayon::current_num_threads() > 1 {
        wrap_in_parallel(&mut entry.lines, width, font_size);
    }
    let line_height = entry.line_height;
    // Shape and wrap first (cached per paragraph), then size the flat vectors once: no regrowth copies.
    for line in entry.lines.iter_mut() {
        wrap_line(font_system, line, width, font_size);
    }
    let (line_count, glyph_count) = entry
        .lines
        .iter()
        .filter_map(BufferLine::layout_opt)
        .flatten()
        .fold((0, 0), |(lines, glyphs), layout_line| {
            (lines + 1, glyphs + layout_line.glyphs.len())
        });
    let mut lines = Vec::with_capacity(line_count + 1);
    let mut glyphs: Vec<LayoutGlyph> = Vec::with_capacity(glyph_count);
    let mut top = 0.0f32;
    for (index, (line, paragraph)) in entry.lines.iter_mut().zip(&entry.paragraphs).enumerate() {
        let rtl = line.shape(font_system, TAB_WIDTH).rtl;
        let Some(layout_lines) = line.layout_opt() else {
            continue;
        };
        for layout_line in layout_lines {
            let first = glyphs.len();
            let mut start = usize::MAX;
            let mut end = 0;
            for glyph in &layout_line.glyphs {
                // Glyphs of the direction mark are dropped; others get offsets into the whole text.
                if glyph.end <= paragraph.prefix {
                    continue;
                }
                let mut glyph = glyph.clone();
                glyph.start = paragraph.start + glyph.start.saturating_sub(paragraph.prefix).min(paragraph.len);
                glyph.end = paragraph.start + (glyph.end - paragraph.prefix).min(paragraph.len);
                start = start.min(glyph.start);
                end = end.max(glyph.end);
                glyphs.push(glyph);
            }
            if start == usize::MAX {
                start = paragraph.start + paragraph.len;
                end = start;
                if layout_lines.len() == 1 {
                    start = paragraph.start;
                }
            }
            let height = layout_line.line_height_opt.unwrap_or(line_height);
            let glyph_height = layout_line.max_ascent + layout_line.max_descent;
            let baseline = if glyph_height > 0.0 {
                top + (height - glyph_height) / 2.0 + layout_line.max_ascent
            } else {
                top + height * 0.7
            };
            lines.push(VisualLine {
                top,
                height,
                baseline,
                range: start..end,
                rtl,
                paragraph: index,
                index: lines.len(),
                glyphs: first..glyphs.len(),
            });
            top += height;
        }
        if layout_lines.is_empty() {
            lines.push(VisualLine {
                top,
                height: line_height,
                baseline: top + line_height * 0.7,
                range: paragraph.start..paragraph.start,
                rtl,
                paragraph: index,
                index: lines.len(),
                glyphs: glyphs.len()..glyphs.len(),
            });
            top += line_height;
        }
    }
    let cells = lines.iter().map(|_| std::sync::OnceLock::new()).collect();
    TextLayout {
        text: entry.text.clone(),
        width,
        height: top,
        lines,
        glyphs,
        cells,
    }
}
