//! `qarin --screenshot FILE` renders the real window and writes a PNG of the workbench: under `xvfb-run` (Xvfb, Mesa
//! software GL) when it is installed, else on the display of the session (`DISPLAY` or `WAYLAND_DISPLAY`). With
//! neither it prints one line saying so and passes — except in CI (`CI` set), where `.ci/run` installs Xvfb and not
//! running would hide a broken window.

use std::io::Write as _;
use std::path::Path;
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

/// Whether the session has a display (`DISPLAY` for X11, `WAYLAND_DISPLAY` for Wayland).
fn have_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

/// How to run the window, or why it cannot run here.
fn window_command(home: &Path) -> Result<Command, String> {
    let mut command = if have_xvfb_run() {
        // `-a` alone starts every server's search at display 99, and windows started at the same moment by tests
        // running in parallel can both take the free number and one fails to start (xvfb-run exits 1): each window
        // starts its search at a number of its own.
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let own = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let server = 100 + (std::process::id() % 200) * 16 + own % 16;
        let mut command = Command::new("xvfb-run");
        command
            .args(["-a", "-n", &server.to_string(), env!("CARGO_BIN_EXE_qarin")])
            .env("LIBGL_ALWAYS_SOFTWARE", "1");
        command
    } else if have_display() {
        let mut command = Command::new(env!("CARGO_BIN_EXE_qarin"));
        // X11 finds its cookie under $HOME unless told where: keep the user's while HOME points elsewhere.
        if std::env::var_os("XAUTHORITY").is_none()
            && let Some(user_home) = std::env::var_os("HOME")
        {
            command.env("XAUTHORITY", Path::new(&user_home).join(".Xauthority"));
        }
        command
    } else {
        return Err("no display (DISPLAY and WAYLAND_DISPLAY unset) and no xvfb-run (Debian package xvfb)".to_string());
    };
    command.env("HOME", home); // no persisted settings of the user
    Ok(command)
}

#[test]
fn screenshot_of_the_real_window_shows_text_in_every_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut command = match window_command(dir.path()) {
        Ok(command) => command,
        Err(why) if !ci() => {
            // Straight to stderr, past the test harness's capture, so that `cargo test` shows it.
            let _ = writeln!(std::io::stderr(), "screenshot test did not run: {why}");
            return;
        }
        Err(why) => panic!("CI is set, so the window test must run, but: {why}"),
    };
    let png_path = dir.path().join("workbench.png");
    let output = command
        .arg("--screenshot")
        .arg(&png_path)
        .output()
        .expect("run the window");
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

/// The window options are checked before any window opens: bad values fail at once with a clear message.
#[test]
fn bad_window_options_are_refused_before_a_window_opens() {
    for (args, expected) in [
        (&["--select-claim", "0"][..], "--select-claim"),
        (&["--size", "10x10"][..], "between 320 and 8192"),
        (&["--size", "wide"][..], "WxH"),
        (&["--panels", "corpus,toolbar"][..], "unknown panel"),
        (&["--view", "grid"][..], "--view"),
        (&["--theme", "sepia"][..], "--theme"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_qarin"))
            .args(args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .expect("run qarin");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

#[test]
fn screenshot_options_set_size_theme_view_and_selection() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut command = match window_command(dir.path()) {
        Ok(command) => command,
        Err(why) if !ci() => {
            let _ = writeln!(std::io::stderr(), "screenshot options test did not run: {why}");
            return;
        }
        Err(why) => panic!("CI is set, so the window test must run, but: {why}"),
    };
    let png_path = dir.path().join("dark.png");
    let output = command
        .args([
            "--size",
            "1000x700",
            "--theme",
            "dark",
            "--view",
            "aligned",
            "--select-claim",
            "1",
        ])
        .args(["--panels", "none", "--screenshot"])
        .arg(&png_path)
        .output()
        .expect("run the window");
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
    assert_eq!((info.width, info.height), (1000, 700));
    let channels = info.color_type.samples();
    let mean_luma = buf
        .chunks(channels)
        .map(|p| (p[0] as u64 * 3 + p[1] as u64 * 6 + p[2] as u64) / 10)
        .sum::<u64>()
        / (buf.len() / channels) as u64;
    assert!(mean_luma < 90, "a dark theme is mostly dark: mean luma {mean_luma}");

    // A claim that does not exist: no picture, exit code 2, a message naming how many there are.
    let missing = dir.path().join("missing.png");
    let mut command = window_command(dir.path()).expect("window command");
    let output = command
        .args(["--select-claim", "999", "--screenshot"])
        .arg(&missing)
        .output()
        .expect("run the window");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no claim 999"));
    assert!(!missing.exists());
}
