//! Rendered image checks: the widget's real egui output (meshes + texture uploads) drawn by a small CPU rasteriser
//! and checked for what a regression would break: an Arabic line ends at the right edge, an English one starts at
//! the left edge, joined letters form one connected shape, highlights sit behind their words, and the atlas is
//! rasterised again at a new scale. The image is written to the test's temp dir for inspection.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, Primitive};
use egui::{Color32, ColorImage, ImageData, Pos2, RawInput, Rect, TextureId, pos2, vec2};
use qarin::text::{Span, SpanStyle, TextBlock, TextEngine, text_block_ui};

const WORD: &str = "محمد";
const ARABIC: &str = "قال محمد إن الاجتماع عقد في أكتوبر 2020.";
const ENGLISH: &str = "An English paragraph, left to right.";
const BLOCK_LEFT: f32 = 20.0;
const BLOCK_WIDTH: f32 = 520.0;
const HIGHLIGHT: Color32 = Color32::from_rgb(255, 200, 0);

struct Frame {
    image: Vec<[f32; 3]>,
    width: usize,
    height: usize,
    pixels_per_point: f32,
    block_rect: Rect,
    word_rects: Vec<Rect>,
    line_rects: Vec<Rect>,
}

impl Frame {
    fn ink(&self, x: usize, y: usize) -> bool {
        let [r, g, b] = self.image[y * self.width + x];
        r + g + b < 1.5
    }

    fn pixel(&self, x: usize, y: usize) -> [f32; 3] {
        self.image[y * self.width + x]
    }

    /// Columns with ink inside a rectangle (points → pixels).
    fn ink_columns(&self, rect: Rect) -> Vec<usize> {
        let (x0, x1, y0, y1) = self.pixel_box(rect);
        (x0..x1).filter(|&x| (y0..y1).any(|y| self.ink(x, y))).collect()
    }

    fn pixel_box(&self, rect: Rect) -> (usize, usize, usize, usize) {
        let p = self.pixels_per_point;
        let clamp = |v: f32, max: usize| (v.max(0.0) as usize).min(max);
        (
            clamp(rect.min.x * p, self.width),
            clamp(rect.max.x * p, self.width),
            clamp(rect.min.y * p, self.height),
            clamp(rect.max.y * p, self.height),
        )
    }

    /// Number of 8-connected ink components inside a rectangle.
    fn components(&self, rect: Rect) -> usize {
        let (x0, x1, y0, y1) = self.pixel_box(rect);
        let mut seen = vec![false; self.width * self.height];
        let mut count = 0;
        for y in y0..y1 {
            for x in x0..x1 {
                if seen[y * self.width + x] || !self.ink(x, y) {
                    continue;
                }
                count += 1;
                let mut stack = vec![(x, y)];
                seen[y * self.width + x] = true;
                while let Some((cx, cy)) = stack.pop() {
                    for dy in -1i64..=1 {
                        for dx in -1i64..=1 {
                            let (nx, ny) = (cx as i64 + dx, cy as i64 + dy);
                            if nx < x0 as i64 || ny < y0 as i64 || nx >= x1 as i64 || ny >= y1 as i64 {
                                continue;
                            }
                            let (nx, ny) = (nx as usize, ny as usize);
                            if !seen[ny * self.width + nx] && self.ink(nx, ny) {
                                seen[ny * self.width + nx] = true;
                                stack.push((nx, ny));
                            }
                        }
                    }
                }
            }
        }
        count
    }

    fn save_png(&self, name: &str) {
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let Ok(file) = std::fs::File::create(&path) else { return };
        let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), self.width as u32, self.height as u32);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let data: Vec<u8> = self
            .image
            .iter()
            .flat_map(|p| p.map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8))
            .collect();
        if let Ok(mut writer) = encoder.write_header() {
            let _ = writer.write_image_data(&data);
        }
        println!("rendered image: {}", path.display());
    }
}

/// Draws egui's tessellated output on a white background (nearest texel sampling, premultiplied blending).
fn rasterise(
    primitives: &[ClippedPrimitive],
    textures: &HashMap<TextureId, ColorImage>,
    width: usize,
    height: usize,
    ppp: f32,
) -> Vec<[f32; 3]> {
    let mut image = vec![[1.0f32; 3]; width * height];
    for primitive in primitives {
        let Primitive::Mesh(mesh) = &primitive.primitive else {
            continue;
        };
        let texture = textures.get(&mesh.texture_id);
        let clip = primitive.clip_rect;
        for tri in mesh.indices.chunks_exact(3) {
            let v = [
                &mesh.vertices[tri[0] as usize],
                &mesh.vertices[tri[1] as usize],
                &mesh.vertices[tri[2] as usize],
            ];
            let p: Vec<Pos2> = v.iter().map(|v| pos2(v.pos.x * ppp, v.pos.y * ppp)).collect();
            let area = (p[1].x - p[0].x) * (p[2].y - p[0].y) - (p[2].x - p[0].x) * (p[1].y - p[0].y);
            if area.abs() < 1e-9 {
                continue;
            }
            // The triangle's pixel bounding box, clipped to the clip rectangle and the image.
            let span = |coord: fn(&Pos2) -> f32, lo: f32, hi: f32, size: usize| {
                let min = p.iter().map(coord).fold(f32::MAX, f32::min).max(lo * ppp).max(0.0) as usize;
                let max = (p.iter().map(coord).fold(f32::MIN, f32::max).min(hi * ppp).ceil() as usize).min(size);
                (min, max)
            };
            let (min_x, max_x) = span(|q| q.x, clip.min.x, clip.max.x, width);
            let (min_y, max_y) = span(|q| q.y, clip.min.y, clip.max.y, height);
            for y in min_y..max_y {
                for x in min_x..max_x {
                    let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
                    let w0 = ((p[1].x - px) * (p[2].y - py) - (p[2].x - px) * (p[1].y - py)) / area;
                    let w1 = ((p[2].x - px) * (p[0].y - py) - (p[0].x - px) * (p[2].y - py)) / area;
                    let w2 = 1.0 - w0 - w1;
                    if w0 < -1e-4 || w1 < -1e-4 || w2 < -1e-4 {
                        continue;
                    }
                    let mix = |f: &dyn Fn(usize) -> f32| w0 * f(0) + w1 * f(1) + w2 * f(2);
                    let color: [f32; 4] =
                        std::array::from_fn(|c| mix(&|i| f32::from(v[i].color.to_array()[c]) / 255.0));
                    let texel = texture.map_or([1.0; 4], |t| {
                        let u = mix(&|i| v[i].uv.x);
                        let w = mix(&|i| v[i].uv.y);
                        let tx = ((u * t.size[0] as f32) as usize).min(t.size[0] - 1);
                        let ty = ((w * t.size[1] as f32) as usize).min(t.size[1] - 1);
                        let c = t.pixels[ty * t.size[0] + tx].to_array();
                        std::array::from_fn(|k| f32::from(c[k]) / 255.0)
                    });
                    let src: [f32; 4] = std::array::from_fn(|c| color[c] * texel[c]);
                    let dst = &mut image[y * width + x];
                    for c in 0..3 {
                        dst[c] = src[c] + dst[c] * (1.0 - src[3]);
                    }
                }
            }
        }
    }
    image
}

fn apply_textures(textures: &mut HashMap<TextureId, ColorImage>, delta: &egui::TexturesDelta) {
    for (id, deltas) in &delta.set {
        for image_delta in deltas {
            let ImageData::Color(image) = &image_delta.image;
            match image_delta.pos {
                None => {
                    textures.insert(*id, (**image).clone());
                }
                Some([x0, y0]) => {
                    let Some(target) = textures.get_mut(id) else { continue };
                    for y in 0..image.size[1] {
                        for x in 0..image.size[0] {
                            target.pixels[(y0 + y) * target.size[0] + x0 + x] = image.pixels[y * image.size[0] + x];
                        }
                    }
                }
            }
        }
    }
}

fn block() -> TextBlock {
    let text = format!("{ARABIC}\n{ENGLISH}");
    let word = text.find(WORD).expect("word");
    TextBlock::new("render", text)
        .with_font_size(24.0)
        .with_color(Color32::BLACK)
        .with_spans(vec![Span {
            range: word..word + WORD.len(),
            style: SpanStyle {
                background: Some(HIGHLIGHT),
                ..Default::default()
            },
            tag: 7,
        }])
}

fn render(
    ctx: &egui::Context,
    engine: &mut TextEngine,
    textures: &mut HashMap<TextureId, ColorImage>,
    ppp: f32,
    block: &TextBlock,
) -> Frame {
    let screen = Rect::from_min_size(Pos2::ZERO, vec2(BLOCK_WIDTH + 2.0 * BLOCK_LEFT, 200.0));
    let mut result = (Rect::NOTHING, Vec::new(), Vec::new());
    let mut frame = |ctx: &egui::Context| {
        let mut input = RawInput {
            screen_rect: Some(screen),
            ..Default::default()
        };
        input
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(ppp);
        ctx.run_ui(input, |ui| {
            ui.visuals_mut().panel_fill = Color32::WHITE;
            let rect = Rect::from_min_size(pos2(BLOCK_LEFT, 20.0), vec2(BLOCK_WIDTH, 160.0));
            ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                let response = text_block_ui(ui, engine, block, BLOCK_WIDTH);
                let word = block.spans.first().map_or(0..0, |span| span.range.clone());
                let mut start = 0;
                let mut lines = Vec::new();
                for paragraph in block.text.split('\n') {
                    lines.extend(response.range_rects(start..start + paragraph.len()));
                    start += paragraph.len() + 1;
                }
                result = (response.response.rect, response.range_rects(word), lines);
            });
        })
    };
    let mut output = frame(ctx);
    apply_textures(textures, &output.textures_delta);
    output.textures_delta.clear();
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), ppp);
    let (width, height) = ((screen.width() * ppp) as usize, (screen.height() * ppp) as usize);
    let image = rasterise(&primitives, textures, width, height, ppp);
    Frame {
        image,
        width,
        height,
        pixels_per_point: ppp,
        block_rect: result.0,
        word_rects: result.1,
        line_rects: result.2,
    }
}

#[test]
fn arabic_paragraph_renders_right_aligned_joined_and_highlighted() {
    let mut engine = TextEngine::new();
    let mut textures = HashMap::new();
    let frame = render(&egui::Context::default(), &mut engine, &mut textures, 1.0, &block());
    frame.save_png("text_render_1x.png");
    let block_rect = frame.block_rect;
    assert!((block_rect.width() - BLOCK_WIDTH).abs() < 0.5);
    assert_eq!(
        frame.line_rects.len(),
        2,
        "one Arabic line, one English line: {:?}",
        frame.line_rects
    );

    // The Arabic line: ink ends at the block's right edge and leaves the left part empty.
    let arabic_row = Rect::from_x_y_ranges(block_rect.x_range(), frame.line_rects[0].y_range());
    let columns = frame.ink_columns(arabic_row);
    let (left, right) = (*columns.first().expect("ink"), *columns.last().expect("ink"));
    assert!(
        (right as f32 - block_rect.max.x).abs() <= 3.0,
        "Arabic ink ends at {right}, edge {}",
        block_rect.max.x
    );
    assert!(
        left as f32 > block_rect.min.x + 60.0,
        "Arabic line starts at {left}: not right-aligned"
    );

    // The English line: ink starts at the left edge.
    let english_row = Rect::from_x_y_ranges(block_rect.x_range(), frame.line_rects[1].y_range());
    let columns = frame.ink_columns(english_row);
    let left = *columns.first().expect("ink");
    assert!(
        (left as f32 - block_rect.min.x).abs() <= 3.0,
        "English ink starts at {left}"
    );

    // The highlighted word: the highlight colour is behind it and its letters join into one shape.
    assert_eq!(frame.word_rects.len(), 1);
    let word = frame.word_rects[0];
    let (x0, x1, y0, y1) = frame.pixel_box(word);
    let highlight = [1.0, 200.0 / 255.0, 0.0];
    let highlighted = (y0..y1)
        .flat_map(|y| (x0..x1).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            frame
                .pixel(x, y)
                .iter()
                .zip(highlight)
                .all(|(a, b)| (a - b).abs() < 0.02)
        })
        .count();
    assert!(
        highlighted as f32 > 0.5 * ((x1 - x0) * (y1 - y0)) as f32,
        "highlight covers the word box"
    );
    assert_eq!(
        frame.components(word.shrink2(vec2(0.0, 2.0))),
        1,
        "{WORD} is drawn joined"
    );
}

#[test]
fn unjoined_letters_are_separate_shapes() {
    // The connectivity check itself can fail: ZWNJ between the letters breaks the joins.
    let text = "م\u{200C}ح\u{200C}م\u{200C}د";
    let mut engine = TextEngine::new();
    let mut textures = HashMap::new();
    let block = TextBlock::new("zwnj", text)
        .with_font_size(24.0)
        .with_color(Color32::BLACK);
    let ctx_frame = render(&egui::Context::default(), &mut engine, &mut textures, 1.0, &block);
    let row = ctx_frame.block_rect;
    assert!(ctx_frame.components(row) >= 4, "four separate letters");
}

#[test]
fn new_scale_rasterises_crisp_glyphs_again() {
    let mut engine = TextEngine::new();
    let mut textures = HashMap::new();
    let ctx = egui::Context::default();
    let one = render(&ctx, &mut engine, &mut textures, 1.0, &block());
    let two = render(&ctx, &mut engine, &mut textures, 2.0, &block());
    two.save_png("text_render_2x.png");
    // Same layout in points; twice the pixels, drawn from glyphs rasterised at twice the size (not upscaled):
    // the ink of the Arabic line spans about twice the pixel columns.
    let row1 = Rect::from_x_y_ranges(one.block_rect.x_range(), one.line_rects[0].y_range());
    let row2 = Rect::from_x_y_ranges(two.block_rect.x_range(), two.line_rects[0].y_range());
    let (c1, c2) = (one.ink_columns(row1).len() as f32, two.ink_columns(row2).len() as f32);
    assert!((c2 / c1 - 2.0).abs() < 0.15, "ink columns {c1} at 1x, {c2} at 2x");
    let right = *two.ink_columns(row2).last().expect("ink") as f32 / 2.0;
    assert!((right - two.block_rect.max.x).abs() <= 2.0, "right edge at 2x: {right}");
}

#[test]
fn sample_article_lines_hug_the_right_edge() {
    // Every right-to-left line of a real article (wrapped at 500 pt) ends at the column's right edge.
    let (_, content) = qarin::corpus::builtin::SAMPLE_FILES[0];
    let text: String = content.lines().take(12).collect::<Vec<_>>().join("\n");
    let block = TextBlock::new("article", text.as_str())
        .with_font_size(18.0)
        .with_color(Color32::BLACK);
    let ctx = egui::Context::default();
    let mut engine = TextEngine::new();
    let layout = engine.layout(&block, BLOCK_WIDTH);
    let height = layout.height();
    let mut textures = HashMap::new();
    let frame = render_tall(&ctx, &mut engine, &mut textures, &block, height + 40.0);
    frame.save_png("text_render_article.png");
    let mut checked = 0;
    for line in layout.lines().iter().filter(|line| line.rtl && !line.range.is_empty()) {
        let row = Rect::from_min_max(
            pos2(frame.block_rect.min.x, frame.block_rect.min.y + line.top),
            pos2(frame.block_rect.max.x, frame.block_rect.min.y + line.top + line.height),
        );
        let columns = frame.ink_columns(row);
        let right = *columns.last().expect("ink on every line") as f32;
        assert!(
            (right - frame.block_rect.max.x).abs() <= 3.0,
            "line {:?} ends at {right}",
            line.range
        );
        checked += 1;
    }
    assert!(checked >= 10, "{checked} lines checked");
}

fn render_tall(
    ctx: &egui::Context,
    engine: &mut TextEngine,
    textures: &mut HashMap<TextureId, ColorImage>,
    block: &TextBlock,
    height: f32,
) -> Frame {
    let screen = Rect::from_min_size(Pos2::ZERO, vec2(BLOCK_WIDTH + 2.0 * BLOCK_LEFT, height));
    let mut block_rect = Rect::NOTHING;
    let input = RawInput {
        screen_rect: Some(screen),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| {
        let rect = Rect::from_min_size(pos2(BLOCK_LEFT, 20.0), vec2(BLOCK_WIDTH, height - 20.0));
        ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
            block_rect = text_block_ui(ui, engine, block, BLOCK_WIDTH).response.rect;
        });
    });
    apply_textures(textures, &output.textures_delta);
    output.textures_delta.clear();
    let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), 1.0);
    let (width, height) = (screen.width() as usize, screen.height() as usize);
    let image = rasterise(&primitives, textures, width, height, 1.0);
    Frame {
        image,
        width,
        height,
        pixels_per_point: 1.0,
        block_rect,
        word_rects: Vec::new(),
        line_rects: Vec::new(),
    }
}
