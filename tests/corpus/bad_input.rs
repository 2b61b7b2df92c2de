//! Loading real files and folders: every kind of bad input gives one clear diagnostic for that file while every
//! other file still loads, nothing panics, and input files are never written.

use qarin::corpus::{self, Corpus, Diagnostic, Severity};
use qarin::progress::Progress;
use std::fs;
use std::path::{Path, PathBuf};

const GOOD: &str = "عنوان الخبر الأول\nتاريخ النشر: 20 سبتمبر 2023\nقال الوزير إن المحادثات كانت مثمرة. وأضاف أن الجولة المقبلة قريبة.\n";

fn load(paths: &[PathBuf]) -> Corpus {
    corpus::load_paths(paths, &Progress::new())
}

fn diags_for<'a>(c: &'a Corpus, path: &Path) -> Vec<&'a Diagnostic> {
    let p = path.display().to_string();
    c.diagnostics.iter().filter(|d| d.path == p).collect()
}

/// Exactly one diagnostic for `path`, of `severity`, whose message contains every one of `words`.
fn one_diag(c: &Corpus, path: &Path, severity: Severity, words: &[&str]) {
    let d = diags_for(c, path);
    assert_eq!(d.len(), 1, "{}: {:?}", path.display(), c.diagnostics);
    assert_eq!(d[0].severity, severity, "{:?}", d[0]);
    for w in words {
        assert!(d[0].message.contains(w), "{:?} lacks {w:?}", d[0].message);
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn every_bad_file_gets_one_diagnostic_and_the_good_one_loads() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = write(d, "good.txt", GOOD.as_bytes());
    let empty = write(d, "empty.txt", b"");
    let blank = write(d, "blank.txt", b"  \n\t\r\n  ");
    let pdf = write(d, "paper.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
    let zip = write(d, "archive.zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00");
    let jpg = write(d, "photo.jpg", b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00");
    let nul = write(d, "nul.txt", b"text\x00with\x00nul bytes");
    let garbage = write(
        d,
        "garbage.txt",
        &[0x81, 0x8D, 0x01, 0x02, 0x03, 0x90, 0x9D, 0x04, 0x05, 0x06],
    );
    let bad_json = write(
        d,
        "bad.json",
        b"{\n  \"title\": \"x\",\n  \"text\": \"y\"\n  \"date\": 1\n}\n",
    );
    let bad_jsonl = write(d, "bad.jsonl", b"{\"text\": \"a b c\"\n{\"text\": \"d\"\n");
    let bad_csv = write(d, "bad.csv", "title,text\nعنوان,نص,زائد\n".as_bytes());
    let no_text_json = write(d, "notext.json", b"[{\"title\": \"only a title\"}]");
    // A scraper's gold or config file beside its pages: well formed, not shaped like articles.
    let data_json = write(
        d,
        "gold.json",
        b"{\"claim\": \"x\", \"files\": {\"01_a.txt\": {\"stance\": \"agree\"}}}",
    );
    let big = d.join("huge.txt");
    fs::File::create(&big).unwrap().set_len(51 * 1024 * 1024).unwrap();

    let c = load(&[d.to_path_buf()]);
    assert_eq!(c.articles.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(c.articles[0].path, good.display().to_string());
    assert_eq!(c.articles[0].date.as_deref(), Some("2023-09-20"));
    one_diag(&c, &empty, Severity::Error, &["empty"]);
    one_diag(&c, &blank, Severity::Error, &["white space"]);
    // Found in a folder, files that are not articles are listed as skipped, not errors.
    one_diag(&c, &pdf, Severity::Info, &["not an article", "skipped"]);
    one_diag(&c, &zip, Severity::Info, &["not an article", "archive"]);
    one_diag(&c, &jpg, Severity::Info, &["not an article", "image"]);
    one_diag(&c, &nul, Severity::Error, &["binary", "NUL"]);
    one_diag(
        &c,
        &garbage,
        Severity::Error,
        &["cannot decode", "UTF-8", "Windows-1256", "ISO-8859-6"],
    );
    one_diag(&c, &bad_json, Severity::Error, &["malformed JSON", "line 4"]);
    // Every record bad: the file has no article, and the message names the first bad line.
    one_diag(&c, &bad_jsonl, Severity::Error, &["malformed JSON Lines", "line 1"]);
    one_diag(&c, &bad_csv, Severity::Error, &["malformed CSV", "line 2", "3 fields"]);
    one_diag(&c, &no_text_json, Severity::Error, &["no article", "text"]);
    one_diag(&c, &big, Severity::Error, &["50 MB", "51.0 MB"]);
    one_diag(
        &c,
        &data_json,
        Severity::Info,
        &["not an article", "no text field", "skipped"],
    );
    assert_eq!(c.diagnostics.len(), 13, "{:#?}", c.diagnostics);
    // Named explicitly, the same file is an error: the user meant it to be an article.
    let named = load(std::slice::from_ref(&data_json));
    one_diag(&named, &data_json, Severity::Error, &["no text field"]);
}

#[test]
fn missing_path_and_empty_folders() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let empty_dir = dir.path().join("empty");
    fs::create_dir(&empty_dir).unwrap();
    let only_hidden = dir.path().join("hidden_only");
    write(&only_hidden, ".draft.txt", GOOD.as_bytes());
    let only_bad = dir.path().join("only_bad");
    let bad = write(&only_bad, "a.txt", b"");
    let only_outputs = dir.path().join("only_outputs");
    write(
        &only_outputs,
        "report.json",
        br#"{"format": "qarin-report/1", "articles": []}"#,
    );
    write(&only_outputs, "screenshot.png", b"\x89PNG\r\n\x1a\n");
    let c = load(&[
        missing.clone(),
        empty_dir.clone(),
        only_hidden.clone(),
        only_bad.clone(),
        only_outputs.clone(),
    ]);
    one_diag(&c, &only_outputs, Severity::Warning, &["no article files"]);
    assert!(c.articles.is_empty());
    one_diag(&c, &missing, Severity::Error, &["no such file"]);
    one_diag(&c, &empty_dir, Severity::Warning, &["no article"]);
    one_diag(&c, &only_hidden, Severity::Warning, &["no article", "hidden"]);
    one_diag(&c, &only_bad, Severity::Warning, &["no articles", "1 file"]);
    one_diag(&c, &bad, Severity::Error, &["empty"]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_survived() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    let good = write(&root, "sub/a.txt", GOOD.as_bytes());
    let loop_link = root.join("sub/back");
    std::os::unix::fs::symlink(&root, &loop_link).unwrap();
    let self_link = root.join("self.txt");
    std::os::unix::fs::symlink(&self_link, &self_link).unwrap();
    let c = load(std::slice::from_ref(&root));
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].path, good.display().to_string());
    one_diag(&c, &loop_link, Severity::Warning, &["symlink loop"]);
    one_diag(&c, &self_link, Severity::Error, &["symbolic link"]);
    assert_eq!(c.diagnostics.len(), 2, "{:?}", c.diagnostics);
}

#[cfg(target_os = "linux")]
#[test]
fn unreadable_file() {
    // Unreadable even for root (CI may run as root, where permission bits do not stop reading).
    let path = PathBuf::from("/proc/self/mem");
    let c = load(std::slice::from_ref(&path));
    assert!(c.articles.is_empty());
    one_diag(&c, &path, Severity::Error, &["cannot read"]);
}

#[test]
fn same_content_is_loaded_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", GOOD.as_bytes());
    let b = write(dir.path(), "b.txt", GOOD.as_bytes());
    // Same text in another encoding and with CRLF is the same article too.
    let crlf = GOOD.replace('\n', "\r\n");
    let (w1256, _, _) = encoding_rs::WINDOWS_1256.encode(&crlf);
    let c_path = write(dir.path(), "c.txt", &w1256);
    let c = load(&[dir.path().to_path_buf()]);
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].path, a.display().to_string());
    one_diag(&c, &b, Severity::Warning, &["same content", "a.txt"]);
    one_diag(&c, &c_path, Severity::Warning, &["same content", "a.txt"]);
}

#[test]
fn inputs_are_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", GOOD.as_bytes());
    let before = (fs::read(&a).unwrap(), fs::metadata(&a).unwrap().modified().unwrap());
    let mut perms = fs::metadata(&a).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&a, perms).unwrap();
    let c = load(&[dir.path().to_path_buf()]);
    assert_eq!(c.articles.len(), 1);
    let after = (fs::read(&a).unwrap(), fs::metadata(&a).unwrap().modified().unwrap());
    assert_eq!(before, after);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing created next to the input"
    );
}

#[test]
fn order_ids_hidden_files_and_own_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "b/x.txt",
        "خبر ب\nنص الخبر الثاني هنا وهو طويل بما يكفي.\n".as_bytes(),
    );
    write(d, "a/x.txt", "خبر أ\nنص الخبر الأول هنا وهو طويل بما يكفي.\n".as_bytes());
    write(d, "a/.hidden.txt", GOOD.as_bytes());
    write(d, ".git/config.txt", GOOD.as_bytes());
    write(d, "shot.png", b"\x89PNG\r\n\x1a\n\x00\x00");
    write(
        d,
        "report.json",
        br#"{"format": "qarin-report/1", "articles": [], "entities": [], "claims": [], "diagnostics": []}"#,
    );
    let c = load(&[d.to_path_buf()]);
    // The screenshot is listed as skipped; the report, our own output, is skipped silently.
    one_diag(&c, &d.join("shot.png"), Severity::Info, &["not an article", "image"]);
    assert_eq!(c.diagnostics.len(), 1, "{:?}", c.diagnostics);
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["x", "x-2"]);
    assert!(c.articles[0].path.ends_with("a/x.txt"));
    assert_eq!(c.articles[0].title, "خبر أ");
    // Given the same paths in another order, the result is the same.
    let again = load(&[d.join("b"), d.join("a")]);
    assert_eq!(again.articles, c.articles);
    // Named explicitly, our own report is skipped with a note.
    let c = load(&[d.join("report.json")]);
    assert!(c.articles.is_empty());
    one_diag(&c, &d.join("report.json"), Severity::Info, &["report written by qarin"]);
}

#[test]
fn cancellation_stops_between_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    let progress = Progress::new();
    progress.cancel();
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &progress);
    assert!(c.articles.is_empty());
    assert!(c.diagnostics.iter().any(|d| d.message.contains("cancelled")));
}

#[test]
fn progress_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", GOOD.as_bytes());
    write(
        dir.path(),
        "b.txt",
        "عنوان آخر\nنص آخر مختلف تماما عن الأول.\n".as_bytes(),
    );
    let progress = Progress::new();
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &progress);
    assert_eq!(c.articles.len(), 2);
    assert_eq!(progress.snapshot(), ("loading".to_string(), 2, 2));
}
