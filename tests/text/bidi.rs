//! Unicode bidi conformance (BidiCharacterTest.txt of Unicode 15.0.0, vendored gzipped in `tests/data/`) through the
//! widget's own path: the text is laid out by `TextEngine` exactly as `text_block_ui` does (cosmic-text: unicode-bidi
//! levels, its line reordering; forced directions through our direction marks), and the resolved levels and the
//! visual order of the glyphs are compared with the file's. Result here: 91,707 of 91,707 cases pass (levels and
//! order), no exceptions.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

use qarin::text::{Direction, TextBlock, TextEngine};

/// The conformance file, relative to the crate root (see `tests/data/README.md` for its source and licence).
const TEST_FILE: &str = "tests/data/BidiCharacterTest.txt.gz";

/// The Unicode version the file is from: the first header line names it.
const TEST_FILE_VERSION: &str = "# BidiCharacterTest-15.0.0.txt";

fn read_test_file() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TEST_FILE);
    let compressed = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut content = String::new();
    flate2::read::GzDecoder::new(compressed)
        .read_to_string(&mut content)
        .unwrap_or_else(|e| panic!("{}: not gzipped UTF-8 text: {e}", path.display()));
    content
}

struct Case {
    line_no: usize,
    text: String,
    direction: Direction,
    /// Per char: resolved level, `None` for characters removed by rule X9.
    levels: Vec<Option<u8>>,
    /// Char indices left to right (X9-removed characters left out).
    order: Vec<usize>,
}

fn parse(line_no: usize, line: &str) -> Option<Case> {
    let fields: Vec<&str> = line.split(';').collect();
    if fields.len() < 5 {
        return None;
    }
    let text: String = fields[0]
        .split_whitespace()
        .map(|hex| u32::from_str_radix(hex, 16).ok().and_then(char::from_u32))
        .collect::<Option<String>>()?;
    let direction = match fields[1].trim() {
        "0" => Direction::Ltr,
        "1" => Direction::Rtl,
        _ => Direction::Auto,
    };
    let levels = fields[3].split_whitespace().map(|l| l.parse().ok()).collect();
    let order = fields[4].split_whitespace().filter_map(|i| i.parse().ok()).collect();
    Some(Case {
        line_no,
        text,
        direction,
        levels,
        order,
    })
}

/// Levels and visual order the widget's layout produced.
fn widget_result(engine: &mut TextEngine, case: &Case) -> (Vec<Option<u8>>, Vec<usize>) {
    let block = TextBlock::new("bidi", case.text.as_str()).with_direction(case.direction);
    let layout = engine.layout_uncached(&block, 1.0e6);
    let char_index: BTreeMap<usize, usize> = case.text.char_indices().enumerate().map(|(i, (b, _))| (b, i)).collect();
    let char_count = case.text.chars().count();
    let mut levels = vec![None; char_count];
    let mut order = Vec::new();
    for line in layout.lines() {
        let glyphs = layout.line_glyphs(line);
        // Glyphs run in visual order from the line's start side: right to left in RTL lines.
        let visual: Vec<_> = if line.rtl {
            glyphs.iter().rev().collect()
        } else {
            glyphs.iter().collect()
        };
        let mut last_cluster = None;
        for glyph in visual {
            if last_cluster == Some((glyph.start, glyph.end)) {
                continue;
            }
            last_cluster = Some((glyph.start, glyph.end));
            let mut chars: Vec<usize> = char_index
                .range(glyph.start..glyph.end.max(glyph.start + 1))
                .map(|(_, &i)| i)
                .collect();
            if glyph.level.is_rtl() {
                chars.reverse();
            }
            for i in chars {
                levels[i] = Some(glyph.level.number());
                order.push(i);
            }
        }
    }
    (levels, order)
}

#[test]
fn bidi_character_test_through_widget_layout() {
    let content = read_test_file();
    assert_eq!(
        content.lines().next(),
        Some(TEST_FILE_VERSION),
        "the vendored file keeps its Unicode header"
    );
    let mut engine = TextEngine::new();
    let mut total = 0;
    let mut passed = 0;
    let mut failures: Vec<String> = Vec::new();
    for (line_no, line) in content.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(case) = parse(line_no + 1, line) else {
            continue;
        };
        total += 1;
        let (levels, order) = widget_result(&mut engine, &case);
        let removed: Vec<bool> = case.levels.iter().map(Option::is_none).collect();
        let our_order: Vec<usize> = order
            .into_iter()
            .filter(|&i| !removed.get(i).copied().unwrap_or(true))
            .collect();
        let levels_ok = case
            .levels
            .iter()
            .zip(&levels)
            .all(|(expected, ours)| expected.is_none() || expected == ours);
        if levels_ok && our_order == case.order {
            passed += 1;
        } else {
            failures.push(format!(
                "line {}: {:?} dir {:?}\n  levels expected {:?}\n  levels ours     {:?}\n  order expected {:?}\n  order ours     {:?}",
                case.line_no, case.text, case.direction, case.levels, levels, case.order, our_order
            ));
        }
    }
    println!(
        "BidiCharacterTest.txt through the widget layout: {passed} of {total} passed ({:.2} %)",
        100.0 * passed as f64 / total as f64
    );
    assert_eq!(total, 91_707, "every case of the file was read");
    assert!(
        failures.is_empty(),
        "{} cases differ, e.g.\n{}",
        failures.len(),
        failures.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
}
