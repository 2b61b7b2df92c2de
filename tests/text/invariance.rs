//! Shaping is sacred: no highlight may change shaping or bidi order. Every line of the sample corpus is laid out,
//! and every article painted, with and without each kind of span the workbench draws (entity backgrounds, claim
//! underlines, search hits that start and end inside words, the selection, emphasis, dimmed and coloured text, all
//! together); the glyphs (ids, clusters, levels, positions) and the painted glyph quads must be identical.

use egui::epaint::Vertex;
use egui::{Color32, Shape, Stroke, TextureId};
use qarin::text::{Selection, Span, SpanStyle, TextBlock, TextEngine, Underline, set_block_selection, text_block_ui};

const WIDTH: f32 = 420.0;

fn sample_articles() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("assets/corpus is part of the repository")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    assert!(texts.len() >= 5, "the five sample articles");
    texts
}

/// The kinds of span the workbench draws.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Entity,
    Claim,
    Search,
    Emphasis,
    Dim,
}

const KINDS: [Kind; 5] = [Kind::Entity, Kind::Claim, Kind::Search, Kind::Emphasis, Kind::Dim];

fn style(kind: Kind) -> SpanStyle {
    match kind {
        Kind::Entity => SpanStyle {
            background: Some(Color32::from_rgb(255, 210, 210)),
            ..SpanStyle::default()
        },
        Kind::Claim => SpanStyle {
            underline: Some(Underline {
                color: Color32::BLUE,
                thickness: 2.0,
            }),
            ..SpanStyle::default()
        },
        Kind::Search => SpanStyle {
            background: Some(Color32::YELLOW),
            ..SpanStyle::default()
        },
        Kind::Emphasis => SpanStyle {
            background: Some(Color32::LIGHT_GREEN),
            text_color: Some(Color32::BLACK),
            outline: Some(Stroke::new(1.5, Color32::BLACK)),
            ..SpanStyle::default()
        },
        Kind::Dim => SpanStyle {
            dim: true,
            text_color: Some(Color32::DARK_RED),
            ..SpanStyle::default()
        },
    }
}

/// Word byte ranges of `text` (runs of non-whitespace).
fn words(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Spans of one kind over `text`. Entities and emphasis cover every third word; claims every sentence-sized run of
/// seven words; search hits and dimmed text cut words in the middle (from the second letter to the one before last,
/// the «ال | إيران | ي» case), and cover punctuation next to words.
fn spans_of(kind: Kind, text: &str) -> Vec<Span> {
    let words = words(text);
    let inner = |range: &std::ops::Range<usize>| {
        let chars: Vec<usize> = text[range.clone()]
            .char_indices()
            .map(|(i, _)| range.start + i)
            .collect();
        (chars.len() >= 4).then(|| chars[1]..chars[chars.len() - 1])
    };
    let ranges: Vec<std::ops::Range<usize>> = match kind {
        Kind::Entity | Kind::Emphasis => words.iter().step_by(3).cloned().collect(),
        Kind::Claim => words
            .chunks(7)
            .filter_map(|chunk| Some(chunk.first()?.start..chunk.last()?.end))
            .collect(),
        Kind::Search | Kind::Dim => words.iter().filter_map(inner).collect(),
    };
    ranges
        .into_iter()
        .enumerate()
        .map(|(i, range)| Span {
            range,
            style: style(kind),
            tag: i as u64,
        })
        .collect()
}

fn variants(text: &str) -> Vec<(&'static str, Vec<Span>)> {
    let names = ["entity", "claim", "search", "emphasis", "dim"];
    let mut out: Vec<(&'static str, Vec<Span>)> = KINDS
        .iter()
        .zip(names)
        .map(|(&kind, name)| (name, spans_of(kind, text)))
        .collect();
    out.push((
        "all together",
        KINDS.iter().flat_map(|&kind| spans_of(kind, text)).collect(),
    ));
    out
}

/// Everything about a laid-out glyph that shaping and bidi decide.
type GlyphKey = (u16, usize, usize, bool, u32, u32, u32);

fn glyph_keys(engine: &mut TextEngine, block: &TextBlock) -> Vec<GlyphKey> {
    let layout = engine.layout(block, WIDTH);
    layout
        .lines()
        .iter()
        .flat_map(|line| {
            layout.line_glyphs(line).iter().map(move |g| {
                (
                    g.glyph_id,
                    g.start,
                    g.end,
                    g.level.is_rtl(),
                    g.x.to_bits(),
                    (g.y + line.baseline).to_bits(),
                    g.w.to_bits(),
                )
            })
        })
        .collect()
}

#[test]
fn every_sample_line_lays_out_the_same_with_every_kind_of_span() {
    let mut engine = TextEngine::new();
    let mut lines = 0;
    for (a, article) in sample_articles().iter().enumerate() {
        for (l, line) in article.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
            lines += 1;
            let plain = TextBlock::new(("plain", a, l), line);
            let reference = glyph_keys(&mut engine, &plain);
            assert!(!reference.is_empty());
            for (name, spans) in variants(line) {
                let block = TextBlock::new((name, a, l), line).with_spans(spans);
                assert_eq!(
                    glyph_keys(&mut engine, &block),
                    reference,
                    "article {a} line {l} with {name} spans: {line}"
                );
            }
        }
    }
    assert!(lines >= 40, "{lines} lines");
}

/// The glyph quads painted for `block` (vertex positions and atlas coordinates; colours left out), with the whole
/// text selected when `select_all`.
fn painted_glyphs(ctx: &egui::Context, engine: &mut TextEngine, block: &TextBlock, select_all: bool) -> Vec<[u32; 4]> {
    if select_all {
        let selection = Selection {
            anchor: 0,
            caret: block.text.len(),
            caret_x: None,
        };
        set_block_selection(ctx, block.id, Some(selection));
    }
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(WIDTH + 40.0, 20_000.0),
        )),
        ..Default::default()
    };
    let mut output = ctx.run_ui(input, |ui| {
        text_block_ui(ui, engine, block, WIDTH);
    });
    // Only the glyph quads are compared; the atlas uploads are not applied anywhere.
    output.textures_delta.clear();
    let mut vertices: Vec<Vertex> = Vec::new();
    for clipped in &output.shapes {
        if let Shape::Mesh(mesh) = &clipped.shape
            && mesh.texture_id != TextureId::default()
        {
            vertices.extend(mesh.vertices.iter().copied());
        }
    }
    vertices
        .iter()
        .map(|v| [v.pos.x.to_bits(), v.pos.y.to_bits(), v.uv.x.to_bits(), v.uv.y.to_bits()])
        .collect()
}

#[test]
fn every_sample_article_paints_the_same_glyphs_with_every_kind_of_span_and_the_selection() {
    let ctx = egui::Context::default();
    let mut engine = TextEngine::new();
    for (a, article) in sample_articles().iter().enumerate() {
        let plain = TextBlock::new(("painted plain", a), article.as_str());
        let reference = painted_glyphs(&ctx, &mut engine, &plain, false);
        assert!(reference.len() > 400, "article {a}: {} vertices", reference.len());
        let mut cases = variants(article);
        cases.push(("selection", Vec::new()));
        for (name, spans) in cases {
            let selected = matches!(name, "selection" | "all together");
            let block = TextBlock::new(("painted", name, a), article.as_str()).with_spans(spans);
            assert!(
                painted_glyphs(&ctx, &mut engine, &block, selected) == reference,
                "article {a}: glyphs painted with {name} differ from the plain text"
            );
        }
    }
}

/// The test can fail: a span that changed the shaping (here: a different face for a word) is caught.
#[test]
fn a_different_face_inside_a_line_is_caught() {
    let mut engine = TextEngine::new();
    let line = "قال وزير الدفاع الإيراني إن التعاون مستمر.";
    let naskh = glyph_keys(&mut engine, &TextBlock::new("naskh", line));
    let sans = glyph_keys(
        &mut engine,
        &TextBlock::new("sans", line).with_face(qarin::text::Face::SansArabic),
    );
    assert_ne!(naskh, sans);
}
