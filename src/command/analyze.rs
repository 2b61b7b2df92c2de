//! `qarin analyze [PATHS…] [--json FILE] [--stats]`: load and analyse without a window, write the qarin-report/1 JSON.
//!
//! One summary line per file to standard error (text from files escaped: no control or bidi characters reach the
//! terminal); exit 0 when at least one article loaded, 2 when none. The output file is checked before loading: an
//! output that is also an input, or cannot be written, stops the command before anything is read or written.

use qarin::analysis::Report;
use qarin::corpus::Severity;
use qarin::pipeline::{self, Params};
use qarin::progress::Progress;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(paths: &[PathBuf], json: Option<&Path>, stats: bool) -> anyhow::Result<ExitCode> {
    if let Some(out) = json
        && out != Path::new("-")
    {
        let inputs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        super::check_output(out, &inputs)?;
    }
    super::warn_if_tagger_broken();
    let progress = Progress::new();
    let (report, timings) = pipeline::run_timed(paths, &Params::default(), &progress);
    let (load_time, analysis_time) = (timings.load, timings.analysis);
    let bytes: usize = report.articles.iter().map(|a| a.text.len()).sum();
    let article_count = report.articles.len();

    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for line in summary_lines(&report) {
        writeln!(err, "{line}")?;
    }
    if stats {
        writeln!(
            err,
            "stats: {article_count} articles, {:.1} MB; load+segment {:.3} s ({:.1} MB/s); analysis {:.3} s; \
             {} entities, {} claim clusters, {} diagnostics",
            bytes as f64 / 1e6,
            load_time.as_secs_f64(),
            bytes as f64 / 1e6 / load_time.as_secs_f64().max(1e-9),
            analysis_time.as_secs_f64(),
            report.entities.len(),
            report.claims.len(),
            report.diagnostics.len()
        )?;
        let st = timings.stages;
        writeln!(
            err,
            "stats: stages: load+segment {:.3} s, recognition {:.3} s, linking {:.3} s, claims {:.3} s, \
             stories {:.3} s",
            load_time.as_secs_f64(),
            st.recognition.as_secs_f64(),
            st.linking.as_secs_f64(),
            st.claims.as_secs_f64(),
            st.stories.as_secs_f64()
        )?;
    }
    if let Some(out) = json {
        if out == Path::new("-") {
            report.write_json(std::io::stdout().lock())?;
        } else {
            report.save_json(out)?;
        }
    }
    let code = if report.articles.is_empty() {
        writeln!(err, "qarin: no article could be loaded (see the messages above)")?;
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    };
    // The process ends here: freeing a large corpus's report piece by piece would take a noticeable share of the
    // run (millions of strings and vectors) for memory the system takes back at exit anyway.
    std::mem::forget(report);
    Ok(code)
}

/// One line per loaded article and one per diagnostic, in path order.
fn summary_lines(report: &Report) -> Vec<String> {
    let mut lines: Vec<(String, String)> = report
        .articles
        .iter()
        .map(|a| {
            let body = a.body_segments().map(|s| s.end - s.start).sum::<usize>();
            let line = format!(
                "{}: ok  id={} date={} source={} sentences={} body={}B title={}",
                a.path,
                a.id,
                a.date.as_deref().unwrap_or("-"),
                a.source.as_deref().unwrap_or("-"),
                a.sentences.len(),
                body,
                a.title
            );
            (a.path.clone(), line)
        })
        .collect();
    lines.extend(report.diagnostics.iter().map(|d| {
        let sev = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        };
        (d.path.clone(), format!("{}: {sev}: {}", d.path, d.message))
    }));
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    lines
        .into_iter()
        .map(|(_, l)| super::terminal_safe(&l).into_owned())
        .collect()
}
