//! Reads files and formats into [`Article`]s (text, metadata, segments, sentences). Knows nothing of UI or analysis.
//!
//! Entry points: [`load_paths`] for user files and folders, [`load_builtin`] for the bundled sample corpus,
//! [`load_bytes`] for one file's bytes.
//!
//! Pipeline per file: [`decode`] (encoding, binary detection, LF line endings) → [`formats`] (plain text, HTML,
//! JSON, JSON Lines, CSV) → [`segment`] (title/meta/body/boilerplate/related/duplicate, inline metadata) →
//! [`sentences`]. Over the whole corpus: same-content files loaded once, ids made unique, and short lines repeated
//! across many articles turned into boilerplate ([`mark_repeated_lines`]). Files are read in parallel; nothing in
//! loading is quadratic.
//!
//! Source policy: the article's source is the outlet or agency that published it — a `المصدر:` line, a structured
//! field (`og:site_name`, `source`…), an outlet lead (`ميدل ايست نيوز: …`) or the agency of a `city – agency`
//! dateline (`طهران – وكالات` gives "وكالات": the text says it came from the wires). An agency merely quoted in the
//! body (`ونقلت وكالة نوفوستي عن …`) is a source of a statement, not of the article, and is not used; a lone place
//! name before a colon (`موسكو: …`) is a dateline, not a source.

pub mod builtin;
pub mod chrome;
pub mod decode;
pub mod eval;
pub mod formats;
pub mod header;
pub mod model;
pub mod outlet;
pub mod output;
pub mod segment;
pub mod sentences;

pub use model::{Article, Corpus, Diagnostic, Segment, SegmentKind, Sentence, Severity};
pub use segment::SegmentParams;

use crate::progress::Progress;
use formats::{Format, Parsed, Record};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// Files larger than this are not read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Folders nested deeper than this below an input folder are not read (a warning says which). Real corpora are a
/// few levels deep; the cap keeps a hostile tree (thousands of levels, or a loop the file system hides) cheap.
pub const MAX_FOLDER_DEPTH: usize = 100;

fn error(path: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        severity: Severity::Error,
        message: message.into(),
    }
}

fn warning(path: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        severity: Severity::Warning,
        message: message.into(),
    }
}

fn info(path: &str, message: impl Into<String>) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        severity: Severity::Info,
        message: message.into(),
    }
}

/// What one file gave.
#[derive(Debug, Default)]
struct FileOutcome {
    articles: Vec<Article>,
    diagnostics: Vec<Diagnostic>,
    /// Hash of the decoded text, for finding files with the same content.
    content_hash: Option<u64>,
    own_output: bool,
    /// What the file is when it is binary, not text.
    binary: Option<&'static str>,
    /// A well-formed data file that holds no articles (a JSON object without a text field: a scraper's gold or
    /// config file beside its pages).
    no_articles: bool,
}

fn stem_of(label: &str) -> String {
    let name = label.rsplit(['/', '\\']).next().unwrap_or(label);
    let name = name.strip_prefix("builtin:").unwrap_or(name);
    let stem = match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    if stem.is_empty() {
        "article".to_string()
    } else {
        stem.to_string()
    }
}

fn ext_of(label: &str) -> String {
    let name = label.rsplit(['/', '\\']).next().unwrap_or(label);
    match name.rfind('.') {
        Some(dot) if dot > 0 => name[dot + 1..].to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Builds an article from its text: segments, metadata and sentences.
fn build_article(
    id: String,
    path: &str,
    text: String,
    preset: segment::Preset,
    url: Option<String>,
    params: &SegmentParams,
) -> Article {
    let analysis = segment::analyse(&text, &preset, params);
    // A weak source (a name before a colon) only when the file itself names no outlet.
    let names_outlet =
        url.as_deref().and_then(outlet::domain_of_url).is_some() || outlet::domain_of_path(path).is_some();
    let source = analysis
        .source
        .or(if names_outlet { None } else { analysis.weak_source });
    let mut article = Article {
        id,
        path: path.to_string(),
        title: analysis.title,
        date: analysis.date,
        source,
        url,
        text,
        segments: analysis.segments,
        sentences: Vec::new(),
    };
    fill_sentences(&mut article);
    article
}

fn fill_sentences(article: &mut Article) {
    let mut sentences = Vec::new();
    for s in article.segments.iter().filter(|s| s.kind == SegmentKind::Body) {
        sentences::split_into(&article.text, s.start, s.end, &mut sentences);
    }
    article.sentences = sentences;
}

/// What is odd about an article that decoded but holds nothing to compare: `Err` to skip it (no letters at all),
/// `Ok(Some)` to load it with a warning (no body text), `Ok(None)` when it is an ordinary article.
fn junk_check(article: &Article) -> Result<Option<String>, String> {
    if !article.text.chars().any(crate::arabic::is_letter) {
        let digits = article.text.chars().any(|c| c.is_numeric());
        let what = if digits {
            "only digits, punctuation and symbols"
        } else {
            "only punctuation and symbols"
        };
        return Err(format!("no letters in it ({what}): not an article; skipped"));
    }
    let body_has_letters = article
        .body_segments()
        .any(|s| article.slice(s.start, s.end).chars().any(crate::arabic::is_letter));
    if body_has_letters {
        return Ok(None);
    }
    Ok(Some(if article.title.trim().is_empty() {
        "no body text: everything in it was read as metadata or page furniture; loaded, with nothing to compare"
            .to_string()
    } else {
        "a title but no body text; loaded, with nothing to compare".to_string()
    }))
}

/// Adds `article` to `outcome` unless [`junk_check`] says it is not one; `which` names it in messages when the file
/// holds several.
fn push_checked(outcome: &mut FileOutcome, path_label: &str, which: Option<String>, article: Article) {
    let prefix = which.map(|w| format!("{w}: ")).unwrap_or_default();
    match junk_check(&article) {
        Err(why) => outcome.diagnostics.push(warning(path_label, format!("{prefix}{why}"))),
        Ok(odd) => {
            if let Some(odd) = odd {
                outcome.diagnostics.push(warning(path_label, format!("{prefix}{odd}")));
            }
            outcome.articles.push(article);
        }
    }
}

fn load_file(path_label: &str, bytes: &[u8], params: &SegmentParams) -> FileOutcome {
    let mut outcome = FileOutcome::default();
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(e) => {
            if let decode::DecodeError::Binary(kind) = e {
                outcome.binary = Some(kind);
            }
            outcome.diagnostics.push(error(path_label, e.to_string()));
            return outcome;
        }
    };
    outcome
        .diagnostics
        .extend(decoded.warnings.iter().map(|w| warning(path_label, w.clone())));
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    decoded.text.hash(&mut hasher);
    outcome.content_hash = Some(hasher.finish());
    let ext = ext_of(path_label);
    let format = formats::detect(&ext, &decoded.text);
    let explicit = matches!(
        (format, ext.as_str()),
        (Format::Json, "json") | (Format::JsonLines, "jsonl" | "ndjson" | "json") | (Format::Csv, "csv" | "tsv")
    );
    let stem = stem_of(path_label);
    match formats::parse(format, &decoded.text, explicit) {
        Ok(Parsed::Text) => {
            let article = build_article(stem, path_label, decoded.text, segment::Preset::default(), None, params);
            push_checked(&mut outcome, path_label, None, article);
        }
        Ok(Parsed::OwnReport) => outcome.own_output = true,
        Ok(Parsed::Records(records, warnings)) => {
            let many = records.len() > 1;
            for (n, record) in records.into_iter().enumerate() {
                let Record {
                    id,
                    title,
                    text,
                    date,
                    source,
                    url,
                } = record;
                let id = match (many, id) {
                    (false, _) => stem.clone(),
                    (true, Some(rid)) => format!("{stem}-{rid}"),
                    (true, None) => format!("{stem}-{}", n + 1),
                };
                let text = decode::normalize_newlines(text);
                if text.trim().is_empty() {
                    // e.g. an HTML page whose markup holds no readable text: say so rather than show an empty article.
                    let which = if many {
                        format!("record {} has", n + 1)
                    } else {
                        "the file has".to_string()
                    };
                    outcome
                        .diagnostics
                        .push(warning(path_label, format!("{which} no article text; skipped")));
                    continue;
                }
                let preset = segment::Preset { title, date, source };
                let article = build_article(id, path_label, text, preset, url, params);
                push_checked(
                    &mut outcome,
                    path_label,
                    many.then(|| format!("record {}", n + 1)),
                    article,
                );
            }
            outcome
                .diagnostics
                .extend(warnings.into_iter().map(|w| warning(path_label, w)));
        }
        Err(e) => {
            outcome.no_articles = matches!(e, formats::FormatError::NotArticles(_));
            outcome.diagnostics.push(error(path_label, e.to_string()));
        }
    }
    outcome
}

/// Loads one file's bytes (`path_label` gives the id, the extension and the `path` field): its articles, or the
/// one diagnostic that says why it has none.
pub fn load_bytes(path_label: &str, bytes: &[u8]) -> Result<Vec<Article>, Diagnostic> {
    let mut outcome = load_file(path_label, bytes, &SegmentParams::default());
    if outcome.own_output {
        return Err(Diagnostic {
            path: path_label.to_string(),
            severity: Severity::Info,
            message: "a report written by qarin, not an article; skipped".to_string(),
        });
    }
    if outcome.articles.is_empty() {
        return Err(outcome
            .diagnostics
            .pop()
            .unwrap_or_else(|| error(path_label, "no article in this file")));
    }
    Ok(outcome.articles)
}

/// A file found under the input paths.
struct Found {
    path: PathBuf,
    /// Index of the input path it came from.
    input: usize,
    explicit: bool,
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// What a file is when its extension says it is not an article (images, documents, archives…); such files found
/// in a folder are listed as skipped without being read.
fn non_article_kind(p: &Path) -> Option<&'static str> {
    let ext = p.extension()?.to_str()?.to_ascii_lowercase();
    let kind = match ext.as_str() {
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "bmp" | "svg" | "ico" | "tif" | "tiff" | "heic" | "avif" => {
            "an image"
        }
        "pdf" | "doc" | "docx" | "odt" | "rtf" | "epub" | "xls" | "xlsx" | "ods" | "ppt" | "pptx" => {
            "a document in a format Qarin does not read (save it as text or HTML)"
        }
        "zip" | "gz" | "tgz" | "tar" | "bz2" | "xz" | "7z" | "rar" | "zst" => "an archive (unpack it first)",
        "mp3" | "mp4" | "m4a" | "wav" | "ogg" | "webm" | "avi" | "mov" | "mkv" => "audio or video",
        "exe" | "dll" | "so" | "dylib" | "bin" | "iso" | "dmg" | "class" | "o" => "a program or binary file",
        "ttf" | "otf" | "woff" | "woff2" => "a font",
        "css" | "js" | "mjs" | "map" => "a stylesheet or script",
        "sqlite" | "db" => "a database",
        _ => return None,
    };
    Some(kind)
}

/// Extensions of the formats Qarin reads (and none): a binary file under one of these is damaged, one under any other
/// extension is merely not an article.
fn has_article_extension(p: &Path) -> bool {
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    matches!(
        ext.as_str(),
        "" | "txt" | "text" | "md" | "html" | "htm" | "xhtml" | "shtml" | "json" | "jsonl" | "ndjson" | "csv" | "tsv"
    )
}

/// Looks at one path: a file is recorded, a folder to read is returned as its canonical path (`None` when it is
/// a loop back to a folder being read — reported — or was already read another way — silently).
fn visit(
    path: &Path,
    input: usize,
    explicit: bool,
    visited: &mut HashSet<PathBuf>,
    ancestors: &HashSet<PathBuf>,
    files: &mut Vec<Found>,
    diags: &mut Vec<Diagnostic>,
) -> Option<PathBuf> {
    let label = display(path);
    let link_meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            diags.push(error(&label, "no such file or folder"));
            return None;
        }
        Err(e) => {
            diags.push(error(&label, format!("cannot read: {e}")));
            return None;
        }
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if link_meta.file_type().is_symlink() => {
            let msg = if e.kind() == std::io::ErrorKind::NotFound {
                "broken symbolic link: its target does not exist".to_string()
            } else {
                format!("symbolic link that cannot be followed (a symlink loop?): {e}")
            };
            diags.push(error(&label, msg));
            return None;
        }
        Err(e) => {
            diags.push(error(&label, format!("cannot read: {e}")));
            return None;
        }
    };
    if meta.is_dir() {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if ancestors.contains(&canonical) {
            diags.push(warning(
                &label,
                format!(
                    "symlink loop: leads back to {}, which is being read; not followed",
                    canonical.display()
                ),
            ));
            return None;
        }
        // The same folder reached a second way (a symlink to a sibling, or named twice): read once.
        return visited.insert(canonical.clone()).then_some(canonical);
    }
    if meta.is_file() {
        if !explicit && let Some(kind) = non_article_kind(path) {
            diags.push(info(&label, format!("not an article ({kind}); skipped")));
            return None;
        }
        files.push(Found {
            path: path.to_path_buf(),
            input,
            explicit,
        });
    } else {
        diags.push(error(
            &label,
            "not a regular file or folder (a device, socket or pipe); skipped",
        ));
    }
    None
}

/// The children of a folder to visit, sorted, hidden ones left out.
fn folder_children(path: &Path, diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    match std::fs::read_dir(path) {
        Ok(rd) => {
            let mut children: Vec<PathBuf> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| !is_hidden(p))
                .collect();
            children.sort();
            children
        }
        Err(e) => {
            diags.push(error(&display(path), format!("cannot read folder: {e}")));
            Vec::new()
        }
    }
}

/// Collects the files under `root` (depth-first, sorted), following symlinks but never into a folder that is
/// being read (a symlink loop, reported) nor into one already read, and no deeper than [`MAX_FOLDER_DEPTH`]. An
/// explicit stack, not recursion: a tree thousands of levels deep cannot overflow the thread's stack.
fn walk(
    root: &Path,
    input: usize,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<Found>,
    diags: &mut Vec<Diagnostic>,
) {
    // Open folders from the root down: canonical path and the children still to visit.
    let mut open: Vec<(PathBuf, std::vec::IntoIter<PathBuf>)> = Vec::new();
    let mut ancestors: HashSet<PathBuf> = HashSet::new();
    let enter = |folder: &Path,
                 canonical: PathBuf,
                 open: &mut Vec<(PathBuf, std::vec::IntoIter<PathBuf>)>,
                 ancestors: &mut HashSet<PathBuf>,
                 diags: &mut Vec<Diagnostic>| {
        let children = folder_children(folder, diags);
        ancestors.insert(canonical.clone());
        open.push((canonical, children.into_iter()));
    };
    if let Some(canonical) = visit(root, input, true, visited, &ancestors, files, diags) {
        enter(root, canonical, &mut open, &mut ancestors, diags);
    }
    while let Some((_, children)) = open.last_mut() {
        let Some(child) = children.next() else {
            if let Some((canonical, _)) = open.pop() {
                ancestors.remove(&canonical);
            }
            continue;
        };
        let Some(canonical) = visit(&child, input, false, visited, &ancestors, files, diags) else {
            continue;
        };
        if open.len() >= MAX_FOLDER_DEPTH {
            diags.push(warning(
                &display(&child),
                format!(
                    "folder nested more than {MAX_FOLDER_DEPTH} levels below {}; not read",
                    display(root)
                ),
            ));
            continue;
        }
        enter(&child, canonical, &mut open, &mut ancestors, diags);
    }
}

fn read_one(found: &Found, params: &SegmentParams) -> FileOutcome {
    let label = display(&found.path);
    let mut outcome = FileOutcome::default();
    match std::fs::metadata(&found.path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            outcome.diagnostics.push(error(
                &label,
                format!(
                    "file is {:.1} MB, over the 50 MB limit for one article file; skipped",
                    m.len() as f64 / (1024.0 * 1024.0)
                ),
            ));
            return outcome;
        }
        Ok(_) => {}
        Err(e) => {
            outcome.diagnostics.push(error(&label, format!("cannot read: {e}")));
            return outcome;
        }
    }
    // Opened read-only; never written.
    match std::fs::read(&found.path) {
        Ok(bytes) => {
            let mut outcome = load_file(&label, &bytes, params);
            // A binary file found in a folder under an extension Qarin does not read is not an article: listed as
            // skipped, not an error (a binary `.txt`, or one named explicitly, stays an error).
            if let Some(kind) = outcome.binary
                && !found.explicit
                && !has_article_extension(&found.path)
            {
                outcome.diagnostics = vec![info(&label, format!("not an article (binary: {kind}); skipped"))];
            }
            // Likewise a data file found in a folder that is well formed but holds no article (named explicitly,
            // it stays an error: the user meant it to be one).
            if outcome.no_articles && !found.explicit && outcome.articles.is_empty() {
                let why = outcome.diagnostics.pop().map(|d| d.message).unwrap_or_default();
                outcome.diagnostics = vec![info(&label, format!("not an article ({why}); skipped"))];
            }
            outcome
        }
        Err(e) => {
            outcome.diagnostics.push(error(&label, format!("cannot read: {e}")));
            outcome
        }
    }
}

/// Loads every article under `paths` (files or folders, recursive), in stable path order, segmented with the
/// default [`SegmentParams`]. Never panics on bad input: each unreadable or unusable file becomes a [`Diagnostic`].
pub fn load_paths(paths: &[PathBuf], progress: &Progress) -> Corpus {
    load_paths_with(paths, &SegmentParams::default(), progress)
}

/// [`load_paths`] with explicit segmentation parameters.
pub fn load_paths_with(paths: &[PathBuf], params: &SegmentParams, progress: &Progress) -> Corpus {
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    let mut visited = HashSet::new();
    for (input, p) in paths.iter().enumerate() {
        walk(p, input, &mut visited, &mut files, &mut diagnostics);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);

    progress.begin("loading", files.len());
    let outcomes: Vec<Option<FileOutcome>> = files
        .par_iter()
        .map(|f| {
            if progress.is_cancelled() {
                return None;
            }
            let o = read_one(f, params);
            progress.advance(1);
            Some(o)
        })
        .collect();

    let mut articles = Vec::new();
    let mut seen: HashMap<u64, String> = HashMap::new();
    let mut articles_per_input = vec![0usize; paths.len()];
    let mut files_per_input = vec![0usize; paths.len()];
    let mut cancelled = 0usize;
    for (found, outcome) in files.iter().zip(outcomes) {
        let Some(outcome) = outcome else {
            cancelled += 1;
            continue;
        };
        let label = display(&found.path);
        if !outcome.own_output {
            files_per_input[found.input] += 1;
        }
        if outcome.own_output {
            if found.explicit {
                diagnostics.push(Diagnostic {
                    path: label,
                    severity: Severity::Info,
                    message: "a report written by qarin, not an article; skipped".to_string(),
                });
            }
            continue;
        }
        if let Some(h) = outcome.content_hash
            && !outcome.articles.is_empty()
        {
            if let Some(first) = seen.get(&h) {
                diagnostics.push(warning(
                    &label,
                    format!("same content as {first}; loaded once (from {first})"),
                ));
                continue;
            }
            seen.insert(h, label.clone());
        }
        articles_per_input[found.input] += outcome.articles.len();
        articles.extend(outcome.articles);
        diagnostics.extend(outcome.diagnostics);
    }
    for (input, p) in paths.iter().enumerate() {
        if std::fs::metadata(p).is_ok_and(|m| m.is_dir()) && articles_per_input[input] == 0 && cancelled == 0 {
            let msg = if files_per_input[input] == 0 {
                "folder has no article files (hidden files, images and qarin reports are skipped)".to_string()
            } else {
                format!(
                    "folder has no articles: none of its {} file(s) could be loaded (see their messages)",
                    files_per_input[input]
                )
            };
            diagnostics.push(warning(&display(p), msg));
        }
    }
    if cancelled > 0 {
        diagnostics.push(Diagnostic {
            path: String::new(),
            severity: Severity::Info,
            message: format!("loading cancelled: {cancelled} of {} files not read", files.len()),
        });
    }
    finish(articles, diagnostics, params)
}

/// The bundled sample corpus (`assets/corpus/`), parsed exactly as files with the same names would be.
pub fn load_builtin() -> Corpus {
    load_builtin_with(&SegmentParams::default())
}

/// [`load_builtin`] with explicit segmentation parameters.
pub fn load_builtin_with(params: &SegmentParams) -> Corpus {
    let mut articles = Vec::new();
    let mut diagnostics = Vec::new();
    for (name, text) in builtin::SAMPLE_FILES {
        let outcome = load_file(&format!("builtin:{name}"), text.as_bytes(), params);
        articles.extend(outcome.articles);
        diagnostics.extend(outcome.diagnostics);
    }
    finish(articles, diagnostics, params)
}

fn finish(mut articles: Vec<Article>, diagnostics: Vec<Diagnostic>, params: &SegmentParams) -> Corpus {
    make_ids_unique(&mut articles);
    read_pages(&mut articles, params);
    mark_repeated_lines(&mut articles, params);
    Corpus { articles, diagnostics }
}

/// The corpus-level reading of scraped pages: each article's outlet (and `source` when nothing else names one),
/// chrome learnt across articles, and the page date of each header.
pub fn read_pages(articles: &mut [Article], params: &SegmentParams) {
    let outlets: Vec<Option<String>> = articles
        .iter()
        .map(|a| outlet::outlet_key(a.url.as_deref(), &a.path, a.source.as_deref()))
        .collect();
    for a in articles.iter_mut() {
        fill_source(a);
    }
    let learnt = chrome::learn(articles, &outlets, &params.chrome);
    chrome::mark(articles, &learnt);
    mark_outlet_openings(articles, &outlets, params.repeat_min_articles);
    articles.par_iter_mut().for_each(|a| {
        header::read_title(a, &params.header, params.fallback_title_words);
        let tidy = header::tidy_title(&a.title);
        if tidy.len() != a.title.len() {
            a.title = tidy.to_string();
        }
    });
    header::read_dates(articles, &outlets, &params.header);
}

/// Words an outlet's page opening is read to (its name, a menu, a breadcrumb), and the fewest that make one.
const OPENING_MAX_WORDS: usize = 8;
const OPENING_MIN_WORDS: usize = 2;

/// Many outlets open every page alike: their name (`الحياة -`), a menu (`البرامج الحلقات البرامج الحلقات`), a
/// breadcrumb, printed on the first line before the headline. Too short for learnt chrome's 8-word runs, they became
/// the start of titles. The longest opening of the first line (two to eight words) that at least `min_articles`
/// articles and half of an outlet's articles share is boilerplate, and the title loses it.
fn mark_outlet_openings(articles: &mut [Article], outlets: &[Option<String>], min_articles: usize) {
    // Per article: the byte end of each of its first line's first words, and their hashes.
    let openings: Vec<Vec<(usize, usize, u64)>> = articles
        .par_iter()
        .map(|a| {
            let text = a.text.trim_start();
            let offset = a.text.len() - text.len();
            let line = &text[..text.find('\n').unwrap_or(text.len())];
            let mut cut = line.len().min(OPENING_MAX_WORDS * 40);
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            chrome::words_of(&line[..cut], false)
                .into_iter()
                .take(OPENING_MAX_WORDS)
                .map(|w| (offset + w.start, offset + w.end, w.hash))
                .collect()
        })
        .collect();
    let mut by_outlet: rustc_hash::FxHashMap<&str, Vec<usize>> = Default::default();
    for (i, o) in outlets.iter().enumerate() {
        if let Some(o) = o {
            by_outlet.entry(o.as_str()).or_default().push(i);
        }
    }
    let mut marked: Vec<Option<(usize, usize)>> = vec![None; articles.len()];
    for group in by_outlet.values().filter(|g| g.len() >= min_articles.max(2)) {
        for k in (OPENING_MIN_WORDS..=OPENING_MAX_WORDS).rev() {
            let mut counts: rustc_hash::FxHashMap<Vec<u64>, usize> = Default::default();
            for &i in group {
                if openings[i].len() > k {
                    *counts
                        .entry(openings[i][..k].iter().map(|w| w.2).collect())
                        .or_default() += 1;
                }
            }
            let common: Vec<Vec<u64>> = counts
                .into_iter()
                .filter(|&(_, c)| c >= min_articles && 2 * c >= group.len())
                .map(|(prefix, _)| prefix)
                .collect();
            for &i in group {
                if marked[i].is_none()
                    && openings[i].len() > k
                    && common
                        .iter()
                        .any(|p| p.iter().eq(openings[i][..k].iter().map(|w| &w.2)))
                    && headline_follows(&articles[i].text, openings[i][k - 1].1)
                {
                    // From the line's first byte: punctuation before the first word («( 514 ) …») goes too.
                    marked[i] = Some((
                        articles[i].text.len() - articles[i].text.trim_start().len(),
                        openings[i][k - 1].1,
                    ));
                }
            }
        }
    }
    articles.par_iter_mut().zip(marked).for_each(|(a, range)| {
        let Some(range) = range else { return };
        let mut parts = chrome::clip_to(a, &[range], SegmentKind::Body);
        parts.extend(chrome::clip_to(a, &[range], SegmentKind::Title));
        parts.sort_unstable();
        if parts.is_empty() {
            return;
        }
        relabel(a, &parts, SegmentKind::Boilerplate);
        let rest = a
            .segments
            .iter()
            .filter(|s| s.kind == SegmentKind::Title)
            .map(|t| header::tidy_title(&a.text[t.start..t.end]))
            .find(|t| t.chars().any(char::is_alphanumeric));
        if let Some(rest) = rest {
            let opening = a.text[range.0..range.1].trim();
            if a.title.trim_start().starts_with(opening) && !rest.is_empty() {
                a.title = rest.to_string();
            }
        }
        fill_sentences(a);
    });
}

/// Whether at least three words with letters follow `from` on its line: a headline after the opening. A series'
/// titles («مقال رقم 39», «افتتاحيات الصحف ليوم الثلثاء 5 كانون») open alike too, and what follows their shared words
/// is a number or a date, no headline: they keep their opening.
fn headline_follows(text: &str, from: usize) -> bool {
    let rest = &text[from..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    line.split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some())
        .nth(2)
        .is_some()
}

/// `source` from the URL's domain or a domain-like file or folder name when the metadata and the text name none.
fn fill_source(a: &mut Article) {
    if a.source.is_none() {
        a.source = a
            .url
            .as_deref()
            .and_then(outlet::domain_of_url)
            .or_else(|| outlet::domain_of_path(&a.path));
    }
}

/// `a`, `a` → `a`, `a-2` (in path order, so stable).
fn make_ids_unique(articles: &mut [Article]) {
    let mut taken: HashSet<String> = HashSet::new();
    for a in articles.iter_mut() {
        if !taken.insert(a.id.clone()) {
            let mut n = 2;
            while taken.contains(&format!("{}-{n}", a.id)) {
                n += 1;
            }
            a.id = format!("{}-{n}", a.id);
            taken.insert(a.id.clone());
        }
    }
}

/// Short body lines (navigation, outlet slogans, "follow us" variants) that recur in several articles are
/// boilerplate. One pass to count in how many articles each line occurs (a hash map: linear time), one pass to
/// re-label. Lines that end like sentences are kept: outlets copying the same wire sentence is what Qarin compares.
/// How short and how widespread: [`SegmentParams::repeat_max_words`], [`SegmentParams::repeat_min_articles`].
pub fn mark_repeated_lines(articles: &mut [Article], params: &SegmentParams) {
    let (max_words, min_articles) = (params.repeat_max_words, params.repeat_min_articles);
    if articles.len() < min_articles {
        return;
    }
    let key = |line: &str| -> Option<u64> {
        let t = line.trim();
        if t.is_empty()
            || t.ends_with(['.', '؟', '?', '!', '؛', '…', '"', '”', '»'])
            || t.split_whitespace().nth(max_words + 2).is_some()
        {
            return None;
        }
        let folded = segment::fold_line(t);
        let words = folded.split(' ').filter(|w| !w.is_empty()).count();
        if words == 0 || words > max_words {
            return None;
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        folded.hash(&mut h);
        Some(h.finish())
    };
    let body_lines = |a: &Article| -> Vec<(usize, usize, u64)> {
        let mut out = Vec::new();
        for s in a.segments.iter().filter(|s| s.kind == SegmentKind::Body) {
            let Some(region) = a.text.get(s.start..s.end) else {
                continue;
            };
            for (ls, le, _) in segment::line_ranges(region) {
                if let Some(k) = key(&region[ls..le]) {
                    out.push((s.start + ls, s.start + le, k));
                }
            }
        }
        out
    };
    let per_article: Vec<Vec<(usize, usize, u64)>> = articles.par_iter().map(body_lines).collect();
    let mut counts: rustc_hash::FxHashMap<u64, (usize, usize)> = Default::default(); // key → (articles, last seen)
    for (n, lines) in per_article.iter().enumerate() {
        for &(_, _, k) in lines {
            let e = counts.entry(k).or_insert((0, usize::MAX));
            if e.1 != n {
                e.0 += 1;
                e.1 = n;
            }
        }
    }
    articles
        .par_iter_mut()
        .zip(per_article.par_iter())
        .for_each(|(a, lines)| {
            let repeated: Vec<(usize, usize)> = lines
                .iter()
                .filter(|(_, _, k)| counts.get(k).is_some_and(|c| c.0 >= min_articles))
                .map(|&(s, e, _)| (s, e))
                .collect();
            if repeated.is_empty() {
                return;
            }
            relabel(a, &repeated, SegmentKind::Boilerplate);
            fill_sentences(a);
        });
}

/// Gives `kind` to the byte ranges `ranges` (inside body segments, in order), keeping the segments a cover.
fn relabel(a: &mut Article, ranges: &[(usize, usize)], kind: SegmentKind) {
    let mut pieces: Vec<(SegmentKind, usize, usize)> = Vec::new();
    let mut r = ranges.iter().peekable();
    for s in &a.segments {
        let mut pos = s.start;
        while let Some(&&(rs, re)) = r.peek() {
            if rs >= s.end {
                break;
            }
            if rs > pos {
                pieces.push((s.kind, pos, rs));
            }
            pieces.push((kind, rs, re.min(s.end)));
            pos = re.min(s.end);
            r.next();
        }
        if pos < s.end {
            pieces.push((s.kind, pos, s.end));
        }
    }
    let mut merged: Vec<Segment> = Vec::new();
    for (k, s, e) in pieces {
        match merged.last_mut() {
            Some(last) if last.kind == k && last.end == s => last.end = e,
            _ => merged.push(Segment {
                kind: k,
                start: s,
                end: e,
            }),
        }
    }
    a.segments = merged;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_extensions() {
        assert_eq!(stem_of("/a/b/001_x.txt"), "001_x");
        assert_eq!(stem_of("builtin:000.txt"), "000");
        assert_eq!(stem_of("/a/.hidden"), ".hidden");
        assert_eq!(ext_of("/a/B.HTML"), "html");
        assert_eq!(ext_of("/a/noext"), "");
    }
}
