//! Exports of the workbench: HTML report, entity × article CSV, PNG.

use qarin::analysis;
use qarin::progress::Progress;
use qarin::ui::Workbench;

#[test]
fn html_report_is_self_contained_rtl_utf8_with_articles_and_claims() {
    let report = analysis::analyze(qarin::corpus::load_builtin(), &Progress::new());
    let wb = Workbench::with_report(report, Vec::new());
    let html = qarin::ui::export::html_report(&wb.state);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("dir=\"rtl\""));
    assert!(html.contains("charset=\"utf-8\""));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "no external resources"
    );
    let report = wb.state.report.as_ref().expect("report");
    for a in &report.articles {
        assert!(html.contains(&a.title.replace('"', "&quot;")), "title of {}", a.id);
    }
    assert_eq!(html.matches("<div class=\"col\">").count(), report.articles.len());
    for c in &report.claims {
        assert!(
            html.contains(&format!("<td class=\"id\"><bdi>{}</bdi></td>", c.id)),
            "{}",
            c.id
        );
    }
    // Ids (Latin, with dots and underscores) are isolated from the right-to-left text around them.
    for a in &report.articles {
        assert!(html.contains(&format!(" {}</bdi>", a.id)), "{}", a.id);
    }
    // The bundled fonts are embedded (a TrueType file starts 00 01 00 00: base64 AAEAAA) and the report prints.
    assert_eq!(html.matches("@font-face").count(), 3);
    assert!(html.contains("src:url(data:font/ttf;base64,AAEAAA"));
    assert!(html.contains("@media print"));
    assert!(html.contains("overflow-wrap:anywhere"));
    for e in &report.entities {
        assert!(html.contains(&format!("title=\"{} (", e.label)) || e.mentions.is_empty());
    }
}

#[test]
fn matrix_csv_has_one_column_per_article_and_counts_mentions() {
    let report = analysis::analyze(qarin::corpus::load_builtin(), &Progress::new());
    let bytes = qarin::ui::export::matrix_csv(&report).expect("csv");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
    assert_eq!(&header[..5], ["entity", "label", "kind", "articles", "variants"]);
    assert_eq!(header.len(), 5 + report.articles.len());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), report.entities.len());
    for (row, e) in rows.iter().zip(&report.entities) {
        let total: usize = row.iter().skip(5).map(|c| c.parse::<usize>().expect("count")).sum();
        assert_eq!(total, e.mentions.len(), "{}", e.id);
    }
}

#[test]
fn png_written_from_a_colour_image_reads_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shot.png");
    let mut image = egui::ColorImage::filled([7, 3], egui::Color32::WHITE);
    image.pixels[4] = egui::Color32::from_rgb(10, 20, 30);
    qarin::ui::export::write_png(&image, &path).expect("png");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&path).expect("open")));
    let mut reader = decoder.read_info().expect("info");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("frame");
    assert_eq!((info.width, info.height), (7, 3));
    assert_eq!(&buf[16..20], &[10, 20, 30, 255]);
}

#[test]
fn html_report_speaks_of_one_article_set_the_shown_columns() {
    let report = analysis::analyze(qarin::corpus::load_builtin(), &Progress::new());
    let mut wb = Workbench::with_report(report, Vec::new());
    wb.state.columns = vec![0, 2, 4];
    let html = qarin::ui::export::html_report(&wb.state);
    let report = wb.state.report.as_ref().expect("report");
    assert_eq!(html.matches("<div class=\"col\">").count(), 3);
    assert!(html.contains("3 of 5 articles"));
    for hidden in [1, 3] {
        let id = &report.articles[hidden].id;
        assert!(
            !html.contains(&format!(" {id}</bdi>")),
            "{id} is not shown, yet the report names it"
        );
    }
    // Members numbered as the columns are: #1..#3 only.
    assert!(html.contains("#3 ") && !html.contains("<bdi>#4 "));
}

#[test]
fn csv_file_starts_with_a_utf8_byte_order_mark() {
    let report = analysis::analyze(qarin::corpus::load_builtin(), &Progress::new());
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.csv");
    qarin::ui::export::write_matrix_csv(&report, &path).expect("csv");
    let bytes = std::fs::read(&path).expect("read");
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = std::str::from_utf8(&bytes[3..]).expect("utf-8");
    assert!(text.starts_with("entity,label,kind,articles,variants,"));
    // Arabic labels are stored as UTF-8, not in a local code page.
    assert!(report.entities.iter().any(|e| text.contains(&e.label)));
}

#[test]
fn without_a_file_dialog_exports_save_to_the_export_folder_and_say_where() {
    let report = analysis::analyze(qarin::corpus::load_builtin(), &Progress::new());
    let mut wb = Workbench::with_report(report, Vec::new());
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("exports");
    wb.state.settings.export_dir = Some(folder.clone());
    let ctx = egui::Context::default();
    use qarin::ui::dialogs::SaveWhat;
    for what in [SaveWhat::Csv, SaveWhat::Html, SaveWhat::Json, SaveWhat::Csv] {
        wb.save_without_dialog(&ctx, what);
        let said = wb.state.messages.last().expect("a message").clone();
        assert!(said.starts_with("Saved "), "{said}");
    }
    for name in [
        "qarin-entities.csv",
        "qarin-entities-2.csv",
        "qarin-report.html",
        "qarin-report.json",
    ] {
        let path = folder.join(name);
        assert!(path.is_file(), "{} missing", path.display());
        assert!(std::fs::metadata(&path).expect("meta").len() > 100);
    }
    assert!(
        wb.state
            .messages
            .iter()
            .any(|m| m.contains("No file dialog") && m.contains(&folder.display().to_string()))
    );
}

#[test]
fn an_export_never_replaces_an_input_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("01_wahat-news.com.txt");
    let text = "أعلنت الحكومة استئناف المفاوضات مع النقابات بعد توقف دام شهرين بسبب الخلاف على الأجور .\n";
    std::fs::write(&input, text).expect("write");
    let corpus = qarin::corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    let report = analysis::analyze(corpus, &Progress::new());
    let mut wb = Workbench::with_report(report, vec![dir.path().to_path_buf()]);
    let ctx = egui::Context::default();
    use qarin::ui::dialogs::SaveWhat;
    for what in [SaveWhat::Json, SaveWhat::Csv, SaveWhat::Html] {
        wb.export_to(&ctx, what, input.clone());
        let said = wb.state.messages.last().expect("a message").clone();
        assert!(said.starts_with("Not saved") && said.contains("input"), "{said}");
        assert_eq!(std::fs::read_to_string(&input).expect("read"), text);
    }
    // Beside the input, under a new name, it saves.
    let beside = dir.path().join("qarin-report.json");
    wb.export_to(&ctx, SaveWhat::Json, beside.clone());
    assert!(beside.is_file(), "{:?}", wb.state.messages.last());
}
