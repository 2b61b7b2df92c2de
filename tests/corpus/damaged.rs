//! Damaged and hostile input: what is good in a file is kept and what was lost is said, in a diagnostic for that
//! file. Fixtures are generated in temporary folders (invented text).

use qarin::corpus::{self, Corpus, Diagnostic, Severity};
use qarin::progress::Progress;
use std::fs;
use std::path::{Path, PathBuf};

const TITLE: &str = "اجتماع وزراء الزراعة في العاصمة";
const PARA1: &str = "قال المتحدث باسم الوزارة إن الاجتماع بحث خطط الري الجديدة للموسم المقبل.";
const PARA2: &str = "وأضاف أن الحكومة ستعلن تفاصيل البرنامج خلال الأسبوع القادم بعد مشاورات موسعة.";
const PARA3: &str = "وأشار إلى أن المزارعين سيحصلون على دعم إضافي لشراء البذور والأسمدة هذا العام.";

fn article() -> String {
    format!("{TITLE}\n{PARA1}\n{PARA2}\n{PARA3}\n")
}

fn load(paths: &[PathBuf]) -> Corpus {
    corpus::load_paths(paths, &Progress::new())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

fn diags_for<'a>(c: &'a Corpus, path: &Path) -> Vec<&'a Diagnostic> {
    let p = path.display().to_string();
    c.diagnostics.iter().filter(|d| d.path == p).collect()
}

/// The one diagnostic for `path`: its severity, and every word of `words` in its message.
fn one_diag<'a>(c: &'a Corpus, path: &Path, severity: Severity, words: &[&str]) -> &'a Diagnostic {
    let d = diags_for(c, path);
    assert_eq!(d.len(), 1, "{}: {:#?}", path.display(), c.diagnostics);
    assert_eq!(d[0].severity, severity, "{:?}", d[0]);
    for w in words {
        assert!(d[0].message.contains(w), "{:?} lacks {w:?}", d[0].message);
    }
    d[0]
}

/// Loads one file written from `bytes` and returns the corpus and its path.
fn load_one(name: &str, bytes: &[u8]) -> (Corpus, PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), name, bytes);
    (load(std::slice::from_ref(&p)), p, dir)
}

#[test]
fn a_flipped_byte_is_replaced_and_located_not_reread_as_windows_1256() {
    let text = article();
    let mut bytes = text.as_bytes().to_vec();
    // Flip the lead byte of a letter on line 3 into an invalid one.
    let line3 = text.find(PARA2).unwrap() + PARA2.find("الحكومة").unwrap();
    bytes[line3] = 0xFF;
    let (c, p, _dir) = load_one("flipped.txt", &bytes);
    assert_eq!(c.articles.len(), 1);
    let a = &c.articles[0];
    assert_eq!(a.title, TITLE);
    assert!(a.text.contains(PARA1), "the good text is kept as UTF-8: {}", a.text);
    assert!(a.text.contains(PARA3));
    assert!(a.text.contains('\u{FFFD}'));
    let byte = format!("byte {line3}");
    one_diag(&c, &p, Severity::Warning, &["not valid UTF-8", "line 3", &byte]);
}

#[test]
fn a_file_cut_inside_a_character_says_so() {
    let text = article();
    let whole = text.trim_end_matches(['\n', '.']);
    let bytes = &whole.as_bytes()[..whole.len() - 1]; // ends with the first byte of the last letter
    let (c, p, _dir) = load_one("cut.txt", bytes);
    assert_eq!(c.articles.len(), 1);
    assert!(c.articles[0].text.contains(PARA2));
    one_diag(&c, &p, Severity::Warning, &["1 byte", "line 4", "cut short"]);
}

#[test]
fn a_windows_1256_paragraph_in_a_utf8_file_stays_utf8_with_a_count() {
    let (w1256, _, unmappable) = encoding_rs::WINDOWS_1256.encode(PARA2);
    assert!(!unmappable);
    let mut bytes = format!("{TITLE}\n{PARA1}\n").into_bytes();
    bytes.extend_from_slice(&w1256);
    bytes.extend_from_slice(format!("\n{PARA3}\n").as_bytes());
    let (c, p, _dir) = load_one("mixed.txt", &bytes);
    assert_eq!(c.articles.len(), 1);
    let a = &c.articles[0];
    assert!(a.text.contains(PARA1) && a.text.contains(PARA3), "{}", a.text);
    assert!(!a.text.contains(PARA2));
    let invalid = w1256.iter().filter(|b| !b.is_ascii()).count();
    let d = one_diag(&c, &p, Severity::Warning, &["not valid UTF-8", "line 3"]);
    // Each run of non-ASCII bytes between spaces is one run of invalid bytes.
    assert!(d.message.contains(&format!("{invalid} bytes")), "{}", d.message);
}

#[test]
fn whole_legacy_files_still_load_without_a_warning() {
    for enc in [encoding_rs::WINDOWS_1256, encoding_rs::ISO_8859_6] {
        let text = article();
        let (bytes, _, unmappable) = enc.encode(&text);
        assert!(!unmappable);
        let (c, _, _dir) = load_one("legacy.txt", &bytes);
        assert_eq!(c.articles.len(), 1, "{}: {:?}", enc.name(), c.diagnostics);
        assert_eq!(c.articles[0].text, article());
        assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    }
}

#[test]
fn utf16_without_a_byte_order_mark_is_recognised() {
    // With spaces (NUL high bytes) and without any ASCII at all (which is also "valid UTF-8").
    for text in [article(), TITLE.replace(' ', "")] {
        for (name, little) in [("le", true), ("be", false)] {
            let bytes: Vec<u8> = text
                .encode_utf16()
                .flat_map(|u| if little { u.to_le_bytes() } else { u.to_be_bytes() })
                .collect();
            let (c, _, _dir) = load_one(&format!("{name}.txt"), &bytes);
            assert_eq!(c.articles.len(), 1, "{name}: {:?}", c.diagnostics);
            assert_eq!(c.articles[0].text, text, "{name}");
            // A one-line text is a title without body, which is said; nothing about its encoding is.
            assert!(
                c.diagnostics.iter().all(|d| d.message.contains("a title but no body")),
                "{name}: {:?}",
                c.diagnostics
            );
        }
    }
}

#[test]
fn json_lines_with_a_cut_last_line_keeps_every_good_record() {
    let line = |n: usize| format!("{{\"title\": \"عنوان {n}\", \"text\": \"نص الخبر رقم {n} عن الاجتماع.\"}}\n");
    let mut body = String::new();
    for n in 1..=3 {
        body.push_str(&line(n));
    }
    body.push_str("[\"not\", \"an object\"]\n");
    body.push_str("{\"title\": \"عنوان 5\", \"text\": \"نص مقطو");
    let (c, p, _dir) = load_one("feed.jsonl", body.as_bytes());
    assert_eq!(c.articles.len(), 3, "{:?}", c.diagnostics);
    assert_eq!(c.articles[2].title, "عنوان 3");
    let d = diags_for(&c, &p);
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(d.iter().all(|d| d.severity == Severity::Warning));
    assert!(
        d.iter().any(|d| d
            .message
            .starts_with("line 4: an array, not an article object; skipped")),
        "{d:#?}"
    );
    assert!(
        d.iter().any(|d| d.message.starts_with("line 5: malformed JSON")),
        "{d:#?}"
    );
}

#[test]
fn csv_with_one_uneven_row_keeps_the_others() {
    let csv = "title,text,source\n\
               عنوان أول,نص الخبر الأول عن الاجتماع.,وكالة\n\
               عنوان ثان,نص الخبر الثاني,فيه فاصلة زائدة,وكالة\n\
               عنوان ثالث,نص الخبر الثالث عن الموسم.,وكالة\n";
    let (c, p, _dir) = load_one("table.csv", csv.as_bytes());
    assert_eq!(c.articles.len(), 2, "{:?}", c.diagnostics);
    assert_eq!(c.articles[1].title, "عنوان ثالث");
    one_diag(
        &c,
        &p,
        Severity::Warning,
        &["line 3", "4 fields where the header has 3", "skipped"],
    );
}

#[test]
fn non_object_and_empty_json_records_are_named() {
    let json = r#"[{"title": "عنوان", "text": "نص الخبر عن الاجتماع."}, "a string", {}, {"text": "  "}]"#;
    let (c, p, _dir) = load_one("list.json", json.as_bytes());
    assert_eq!(c.articles.len(), 1);
    let messages: Vec<&str> = diags_for(&c, &p).iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(
        messages[0].contains("no text field") && messages[0].contains("record 3"),
        "{messages:?}"
    );
    assert!(
        messages[1].starts_with("record 2: a string, not an article object"),
        "{messages:?}"
    );
    assert!(
        messages[2].starts_with("record 4: its text field is empty"),
        "{messages:?}"
    );
    // A file that is a single empty object has no article, and says so.
    let (c, p, _dir) = load_one("empty.json", b"{}");
    assert!(c.articles.is_empty());
    one_diag(&c, &p, Severity::Error, &["no text field"]);
}

#[test]
fn files_that_are_not_articles_are_listed_as_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let good = write(d, "a.txt", article().as_bytes());
    let png = write(d, "photo.png", b"\x89PNG\r\n\x1a\n\x00\x00");
    let pdf = write(d, "paper.pdf", b"%PDF-1.7\n");
    let zip = write(d, "pages.zip", b"PK\x03\x04\x14\x00");
    let unknown = write(d, "blob.dat", b"\x7FELF\x02\x01\x01\x00");
    let c = load(&[d.to_path_buf()]);
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].path, good.display().to_string());
    one_diag(&c, &png, Severity::Info, &["not an article", "image", "skipped"]);
    one_diag(&c, &pdf, Severity::Info, &["not an article", "document", "skipped"]);
    one_diag(&c, &zip, Severity::Info, &["not an article", "archive", "skipped"]);
    one_diag(&c, &unknown, Severity::Info, &["not an article", "binary", "skipped"]);
    assert_eq!(c.diagnostics.len(), 4);
    // Named explicitly, a PDF is an error: the user asked for it.
    let c = load(std::slice::from_ref(&pdf));
    one_diag(&c, &pdf, Severity::Error, &["binary", "PDF"]);
}

#[test]
fn html_nested_deeper_than_the_cap_keeps_its_text() {
    let depth = 20_000;
    let mut html = String::from("<html><head><title>عنوان الصفحة العميقة</title></head><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str("<p>نص في أعمق موضع من الصفحة عن الاجتماع.</p>");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("<p>فقرة بعد العمق.</p></body></html>");
    let (c, p, _dir) = load_one("deep.html", html.as_bytes());
    assert_eq!(c.articles.len(), 1, "{:?}", c.diagnostics);
    let a = &c.articles[0];
    assert!(a.text.contains("نص في أعمق موضع"), "{}", a.text);
    one_diag(&c, &p, Severity::Warning, &["HTML nested deeper than", "text is kept"]);
}

#[test]
fn html_depth_cap_leaves_ordinary_pages_alone() {
    use qarin::corpus::formats::cap_html_depth;
    let page = "<html><body><script>if (a<b) { x = '<div>'; }</script><!-- <div><div> --><div class='x>y'><p>a<p>b\
                <br><img src=x></div></body></html>";
    let (out, flattened) = cap_html_depth(page, 3);
    assert!(!flattened);
    assert_eq!(out, page);
    let (out, flattened) = cap_html_depth("<div><div><div><b>x</b></div></div></div>", 2);
    assert!(flattened);
    assert_eq!(out, "<div><div>  x  </div></div>");
}

#[test]
fn folders_deeper_than_the_cap_are_reported_not_walked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    let mut deep = root.clone();
    let levels = corpus::MAX_FOLDER_DEPTH + 20;
    for _ in 0..levels {
        deep.push("d");
    }
    fs::create_dir_all(&deep).unwrap();
    write(&root, "top.txt", article().as_bytes());
    write(&deep, "bottom.txt", article().replace(PARA1, "نص آخر").as_bytes());
    let c = load(std::slice::from_ref(&root));
    assert_eq!(c.articles.len(), 1, "{:?}", c.diagnostics);
    let warnings: Vec<&Diagnostic> = c
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].message.contains("nested more than"), "{:?}", warnings[0]);
}

#[test]
fn junk_that_decodes_is_never_a_silent_empty_article() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let punct = write(d, "punct.txt", "!!! ... ؟؟؟ *** ---\n".as_bytes());
    let digits = write(d, "digits.txt", b"12345 67890\n2023 2024\n");
    let title_only = write(d, "title.txt", format!("{TITLE}\n").as_bytes());
    let c = load(&[d.to_path_buf()]);
    one_diag(&c, &punct, Severity::Warning, &["no letters", "punctuation", "skipped"]);
    one_diag(&c, &digits, Severity::Warning, &["no letters", "digits", "skipped"]);
    one_diag(&c, &title_only, Severity::Warning, &["title but no body text"]);
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].title, TITLE);
}
