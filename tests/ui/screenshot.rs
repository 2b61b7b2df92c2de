//! `qarin --screenshot FILE` renders the real window under Xvfb (Mesa software GL) and writes a PNG of the workbench.

use std::process::Command;

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

fn have_xvfb_run() -> bool {
    Command::new("sh")
        .args(["-c", "command -v xvfb-run"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn screenshot_under_xvfb_shows_text_in_every_column() {
    if !have_xvfb_run() && !ci() {
        eprintln!("skipped: xvfb-run is not installed (and CI is not set)");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let png_path = dir.path().join("workbench.png");
    let output = Command::new("xvfb-run")
        .args(["-a", env!("CARGO_BIN_EXE_qarin"), "--screenshot"])
        .arg(&png_path)
        .env("HOME", dir.path()) // no persisted settings of the user
        .env("LIBGL_ALWAYS_SOFTWARE", "1")
        .output()
        .expect("run xvfb-run");
    assert!(
        output.status.success(),
        "qarin --screenshot failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png_path).expect("png written"),
    ));
    let mut reader = decoder.read_info().expect("png header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("png data");
    let (w, h) = (info.width as usize, info.height as usize);
    assert!(w >= 1000 && h >= 700, "size {w}×{h}");
    let channels = info.color_type.samples();
    let luma = |x: usize, y: usize| {
        let p = &buf[(y * w + x) * channels..];
        (p[0] as u32 * 3 + p[1] as u32 * 6 + p[2] as u32) / 10
    };
    // Not blank: many distinct grey levels.
    let mut levels = std::collections::HashSet::new();
    for y in (0..h).step_by(3) {
        for x in (0..w).step_by(3) {
            levels.insert(luma(x, y) / 8);
        }
    }
    assert!(levels.len() >= 8, "image looks blank ({} grey levels)", levels.len());
    // Dark text pixels in the columns area: split the left 80 % (the entity panel is on the right) into five bands.
    let area = w * 8 / 10;
    let band = area / 5;
    let dark_per_band: Vec<usize> = (0..5)
        .map(|b| {
            let mut n = 0;
            for y in (h / 6)..(h * 9 / 10) {
                for x in (b * band)..((b + 1) * band) {
                    if luma(x, y) < 90 {
                        n += 1;
                    }
                }
            }
            n
        })
        .collect();
    let with_text = dark_per_band.iter().filter(|&&n| n > 800).count();
    assert!(with_text >= 4, "dark text pixels per band: {dark_per_band:?}");
}
