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
