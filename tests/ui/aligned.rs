//! The aligned view: one row per claim cluster, marks for what differs in substance against a base article.

use qarin::analysis::{self, Entity, EntityKind, Mention, Report};
use qarin::progress::Progress;
use qarin::ui::aligned::{Variance, cluster_rows, row_variances};
use qarin::ui::state::ReportIndex;
use std::ops::Range;

const BASE: &str = "قال الوزير سامي حداد إن 20 شخصا قتلوا في الهجوم على المدينة يوم الاثنين.";
const OTHER: &str = "أعلن الوزير كريم نصار أن 25 شخصا لم يقتلوا في هجوم المدينة يوم الاثنين.";

/// Two invented articles, each one sentence under a title, with one hand-made person entity in each.
fn two_articles() -> Report {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("01_a.txt"), format!("خبر أول\n\n{BASE}\n")).expect("write");
    std::fs::write(dir.path().join("02_b.txt"), format!("خبر ثان\n\n{OTHER}\n")).expect("write");
    let corpus = qarin::corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    let mut report = analysis::analyze(corpus, &Progress::new());
    assert_eq!(report.articles.len(), 2);
    report.entities.clear();
    for (i, name) in ["سامي حداد", "كريم نصار"].into_iter().enumerate() {
        let article = &report.articles[i];
        let start = article.text.find(name).expect("name in text");
        report.entities.push(Entity {
            id: format!("p{i}"),
            kind: EntityKind::Person,
            label: name.into(),
            variants: vec![name.into()],
            value: None,
            articles: vec![article.id.clone()],
            mentions: vec![Mention {
                article: article.id.clone(),
                start,
                end: start + name.len(),
                text: name.into(),
            }],
        });
    }
    report
}

fn marked<'a>(text: &'a str, marks: &[(Range<usize>, Variance)]) -> Vec<(&'a str, Variance)> {
    marks.iter().map(|(r, v)| (&text[r.clone()], *v)).collect()
}

#[test]
fn substance_is_marked_against_the_base_and_shared_wording_reads_plainly() {
    let report = two_articles();
    let index = ReportIndex::new(&report);
    let cells: Vec<Option<(usize, Range<usize>)>> = [BASE, OTHER]
        .iter()
        .enumerate()
        .map(|(a, s)| {
            let start = report.articles[a].text.find(s).expect("sentence");
            Some((a, start..start + s.len()))
        })
        .collect();
    let marks = row_variances(&report, &index, &cells, Some(0));
    let other = marked(OTHER, &marks[1]);
    for expected in [
        ("كريم نصار", Variance::Name),
        ("25", Variance::Number),
        ("لم", Variance::Negation),
        ("أعلن", Variance::Wording),
    ] {
        assert!(other.contains(&expected), "{expected:?} not in {other:?}");
    }
    // Shared up to the article and inflection, or function words: plain.
    for plain in ["الوزير", "هجوم", "المدينة", "الاثنين", "أن", "في", "شخصا"] {
        assert!(other.iter().all(|(w, _)| *w != plain), "{plain} marked: {other:?}");
    }
    let base = marked(BASE, &marks[0]);
    assert!(base.contains(&("سامي حداد", Variance::Name)), "{base:?}");
    assert!(base.contains(&("20", Variance::Number)), "{base:?}");
    for plain in ["الوزير", "الهجوم", "المدينة", "الاثنين"] {
        assert!(base.iter().all(|(w, _)| *w != plain), "{plain} marked: {base:?}");
    }
    // Identical cells: nothing to mark.
    let same = row_variances(&report, &index, &[cells[0].clone(), cells[0].clone()], Some(0));
    assert!(same.iter().all(Vec::is_empty), "{same:?}");
}

#[test]
fn one_row_per_cluster_base_first_in_its_reading_order() {
    let report = analysis::analyze(qarin::corpus::load_builtin(), &Progress::new());
    let mut wb = qarin::ui::Workbench::with_report(report, Vec::new());
    let state = &mut wb.state;
    let rows = cluster_rows(state, false);
    let report = state.report.as_ref().expect("report");
    let shared = report
        .claims
        .iter()
        .filter(|c| {
            let mut arts: Vec<&str> = c.members.iter().map(|m| m.article.as_str()).collect();
            arts.sort_unstable();
            arts.dedup();
            arts.len() >= 2
        })
        .count();
    assert_eq!(rows.len(), shared, "one row per shared cluster");
    let mut clusters: Vec<usize> = rows.iter().map(|r| r.cluster).collect();
    clusters.sort_unstable();
    clusters.dedup();
    assert_eq!(clusters.len(), rows.len(), "no cluster on two rows");
    // The rows the base article carries come first, in its order.
    let starts: Vec<usize> = rows
        .iter()
        .map_while(|r| r.cells[0].as_ref().map(|c| c.start))
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
    // Another base: its rows first.
    state.aligned_base = Some(state.columns[1]);
    let rows = cluster_rows(state, true);
    assert!(rows.iter().all(|r| r.cells[1].is_some()));
}
