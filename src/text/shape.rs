//! `qarin shape`: how cosmic-text shaped each line, as JSON runs of glyphs in HarfBuzz's units and order, so that
//! it can be compared glyph by glyph with HarfBuzz's own output (glyph ids, clusters as UTF-8 byte offsets, offsets
//! and advances in font units).
//!
//! A run is a piece of text cosmic-text handed to its shaper with one font and one direction: cosmic-text shapes a
//! line word by word (each bidi level run split at word boundaries, spaces shaped on their own), and where the first
//! font lacks a glyph it shapes the word again with the next fallback font and takes that font's clusters. So a run
//! is a maximal sequence of glyphs of one shaped word that come from one font.

use cosmic_text::{Attrs, AttrsList, BufferLine, Family, FontSystem, LineEnding, Shaping, fontdb};
use serde::Serialize;

use super::fonts::{NASKH_FAMILY, bundled_font_system, single_font_system};

/// One glyph, as HarfBuzz gives it: glyph id, cluster (byte offset into the whole line), offsets and advances in
/// font units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ShapedGlyph {
    pub g: u32,
    pub cl: usize,
    pub dx: i32,
    pub dy: i32,
    pub ax: i32,
    pub ay: i32,
}

/// A run: byte range in the line, direction, font file and glyphs (in HarfBuzz's order: visual for RTL runs).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShapedRun {
    pub start: usize,
    pub end: usize,
    pub rtl: bool,
    pub font: String,
    pub glyphs: Vec<ShapedGlyph>,
}

/// All runs of one line, in logical order of their start.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShapedLine {
    pub runs: Vec<ShapedRun>,
}

/// Shapes lines the way the text widget does (same font system, same family, `Shaping::Advanced`).
pub struct Shaper {
    font_system: FontSystem,
    family: String,
    paths: Vec<(fontdb::ID, String)>,
}

impl Shaper {
    /// With the bundled fonts and fallback chain, starting from Noto Naskh Arabic (as the widget does).
    pub fn bundled() -> Self {
        let (font_system, paths) = bundled_font_system();
        Self {
            font_system,
            family: NASKH_FAMILY.to_string(),
            paths: paths.into_iter().map(|(id, path)| (id, path.to_string())).collect(),
        }
    }

    /// With one font file only (no fallback); runs name it `font_name`.
    pub fn single(data: Vec<u8>, font_name: &str) -> Option<Self> {
        let (font_system, family) = single_font_system(data)?;
        let paths = font_system
            .db()
            .faces()
            .map(|face| (face.id, font_name.to_string()))
            .collect();
        Some(Self {
            font_system,
            family,
            paths,
        })
    }

    fn path(&self, id: fontdb::ID) -> String {
        self.paths
            .iter()
            .find(|(face, _)| *face == id)
            .map(|(_, path)| path.clone())
            .unwrap_or_default()
    }

    /// Shape one line (without line ending). A line holding other paragraph separators (U+2029, …) is shaped
    /// paragraph by paragraph, as the widget does; offsets stay relative to the whole line.
    pub fn shape_line(&mut self, line: &str) -> ShapedLine {
        let mut runs = Vec::new();
        for range in super::engine::paragraph_ranges(line) {
            let mut part = self.shape_paragraph(&line[range.clone()]);
            for run in &mut part.runs {
                run.start += range.start;
                run.end += range.start;
                for glyph in &mut run.glyphs {
                    glyph.cl += range.start;
                }
            }
            runs.extend(part.runs);
        }
        ShapedLine { runs }
    }

    fn shape_paragraph(&mut self, line: &str) -> ShapedLine {
        let attrs = Attrs::new().family(Family::Name(&self.family));
        let mut buffer_line = BufferLine::new(line, LineEnding::None, AttrsList::new(&attrs), Shaping::Advanced);
        let shape = buffer_line.shape(&mut self.font_system, 8);
        // cosmic-text reverses every word's glyphs in RTL lines (to logical order for RTL words); undo that to get
        // the shaper's own output order, which is HarfBuzz's.
        let line_rtl = shape.rtl;
        let mut pieces: Vec<(fontdb::ID, bool, Vec<&cosmic_text::ShapeGlyph>)> = Vec::new();
        for span in &shape.spans {
            let rtl = span.level.is_rtl();
            for word in &span.words {
                let mut current: Option<(fontdb::ID, bool, Vec<&cosmic_text::ShapeGlyph>)> = None;
                let ordered: Vec<&cosmic_text::ShapeGlyph> = if line_rtl {
                    word.glyphs.iter().rev().collect()
                } else {
                    word.glyphs.iter().collect()
                };
                for glyph in ordered {
                    match &mut current {
                        Some((id, _, glyphs)) if *id == glyph.font_id => glyphs.push(glyph),
                        _ => {
                            if let Some(done) = current.take() {
                                pieces.push(done);
                            }
                            current = Some((glyph.font_id, rtl, vec![glyph]));
                        }
                    }
                }
                if let Some(done) = current.take() {
                    pieces.push(done);
                }
            }
        }
        let mut runs = Vec::with_capacity(pieces.len());
        for (font_id, rtl, glyphs) in pieces {
            let weight = glyphs.first().map_or(fontdb::Weight::NORMAL, |g| g.font_weight);
            let upem = self
                .font_system
                .get_font(font_id, weight)
                .map_or(1000.0, |font| f32::from(font.metrics().units_per_em));
            let start = glyphs.iter().map(|g| g.start).min().unwrap_or(0);
            let end = glyphs.iter().map(|g| g.end).max().unwrap_or(start);
            let to_units = |value: f32| (value * upem).round() as i32;
            runs.push(ShapedRun {
                start,
                end,
                rtl,
                font: self.path(font_id),
                glyphs: glyphs
                    .iter()
                    .map(|g| ShapedGlyph {
                        g: u32::from(g.glyph_id),
                        cl: g.start,
                        dx: to_units(g.x_offset),
                        dy: to_units(g.y_offset),
                        ax: to_units(g.x_advance),
                        ay: to_units(g.y_advance),
                    })
                    .collect(),
            });
        }
        runs.sort_by_key(|run| (run.start, run.end));
        ShapedLine { runs }
    }
}
