//! cosmic-text ↔ egui: bundled fonts, layout cache, glyph atlas, the highlightable text widget.
//! Knows nothing of articles: it takes text, spans and styles, and gives back drawing and hit-testing.

/// `qarin shape [--font FILE] --file LINES.txt`.
pub fn shape_command(font: Option<&std::path::Path>, file: &std::path::Path) -> anyhow::Result<std::process::ExitCode> {
    let _ = (font, file);
    anyhow::bail!("shaping is not built yet")
}
