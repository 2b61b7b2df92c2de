//! Our glyph atlas: glyph images rasterised by swash, packed in rows into one egui texture, uploaded with
//! `set_partial`. Keyed by cosmic-text's `CacheKey`, which includes the physical size, so a new `pixels_per_point`
//! simply rasterises new entries; the atlas is emptied when the scale changes so old sizes do not pile up.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use cosmic_text::{CacheKey, FontSystem, SwashCache, SwashContent};
use egui::{Color32, ColorImage, Rect, TextureHandle, TextureOptions, pos2};

/// Side of the square atlas texture in texels.
const ATLAS_SIDE: usize = 2048;
/// Empty texels around each glyph so linear sampling never bleeds in a neighbour.
const PADDING: usize = 1;

/// Where a glyph image is in the atlas and how to place it relative to its pen position (physical pixels).
#[derive(Debug, Clone, Copy)]
pub(crate) struct AtlasGlyph {
    pub uv: Rect,
    pub left: i32,
    pub top: i32,
    pub width: u32,
    pub height: u32,
    /// A colour bitmap (emoji): drawn untinted.
    pub colored: bool,
}

#[derive(Default)]
pub(crate) struct GlyphAtlas {
    texture: Option<TextureHandle>,
    entries: HashMap<CacheKey, Option<AtlasGlyph>, BuildHasherDefault<FxHasher>>,
    pixels_per_point: f32,
    cursor_x: usize,
    cursor_y: usize,
    row_height: usize,
    /// Times the atlas filled up and was emptied (glyphs are then rasterised again).
    pub(crate) resets: u64,
    /// Bumped whenever entries are dropped: quads made from older entries are stale.
    pub(crate) generation: u64,
}

impl GlyphAtlas {
    /// The texture, created on first use.
    pub(crate) fn texture_id(&mut self, ctx: &egui::Context) -> egui::TextureId {
        self.texture
            .get_or_insert_with(|| {
                ctx.load_texture(
                    "qarin-glyph-atlas",
                    ColorImage::filled([ATLAS_SIDE, ATLAS_SIDE], Color32::TRANSPARENT),
                    TextureOptions::LINEAR,
                )
            })
            .id()
    }

    /// Forget every glyph when the scale changes.
    pub(crate) fn set_pixels_per_point(&mut self, pixels_per_point: f32) {
        if self.pixels_per_point != pixels_per_point {
            self.pixels_per_point = pixels_per_point;
            self.clear();
        }
    }

    fn clear(&mut self) {
        self.generation += 1;
        self.entries.clear();
        self.cursor_x = 0;
        self.cursor_y = 0;
        self.row_height = 0;
    }

    /// Number of rasterised glyph images held.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The atlas entry for a glyph, rasterising and uploading it on first use. `None` for glyphs without pixels.
    pub(crate) fn glyph(
        &mut self,
        ctx: &egui::Context,
        font_system: &mut FontSystem,
        swash: &mut SwashCache,
        key: CacheKey,
    ) -> Option<AtlasGlyph> {
        if let Some(entry) = self.entries.get(&key) {
            return *entry;
        }
        self.texture_id(ctx);
        let image = swash.get_image_uncached(font_system, key);
        let entry = image.and_then(|image| {
            let (width, height) = (image.placement.width as usize, image.placement.height as usize);
            if width == 0 || height == 0 || width + 2 * PADDING > ATLAS_SIDE || height + 2 * PADDING > ATLAS_SIDE {
                return None;
            }
            let (colored, pixels) = match image.content {
                SwashContent::Mask => (
                    false,
                    image
                        .data
                        .iter()
                        .map(|&a| Color32::from_rgba_premultiplied(a, a, a, a))
                        .collect::<Vec<_>>(),
                ),
                SwashContent::Color => (
                    true,
                    image
                        .data
                        .chunks_exact(4)
                        .map(|p| Color32::from_rgba_unmultiplied(p[0], p[1], p[2], p[3]))
                        .collect(),
                ),
                SwashContent::SubpixelMask => (
                    false,
                    image
                        .data
                        .chunks_exact(4)
                        .map(|p| {
                            let a = ((u16::from(p[0]) + u16::from(p[1]) + u16::from(p[2])) / 3) as u8;
                            Color32::from_rgba_premultiplied(a, a, a, a)
                        })
                        .collect(),
                ),
            };
            if pixels.len() != width * height {
                return None;
            }
            let (x, y) = self.allocate(width + 2 * PADDING, height + 2 * PADDING);
            let texture = self.texture.as_mut()?;
            texture.set_partial(
                [x + PADDING, y + PADDING],
                ColorImage::new([width, height], pixels),
                TextureOptions::LINEAR,
            );
            let side = ATLAS_SIDE as f32;
            let (u0, v0) = ((x + PADDING) as f32 / side, (y + PADDING) as f32 / side);
            Some(AtlasGlyph {
                uv: Rect::from_min_max(pos2(u0, v0), pos2(u0 + width as f32 / side, v0 + height as f32 / side)),
                left: image.placement.left,
                top: image.placement.top,
                width: width as u32,
                height: height as u32,
                colored,
            })
        });
        self.entries.insert(key, entry);
        entry
    }

    /// Shelf packing: left to right in rows; a full atlas is emptied and packing restarts.
    fn allocate(&mut self, width: usize, height: usize) -> (usize, usize) {
        if self.cursor_x + width > ATLAS_SIDE {
            self.cursor_x = 0;
            self.cursor_y += self.row_height;
            self.row_height = 0;
        }
        if self.cursor_y + height > ATLAS_SIDE {
            // Full: start again. Glyphs already drawn this frame from the old entries may flicker for one frame.
            self.clear();
            self.resets += 1;
        }
        let at = (self.cursor_x, self.cursor_y);
        self.cursor_x += width;
        self.row_height = self.row_height.max(height);
        at
    }
}

/// The Firefox/rustc hash: a multiply and rotate per word. Glyph keys are looked up thousands of times a frame,
/// and SipHash's DoS resistance buys nothing for keys we make ourselves.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}
