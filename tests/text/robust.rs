//! Bad input never crashes the text engine: random mixed-script text with controls, separators and marks, random
//! widths, spans with odd ranges, hit tests anywhere, caret moves everywhere.

use proptest::prelude::*;
use qarin::text::{Direction, Span, SpanStyle, TextBlock, TextEngine};

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "قال",
        "الرئيس",
        "لا",
        "شَدَّة",
        "ً",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\u{2029}",
        "\u{1C}",
        "\t",
        "2020",
        "10/19/2021",
        "telegram",
        "(",
        ")",
        "«",
        "»",
        ".",
        "،",
        "\u{200F}",
        "\u{200E}",
        "\u{202B}",
        "\u{202C}",
        "\u{2067}",
        "\u{2069}",
        "\u{200D}",
        "\u{200C}",
        "אב",
        "😀",
        "\u{0}",
        "e\u{301}",
        "ﻻ",
        "\u{FEFF}",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn layout_hit_and_moves_never_panic(
        pieces in prop::collection::vec(piece(), 0..40),
        width in prop::sample::select(vec![0.0f32, 1.0, 37.0, 180.0, 500.0, f32::INFINITY, f32::NAN]),
        direction in prop::sample::select(vec![Direction::Auto, Direction::Rtl, Direction::Ltr]),
        span_ends in prop::collection::vec((0usize..400, 0usize..400, any::<bool>()), 0..6),
        points in prop::collection::vec((-50.0f32..700.0, -50.0f32..900.0), 0..8),
    ) {
        let text: String = pieces.concat();
        let spans = span_ends
            .into_iter()
            .enumerate()
            .map(|(i, (a, b, outlined))| Span {
                range: a..b,
                style: SpanStyle {
                    outline: outlined.then(|| egui::Stroke::new(1.0, egui::Color32::RED)),
                    ..Default::default()
                },
                tag: i as u64,
            })
            .collect();
        let block = TextBlock::new("prop", text.as_str()).with_direction(direction).with_spans(spans);
        let mut engine = TextEngine::new();
        let layout = engine.layout(&block, width);
        prop_assert!(layout.height() >= 0.0);
        for line in layout.lines() {
            prop_assert!(line.range.start <= line.range.end && line.range.end <= text.len());
            for cell in layout.cells(line) {
                prop_assert!(text.is_char_boundary(cell.range.start) && text.is_char_boundary(cell.range.end));
            }
        }
        for (x, y) in points {
            if let Some(hit) = layout.hit(egui::pos2(x, y)) {
                prop_assert!(hit.caret <= text.len() && text.is_char_boundary(hit.caret));
            }
        }
        let _ = layout.range_rects(0..text.len());
        let mut caret = 0;
        let mut x = None;
        for step in 0..(text.chars().count() + 3).min(60) {
            let (next, next_x) = layout.move_visually(caret, step % 5 != 4, x);
            prop_assert!(next <= text.len() && text.is_char_boundary(next));
            caret = next;
            x = Some(next_x);
            let (down, _) = layout.move_vertically(caret, step % 2 == 0, x);
            prop_assert!(down <= text.len());
        }
        let shaped = qarin::text::shape::Shaper::bundled().shape_line(&text.replace(['\n', '\r'], " "));
        for run in shaped.runs {
            prop_assert!(run.start <= run.end && run.end <= text.len());
        }
    }
}
