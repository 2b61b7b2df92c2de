//! Writing the qarin-report/1 JSON, for the `analyze` command and the workbench's export (until the report writes
//! itself). Prints nothing: the caller says where the bytes go.

use crate::analysis::Report;
use anyhow::Context;
use std::io::Write;
use std::path::Path;

/// Writes the report as pretty JSON, with a final newline, to `out`.
pub fn write_report_to(report: &Report, mut out: impl Write) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut out, report)?;
    writeln!(out)?;
    Ok(())
}

/// Writes the report as pretty JSON to the file `path`.
pub fn write_report(report: &Report, path: &Path) -> anyhow::Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut w = std::io::BufWriter::new(file);
    write_report_to(report, &mut w)?;
    w.flush().with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
