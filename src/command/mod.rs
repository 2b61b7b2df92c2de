//! The binary's command layer: what each command of `qarin` does. `main.rs` parses the command line and calls one
//! of these; they call the library, which returns data, and they alone print and choose the exit code.

pub mod analyze;
pub mod bench_ui;
pub mod eval_corpus;
pub mod eval_stories;
pub mod ner;
pub mod shape;
pub mod train_ner;
pub mod workbench;

use anyhow::Context;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Says once, on standard error, when the bundled entity tagger is broken (a build problem) and recognition falls
/// back to patterns only.
pub fn warn_if_tagger_broken() {
    if let Some(problem) = qarin::analysis::ner::bundled_model_problem() {
        eprintln!("qarin: {problem}");
    }
}

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

/// Reads an input file of a command that takes one (`ner`, `shape`), refusing one over the size limit of an article
/// file ([`qarin::corpus::MAX_FILE_BYTES`]) before reading it, and decodes it as the corpus loader does (damaged
/// UTF-8 repaired with a warning, UTF-16, legacy Arabic encodings). Decoding warnings go to standard error.
pub fn read_text_input(path: &Path) -> anyhow::Result<String> {
    let shown = terminal_safe(&path.display().to_string()).into_owned();
    let meta = std::fs::metadata(path).with_context(|| format!("reading {shown}"))?;
    anyhow::ensure!(
        meta.len() <= qarin::corpus::MAX_FILE_BYTES,
        "{shown} is {:.1} MB, over the {} MB limit for one input file; not read",
        meta.len() as f64 / (1024.0 * 1024.0),
        qarin::corpus::MAX_FILE_BYTES / (1024 * 1024)
    );
    let bytes = std::fs::read(path).with_context(|| format!("reading {shown}"))?;
    let decoded = qarin::corpus::decode::decode(&bytes).with_context(|| format!("reading {shown}"))?;
    for w in &decoded.warnings {
        eprintln!("{shown}: warning: {}", terminal_safe(w));
    }
    Ok(decoded.text)
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
        .is_some_and(|v| v.get("format").and_then(|f| f.as_str()) == Some(qarin::corpus::formats::REPORT_FORMAT))
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
