//! Formats and encodings, from files on disk: HTML, JSON, JSON Lines, CSV, UTF-16, Windows-1256, ISO-8859-6.

use qarin::corpus::{self, Article, Corpus, SegmentKind};
use qarin::progress::Progress;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus")
        .join(name)
}

fn load(paths: &[PathBuf]) -> Corpus {
    corpus::load_paths(paths, &Progress::new())
}

fn body(a: &Article) -> String {
    a.body_segments().map(|s| a.slice(s.start, s.end)).collect()
}

#[test]
fn html_page_gives_main_text_and_metadata() {
    let c = load(&[fixture("outlet_page.html")]);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let a = &c.articles[0];
    assert_eq!(a.id, "outlet_page");
    assert_eq!(a.title, "شويغو في طهران لبحث التعاون العسكري");
    assert_eq!(a.date.as_deref(), Some("2023-09-20T14:35:00"));
    assert_eq!(a.source.as_deref(), Some("شبكة الأخبار"));
    assert_eq!(a.url.as_deref(), Some("https://news.example/2023/09/20/shoigu-tehran"));
    assert_eq!(a.segments[0].kind, SegmentKind::Title);
    let b = body(a);
    assert!(b.contains("وصل وزير الدفاع الروسي سيرغي شويغو إلى طهران"));
    assert!(b.contains("وزار الوزير معرضاً"));
    for junk in [
        "الرئيسية",
        "اقتصاد",
        "فيسبوك",
        "إعلان",
        "خبر آخر عن إيران",
        "الأكثر قراءة",
        "جميع الحقوق",
        "tracking",
        "color:red",
    ] {
        assert!(!a.text.contains(junk), "text has {junk:?}: {}", a.text);
    }
    assert_eq!(
        a.sentences.len(),
        4,
        "{:?}",
        a.sentences.iter().map(|s| a.slice(s.start, s.end)).collect::<Vec<_>>()
    );
}

#[test]
fn json_array_with_scraper_field_names() {
    let c = load(&[fixture("scraped.json")]);
    assert_eq!(c.articles.len(), 2);
    let (a, b) = (&c.articles[0], &c.articles[1]);
    assert_eq!(a.id, "scraped-17");
    assert_eq!(a.title, "وزير الدفاع الإيراني يلتقي نظيره الروسي");
    assert_eq!(a.date.as_deref(), Some("2023-09-20"));
    assert_eq!(a.source.as_deref(), Some("صدى البلد"));
    assert_eq!(a.url.as_deref(), Some("https://elbalad.example/1"));
    assert_eq!(a.sentences.len(), 2);
    assert_eq!(b.id, "scraped-18");
    assert_eq!(b.date.as_deref(), Some("2023-09-19"));
    assert_eq!(b.source.as_deref(), Some("وكالات"));
    assert!(!b.text.contains("<p>"), "HTML in a text field is reduced to text");
    assert_eq!(b.sentences.len(), 2);
    // The record without text is reported, the others load.
    assert_eq!(c.diagnostics.len(), 1, "{:?}", c.diagnostics);
    assert!(c.diagnostics[0].message.contains("1 of 3 records"));
}

#[test]
fn json_lines_and_csv() {
    let c = load(&[fixture("scraped.jsonl"), fixture("scraped.csv")]);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["scraped-a1", "scraped-a2", "scraped-1", "scraped-2"]);
    let csv1 = &c.articles[0];
    assert_eq!(csv1.title, "عنوان، بفاصلة");
    assert_eq!(csv1.date.as_deref(), Some("2023-09-20T10:00:00"));
    assert_eq!(csv1.source.as_deref(), Some("الميادين"));
    assert_eq!(csv1.sentences.len(), 2, "a line break inside a cell ends a sentence");
    assert_eq!(c.articles[1].date.as_deref(), Some("2020-10-18"), "Arabic-Indic digits");
    assert_eq!(c.articles[1].url, None);
    let j1 = &c.articles[2];
    assert_eq!(j1.date.as_deref(), Some("2021-10-19T17:51"));
    assert_eq!(j1.source.as_deref(), Some("إرنا"));
    let j2 = &c.articles[3];
    assert_eq!(j2.title, "الخبر الثاني");
    assert_eq!(j2.date.as_deref(), Some("2020-10-18"));
    assert_eq!(j2.source.as_deref(), Some("تسنيم"));
}

/// Sample 003 saved in every supported encoding loads to the same article.
#[test]
fn every_encoding_gives_the_same_article() {
    let (_, original) = corpus::builtin::SAMPLE_FILES[3];
    let crlf = original.replace('\n', "\r\n");
    let dir = tempfile::tempdir().unwrap();
    let mut variants: Vec<(&str, Vec<u8>)> = Vec::new();
    variants.push(("utf8.txt", original.as_bytes().to_vec()));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(crlf.as_bytes());
    variants.push(("utf8bom.txt", bom));
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in crlf.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    variants.push(("utf16le.txt", le));
    variants.push(("utf16be.txt", be));
    let lone_cr = original.replace('\n', "\r");
    let (w, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&lone_cr);
    assert!(!unmappable);
    variants.push(("cp1256.txt", w.into_owned()));
    // ISO-8859-6 has no code for some characters of the sample (“ ” –): take the part it can encode.
    let iso_text: String = original
        .chars()
        .map(|c| match c {
            '“' | '”' => '"',
            '–' => '-',
            c => c,
        })
        .collect();
    let (iso, _, unmappable) = encoding_rs::ISO_8859_6.encode(&iso_text);
    assert!(!unmappable);
    variants.push(("iso8859_6.txt", iso.into_owned()));
    let mut loaded = Vec::new();
    for (name, bytes) in &variants {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        // Each file alone (together they would be one article and five "same content" notes).
        let c = load(&[p]);
        assert!(c.diagnostics.is_empty(), "{name}: {:?}", c.diagnostics);
        loaded.push((name, c.articles.into_iter().next().unwrap()));
    }
    for (name, a) in &loaded {
        let expected = if name.starts_with("iso") {
            iso_text.as_str()
        } else {
            original
        };
        assert_eq!(a.text, expected, "{name}");
        assert_eq!(
            a.title, "بهدف تعزيز العلاقات العسكرية.. وزير الدفاع الروسي في إيران",
            "{name}"
        );
        assert_eq!(a.source.as_deref(), Some("وكالات"), "{name}");
    }
}

#[test]
fn plain_text_without_extension_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("note");
    std::fs::write(&p, "# عنوان المقال\n\nنص المقال الأول. ونص ثان.\n").unwrap();
    let c = load(&[p]);
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].id, "note");
    assert_eq!(c.articles[0].sentences.len(), 2);
}

#[test]
fn line_repetition_across_the_corpus_is_boilerplate() {
    let dir = tempfile::tempdir().unwrap();
    // Paragraphs that differ in their words, not only in a number (numbers alone do not make text unique).
    let topics = ["الزراعة", "التعليم", "الصحة", "النقل"];
    let places = ["الشمال", "الجنوب", "الشرق", "الغرب"];
    for n in 0..4 {
        let (topic, place) = (topics[n], places[n]);
        let text = format!(
            "عنوان الخبر رقم {n}\nهذه فقرة عن {topic} في {place} وما يقوله أهل {topic} هناك.\nشبكة المدار الإخبارية دائما معك\nفقرة أخرى عن {place} تكمل خبر {topic}.\n"
        );
        std::fs::write(dir.path().join(format!("{n}.txt")), text).unwrap();
    }
    let c = load(&[dir.path().to_path_buf()]);
    assert_eq!(c.articles.len(), 4);
    for a in &c.articles {
        let at = a.text.find("شبكة المدار").unwrap();
        let seg = a.segments.iter().find(|s| s.start <= at && at < s.end).unwrap();
        assert_eq!(seg.kind, SegmentKind::Boilerplate, "{}", a.id);
        assert!(
            a.sentences
                .iter()
                .all(|s| !a.slice(s.start, s.end).contains("شبكة المدار"))
        );
        assert_eq!(a.sentences.len(), 2);
    }
}
