//! Where output may go: an output path is never one of the inputs (nor a file inside an input folder that is not a
//! report Qarin wrote), and its folder must be writable — checked before any work. Used by every command that writes
//! and by the workbench's exports. And how text from files is made safe to print on a terminal.

use anyhow::Context;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// `text` safe to print on a terminal, on one line: control characters (C0 — newlines and tabs included —, DEL,
/// C1; ESC starts terminal escape sequences), line/paragraph separators and the bidi embeddings, overrides and
/// isolates (which reorder the rest of the line) are written as `\u{…}` escapes. Text from files — titles, sources,
/// file names, messages quoting them — goes through this before it is printed.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The path as the file system resolves it: the file's own canonical path when it exists, else its folder's
/// canonical path joined with its name (so `./out.json` and `dir/../out.json` compare equal before either exists).
fn resolved(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(parent), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// Whether `path` holds a report Qarin wrote (so replacing it loses no input).
fn is_qarin_report(path: &Path) -> bool {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .is_some_and(|v| v.get("format").and_then(|f| f.as_str()) == Some(super::formats::REPORT_FORMAT))
}

/// Checks, before any work is done, that `out` may be written: it is not one of `inputs` (nor an existing
/// non-report file inside an input folder), not a folder, and its folder exists and is writable. Nothing is
/// created or changed (a probe file is made and removed when `out` does not exist yet).
pub fn check_output(out: &Path, inputs: &[&Path]) -> anyhow::Result<()> {
    let shown = terminal_safe(&out.display().to_string()).into_owned();
    let target = resolved(out);
    for input in inputs {
        let input_resolved = resolved(input);
        if input_resolved == target {
            anyhow::bail!("refusing to write {shown}: it is also an input; choose another output file");
        }
        if input_resolved.is_dir()
            && target.starts_with(&input_resolved)
            && target.is_file()
            && !is_qarin_report(&target)
        {
            anyhow::bail!(
                "refusing to write {shown}: it would replace a file inside the input folder {}; choose another output \
                 file",
                terminal_safe(&input.display().to_string())
            );
        }
    }
    if target.is_dir() {
        anyhow::bail!("cannot write {shown}: it is a folder");
    }
    if target.exists() {
        // Opening for append checks permission without changing the file.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&target)
            .with_context(|| format!("cannot write {shown}"))?;
        return Ok(());
    }
    let folder = target.parent().unwrap_or(Path::new("."));
    anyhow::ensure!(
        folder.is_dir(),
        "cannot write {shown}: the folder {} does not exist",
        terminal_safe(&folder.display().to_string())
    );
    let probe = folder.join(format!(".qarin-write-check-{}", std::process::id()));
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .with_context(|| format!("cannot write {shown}"))?;
    // Best effort: a probe that cannot be removed is harmless and hidden.
    let _ = std::fs::remove_file(&probe);
    Ok(())
}
