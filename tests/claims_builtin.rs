//! Claims on the built-in sample corpus: the verified shared claims are found, and nothing else is linked.

use qarin::analysis::claims::{self, ClaimParams};
use qarin::analysis::{self, ClaimCluster, Report};
use qarin::corpus;
use qarin::progress::Progress;

fn report() -> Report {
    analysis::analyze(corpus::load_builtin(), &Progress::new())
}

fn dump(clusters: &[ClaimCluster]) -> String {
    let mut s = String::new();
    for c in clusters {
        s.push_str(&format!("== {} {:?} score {:.3}\n", c.id, c.kind, c.score));
        for m in &c.members {
            s.push_str(&format!(
                "  [{}#{} {}..{}] {}\n",
                m.article, m.sentence, m.start, m.end, m.text
            ));
        }
        for sh in &c.shared {
            s.push_str(&format!("    shared m{}: {}\n", sh.member, sh.text));
        }
        for d in &c.differences {
            s.push_str(&format!("    diff {}: {:?}\n", d.what, d.values));
        }
    }
    s
}

#[test]
fn print_clusters() {
    let r = report();
    println!("{}", dump(&r.claims));
    let a = claims::analyze_claims(&r.articles, &r.entities, &ClaimParams::default(), &Progress::new());
    for rep in &a.repetitions {
        println!("repetition {} {:?} {:?}", rep.article, rep.first, rep.repeat);
    }
}

#[test]
fn print_pairs() {
    let r = report();
    let text =
        |(id, s, e): &(String, usize, usize)| r.article(id).map(|a| a.slice(*s, *e).to_string()).unwrap_or_default();
    for p in claims::scored_pairs(&r.articles, &r.entities, &ClaimParams::default(), 0.12) {
        println!(
            "{:.3} {} {}\n   {}: {}\n   {}: {}",
            p.score.similarity,
            if p.score.matches { "MATCH" } else { "" },
            if p.score.verbatim { "VERBATIM" } else { "" },
            &p.a.0[..3],
            text(&p.a),
            &p.b.0[..3],
            text(&p.b)
        );
    }
}

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
    ("002", "بإرادة ايران وروسيا في مكافحة الارهاب", "004", "ضد الإرهاب والتطرف"),
    ("003", "في اجتماع مع نظيره الإيراني", "004", "خلال لقاء مع نظيره الروسي"),
];

#[test]
fn print_calibration() {
    let r = report();
    let text =
        |(id, s, e): &(String, usize, usize)| r.article(id).map(|a| a.slice(*s, *e).to_string()).unwrap_or_default();
    let pairs = claims::scored_pairs(&r.articles, &r.entities, &ClaimParams::default(), 0.0);
    let is_true = |p: &claims::ScoredPair| {
        TRUE_PAIRS.iter().any(|(a, ta, b, tb)| {
            let side = |x: &(String, usize, usize), id: &str, t: &str| x.0.starts_with(id) && text(x).contains(t);
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
        if t || rank < 25 {
            println!(
                "#{rank} {:.3} {}{}\n   {}: {}\n   {}: {}",
                p.score.similarity,
                if t { "TRUE " } else { "" },
                if p.score.matches { "MATCH" } else { "" },
                &p.a.0[..3],
                text(&p.a),
                &p.b.0[..3],
                text(&p.b)
            );
        }
    }
}
