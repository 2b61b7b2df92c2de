//! `qarin eval-corpus [DIR]`: loads a folder of outlet-named scraped pages and prints how the corpus layer read
//! them (computed by [`qarin::corpus::eval`]): outlet-recurring text left in `body`, chrome titles, dates, sources.

use anyhow::{Result, bail};
use qarin::corpus::{self, SegmentParams, eval};
use qarin::progress::Progress;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn percent(share: f64) -> String {
    format!("{:.1} %", share * 100.0)
}

/// Bytes of the lines that `gold.json` files name as stating their folder's claim, and how many of them the corpus
/// layer did not keep as title or body (chrome, meta): text that recurs inside one story must never be removed.
/// With a few examples of lost text.
fn claim_lines_lost(dir: &Path, corpus: &corpus::Corpus) -> (usize, usize, Vec<String>) {
    use qarin::corpus::SegmentKind;
    let by_path: std::collections::HashMap<&str, &corpus::Article> =
        corpus.articles.iter().map(|a| (a.path.as_str(), a)).collect();
    let (mut total, mut lost, mut examples) = (0usize, 0usize, Vec::new());
    let Ok(folders) = std::fs::read_dir(dir) else {
        return (0, 0, examples);
    };
    let mut folders: Vec<_> = folders.flatten().map(|f| f.path()).collect();
    folders.sort();
    for folder in folders {
        let Ok(text) = std::fs::read_to_string(folder.join("gold.json")) else {
            continue;
        };
        let Ok(gold) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let Some(files) = gold.get("files").and_then(|f| f.as_object()) else {
            continue;
        };
        for (name, entry) in files {
            let Some(lines) = entry.get("claim_lines").and_then(|l| l.as_array()) else {
                continue;
            };
            let path = folder.join(name).display().to_string();
            let Some(a) = by_path.get(path.as_str()) else {
                continue;
            };
            let wanted: Vec<u64> = lines.iter().filter_map(|l| l.as_u64()).collect();
            let mut start = 0;
            for (n, line) in a.text.split('\n').enumerate() {
                let (ls, le) = (start, start + line.len());
                start = le + 1;
                if !wanted.contains(&(n as u64)) {
                    continue;
                }
                let mut line_lost = 0;
                let mut lost_kind = None;
                for (i, c) in line.char_indices().filter(|(_, c)| !c.is_whitespace()) {
                    let at = ls + i;
                    total += c.len_utf8();
                    let kept = a
                        .segments
                        .iter()
                        .find(|s| s.start <= at && at < s.end)
                        .is_some_and(|s| matches!(s.kind, SegmentKind::Body | SegmentKind::Title));
                    if !kept {
                        lost_kind = lost_kind
                            .or_else(|| a.segments.iter().find(|s| s.start <= at && at < s.end).map(|s| s.kind));
                        lost += c.len_utf8();
                        line_lost += c.len_utf8();
                    }
                }
                if line_lost * 2 > le - ls && examples.len() < 30 {
                    examples.push(format!(
                        "{name} ({lost_kind:?}): {}",
                        line.chars().take(120).collect::<String>()
                    ));
                }
            }
        }
    }
    (total, lost, examples)
}

/// Text from the files, printed on one line without control characters.
fn clean(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

pub fn run(dir: &Path) -> Result<ExitCode> {
    if !dir.is_dir() {
        bail!(
            "{}: not a folder (give the dev set's folder, e.g. ../shared/dev/unifiedfc)",
            dir.display()
        );
    }
    let params = SegmentParams::default();
    let started = Instant::now();
    let corpus = corpus::load_paths_with(&[dir.to_path_buf()], &params, &Progress::new());
    let load_secs = started.elapsed().as_secs_f64();
    let e = eval::evaluate(&corpus, &params.header);
    println!("corpus: {}", clean(&dir.display().to_string()));
    println!(
        "articles: {}  outlets: {}  story folders: {}  (loaded in {load_secs:.2} s)",
        e.articles, e.outlets, e.story_folders
    );
    println!(
        "outlet-recurring text staying body: {} ({} of {} bytes of words in {}-word runs found in 2+ story folders of one outlet; {} copies of one page filed in two folders not counted)",
        percent(e.recurring_body_share()),
        e.recurring_body_bytes,
        e.recurring_bytes,
        eval::RUN_WORDS,
        e.copy_pairs
    );
    println!(
        "chrome titles: {} ({} of {} titles recur within an outlet)",
        percent(e.chrome_title_share()),
        e.chrome_titles,
        e.titles
    );
    println!(
        "dates: {} of {} articles ({}), range {} .. {}, implausible: {}",
        e.dates,
        e.articles,
        percent(if e.articles == 0 {
            0.0
        } else {
            e.dates as f64 / e.articles as f64
        }),
        e.date_min.as_deref().unwrap_or("-"),
        e.date_max.as_deref().unwrap_or("-"),
        e.implausible_dates
    );
    println!(
        "header prints a date: {} articles, of which {} got a date",
        e.header_prints_date, e.header_date_found
    );
    println!(
        "sources: {} of {} articles, {} distinct, {} are the file name's domain",
        e.sources, e.articles, e.distinct_sources, e.sources_from_domain
    );
    if !e.other_sources.is_empty() {
        println!("sources not from a domain (most frequent):");
        for (s, n) in &e.other_sources {
            println!("  {n:4}  {}", clean(s));
        }
    }
    if !e.chrome_title_examples.is_empty() {
        println!("chrome titles (examples):");
        for (o, t) in &e.chrome_title_examples {
            println!("  {}: {}", clean(o), clean(t));
        }
    }
    let (claim_bytes, claim_lost, lost_examples) = claim_lines_lost(dir, &corpus);
    println!(
        "gold claim lines (agreeing articles) not kept as title or body: {} ({} of {} bytes)",
        percent(if claim_bytes == 0 {
            0.0
        } else {
            claim_lost as f64 / claim_bytes as f64
        }),
        claim_lost,
        claim_bytes
    );
    for example in &lost_examples {
        println!("  lost: {}", clean(example));
    }
    if !e.body_leftovers.is_empty() {
        println!("outlet-recurring text left in body (most text first):");
        for (o, t, n) in &e.body_leftovers {
            println!("  {n:3} × {}: {}", clean(o), clean(t));
        }
    }
    Ok(ExitCode::SUCCESS)
}
