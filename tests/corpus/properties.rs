//! Arbitrary bytes never crash the loader: each input gives articles whose ranges are sound, or one diagnostic.

use proptest::prelude::*;
use qarin::corpus::{self, Article, SegmentKind};

fn check(a: &Article) {
    assert!(!a.text.is_empty());
    assert_eq!(a.segments.first().map(|s| s.start), Some(0), "segments start at 0");
    assert_eq!(
        a.segments.last().map(|s| s.end),
        Some(a.text.len()),
        "segments reach the end"
    );
    for w in a.segments.windows(2) {
        assert_eq!(w[0].end, w[1].start, "segments are contiguous");
    }
    for s in &a.segments {
        assert!(s.start < s.end);
        assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
    }
    let mut last = 0;
    for s in &a.sentences {
        assert!(s.start < s.end && s.start >= last, "sentences ordered");
        last = s.end;
        assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
        assert!(
            a.segments
                .iter()
                .any(|b| b.kind == SegmentKind::Body && b.start <= s.start && s.end <= b.end),
            "sentence inside a body segment"
        );
    }
}

fn run(label: &str, bytes: &[u8]) {
    match corpus::load_bytes(label, bytes) {
        Ok(articles) => {
            assert!(!articles.is_empty());
            articles.iter().for_each(check);
        }
        Err(d) => {
            assert!(!d.message.is_empty());
            assert_eq!(d.path, label);
        }
    }
}

/// Text that looks like articles and their furniture: Arabic words, digits of three scripts, punctuation, markup.
fn article_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قال",
        "الوزير",
        "2020",
        "١٨",
        "۱۸",
        "أكتوبر",
        "كانون الثاني",
        ".",
        "؟",
        "!",
        "؛",
        ":",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        " ",
        "  ",
        "\"",
        "”",
        "«",
        "(",
        ")",
        "10/19/2021",
        "5:51:43 PM",
        "تاريخ النشر:",
        "المصدر:",
        "اقرأ أيضا",
        "كلمات دلالية:",
        "عشرة + خمسة =",
        "X",
        "آگهی",
        "<p>",
        "</p>",
        "<h1>",
        "{",
        "}",
        "[",
        "]",
        ",",
        "\"text\":",
        "د.",
        "2.5",
        "U.S.",
        "…",
        "ـ",
        "\u{64e}",
        "\u{200f}",
        "\t",
        "ميدل ايست نيوز:",
        "طهران – وكالات",
        "é",
        "😀",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1500),
                       ext in prop::sample::select(vec!["txt", "html", "json", "jsonl", "csv", "md", ""])) {
        let label = if ext.is_empty() { "dir/file".to_string() } else { format!("dir/file.{ext}") };
        run(&label, &bytes);
    }

    #[test]
    fn article_like_text(text in article_like(),
                         ext in prop::sample::select(vec!["txt", "html", "json", "csv", ""])) {
        let label = if ext.is_empty() { "a".to_string() } else { format!("a.{ext}") };
        run(&label, text.as_bytes());
    }

    #[test]
    fn dates_are_on_char_boundaries(text in article_like()) {
        for m in qarin::arabic::dates::find_dates(&text) {
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.start < m.end);
            prop_assert!(m.value.len() == 4 || m.value.len() == 7 || m.value.len() == 10);
        }
    }
}
