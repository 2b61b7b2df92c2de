//! The command layer facing hostile input and outputs: an output that is also an input is refused and an unwritable
//! one reported before any work; text from files reaches the terminal escaped, one line per file; `ner` and `shape`
//! refuse files over the size limit.

use std::fs;
use std::process::{Command, Output};

const ARTICLE: &str = "عنوان الخبر عن الاجتماع\nقال المتحدث إن الاجتماع بحث خطط الري الجديدة للموسم المقبل.\n";

fn qarin(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qarin"))
        .args(args)
        .output()
        .expect("run qarin")
}

fn os<S: AsRef<std::ffi::OsStr> + ?Sized>(s: &S) -> &std::ffi::OsStr {
    s.as_ref()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn analyze_refuses_an_output_that_is_an_input_before_writing() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    fs::write(&a, ARTICLE).unwrap();
    fs::write(&b, ARTICLE.replace("الري", "الزراعة")).unwrap();
    // As `qarin analyze --json *.txt` expands: the output is the first input; and named another way (`dir/./b.txt`).
    let b_other_way = dir.path().join(".").join("b.txt");
    for (out_path, inputs) in [(&a, vec![&a, &b]), (&b_other_way, vec![&a, &b])] {
        let mut args = vec![os("analyze"), os("--json"), out_path.as_os_str()];
        args.extend(inputs.iter().map(|p| p.as_os_str()));
        let out = qarin(&args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("refusing to write") && err.contains("input"), "{err}");
        assert!(!err.contains(": ok "), "refused before loading: {err}");
    }
    assert_eq!(fs::read_to_string(&a).unwrap(), ARTICLE, "the input is untouched");
    // An existing article inside an input folder is not replaced either.
    let out = qarin(&[os("analyze"), os("--json"), b.as_os_str(), dir.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("inside the input folder"), "{}", stderr(&out));
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "nothing was written");
}

#[test]
fn analyze_reports_an_unwritable_output_before_the_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    fs::write(&a, ARTICLE).unwrap();
    let missing_folder = dir.path().join("no-such-folder").join("report.json");
    let out = qarin(&[os("analyze"), os("--json"), missing_folder.as_os_str(), a.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("report.json") && err.contains("does not exist"), "{err}");
    assert!(!err.contains(": ok "), "reported before loading: {err}");
    let folder_as_output = dir.path();
    let out = qarin(&[os("analyze"), os("--json"), folder_as_output.as_os_str(), a.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is a folder"), "{}", stderr(&out));
}

#[test]
fn analyze_may_write_its_report_inside_the_input_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let report = dir.path().join("report.json");
    for _ in 0..2 {
        // The second run replaces its own report, which loading skips.
        let out = qarin(&[os("analyze"), os("--json"), report.as_os_str(), dir.path().as_os_str()]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&report).unwrap()).unwrap();
    assert_eq!(v["articles"].as_array().map(Vec::len), Some(1));
}

#[cfg(unix)]
#[test]
fn file_text_reaches_the_terminal_escaped_one_line_per_file() {
    let dir = tempfile::tempdir().unwrap();
    // A title with an escape sequence (clear screen) and a bidi override; a file name with a newline and ESC.
    let title = "عنوان\u{1b}[2J\u{202E}مقلوب\u{7}";
    fs::write(
        dir.path().join("a.txt"),
        format!(
            "{title}\nالمصدر: وكالة\u{1b}]0;pwned\u{7}\n{}",
            ARTICLE.lines().nth(1).unwrap()
        ),
    )
    .unwrap();
    fs::write(
        dir.path().join("bad\n\u{1b}[31mname.txt"),
        ARTICLE.replace("الري", "المياه"),
    )
    .unwrap();
    let out = qarin(&[os("analyze"), dir.path().as_os_str()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{7}') && !err.contains('\u{202E}'),
        "{err:?}"
    );
    assert!(
        err.contains("bad\\u{a}\\u{1b}[31mname.txt: ok "),
        "escaped visibly: {err}"
    );
    assert_eq!(err.lines().filter(|l| l.contains(": ok ")).count(), 2, "{err}");
    assert_eq!(err.lines().count(), 2, "one line per file: {err}");
}

#[test]
fn ner_and_shape_refuse_files_over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    fs::File::create(&big).unwrap().set_len(51 * 1024 * 1024).unwrap();
    for args in [
        vec![os("ner"), big.as_os_str()],
        vec![os("shape"), os("--file"), big.as_os_str()],
    ] {
        let out = qarin(&args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("big.txt") && err.contains("50 MB limit"), "{err}");
    }
}

#[test]
fn train_ner_refuses_to_overwrite_its_training_data() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("train.conll");
    let conll = "محمد B-PERS\nفي O\nالقاهرة B-LOC\n\n".repeat(20);
    fs::write(&data, &conll).unwrap();
    let out = qarin(&[
        os("train-ner"),
        os("--data"),
        data.as_os_str(),
        os("--out"),
        data.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("refusing to write"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("epoch"), "refused before training");
    assert_eq!(fs::read_to_string(&data).unwrap(), conll);
}

#[test]
fn analyze_reports_damaged_input_and_still_analyses_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut cut = ARTICLE.as_bytes().to_vec();
    cut.truncate(cut.len() - 3);
    fs::write(dir.path().join("cut.txt"), &cut).unwrap();
    fs::write(dir.path().join("photo.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    let out = qarin(&[os("analyze"), dir.path().as_os_str(), os("--json"), os("-")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("cut.txt: ok "), "{err}");
    assert!(err.contains("cut.txt: warning: not valid UTF-8"), "{err}");
    assert!(err.contains("photo.png: note: not an article (an image)"), "{err}");
}
