//! `qarin shape` against HarfBuzz: every line of the sample corpus, every run, glyph by glyph.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use qarin::corpus::builtin::SAMPLE_FILES;
use qarin::text::shape::{ShapedGlyph, Shaper};

/// Runs `hb-shape` once per (font, direction) over a file with one run text per line; returns one glyph list per run.
fn hb_shape(font: &str, rtl: bool, texts: &[&str]) -> Vec<Vec<ShapedGlyph>> {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("runs.txt");
    std::fs::write(&input, texts.join("\n") + "\n").expect("write runs");
    let font_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(font);
    let output = Command::new("hb-shape")
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .arg("--output-format=json")
        .arg("--no-glyph-names")
        .arg("--utf8-clusters")
        .arg(format!("--direction={}", if rtl { "rtl" } else { "ltr" }))
        .arg(format!("--font-file={}", font_path.display()))
        .arg(format!("--text-file={}", input.display()))
        .output()
        .expect("hb-shape (Debian package libharfbuzz-bin) must be installed");
    assert!(
        output.status.success(),
        "hb-shape failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("utf-8 json");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), texts.len(), "one hb-shape line per run");
    lines
        .iter()
        .map(|line| serde_json::from_str(line).expect("hb-shape json"))
        .collect()
}

#[test]
fn every_corpus_run_matches_harfbuzz() {
    let mut shaper = Shaper::bundled();
    // (font, rtl) -> [(file, line number, run index, run text, run start, our glyphs)]
    type Entry = (String, usize, usize, String, usize, Vec<ShapedGlyph>);
    let mut groups: BTreeMap<(String, bool), Vec<Entry>> = BTreeMap::new();
    let mut total_runs = 0;
    for (name, content) in SAMPLE_FILES {
        for (line_no, line) in content.lines().enumerate() {
            let shaped = shaper.shape_line(line);
            for (run_index, run) in shaped.runs.into_iter().enumerate() {
                assert!(!run.font.is_empty(), "{name}:{line_no}: run without a font");
                total_runs += 1;
                let text = line[run.start..run.end].replace('\t', " ");
                groups.entry((run.font.clone(), run.rtl)).or_default().push((
                    name.to_string(),
                    line_no + 1,
                    run_index,
                    text,
                    run.start,
                    run.glyphs,
                ));
            }
        }
    }
    assert!(total_runs > 1000, "the corpus has many runs: {total_runs}");
    let mut mismatches = Vec::new();
    let mut glyphs_compared = 0;
    for ((font, rtl), entries) in &groups {
        let texts: Vec<&str> = entries.iter().map(|entry| entry.3.as_str()).collect();
        let reference = hb_shape(font, *rtl, &texts);
        for (entry, hb) in entries.iter().zip(reference) {
            let (name, line_no, run_index, text, start, ours) = entry;
            let hb: Vec<ShapedGlyph> = hb.into_iter().map(|g| ShapedGlyph { cl: g.cl + start, ..g }).collect();
            glyphs_compared += hb.len();
            if &hb != ours {
                mismatches.push(format!(
                    "{name}:{line_no} run {run_index} {font} rtl={rtl} {text:?}\n  ours {ours:?}\n  hb   {hb:?}"
                ));
            }
        }
    }
    println!(
        "{total_runs} runs, {glyphs_compared} glyphs compared with hb-shape, {} mismatches",
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} of {total_runs} runs differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
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
