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
        "outlet-recurring text staying body: {} ({} of {} bytes of words in {}-word runs found in 2+ story folders of one outlet)",
        percent(e.recurring_body_share()),
        e.recurring_body_bytes,
        e.recurring_bytes,
        eval::RUN_WORDS
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
    if !e.body_leftovers.is_empty() {
        println!("outlet-recurring text left in body (most text first):");
        for (o, t, n) in &e.body_leftovers {
            println!("  {n:3} × {}: {}", clean(o), clean(t));
        }
    }
    Ok(ExitCode::SUCCESS)
}
