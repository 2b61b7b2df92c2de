//! Exports: PNG screenshots, the entity × article CSV, the self-contained HTML report.

use super::palette;
use super::state::{ReportIndex, WorkbenchState, is_secondary, kind_name};
use crate::analysis::Report;
use crate::corpus::SegmentKind;
use anyhow::Context;
use std::fmt::Write as _;
use std::io::Write;
use std::path::Path;

pub fn write_png(image: &egui::ColorImage, path: &Path) -> anyhow::Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut encoder = png::Encoder::new(
        std::io::BufWriter::new(file),
        image.size[0] as u32,
        image.size[1] as u32,
    );
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header()?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    writer.write_image_data(&bytes)?;
    writer.finish()?;
    Ok(())
}

/// One row per entity: id, label, kind, number of articles, then its mention count in each article.
pub fn matrix_csv(report: &Report) -> anyhow::Result<Vec<u8>> {
    let index = ReportIndex::new(report);
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "entity".to_string(),
        "label".into(),
        "kind".into(),
        "articles".into(),
        "variants".into(),
    ];
    header.extend(report.articles.iter().map(|a| a.id.clone()));
    w.write_record(&header)?;
    for (e, entity) in report.entities.iter().enumerate() {
        let mut row = vec![
            entity.id.clone(),
            entity.label.clone(),
            kind_name(entity.kind).to_lowercase(),
            entity.articles.len().to_string(),
            entity.variants.join(" | "),
        ];
        row.extend(index.mention_counts[e].iter().map(|c| c.to_string()));
        w.write_record(&row)?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

pub fn write_matrix_csv(report: &Report, path: &Path) -> anyhow::Result<()> {
    let bytes = matrix_csv(report)?;
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The text of `start..end` of article `a` as HTML with entity marks and claim underlines.
fn marked_html(report: &Report, index: &ReportIndex, a: usize, start: usize, end: usize, dark: bool) -> String {
    let article = &report.articles[a];
    let marks = &index.marks[a];
    let mut cuts = vec![start, end];
    for (r, _) in &marks.mentions {
        cuts.extend([r.start, r.end]);
    }
    for (r, _, _) in &marks.claims {
        cuts.extend([r.start, r.end]);
    }
    cuts.retain(|&c| c >= start && c <= end && article.text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::new();
    for w in cuts.windows(2) {
        let (x, y) = (w[0], w[1]);
        let piece = esc(&article.text[x..y]);
        let claim = marks.claims.iter().find(|(r, _, _)| r.start <= x && y <= r.end);
        let mention = marks.mentions.iter().rev().find(|(r, _)| r.start <= x && y <= r.end);
        let mut html = piece;
        if let Some((_, e)) = mention {
            let entity = &report.entities[*e];
            html = format!(
                "<mark class=\"e\" style=\"background:{}\" title=\"{} ({})\">{html}</mark>",
                palette::css(palette::entity_colour(&entity.id, dark)),
                esc(&entity.label),
                kind_name(entity.kind)
            );
        }
        if let Some((_, c, _)) = claim {
            let colour = palette::css(palette::claim_colour(index.claim_rank[*c], dark));
            html = format!(
                "<span class=\"c\" style=\"border-bottom:3px solid {colour}\" title=\"claim {}\">{html}</span>",
                esc(&report.claims[*c].id)
            );
        }
        out.push_str(&html);
    }
    out.replace('\n', "<br>\n")
}

/// A self-contained HTML report (no external resources): the shown articles side by side with highlights,
/// the claims table with differences, the entity list.
pub fn html_report(state: &WorkbenchState) -> String {
    let Some(report) = &state.report else {
        return String::from("<!doctype html><meta charset=\"utf-8\"><p>No corpus loaded.</p>");
    };
    let index = &state.index;
    let columns: Vec<usize> = if state.columns.is_empty() {
        (0..report.articles.len()).collect()
    } else {
        state.columns.clone()
    };
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n\
body{{font-family:'Noto Naskh Arabic','Amiri','Noto Sans Arabic',serif;margin:1em;line-height:1.8;color:#222}}\n\
.cols{{display:flex;gap:1em;overflow-x:auto;align-items:flex-start}}\n\
.col{{flex:0 0 26em;border:1px solid #ccc;border-radius:6px;padding:.6em}}\n\
.col h2{{font-size:1.1em;margin:.2em 0}} .meta{{color:#666;font-size:.85em}}\n\
.secondary{{color:#999}} details summary{{cursor:pointer;color:#888}}\n\
mark.e{{border-radius:3px;padding:0 1px;color:inherit}}\n\
table{{border-collapse:collapse;margin:1em 0}} td,th{{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}}\n\
.diff{{color:#b00;font-weight:bold}} .sw{{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:middle}}\n\
</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(&state.title()),
        esc(&state.title())
    );
    // Claims table.
    let _ = write!(
        h,
        "<h2>Claims ({})</h2>\n<table>\n<tr><th></th><th>id</th><th>kind</th><th>articles</th><th>wording per article</th><th>differences</th></tr>\n",
        report.claims.len()
    );
    for &c in &index.claim_order {
        let cluster = &report.claims[c];
        let colour = palette::css(palette::claim_colour(index.claim_rank[c], false));
        let mut members = String::new();
        for m in &cluster.members {
            let title = report.article(&m.article).map(|a| a.title.as_str()).unwrap_or("");
            let _ = write!(
                members,
                "<div><b>{}</b> ({}): {}</div>",
                esc(&m.article),
                esc(title),
                esc(&m.text)
            );
        }
        let mut diffs = String::new();
        for d in &cluster.differences {
            let values: Vec<String> = d
                .values
                .iter()
                .map(|(a, v)| format!("{}: {}", esc(a), esc(v)))
                .collect();
            let _ = write!(
                diffs,
                "<div class=\"diff\">{} — {}</div>",
                esc(&d.what),
                values.join("; ")
            );
        }
        let kind = match cluster.kind {
            crate::analysis::ClaimKind::Verbatim => "verbatim",
            crate::analysis::ClaimKind::Paraphrase => "paraphrase",
        };
        let _ = writeln!(
            h,
            "<tr><td><span class=\"sw\" style=\"background:{colour}\"></span></td><td>{}</td><td>{kind}</td><td>{}</td><td>{members}</td><td>{diffs}</td></tr>",
            esc(&cluster.id),
            index.claim_article_counts[c]
        );
    }
    h.push_str("</table>\n<h2>Articles</h2>\n<div class=\"cols\">\n");
    for &a in &columns {
        let article = &report.articles[a];
        let _ = writeln!(
            h,
            "<div class=\"col\"><h2>{}</h2><div class=\"meta\">{} · {} · {} · {} entities · {} claims</div>",
            esc(&article.title),
            esc(&article.id),
            esc(article.source.as_deref().unwrap_or("")),
            esc(article.date.as_deref().unwrap_or("")),
            index.mention_counts.iter().filter(|c| c[a] > 0).count(),
            index.claim_counts[a]
        );
        for seg in &article.segments {
            if seg.kind == SegmentKind::Title {
                continue;
            }
            let body = marked_html(report, index, a, seg.start, seg.end, false);
            if is_secondary(seg.kind) {
                let _ = writeln!(
                    h,
                    "<details class=\"secondary\"><summary>{:?}</summary><p>{body}</p></details>",
                    seg.kind
                );
            } else {
                let _ = writeln!(h, "<p>{body}</p>");
            }
        }
        h.push_str("</div>\n");
    }
    h.push_str("</div>\n<h2>Entities</h2>\n<table>\n<tr><th></th><th>entity</th><th>kind</th><th>articles</th><th>variants</th></tr>\n");
    for e in state.entities_in_order() {
        let entity = &report.entities[e];
        let _ = writeln!(
            h,
            "<tr><td><span class=\"sw\" style=\"background:{}\"></span></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            palette::css(palette::entity_colour(&entity.id, false)),
            esc(&entity.label),
            kind_name(entity.kind),
            entity.articles.len(),
            esc(&entity.variants.join("، "))
        );
    }
    if !report.diagnostics.is_empty() {
        h.push_str("</table>\n<h2>Problems</h2>\n<ul>\n");
        for d in &report.diagnostics {
            let _ = writeln!(h, "<li dir=\"auto\">{}: {}</li>", esc(&d.path), esc(&d.message));
        }
        h.push_str("</ul>\n");
    } else {
        h.push_str("</table>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

pub fn write_html(state: &WorkbenchState, path: &Path) -> anyhow::Result<()> {
    let mut file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(html_report(state).as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}
