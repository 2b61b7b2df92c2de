//! The `qarin analyze` contract: report format, summary lines, exit codes.

use std::process::Command;

fn qarin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_qarin"))
}

#[test]
fn analyze_builtin_corpus_writes_a_qarin_report_to_stdout() {
    let out = qarin().args(["analyze", "--json", "-"]).output().expect("run qarin");
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(report["format"], "qarin-report/1");
    for key in ["articles", "entities", "claims", "diagnostics"] {
        assert!(report[key].is_array(), "{key} is an array");
    }
    let articles = report["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 5);
    for a in articles {
        for key in [
            "id",
            "path",
            "title",
            "date",
            "source",
            "url",
            "text",
            "segments",
            "sentences",
        ] {
            assert!(a.get(key).is_some(), "article field {key} present");
        }
        let text = a["text"].as_str().expect("text");
        let mut covered = 0;
        for s in a["segments"].as_array().expect("segments") {
            let (start, end) = (
                s["start"].as_u64().expect("start") as usize,
                s["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(start, covered, "segments cover the text in order");
            assert!(text.get(start..end).is_some(), "segment on char boundaries");
            covered = end;
        }
        assert_eq!(covered, text.len(), "segments cover the whole text");
    }
    // One summary line per file on stderr.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().filter(|l| l.contains(": ok ")).count(), 5, "{stderr}");
}

#[test]
fn analyze_writes_the_report_to_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("report.json");
    let status = qarin()
        .args(["analyze", "--json"])
        .arg(&path)
        .status()
        .expect("run qarin");
    assert!(status.success());
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).expect("report written")).expect("JSON");
    assert_eq!(report["articles"].as_array().map(Vec::len), Some(5));
}

#[test]
fn analyze_exits_2_with_a_reason_when_nothing_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-folder");
    let out = qarin()
        .arg("analyze")
        .arg(&missing)
        .args(["--json", "-"])
        .output()
        .expect("run qarin");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no-such-folder"), "the path is named: {stderr}");
    // The report is still written, with the diagnostic in it.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["articles"].as_array().map(Vec::len), Some(0));
    assert!(!report["diagnostics"].as_array().expect("diagnostics").is_empty());
}

#[test]
fn help_documents_every_command() {
    let out = qarin().arg("--help").output().expect("run qarin");
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in ["analyze", "ner", "shape", "bench-ui", "--screenshot"] {
        assert!(help.contains(cmd), "--help mentions {cmd}: {help}");
    }
}

/// Output piped into a reader that has stopped (`qarin eval-claims | head`, the reader gone before the figures come)
/// ends the program quietly, as any command-line tool does, never with a panic about the failed write (Unix: the
/// default SIGPIPE; Windows has no such signal).
#[cfg(unix)]
#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("S-1");
    std::fs::create_dir_all(&story).unwrap();
    let said = "قال المتحدث باسم الحكومة إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة بحضور كل الأطراف .";
    std::fs::write(story.join("01_wahat-news.com.txt"), format!("عنوان\n{said}\n")).unwrap();
    std::fs::write(story.join("02_madar.tv.txt"), format!("عنوان آخر\n{said}\n")).unwrap();
    std::fs::write(
        story.join("gold.json"),
        r#"{"files": {"01_wahat-news.com.txt": {"stance": "agree", "claim_lines": [1]},
                      "02_madar.tv.txt": {"stance": "agree", "claim_lines": [1]}}}"#,
    )
    .unwrap();
    let mut child = qarin()
        .arg("eval-claims")
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes before the program has printed anything.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// `eval-claims --report` evaluates a saved report: it says the time was not measured rather than printing an
/// analysis time of zero; analysing the folder itself prints the time.
#[test]
fn eval_claims_on_a_saved_report_says_it_did_not_time_the_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("stories").join("S-1");
    std::fs::create_dir_all(&story).unwrap();
    let said = "قال المتحدث باسم الحكومة إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة بحضور كل الأطراف .";
    std::fs::write(story.join("01_wahat-news.com.txt"), format!("عنوان\n{said}\n")).unwrap();
    std::fs::write(story.join("02_madar.tv.txt"), format!("عنوان آخر\n{said}\n")).unwrap();
    std::fs::write(
        story.join("gold.json"),
        r#"{"files": {"01_wahat-news.com.txt": {"stance": "agree", "claim_lines": [1]},
                      "02_madar.tv.txt": {"stance": "agree", "claim_lines": [1]}}}"#,
    )
    .unwrap();
    let stories = dir.path().join("stories");
    let report = dir.path().join("r.json");
    let out = qarin()
        .arg("analyze")
        .arg(&stories)
        .arg("--json")
        .arg(&report)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = qarin()
        .arg("eval-claims")
        .arg(&stories)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("agreeing pairs: 1 aligned"), "{stdout}");
    assert!(stdout.contains("time: not measured"), "{stdout}");
    assert!(!stdout.contains("analysis 0.00 s"), "{stdout}");
    let out = qarin().arg("eval-claims").arg(&stories).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("time: load "), "{stdout}");
}
