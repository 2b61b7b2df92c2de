//! Text engine figures: layout throughput on 1 MB of Arabic news text at a 500 px column, and the per-frame CPU
//! cost of drawing five laid-out columns of the sample corpus (layouts cached, glyphs in the atlas).
//! Run: `cargo bench --bench text`.

use std::time::{Duration, Instant};

use egui::{Color32, RawInput, Rect, pos2, vec2};
use qarin::corpus::builtin::SAMPLE_FILES;
use qarin::text::{Span, SpanStyle, TextBlock, TextEngine, Underline, text_block_ui};

fn megabyte_of_arabic() -> String {
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        for (_, content) in SAMPLE_FILES {
            text.push_str(content);
            text.push('\n');
        }
    }
    text
}

fn bench_layout() {
    let text = megabyte_of_arabic();
    let block = TextBlock::new("mb", text.as_str()).with_font_size(16.0);
    let mut best = Duration::MAX;
    let mut lines = 0;
    for _ in 0..3 {
        // A fresh engine each time (only font loading is warmed).
        let mut engine = TextEngine::new();
        let _ = engine.layout_uncached(&TextBlock::new("warm", "warm up: fonts"), 500.0);
        let start = Instant::now();
        let layout = engine.layout_uncached(&block, 500.0);
        best = best.min(start.elapsed());
        lines = layout.lines().len();
    }
    let mb = text.len() as f64 / 1.0e6;
    println!(
        "layout: {:.2} MB of Arabic (the sample corpus repeated) at 500 px in {:.1} ms (best of 3, fresh engine) = \
         {:.2} MB/s, {lines} lines (target >= 2 MB/s)",
        mb,
        best.as_secs_f64() * 1e3,
        mb / best.as_secs_f64()
    );

    // The corpus once (a fresh engine, one thread).
    let once: String = SAMPLE_FILES
        .iter()
        .map(|(_, content)| *content)
        .collect::<Vec<_>>()
        .join("\n");
    let block_once = TextBlock::new("once", once.as_str()).with_font_size(16.0);
    let mut best = Duration::MAX;
    for _ in 0..5 {
        let mut engine = TextEngine::new();
        let _ = engine.layout_uncached(&TextBlock::new("warm", "warm up: fonts"), 500.0);
        let start = Instant::now();
        let _ = engine.layout_uncached(&block_once, 500.0);
        best = best.min(start.elapsed());
    }
    println!(
        "layout: the corpus once ({} KB, fresh engine, single thread) at 500 px: {:.1} ms = {:.2} MB/s",
        once.len() / 1000,
        best.as_secs_f64() * 1e3,
        once.len() as f64 / 1.0e6 / best.as_secs_f64()
    );

    // Re-wrap at a new width (shaping kept) through the cache.
    let mut engine = TextEngine::new();
    let _ = engine.layout(&block, 500.0);
    let start = Instant::now();
    let _ = engine.layout(&block, 420.0);
    println!(
        "re-wrap of the same 1 MB at 420 px (cached shaping): {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
}

/// Sample article blocks with spans like the workbench's (entity backgrounds inside claim underlines).
fn column_blocks() -> Vec<TextBlock> {
    SAMPLE_FILES
        .iter()
        .enumerate()
        .map(|(i, (name, content))| {
            let mut spans = Vec::new();
            let words: Vec<(usize, &str)> = content
                .split_inclusive(' ')
                .scan(0, |at, w| {
                    let start = *at;
                    *at += w.len();
                    Some((start, w))
                })
                .collect();
            for (k, (start, word)) in words.iter().enumerate() {
                let word = word.trim_end();
                if k % 7 == 0 && !word.is_empty() {
                    spans.push(Span {
                        range: *start..start + word.len(),
                        style: SpanStyle {
                            background: Some(Color32::from_rgb(255, 236, 179)),
                            ..Default::default()
                        },
                        tag: k as u64,
                    });
                }
                if k % 23 == 0 {
                    let end = words.get(k + 6).map_or(content.len(), |(s, _)| *s);
                    spans.push(Span {
                        range: *start..end,
                        style: SpanStyle {
                            underline: Some(Underline {
                                color: Color32::from_rgb(30, 90, 200),
                                thickness: 2.0,
                            }),
                            ..Default::default()
                        },
                        tag: 1_000_000 + k as u64,
                    });
                }
            }
            TextBlock::new(("column", i, *name), *content)
                .with_font_size(17.0)
                .with_spans(spans)
        })
        .collect()
}

fn bench_frames() {
    bench_frames_scrolled(false);
    bench_frames_scrolled(true);
}

fn bench_frames_scrolled(scrolling: bool) {
    let ctx = egui::Context::default();
    let mut engine = TextEngine::new();
    let blocks = column_blocks();
    let screen = Rect::from_min_size(pos2(0.0, 0.0), vec2(2400.0, 1000.0));
    let mut widget_time = Duration::ZERO;
    let mut frame_time = Duration::ZERO;
    let frames = 200;
    let warmup = 5;
    for frame in 0..frames + warmup {
        let input = RawInput {
            screen_rect: Some(screen),
            ..Default::default()
        };
        let frame_start = Instant::now();
        let mut widgets = Duration::ZERO;
        let mut output = ctx.run_ui(input, |ui| {
            ui.horizontal_top(|ui| {
                for (i, block) in blocks.iter().enumerate() {
                    ui.allocate_ui(vec2(470.0, 980.0), |ui| {
                        let mut area = egui::ScrollArea::vertical().id_salt(("col", i));
                        if scrolling {
                            // A fractional step per frame, wrapping over the first 600 pt of each article.
                            area = area.vertical_scroll_offset((frame as f32 * 7.3) % 600.0);
                        }
                        area.show(ui, |ui| {
                            let start = Instant::now();
                            let _ = text_block_ui(ui, &mut engine, block, 450.0);
                            widgets += start.elapsed();
                        });
                    });
                }
            });
        });
        // A real app hands these to the renderer; here they are only dropped.
        output.textures_delta.clear();
        if frame >= warmup {
            widget_time += widgets;
            frame_time += frame_start.elapsed();
        }
    }
    let (glyphs, resets) = engine.atlas_stats();
    println!("painted per frame: {:?}", engine.last_paint_stats());
    println!(
        "frame{}: five columns of the sample corpus (cached): text widgets {:.3} ms CPU per frame, whole egui pass {:.3} ms \
         (target < 1 ms for the widgets); atlas {glyphs} glyph images, {resets} resets",
        if scrolling { " while scrolling" } else { "" },
        widget_time.as_secs_f64() * 1e3 / f64::from(frames),
        frame_time.as_secs_f64() * 1e3 / f64::from(frames),
    );
}

fn main() {
    bench_layout();
    bench_frames();
}
