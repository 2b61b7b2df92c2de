//! `qarin ner` and `qarin train-ner` through the binary: output format, scoring, reproducible training.

use std::process::Command;

const SENTENCES: [&str; 6] = [
    "قال O\nالرئيس O\nفلاديمير B-PERS\nبوتين I-PERS\nفي O\nموسكو B-LOC\n. O",
    "زار O\nسيرغي B-PERS\nشويغو I-PERS\nطهران B-LOC\nامس O\n. O",
    "اعلنت O\nوزارة B-ORG\nالدفاع I-ORG\nالروسية I-ORG\nان O\nموسكو B-LOC\nترحب O\n. O",
    "التقى O\nبوتين B-PERS\nفي O\nطهران B-LOC\n. O",
    "وافادت O\nوكالة O\nتاس B-ORG\nان O\nايران B-LOC\nوروسيا B-LOC\nتتعاونان O\n. O",
    "واكد O\nمحمد B-PERS\nباقري I-PERS\nفي O\nموسكو B-LOC\n. O",
];

fn qarin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_qarin"))
}

fn corpus(copies: usize) -> String {
    let mut s = String::new();
    for _ in 0..copies {
        for sentence in SENTENCES {
            s.push_str(sentence);
            s.push_str("\n\n");
        }
    }
    s
}

#[test]
fn ner_prints_each_line_with_a_tag_then_entity_scores() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gold.conll");
    std::fs::write(&file, corpus(1)).unwrap();
    let out = qarin().arg("ner").arg(&file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let text = corpus(1);
    let input: Vec<&str> = text.lines().collect();
    // Each input line comes back with one more column, a BIO tag; blank lines stay blank.
    for (i, line) in input.iter().enumerate() {
        if line.is_empty() {
            assert_eq!(lines[i], "");
            continue;
        }
        let (kept, tag) = lines[i].rsplit_once(' ').unwrap();
        assert_eq!(kept, *line);
        assert!(
            [
                "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"
            ]
            .contains(&tag),
            "{tag}"
        );
    }
    let report = &lines[input.len()..];
    assert!(report.iter().any(|l| l.starts_with("# PERS+LOC+ORG")), "{report:?}");
    assert!(report.iter().any(|l| l.starts_with("# overall")), "{report:?}");
    // The bundled model knows these names: the tagged places at least must be right.
    assert!(stdout.contains("موسكو B-LOC B-LOC"), "{stdout}");
    assert!(stdout.contains("فلاديمير B-PERS B-PERS"), "{stdout}");
}

#[test]
fn ner_without_gold_tags_prints_no_scores() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain.conll");
    std::fs::write(&file, "قال\nبوتين\nفي\nموسكو\n.\n").unwrap();
    let out = qarin().arg("ner").arg(&file).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("قال "), "{stdout}");
    assert!(stdout.contains("موسكو B-LOC"), "{stdout}");
    assert!(!stdout.contains('#'), "{stdout}");
}

#[test]
fn ner_reports_a_missing_file_and_a_bad_model() {
    let out = qarin().args(["ner", "/nonexistent/file.conll"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("file.conll"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.conll");
    std::fs::write(&file, "موسكو B-LOC\n").unwrap();
    let bad = dir.path().join("bad.bin");
    std::fs::write(&bad, b"not a model").unwrap();
    let out = qarin().arg("ner").arg(&file).arg("--model").arg(&bad).output().unwrap();
    assert!(!out.status.success());
}

#[test]
fn train_ner_is_reproducible_and_its_model_is_usable() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("train.conll");
    std::fs::write(&data, corpus(3)).unwrap();
    let run = |name: &str| {
        let model = dir.path().join(name);
        let dev = dir.path().join(format!("{name}.dev"));
        let out = qarin()
            .arg("train-ner")
            .arg("--data")
            .arg(&data)
            .arg("--out")
            .arg(&model)
            .arg("--dev-out")
            .arg(&dev)
            .args(["--epochs", "3"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        (
            std::fs::read(&model).unwrap(),
            std::fs::read_to_string(&dev).unwrap(),
            model,
            dev,
        )
    };
    let (m1, dev1, model, dev) = run("a.bin");
    let (m2, dev2, ..) = run("b.bin");
    assert_eq!(m1, m2, "training must be reproducible");
    assert_eq!(dev1, dev2);
    // The dev portion is the last tenth of the sentences (18 → 1), in file order.
    assert_eq!(dev1, format!("{}\n\n", SENTENCES[5]));
    let out = qarin()
        .arg("ner")
        .arg(&dev)
        .arg("--model")
        .arg(&model)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("# PERS+LOC+ORG"), "{stdout}");
}

/// `--classes-from` trains with another model's word classes instead of learning them: the bundled model's tables
/// make the model carry their rows, and the same tables give the same bytes.
#[test]
fn train_ner_takes_word_classes_from_a_model() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("train.conll");
    std::fs::write(&data, corpus(3)).unwrap();
    let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/ner/model.bin");
    let train = |name: &str, classes_from: Option<&std::path::Path>| {
        let model = dir.path().join(name);
        let mut cmd = qarin();
        cmd.arg("train-ner")
            .arg("--data")
            .arg(&data)
            .arg("--out")
            .arg(&model)
            .args(["--epochs", "2"]);
        if let Some(from) = classes_from {
            cmd.arg("--classes-from").arg(from);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        std::fs::read(&model).unwrap()
    };
    let plain = train("plain.bin", None);
    let a = train("a.bin", Some(&bundled));
    let b = train("b.bin", Some(&bundled));
    assert_eq!(a, b, "the same tables give the same model");
    // The bundled model's eight tables: their words and their dense rows.
    assert!(a.len() > plain.len() + 1_000_000, "{} vs {}", a.len(), plain.len());
    // The model the classes come from is an input: it is never the output.
    let model = dir.path().join("a.bin");
    let out = qarin()
        .arg("train-ner")
        .arg("--data")
        .arg(&data)
        .arg("--classes-from")
        .arg(&model)
        .arg("--out")
        .arg(&model)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&model).unwrap(), a, "the input model is untouched");
}
