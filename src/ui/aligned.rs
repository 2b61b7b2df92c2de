//! Aligned view: one row per alignment row (a claim shared across articles), one column per shown article;
//! inside a row, words not shared by every member are marked (compared after Arabic normalisation).

use super::article_text::{SpanStyle, TextBlock, TextSpan, text_block_ui};
use super::commands::UiCommand;
use super::context::ViewCtx;
use super::widgets::{rtl_line_ui, short_title};
use crate::arabic;
use egui::{Color32, RichText, Ui};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

type Words = Vec<(Range<usize>, String)>;

/// Words and numbers of `text` with their byte ranges and folded forms: the Arabic chain's tokens, punctuation dropped.
pub fn words(text: &str) -> Words {
    arabic::without_punctuation(arabic::tokenize(text))
        .map(|t| (t.start..t.end, t.norm))
        .collect()
}

/// For each cell text, the byte ranges of words that do not occur (normalised) in every other non-empty cell.
pub fn differing_words(cells: &[Option<&str>]) -> Vec<Vec<Range<usize>>> {
    let tokenised: Vec<Option<Words>> = cells.iter().map(|c| c.map(words)).collect();
    let sets: Vec<HashSet<&str>> = tokenised
        .iter()
        .flatten()
        .map(|ws| ws.iter().map(|(_, w)| w.as_str()).collect())
        .collect();
    tokenised
        .iter()
        .map(|cell| match cell {
            None => Vec::new(),
            Some(ws) => ws
                .iter()
                .filter(|(_, w)| sets.len() > 1 && sets.iter().any(|s| !s.contains(w.as_str())))
                .map(|(r, _)| r.clone())
                .collect(),
        })
        .collect()
}

/// The claims table. Needs the alignment of the shown columns prepared (`WorkbenchState::prepare_alignment`).
pub fn aligned_view_ui(ctx: &mut ViewCtx<'_>, ui: &mut Ui) {
    let state = ctx.state;
    let engine = ctx.engine;
    // In this view "aligning" a claim means bringing its row into view.
    let align_pending = state.align_pending;
    if align_pending {
        ctx.emit(UiCommand::ClaimAligned);
    }
    if state.columns.is_empty() {
        ui.label("No article is shown: tick articles in the corpus panel.");
        return;
    }
    let Some(alignment) = state.alignment() else {
        return;
    };
    let Some(report) = state.report.as_ref() else { return };
    let columns = &state.columns;
    let n = columns.len();
    // Room for the claim id column, the differences column (170) and the grid spacing.
    let cell_width = ((ui.available_width() - 240.0 - 10.0 * n as f32) / n as f32).clamp(160.0, 420.0);
    let font = state.settings.font_size * 0.9;
    let diff_bg = if state.settings.dark {
        Color32::from_rgb(95, 45, 40)
    } else {
        Color32::from_rgb(255, 222, 205)
    };
    let rows_with_cluster = alignment.rows.iter().filter(|r| r.cluster.is_some()).count();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "{} aligned rows, {rows_with_cluster} shared claims",
                alignment.rows.len()
            ))
            .strong(),
        );
        let mut only_shared = state.only_shared_rows;
        let cmd = UiCommand::OnlySharedRows(only_shared);
        if ui.checkbox(&mut only_shared, cmd.label()).changed() {
            ctx.emit(UiCommand::OnlySharedRows(only_shared));
        }
        ui.label(RichText::new("Words not shared by every article of a row are marked.").weak());
    });
    let only_shared = state.only_shared_rows;
    if alignment.rows.is_empty() {
        ui.label("No alignment rows for these articles.");
        return;
    }
    egui::ScrollArea::both()
        .id_salt("aligned")
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::Grid::new("aligned-grid")
                .striped(true)
                .min_col_width(40.0)
                .spacing([10.0, 8.0])
                .show(ui, |ui| {
                    ui.label(RichText::new("claim").strong());
                    for (i, &a) in columns.iter().enumerate() {
                        rtl_line_ui(
                            ui,
                            engine,
                            &format!("#{} {}", i + 1, short_title(&report.articles[a].title, 80)),
                            13.0,
                            ui.visuals().strong_text_color(),
                            cell_width,
                        );
                    }
                    ui.label(RichText::new("differences").strong());
                    ui.end_row();
                    for row in alignment.rows.iter().filter(|r| !only_shared || r.cluster.is_some()) {
                        let cluster = row
                            .cluster
                            .as_ref()
                            .and_then(|id| report.claims.iter().position(|c| &c.id == id));
                        let texts: Vec<Option<&str>> = row
                            .cells
                            .iter()
                            .enumerate()
                            .map(|(i, cell)| {
                                let a = *columns.get(i)?;
                                let u = cell.as_ref()?;
                                Some(report.articles[a].slice(u.start, u.end))
                            })
                            .collect();
                        let diffs = if cluster.is_some() {
                            differing_words(&texts)
                        } else {
                            vec![Vec::new(); texts.len()]
                        };
                        match cluster {
                            Some(c) => {
                                let colour = state.claim_colour(c);
                                let selected = state.selection.claim == Some(c);
                                let text = RichText::new(&report.claims[c].id).color(colour).strong();
                                let r = ui.selectable_label(selected, text);
                                if r.clicked() {
                                    ctx.emit(UiCommand::SelectClaim(c));
                                }
                                if selected && align_pending {
                                    r.scroll_to_me(Some(egui::Align::Center));
                                }
                            }
                            None => {
                                ui.label("");
                            }
                        }
                        for (i, text) in texts.iter().enumerate().take(n) {
                            match text {
                                Some(t) => {
                                    let spans: Vec<TextSpan> = diffs[i]
                                        .iter()
                                        .map(|r| TextSpan {
                                            range: r.clone(),
                                            style: SpanStyle {
                                                background: Some(diff_bg),
                                                ..SpanStyle::default()
                                            },
                                            tag: 0,
                                        })
                                        .collect();
                                    let colour = if cluster.is_some() {
                                        ui.visuals().text_color()
                                    } else {
                                        ui.visuals().weak_text_color()
                                    };
                                    let shared: Arc<str> = Arc::from(*t);
                                    let id = egui::Id::unique(("qarin-aligned-cell", i, t.len(), t.as_ptr() as usize));
                                    let block = TextBlock {
                                        spans: &spans,
                                        reading_face: true,
                                        ..TextBlock::plain(id, &shared, cell_width, font, colour)
                                    };
                                    text_block_ui(ui, engine, &block);
                                }
                                None => {
                                    ui.label(RichText::new("—").weak());
                                }
                            }
                        }
                        for _ in texts.len()..n {
                            ui.label("");
                        }
                        if let Some(c) = cluster {
                            ui.vertical(|ui| {
                                for d in &report.claims[c].differences {
                                    // Values by column number, as the table shows them.
                                    let values: Vec<String> = d
                                        .values
                                        .iter()
                                        .map(|(id, v)| {
                                            let col = state
                                                .index
                                                .article_by_id
                                                .get(id)
                                                .and_then(|a| columns.iter().position(|c| c == a));
                                            match col {
                                                Some(i) => format!("#{} {v}", i + 1),
                                                None => format!("{id}: {v}"),
                                            }
                                        })
                                        .collect();
                                    ui.label(
                                        RichText::new(format!("≠ {}", d.what))
                                            .color(ui.visuals().warn_fg_color)
                                            .strong(),
                                    );
                                    for v in values {
                                        rtl_line_ui(ui, engine, &v, 12.0, ui.visuals().text_color(), 170.0);
                                    }
                                }
                            });
                        } else {
                            ui.label("");
                        }
                        ui.end_row();
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differing_words_after_normalisation() {
        let a = "قال الرئيس إن 20 شخصا قتلوا";
        let b = "قال الرئيس ان 25 شخصا قتلوا";
        let d = differing_words(&[Some(a), Some(b), None]);
        let da: Vec<&str> = d[0].iter().map(|r| &a[r.clone()]).collect();
        let db: Vec<&str> = d[1].iter().map(|r| &b[r.clone()]).collect();
        assert_eq!(da, vec!["20"]);
        assert_eq!(db, vec!["25"]);
        assert!(d[2].is_empty());
    }

    #[test]
    fn words_are_folded_tokens_on_original_ranges() {
        let text = "قالَ: «إيران» ۲۰۲۰!";
        let found = words(text);
        let ws: Vec<(&str, &str)> = found.iter().map(|(r, w)| (&text[r.clone()], w.as_str())).collect();
        assert_eq!(ws, [("قالَ", "قال"), ("إيران", "ايران"), ("۲۰۲۰", "2020")]);
    }
}
