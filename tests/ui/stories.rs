//! The story list with egui_kittest: a corpus of several stories opens on it; choosing a story shows its articles
//! as columns (one per outlet first) and filters the claims and entities panels; the way back returns to the list.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qarin::analysis::{Report, Story};
use qarin::corpus::{Article, Segment, SegmentKind};
use qarin::ui::Workbench;

fn article(id: &str, source: &str, body: &str) -> Article {
    let text = format!("{id}\n{body}\n");
    Article {
        id: id.to_string(),
        path: format!("test:{id}"),
        title: id.to_string(),
        date: Some("2021-03-02".into()),
        source: Some(source.to_string()),
        url: None,
        segments: vec![
            Segment {
                kind: SegmentKind::Title,
                start: 0,
                end: id.len() + 1,
            },
            Segment {
                kind: SegmentKind::Body,
                start: id.len() + 1,
                end: text.len(),
            },
        ],
        sentences: Vec::new(),
        text,
    }
}

fn story(id: &str, label: &str, articles: &[&str], outlets: &[&str]) -> Story {
    Story {
        id: id.into(),
        label: label.into(),
        articles: articles.iter().map(|a| a.to_string()).collect(),
        first: Some("2021-03-02".into()),
        last: Some("2021-03-02".into()),
        outlets: outlets.iter().map(|o| o.to_string()).collect(),
        entities: Vec::new(),
        claims: Vec::new(),
    }
}

/// Eight articles: a story of five (two from one outlet), one of two, one alone.
fn report() -> Report {
    let articles = vec![
        article("a1", "وكالة أ", "فيضانات في وادي الريحان."),
        article("a2", "وكالة أ", "فيضانات في وادي الريحان مرة أخرى."),
        article("a3", "صحيفة ب", "سيول في وادي الريحان."),
        article("a4", "قناة ج", "أمطار في وادي الريحان."),
        article("a5", "موقع د", "إجلاء سكان وادي الريحان."),
        article("b1", "وكالة أ", "انتخابات برلمانية."),
        article("b2", "صحيفة ب", "نتائج الانتخابات."),
        article("c1", "مجلة هـ", "معرض للخزف."),
    ];
    let mut report = Report::new(articles, Vec::new(), Vec::new(), Vec::new());
    report.stories = vec![
        story(
            "s1",
            "فيضانات وادي الريحان",
            &["a1", "a2", "a3", "a4", "a5"],
            &["وكالة أ", "صحيفة ب", "قناة ج", "موقع د"],
        ),
        story("s2", "الانتخابات البرلمانية", &["b1", "b2"], &["وكالة أ", "صحيفة ب"]),
        story("s3", "معرض للخزف", &["c1"], &["مجلة هـ"]),
    ];
    report
}

#[test]
fn a_corpus_of_several_stories_opens_on_the_story_list_and_a_story_opens_as_columns() {
    let mut h = Harness::builder().with_size(egui::vec2(1600.0, 1000.0)).build_ui_state(
        |ui, wb: &mut Workbench| wb.workbench_ui(ui),
        Workbench::with_report(report(), Vec::new()),
    );
    h.run_steps(3);
    assert!(h.state().state.story_list);
    h.get_by_label("Stories (3)");
    h.get_by_label("s2 · 2 articles");
    h.get_by_label("s1 · 5 articles").click();
    h.run_steps(3);
    let state = &h.state().state;
    assert_eq!(state.story, Some(0));
    assert!(!state.story_list);
    // One article per outlet first: a1 (the outlet with two), then the others, a2 last.
    let report = state.report.as_ref().expect("report");
    let shown: Vec<&str> = state.columns.iter().map(|&a| report.articles[a].id.as_str()).collect();
    assert_eq!(shown, ["a1", "a3", "a4", "a5", "a2"]);
    h.get_by_label("< All stories").click();
    h.run_steps(3);
    assert!(h.state().state.story_list);
    assert_eq!(h.state().state.story, None);
}
