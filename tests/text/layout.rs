//! Layout, hit-testing and span rectangles on mixed Arabic / number / Latin text.

use qarin::text::{Direction, TextBlock, TextEngine};

const MIXED: &str = "قال الرئيس في أكتوبر 2020 عبر telegram إن الاجتماع سيعقد في 10/19/2021.";

#[test]
fn arabic_line_is_right_aligned_and_rtl() {
    let mut engine = TextEngine::new();
    let block = TextBlock::new("t", MIXED).with_font_size(18.0);
    let layout = engine.layout(&block, 2000.0);
    assert_eq!(layout.lines().len(), 1);
    let line = &layout.lines()[0];
    assert!(line.rtl);
    let cells = layout.cells(line);
    let right = cells.iter().map(|c| c.x1).fold(f32::MIN, f32::max);
    let left = cells.iter().map(|c| c.x0).fold(f32::MAX, f32::min);
    assert!((right - 2000.0).abs() < 1.0, "right edge {right}");
    assert!(left > 1000.0, "left edge {left}");
    // The first letter (logically) is the rightmost one.
    let first = cells.iter().find(|c| c.range.start == 0).expect("cell of first letter");
    assert!((first.x1 - right).abs() < 0.5);
}

#[test]
fn every_grapheme_maps_to_a_cell_and_back() {
    let mut engine = TextEngine::new();
    let block = TextBlock::new("t", MIXED).with_font_size(18.0);
    let layout = engine.layout(&block, 300.0);
    assert!(layout.lines().len() > 1, "wraps at 300 pt");
    let mut covered = vec![false; MIXED.len()];
    for line in layout.lines() {
        for cell in layout.cells(line) {
            for b in cell.range.clone() {
                covered[b] = true;
            }
            if cell.x1 > cell.x0 {
                let centre = egui::pos2((cell.x0 + cell.x1) / 2.0, line.top + line.height / 2.0);
                let hit = layout.hit(centre).expect("hit");
                assert_eq!(
                    hit.under,
                    Some(cell.range.start),
                    "cell {:?} {:?}",
                    cell,
                    &MIXED[cell.range.clone()]
                );
            }
        }
    }
    for (i, c) in MIXED.char_indices() {
        assert!(covered[i] || c == ' ', "byte {i} ({c:?}) has no glyph");
    }
}

#[test]
fn number_inside_rtl_line_keeps_ltr_order_and_one_rect() {
    let mut engine = TextEngine::new();
    let block = TextBlock::new("t", MIXED).with_font_size(18.0);
    let layout = engine.layout(&block, 2000.0);
    let start = MIXED.find("2020").expect("number");
    let rects = layout.range_rects(start..start + 4);
    assert_eq!(rects.len(), 1);
    let line = &layout.lines()[0];
    let cells = layout.cells(line);
    let two = cells.iter().find(|c| c.range.start == start).expect("first digit");
    let zero = cells.iter().find(|c| c.range.start == start + 3).expect("last digit");
    assert!(two.x0 < zero.x0, "digits left to right");
    // A span crossing from Arabic into the number makes two rectangles (bidi split) or one adjacent one.
    let word = MIXED.find("أكتوبر").expect("word");
    let rects = layout.range_rects(word..start + 4);
    assert!(!rects.is_empty());
}

#[test]
fn explicit_ltr_direction_left_aligns_arabic() {
    let mut engine = TextEngine::new();
    let block = TextBlock::new("t", MIXED)
        .with_font_size(18.0)
        .with_direction(Direction::Ltr);
    let layout = engine.layout(&block, 2000.0);
    let line = &layout.lines()[0];
    assert!(!line.rtl);
    let cells = layout.cells(line);
    let left = cells.iter().map(|c| c.x0).fold(f32::MAX, f32::min);
    assert!(left < 1.0, "left edge {left}");
    assert!(cells.iter().all(|c| c.range.end <= MIXED.len()));
}

#[test]
fn long_text_shaped_in_parallel_matches_sequential_shaping() {
    // Above 32 KB paragraphs are shaped on worker threads with their own font systems; the glyphs (face ids
    // included) must be exactly those of the engine's own font system.
    let paragraph = format!("{MIXED} (telegram) 10/19/2021");
    let long: String = std::iter::repeat_n(paragraph.as_str(), 600)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(long.len() > 64 * 1024);
    let mut engine = TextEngine::new();
    let small = engine.layout(&TextBlock::new("small", paragraph.as_str()), 400.0);
    let big = engine.layout(&TextBlock::new("big", long.as_str()), 400.0);
    let small_lines = small.lines().len();
    for (index, (a, b)) in small.lines().iter().zip(big.lines()).enumerate() {
        let (ga, gb) = (small.line_glyphs(a), big.line_glyphs(b));
        assert_eq!(ga.len(), gb.len(), "line {index}");
        for (x, y) in ga.iter().zip(gb) {
            assert_eq!(
                (x.font_id, x.glyph_id, x.start, x.end),
                (y.font_id, y.glyph_id, y.start, y.end)
            );
            assert!((x.x - y.x).abs() < 1e-3);
        }
    }
    let last = &big.lines()[big.lines().len() - small_lines..];
    let offset = long.len() - paragraph.len();
    assert_eq!(last[0].range.start, offset);
    assert_eq!(big.lines().len(), 600 * small_lines);
}
