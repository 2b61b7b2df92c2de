//! Claims on the built-in sample corpus, printed for reading and calibrating the matcher.
//!
//! `cargo run --release --example claims_calibration [clusters|pairs|calibration]…` (none: all three):
//! - `clusters`: the claim clusters as the report has them, then the repetitions inside articles;
//! - `pairs`: every cross-article unit pair scoring at least 0.12, best first;
//! - `calibration`: all pairs ranked, with where each pair a reader verified as the same statement stands (how many
//!   false pairs score above it).

use qarin::analysis::claims::{self, ClaimParams, ScoredPair, dump_clusters};
use qarin::analysis::{self, Report};
use qarin::corpus;
use qarin::progress::Progress;

/// Similarity from which `pairs` lists a pair.
const PAIRS_FLOOR: f32 = 0.12;
/// `calibration` prints the first this many pairs whether verified or not.
const CALIBRATION_TOP: usize = 25;

/// Pairs a reader verified as the same statement (`claims_true_pairs.tsv`): article prefix, text inside the unit,
/// twice.
fn true_pairs() -> Vec<[&'static str; 4]> {
    include_str!("claims_true_pairs.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            <[&str; 4]>::try_from(fields).ok()
        })
        .collect()
}

fn main() {
    let sections: Vec<String> = std::env::args().skip(1).collect();
    let wanted = |name: &str| sections.is_empty() || sections.iter().any(|s| s == name);
    let report = analysis::analyze(corpus::load_builtin(), &Progress::new());
    if wanted("clusters") {
        print_clusters(&report);
    }
    if wanted("pairs") {
        print_pairs(&report);
    }
    if wanted("calibration") {
        print_calibration(&report);
    }
}

fn print_clusters(r: &Report) {
    println!("{}", dump_clusters(&r.claims));
    let a = claims::analyze_claims(&r.articles, &r.entities, &ClaimParams::default(), &Progress::new());
    for rep in &a.repetitions {
        println!("repetition {} {:?} {:?}", rep.article, rep.first, rep.repeat);
    }
}

/// The text of a unit `(article id, start, end)`.
fn unit_text(r: &Report, (id, s, e): &(String, usize, usize)) -> String {
    r.article(id).map(|a| a.slice(*s, *e).to_string()).unwrap_or_default()
}

/// A pair under a heading: the heading, then each side's article prefix and text on its own line.
fn print_pair(r: &Report, heading: &str, p: &ScoredPair) {
    println!(
        "{heading}\n   {}: {}\n   {}: {}",
        &p.a.0[..3],
        unit_text(r, &p.a),
        &p.b.0[..3],
        unit_text(r, &p.b)
    );
}

fn print_pairs(r: &Report) {
    for p in claims::scored_pairs(&r.articles, &r.entities, &ClaimParams::default(), PAIRS_FLOOR) {
        let heading = format!(
            "{:.3} {} {}",
            p.score.similarity,
            if p.score.matches { "MATCH" } else { "" },
            if p.score.verbatim { "VERBATIM" } else { "" },
        );
        print_pair(r, &heading, &p);
    }
}

fn print_calibration(r: &Report) {
    let pairs = claims::scored_pairs(&r.articles, &r.entities, &ClaimParams::default(), 0.0);
    let verified = true_pairs();
    let is_true = |p: &ScoredPair| {
        verified.iter().any(|[a, ta, b, tb]| {
            let side =
                |x: &(String, usize, usize), id: &str, t: &str| x.0.starts_with(id) && unit_text(r, x).contains(t);
            (side(&p.a, a, ta) && side(&p.b, b, tb)) || (side(&p.b, a, ta) && side(&p.a, b, tb))
        })
    };
    let mut false_above = 0;
    for (rank, p) in pairs.iter().enumerate() {
        let t = is_true(p);
        if !t {
            false_above += 1;
        } else {
            println!("TRUE at {:.3} with {false_above} false above", p.score.similarity);
        }
        if t || rank < CALIBRATION_TOP {
            let heading = format!(
                "#{rank} {:.3} {}{}",
                p.score.similarity,
                if t { "TRUE " } else { "" },
                if p.score.matches { "MATCH" } else { "" },
            );
            print_pair(r, &heading, p);
        }
    }
}
