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

/// The byte-order mark that tells spreadsheet programs (Excel above all) the CSV is UTF-8, not the local code page.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The matrix CSV as written to a file: UTF-8 with a byte-order mark, so Arabic labels open ungarbled in Excel.
pub fn write_matrix_csv(report: &Report, path: &Path) -> anyhow::Result<()> {
    let mut bytes = UTF8_BOM.to_vec();
    bytes.extend(matrix_csv(report)?);
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

/// Standard base64 (RFC 4648, with padding), for the fonts embedded in the HTML report.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> shift) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bundled faces the report's text is set in, embedded (the SIL Open Font License allows it) so the report
/// reads the same on a machine without Arabic fonts.
const EMBEDDED_FONTS: [(&str, &str, &[u8]); 3] = [
    (
        "Qarin Naskh",
        "400",
        include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf"),
    ),
    (
        "Qarin Naskh",
        "700",
        include_bytes!("../../fonts/NotoNaskhArabic-Bold.ttf"),
    ),
    (
        "Qarin Sans",
        "400",
        include_bytes!("../../fonts/NotoSansArabic-Regular.ttf"),
    ),
];

fn font_faces_css() -> String {
    let mut css = String::new();
    for (family, weight, bytes) in EMBEDDED_FONTS {
        let _ = writeln!(
            css,
            "@font-face{{font-family:'{family}';font-weight:{weight};src:url(data:font/ttf;base64,{}) format('truetype')}}",
            base64(bytes)
        );
    }
    css
}

const REPORT_CSS: &str = "\
body{font-family:'Qarin Naskh','Noto Naskh Arabic','Amiri',serif;margin:1em;line-height:1.8;color:#222;\
overflow-wrap:anywhere}
h1,h2,th,.meta,.ui{font-family:'Qarin Sans','Noto Sans Arabic',sans-serif}
.cols{display:grid;grid-template-columns:repeat(auto-fill,minmax(22em,1fr));gap:1em;align-items:start}
.col{border:1px solid #ccc;border-radius:6px;padding:.6em;min-width:0}
.col h2{font-size:1.1em;margin:.2em 0} .meta{color:#555;font-size:.85em}
.secondary{color:#777} details summary{cursor:pointer;color:#666}
mark.e{border-radius:3px;padding:0 1px;color:inherit}
table{border-collapse:collapse;margin:1em 0;width:100%;table-layout:fixed}
td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;overflow-wrap:anywhere}
th.n,td.n{width:2.5em} th.id,td.id{width:5em} th.k,td.k{width:6em}
.diff{color:#a00000} .diff b{font-weight:bold} .diff ul{margin:0;padding-inline-start:1.2em}
.sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:middle}
.member{margin:.2em 0} .ref{font-family:monospace;font-size:.85em;color:#444}
@media print{
 body{margin:0;font-size:11pt} .cols{display:block}
 .col{break-inside:avoid-page;border:none;border-top:1px solid #999;border-radius:0;padding:.4em 0}
 tr{break-inside:avoid} mark.e,.sw,.c{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 details>summary{display:none} details>p{display:block}
}
";

/// The report's reference to an article: its column number and id, isolated so a Latin id keeps its order in
/// right-to-left text (`<bdi>`).
fn article_ref(position: usize, id: &str) -> String {
    format!("<span class=\"ref\"><bdi>#{} {}</bdi></span>", position + 1, esc(id))
}

/// A self-contained HTML report (no external resources, fonts embedded) on ONE article set: the shown columns
/// (all articles when none is shown). The claims table, the article columns and the entity list all speak of
/// that set, and number its articles the same way.
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
    let position_of = |id: &str| {
        index
            .article_by_id
            .get(id)
            .and_then(|a| columns.iter().position(|c| c == a))
    };
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width\">\n<title>{}</title>\n<style>\n{}{REPORT_CSS}</style>\n</head>\n<body>\n<h1><bdi>{}</bdi></h1>\n",
        esc(&state.title()),
        font_faces_css(),
        esc(&state.title())
    );
    let _ = writeln!(
        h,
        "<p class=\"meta\" dir=\"ltr\">{} of {} articles: {}</p>",
        columns.len(),
        report.articles.len(),
        columns
            .iter()
            .enumerate()
            .map(|(i, &a)| article_ref(i, &report.articles[a].id))
            .collect::<Vec<_>>()
            .join(" · ")
    );
    // Claims shared by at least two articles of the set, with only those members.
    let mut rows = String::new();
    let mut shown_claims = 0;
    for &c in &index.claim_order {
        let cluster = &report.claims[c];
        let members: Vec<(usize, &crate::analysis::ClaimMember)> = cluster
            .members
            .iter()
            .filter_map(|m| Some((position_of(&m.article)?, m)))
            .collect();
        let mut articles: Vec<usize> = members.iter().map(|(p, _)| *p).collect();
        articles.sort_unstable();
        articles.dedup();
        if articles.len() < 2 {
            continue;
        }
        shown_claims += 1;
        let colour = palette::css(palette::claim_colour(index.claim_rank[c], false));
        let mut cells = String::new();
        for (p, m) in &members {
            let _ = write!(
                cells,
                "<div class=\"member\">{} <bdi>{}</bdi></div>",
                article_ref(*p, &m.article),
                esc(&m.text)
            );
        }
        let mut diffs = String::new();
        for d in &cluster.differences {
            let values: Vec<String> = d
                .values
                .iter()
                .filter_map(|(id, v)| {
                    Some(format!(
                        "<li>{}: <bdi>{}</bdi></li>",
                        article_ref(position_of(id)?, id),
                        esc(v)
                    ))
                })
                .collect();
            if values.len() >= 2 {
                let _ = write!(
                    diffs,
                    "<div class=\"diff\"><b>≠ {}</b><ul>{}</ul></div>",
                    esc(&d.what),
                    values.concat()
                );
            }
        }
        let kind = match cluster.kind {
            crate::analysis::ClaimKind::Verbatim => "verbatim",
            crate::analysis::ClaimKind::Paraphrase => "paraphrase",
        };
        let _ = writeln!(
            rows,
            "<tr><td class=\"n\"><span class=\"sw\" style=\"background:{colour}\"></span></td><td class=\"id\"><bdi>{}</bdi></td>\
<td class=\"k\">{kind}</td><td class=\"n\">{}</td><td>{cells}</td><td>{diffs}</td></tr>",
            esc(&cluster.id),
            articles.len()
        );
    }
    let _ = write!(
        h,
        "<h2>Claims ({shown_claims})</h2>\n<table>\n<tr><th class=\"n\"></th><th class=\"id\">id</th><th class=\"k\">kind</th>\
<th class=\"n\">articles</th><th>wording per article</th><th>differences</th></tr>\n{rows}</table>\n"
    );
    h.push_str("<h2>Articles</h2>\n<div class=\"cols\">\n");
    for (i, &a) in columns.iter().enumerate() {
        let article = &report.articles[a];
        let facts: Vec<String> = [article.source.as_deref(), article.date.as_deref()]
            .into_iter()
            .flatten()
            .map(|v| format!("<bdi>{}</bdi>", esc(v)))
            .collect();
        let _ = writeln!(
            h,
            "<div class=\"col\"><h2>{} <bdi>{}</bdi></h2><div class=\"meta\">{} · {} entities · {} claims</div>",
            article_ref(i, &article.id),
            esc(&article.title),
            facts.join(" · "),
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
    h.push_str("</div>\n");
    let entities: Vec<usize> = state
        .entities_in_order()
        .into_iter()
        .filter(|&e| columns.iter().any(|&a| index.mention_counts[e][a] > 0))
        .collect();
    let _ = write!(
        h,
        "<h2>Entities ({})</h2>\n<table>\n<tr><th class=\"n\"></th><th>entity</th><th class=\"k\">kind</th>\
<th class=\"n\">articles</th><th>variants</th></tr>\n",
        entities.len()
    );
    for e in entities {
        let entity = &report.entities[e];
        let in_set = columns.iter().filter(|&&a| index.mention_counts[e][a] > 0).count();
        let _ = writeln!(
            h,
            "<tr><td class=\"n\"><span class=\"sw\" style=\"background:{}\"></span></td><td><bdi>{}</bdi></td><td class=\"k\">{}</td><td class=\"n\">{in_set}</td><td><bdi>{}</bdi></td></tr>",
            palette::css(palette::entity_colour(&entity.id, false)),
            esc(&entity.label),
            kind_name(entity.kind),
            esc(&entity.variants.join("، "))
        );
    }
    h.push_str("</table>\n");
    if !report.diagnostics.is_empty() {
        h.push_str("<h2>Problems</h2>\n<ul>\n");
        for d in &report.diagnostics {
            let _ = writeln!(
                h,
                "<li><bdi>{}</bdi>: <bdi>{}</bdi></li>",
                esc(&d.path),
                esc(&d.message)
            );
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

pub fn write_html(state: &WorkbenchState, path: &Path) -> anyhow::Result<()> {
    let mut file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(html_report(state).as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }
}
