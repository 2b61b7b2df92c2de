//! `qarin shape`: cosmic-text's shaping of each line as JSON runs of glyphs, in hb-shape's units and order.

/// `qarin shape [--font FILE] --file LINES.txt`.
pub fn shape_command(font: Option<&std::path::Path>, file: &std::path::Path) -> anyhow::Result<std::process::ExitCode> {
    let _ = (font, file);
    anyhow::bail!("shaping is not built yet")
}
