//! `qarin shape [--font FILE] --file LINES.txt`: one JSON object of runs and glyphs per line.

use anyhow::Context;
use qarin::text::shape::Shaper;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(font: Option<&Path>, file: &Path) -> anyhow::Result<ExitCode> {
    let text = super::read_text_input(file)?;
    let mut shaper = match font {
        None => Shaper::bundled(),
        Some(path) => {
            let data = std::fs::read(path).with_context(|| format!("reading font {}", path.display()))?;
            Shaper::single(data, &path.to_string_lossy())
                .with_context(|| format!("{} is not a font file", path.display()))?
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in text.lines() {
        serde_json::to_writer(&mut out, &shaper.shape_line(line))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
