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
        assert!(html.contains(&format!("<td>{}</td>", c.id)));
    }
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
