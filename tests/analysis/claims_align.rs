//! The side-by-side alignment over the built-in corpus: every unit once, in reading order, one unit per article per
//! row, and the members of a claim cluster on one row.

use qarin::analysis::claims::{align, claim_units};
use qarin::analysis::{self, Report};
use qarin::corpus;
use qarin::progress::Progress;

fn report() -> Report {
    analysis::analyze(corpus::load_builtin(), &Progress::new())
}

fn check(report: &Report, ids: &[String]) {
    let alignment = align(report, ids);
    assert_eq!(alignment.articles, ids);
    for (col, id) in ids.iter().enumerate() {
        let article = report.article(id).expect("article");
        let units: Vec<(usize, usize)> = claim_units(article).iter().map(|u| (u.start, u.end)).collect();
        let column: Vec<(usize, usize)> = alignment
            .rows
            .iter()
            .filter_map(|r| r.cells[col].map(|c| (c.start, c.end)))
            .collect();
        assert_eq!(column, units, "column {id} must hold every unit once, in reading order");
    }
    for row in &alignment.rows {
        assert_eq!(row.cells.len(), ids.len());
        assert!(row.cells.iter().any(Option::is_some), "no empty rows");
        if let Some(cluster_id) = &row.cluster {
            let cluster = report.claims.iter().find(|c| &c.id == cluster_id).expect("cluster");
            for (col, cell) in row.cells.iter().enumerate() {
                if let Some(cell) = cell {
                    assert!(
                        cluster
                            .members
                            .iter()
                            .any(|m| m.article == ids[col] && m.start == cell.start && m.end == cell.end),
                        "a unit on a cluster's row belongs to that cluster"
                    );
                }
            }
        }
    }
    // Clusters whose members all lie in chosen columns: with one article's units in order, each such cluster that
    // the orders allow shares one row; count how many do.
    let together = report
        .claims
        .iter()
        .filter(|c| c.members.iter().all(|m| ids.contains(&m.article)))
        .filter(|c| {
            alignment.rows.iter().any(|r| {
                r.cluster.as_deref() == Some(c.id.as_str())
                    && r.cells.iter().filter(|x| x.is_some()).count() == c.members.len()
            })
        })
        .count();
    let eligible = report
        .claims
        .iter()
        .filter(|c| c.members.iter().all(|m| ids.contains(&m.article)))
        .count();
    assert!(
        together * 10 >= eligible * 8 || together + 1 >= eligible,
        "{together} of {eligible} clusters aligned on one row"
    );
}

#[test]
fn aligns_all_articles_and_subsets() {
    let report = report();
    let ids: Vec<String> = report.articles.iter().map(|a| a.id.clone()).collect();
    check(&report, &ids);
    let reversed: Vec<String> = ids.iter().rev().cloned().collect();
    check(&report, &reversed);
    check(&report, &ids[2..]);
    check(&report, &ids[..1]);
}

#[test]
fn pairs_of_articles_align_their_clusters() {
    let report = report();
    let ids: Vec<String> = report.articles.iter().map(|a| a.id.clone()).collect();
    for a in &ids {
        for b in &ids {
            if a != b {
                check(&report, &[a.clone(), b.clone()]);
            }
        }
    }
}

#[test]
fn unknown_articles_give_empty_columns() {
    let report = report();
    let ids = vec!["nope".to_string(), report.articles[0].id.clone()];
    let alignment = align(&report, &ids);
    assert!(alignment.rows.iter().all(|r| r.cells[0].is_none()));
    assert!(!alignment.rows.is_empty());
}
