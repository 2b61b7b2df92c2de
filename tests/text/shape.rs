//! `qarin shape` against HarfBuzz: every line of the sample corpus, every run, glyph by glyph. The reference is
//! HarfBuzz itself, built from the C++ source bundled with the `harfbuzz_rs` dev-dependency and called in-process
//! with the settings of HarfBuzz's own command-line shaper (default features, cluster level 0, clusters as UTF-8 byte
//! offsets, positions in font units, script and language guessed, the run's direction given).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use harfbuzz_rs::{Direction, Face, Font, Owned, UnicodeBuffer};
use qarin::corpus::builtin::SAMPLE_FILES;
use qarin::text::shape::{ShapedGlyph, Shaper};

/// HarfBuzz fonts at their default scale (one unit per font unit), one per font file of the runs.
#[derive(Default)]
struct Reference {
    fonts: BTreeMap<String, Owned<Font<'static>>>,
}

impl Reference {
    /// HarfBuzz's glyphs for `text` (one run: one font, one direction), clusters offset by `start` to be relative to
    /// the line as ours are.
    fn shape(&mut self, font: &str, rtl: bool, text: &str, start: usize) -> Vec<ShapedGlyph> {
        let font = self.fonts.entry(font.to_string()).or_insert_with(|| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(font);
            let face = Face::from_file(&path, 0).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Font::new(face)
        });
        let buffer = UnicodeBuffer::new()
            .add_str(text)
            .set_direction(if rtl { Direction::Rtl } else { Direction::Ltr })
            .guess_segment_properties();
        let output = harfbuzz_rs::shape(font, buffer, &[]);
        output
            .get_glyph_infos()
            .iter()
            .zip(output.get_glyph_positions())
            .map(|(info, position)| ShapedGlyph {
                g: info.codepoint,
                cl: info.cluster as usize + start,
                dx: position.x_offset,
                dy: position.y_offset,
                ax: position.x_advance,
                ay: position.y_advance,
            })
            .collect()
    }
}

#[test]
fn every_corpus_run_matches_harfbuzz() {
    let mut shaper = Shaper::bundled();
    let mut reference = Reference::default();
    let mut total_runs = 0;
    let mut glyphs_compared = 0;
    let mut mismatches = Vec::new();
    for (name, content) in SAMPLE_FILES {
        for (line_no, line) in content.lines().enumerate() {
            let shaped = shaper.shape_line(line);
            for (run_index, run) in shaped.runs.into_iter().enumerate() {
                assert!(!run.font.is_empty(), "{name}:{}: run without a font", line_no + 1);
                total_runs += 1;
                // Tabs as spaces, as the widget shapes them.
                let text = line[run.start..run.end].replace('\t', " ");
                let hb = reference.shape(&run.font, run.rtl, &text, run.start);
                glyphs_compared += hb.len();
                if hb != run.glyphs {
                    mismatches.push(format!(
                        "{name}:{} run {run_index} {} rtl={} {text:?}\n  ours {:?}\n  hb   {hb:?}",
                        line_no + 1,
                        run.font,
                        run.rtl,
                        run.glyphs
                    ));
                }
            }
        }
    }
    println!(
        "{total_runs} runs, {glyphs_compared} glyphs compared with HarfBuzz, {} mismatches",
        mismatches.len()
    );
    assert!(total_runs > 1000, "the corpus has many runs: {total_runs}");
    assert!(
        mismatches.is_empty(),
        "{} of {total_runs} runs differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

/// The comparison can fail: the reference tells apart what shaping must tell apart (joining forms, the lam-alef
/// ligature, direction, the font), so a wrong run of ours would not pass unnoticed.
#[test]
fn harfbuzz_reference_tells_wrong_shapings_apart() {
    let mut shaper = Shaper::bundled();
    let mut reference = Reference::default();
    let line = "لا إله إلا الله";
    let shaped = shaper.shape_line(line);
    let run = shaped.runs.first().expect("a run");
    assert!(run.rtl, "{run:?}");
    let text = &line[run.start..run.end];
    assert_eq!(
        reference.shape(&run.font, true, text, run.start),
        run.glyphs,
        "same settings: same glyphs"
    );
    assert_ne!(
        reference.shape(&run.font, false, text, run.start),
        run.glyphs,
        "other direction"
    );
    assert_ne!(
        reference.shape("fonts/NotoSans-Regular.ttf", true, text, run.start),
        run.glyphs,
        "other font"
    );
    // The letters one by one (no joining, no ligature) differ from the word shaped whole.
    let isolated: Vec<ShapedGlyph> = text
        .char_indices()
        .flat_map(|(i, c)| reference.shape(&run.font, true, c.encode_utf8(&mut [0; 4]), run.start + i))
        .collect();
    assert_ne!(isolated, run.glyphs, "letters shaped apart");
}

#[test]
fn shape_command_prints_one_json_object_per_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("lines.txt");
    std::fs::write(&input, "لا إله إلا telegram 2020\nhello\n\n").expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(["shape", "--file"])
        .arg(&input)
        .output()
        .expect("run qarin");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    assert_eq!(lines.len(), 3);
    let runs = lines[0]["runs"].as_array().expect("runs");
    assert!(
        runs.iter()
            .any(|r| r["font"] == "fonts/NotoNaskhArabic-Regular.ttf" && r["rtl"] == true)
    );
    assert!(
        runs.iter()
            .any(|r| r["font"] == "fonts/NotoSans-Regular.ttf" && r["rtl"] == false)
    );
    for run in runs {
        for key in ["start", "end", "rtl", "font", "glyphs"] {
            assert!(run.get(key).is_some(), "run has {key}");
        }
        for glyph in run["glyphs"].as_array().expect("glyphs") {
            for key in ["g", "cl", "dx", "dy", "ax", "ay"] {
                assert!(glyph.get(key).is_some(), "glyph has {key}");
            }
        }
    }
    // lam-alef ligature: fewer glyphs than letters in "لا".
    let first = &runs[0];
    assert_eq!(
        (first["start"].as_u64(), first["end"].as_u64()),
        (Some(0), Some(4)),
        "{first}"
    );
    let advancing = first["glyphs"]
        .as_array()
        .expect("glyphs")
        .iter()
        .filter(|g| g["ax"] != 0)
        .count();
    assert_eq!(
        advancing, 1,
        "lam-alef is one ligature glyph (plus a zero-width placeholder): {first}"
    );
    assert_eq!(lines[2]["runs"].as_array().map(Vec::len), Some(0));
}
