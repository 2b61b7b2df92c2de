//! The Help window (keyboard shortcuts, a short guide to reading the views) and the Problems window (what went
//! wrong while loading), both floating over the workbench.

use crate::ui::commands::UiCommand;
use crate::ui::context::ViewCtx;
use crate::ui::widgets::problems_ui;
use egui::{Context, RichText, Ui};

/// How to read the workbench, one paragraph per view.
pub const GUIDE: [(&str, &str); 6] = [
    (
        "Columns",
        "One column per article, read right to left. Coloured backgrounds are entities (the same colour in every \
         column); a coloured underline and side bar is a claim several articles share, and bands between columns join \
         its members. Click an entity or claim to select it: the columns scroll so its members line up. Click any \
         other sentence to see \"similar here\": it is framed, and the nearest sentence of each other column (by \
         meaning and shared words, whether or not the claims matcher linked it) is tinted, its score on hover.",
    ),
    (
        "Claims panel",
        "Claims shared by two or more articles, the most widely shared first. ≠ lists details the members disagree \
         on (numbers, dates, names). Arrow keys step through them.",
    ),
    (
        "Entities panel",
        "People, organisations, places and dates, with the number of articles naming them and their other \
         spellings. Matrix shows who is mentioned how often in which article.",
    ),
    (
        "Aligned view",
        "One row per shared claim, one column per article, compared against the base article (pick it in a column \
         header). Strong marks: a name, number, date or negation that differs; light marks: wording only that \
         article uses. Unmarked text is shared, up to spelling and inflection.",
    ),
    (
        "Search",
        "Ctrl+F searches every column; Arabic spelling variants, diacritics and digits of every script match.",
    ),
    (
        "Exports",
        "Export saves a PNG, the JSON report, the entity CSV (opens in Excel) or an HTML report that prints. \
         Without a file dialog on this system, exports go to the folder shown in the Export menu.",
    ),
];

/// The floating windows, when open.
pub fn windows_ui(ctx: &mut ViewCtx<'_>, egui_ctx: &Context) {
    if ctx.show_help {
        let mut open = true;
        egui::Window::new("Help")
            .open(&mut open)
            .default_width(560.0)
            .vscroll(true)
            .show(egui_ctx, help_ui);
        if !open {
            ctx.emit(UiCommand::ShowHelp(false));
        }
    }
    if ctx.show_problems {
        let mut open = true;
        egui::Window::new("Problems")
            .open(&mut open)
            .default_width(620.0)
            .vscroll(true)
            .show(egui_ctx, |ui| problems_ui(ctx.state, ui));
        if !open {
            ctx.emit(UiCommand::ShowProblems(false));
        }
    }
}

fn help_ui(ui: &mut Ui) {
    ui.heading("Keyboard shortcuts");
    egui::Grid::new("help-shortcuts").striped(true).show(ui, |ui| {
        for cmd in UiCommand::ALL {
            if let Some(shortcut) = cmd.shortcut() {
                ui.label(RichText::new(ui.ctx().format_shortcut(&shortcut)).monospace());
                ui.label(cmd.label());
                ui.end_row();
            }
        }
    });
    ui.add_space(8.0);
    ui.heading("Reading the views");
    for (title, text) in GUIDE {
        ui.label(RichText::new(title).strong());
        ui.label(text);
        ui.add_space(4.0);
    }
}
