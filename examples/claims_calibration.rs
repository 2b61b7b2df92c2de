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

/// Pairs a reader verified as the same statement: (article prefix, text inside the unit) twice.
const TRUE_PAIRS: &[(&str, &str, &str, &str)] = &[
    ("000", "انتهت في 18 اكتوبر 2020", "001", "في أكتوبر 2020"),
    ("000", "مع انتهاء فترة القيود التسليحية", "001", "في أكتوبر 2020"),
    ("001", "بعد انتهاء الحظر التسليحي", "002", "رفع الحظر التسليحي"),
    ("000", "انتهت في 18 اكتوبر 2020", "002", "رفع الحظر التسليحي"),
    (
        "001",
        "انضمام إيران لمنظمة شانغاي",
        "002",
        "انضمام ايران الى اتحاد شنغهاي",
    ),
    ("003", "متعدّد الأقطاب", "004", "متعدد الأقطاب"),
    ("002", "بإرادة ايران وروسيا في مكافحة الارهاب", "003", "والإرهاب الممنهج"),
    ("003", "والإرهاب الممنهج", "004", "ضد الإرهاب والتطرف"),
    (
        "002",
        "بإرادة ايران وروسيا في مكافحة الارهاب",
        "004",
        "ضد الإرهاب والتطرف",
    ),
    ("003", "في اجتماع مع نظيره الإيراني", "004", "خلال لقاء مع نظيره الروسي"),
    (
        "002",
        "واستمرار التعاون الثنائي",
        "003",
        "التعاون الدفاعي والعسكري الثنائي",
    ),
    // Weak, but the same point: cooperation on the basis of what both sides share.
    ("001", "التفاهم المشترك", "003", "المصالح المتبادلة"),
];

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
    let is_true = |p: &ScoredPair| {
        TRUE_PAIRS.iter().any(|(a, ta, b, tb)| {
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
