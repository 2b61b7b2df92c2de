//! Every user action of the workbench, with its label, tooltip and shortcut. Menus, buttons and keys all read it.
//! Views emit these; the workbench applies them in one place (`app::Workbench::run_command`).

use super::state::{ColumnOrder, MatrixSort, ViewMode};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub enum UiCommand {
    OpenFiles,
    OpenFolder,
    OpenSample,
    ExportScreenshot,
    ExportJson,
    ExportCsv,
    ExportHtml,
    NextClaim,
    PreviousClaim,
    Find,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    ClearSelection,
    ToggleTheme,
    ToggleAlignedView,
    /// Show or hide the corpus + claims panel (left).
    ToggleCorpusPanel,
    /// Show or hide the entities panel (right).
    ToggleEntitiesPanel,
    /// Open the Help window (shortcuts and how to read the views).
    Help,
    /// Show or hide the Help window.
    ShowHelp(bool),
    /// Show or hide the Problems window (files that could not be read, warnings).
    ShowProblems(bool),
    /// Open these files or folders (recent corpora, the path field).
    OpenPaths(Vec<PathBuf>),
    /// The text of the path field in the top bar.
    SetOpenPath(String),
    /// The folder exports go to when no file dialog answers (empty: the default).
    SetExportDir(String),
    /// The search query; hits are recomputed.
    SetQuery(String),
    SetEntityFilter(String),
    /// Select this entity, or clear the selection when it is the selected one.
    ToggleEntity(usize),
    /// Select this claim cluster (and align the columns on it), or clear the selection when it is the selected one.
    ToggleClaim(usize),
    /// Select this claim cluster (aligned view: a row is brought into view).
    SelectClaim(usize),
    /// Show or hide this article as a column.
    ToggleColumn(usize),
    MoveColumn {
        article: usize,
        towards_start: bool,
    },
    /// Expand or collapse a boilerplate / related / repeated block of an article.
    ToggleSegment {
        article: usize,
        segment: usize,
    },
    SetView(ViewMode),
    SetMatrixSort(MatrixSort),
    ShowMatrix(bool),
    AlignedOnlyBase(bool),
    /// Aligned view: compare the other articles against this one (report index).
    SetAlignedBase(usize),
    SetColumnWidth(f32),
    /// Where the first column stands.
    SetColumnOrder(ColumnOrder),
    SetFontSize(f32),
    CancelLoading,
    /// Scroll an article's column to this offset on the next frame (claim alignment, first search hit).
    ScrollColumn {
        article: usize,
        offset: f32,
    },
    /// A column applied its pending scroll offset.
    ScrollTaken(usize),
    /// The columns were scrolled to align the selected claim.
    ClaimAligned,
    /// The columns were scrolled to the first hit of a new search.
    SearchScrolled,
    /// Go to the next (true) or previous search hit: Enter / Shift+Enter in the search field.
    StepSearchHit(bool),
    /// The columns took the pending step through the search hits.
    SearchHitStepped,
    /// Open this story (an index into the report's stories): its articles as columns, the panels filtered to it.
    OpenStory(usize),
    /// Back to the list of stories.
    ShowStories,
    /// Save the outlet × story matrix as CSV.
    ExportStoriesCsv,
    /// Choose this sentence (article, index into its sentences) and mark the nearest units of the other columns
    /// ("similar here"); choosing it again lets go.
    ToggleSentence {
        article: usize,
        sentence: usize,
    },
    /// The columns brought their similar units into view.
    SimilarScrolled,
}

impl UiCommand {
    pub const ALL: [UiCommand; 19] = [
        UiCommand::OpenFiles,
        UiCommand::OpenFolder,
        UiCommand::OpenSample,
        UiCommand::ExportScreenshot,
        UiCommand::ExportJson,
        UiCommand::ExportCsv,
        UiCommand::ExportHtml,
        UiCommand::NextClaim,
        UiCommand::PreviousClaim,
        UiCommand::Find,
        UiCommand::ZoomIn,
        UiCommand::ZoomOut,
        UiCommand::ZoomReset,
        UiCommand::ClearSelection,
        UiCommand::ToggleTheme,
        UiCommand::ToggleAlignedView,
        UiCommand::ToggleCorpusPanel,
        UiCommand::ToggleEntitiesPanel,
        UiCommand::Help,
    ];

    pub fn label(&self) -> &'static str {
        match self {
            UiCommand::OpenFiles => "Open files…",
            UiCommand::OpenFolder => "Open folder…",
            UiCommand::OpenSample => "Open sample corpus",
            UiCommand::ExportScreenshot => "Screenshot (PNG)…",
            UiCommand::ExportJson => "Report (JSON)…",
            UiCommand::ExportCsv => "Entity × article matrix (CSV)…",
            UiCommand::ExportHtml => "HTML report…",
            UiCommand::NextClaim => "Next claim",
            UiCommand::PreviousClaim => "Previous claim",
            UiCommand::Find => "Find",
            UiCommand::ZoomIn => "Zoom in",
            UiCommand::ZoomOut => "Zoom out",
            UiCommand::ZoomReset => "Reset zoom",
            UiCommand::ClearSelection => "Clear selection",
            UiCommand::ToggleTheme => "Toggle light/dark theme",
            UiCommand::ToggleAlignedView => "Aligned view",
            UiCommand::ToggleCorpusPanel => "Corpus panel",
            UiCommand::ToggleEntitiesPanel => "Entities panel",
            UiCommand::Help => "Shortcuts and how to read the views",
            UiCommand::ShowHelp(_) => "Help",
            UiCommand::ShowProblems(_) => "Problems",
            UiCommand::OpenPaths(_) => "Open",
            UiCommand::SetOpenPath(_) => "Path to open",
            UiCommand::SetExportDir(_) => "Export folder",
            UiCommand::SetQuery(_) => "Find in articles",
            UiCommand::SetEntityFilter(_) => "Filter entities",
            UiCommand::ToggleEntity(_) => "Select entity",
            UiCommand::ToggleClaim(_) | UiCommand::SelectClaim(_) => "Select claim",
            UiCommand::ToggleColumn(_) => "Show as a column",
            UiCommand::MoveColumn {
                towards_start: true, ..
            } => "<",
            UiCommand::MoveColumn {
                towards_start: false, ..
            } => ">",
            UiCommand::ToggleSegment { .. } => "Expand",
            UiCommand::SetView(ViewMode::Columns) => "Columns",
            UiCommand::SetView(ViewMode::Aligned) => "Aligned",
            UiCommand::SetView(ViewMode::Stories) => "Stories",
            UiCommand::SetMatrixSort(_) => "Sort",
            UiCommand::ShowMatrix(_) => "Matrix",
            UiCommand::AlignedOnlyBase(_) => "Only claims of the base article",
            UiCommand::SetAlignedBase(_) => "base",
            UiCommand::SetColumnWidth(_) => "minimum column width",
            UiCommand::SetColumnOrder(_) => "Column order",
            UiCommand::SetFontSize(_) => "text size",
            UiCommand::CancelLoading => "Cancel",
            UiCommand::ScrollColumn { .. } => "Scroll column",
            UiCommand::ScrollTaken(_) => "Column scrolled",
            UiCommand::ClaimAligned => "Align claim",
            UiCommand::SearchScrolled => "Show first hits",
            UiCommand::StepSearchHit(true) => "Next hit",
            UiCommand::StepSearchHit(false) => "Previous hit",
            UiCommand::SearchHitStepped => "Hit shown",
            UiCommand::OpenStory(_) => "Open story",
            UiCommand::ShowStories => "< All stories",
            UiCommand::ExportStoriesCsv => "Outlet × story matrix (CSV)…",
            UiCommand::ToggleSentence { .. } => "Similar here",
            UiCommand::SimilarScrolled => "Show similar",
        }
    }

    pub fn tooltip(&self) -> &'static str {
        match self {
            UiCommand::OpenFiles => "Open one or more article files (text, HTML, Markdown…)",
            UiCommand::OpenFolder => "Open every article in a folder and its subfolders",
            UiCommand::OpenSample => "Open the five bundled sample articles",
            UiCommand::ExportScreenshot => "Save the whole window as a PNG image",
            UiCommand::ExportJson => "Save the analysis as a qarin-report/1 JSON file",
            UiCommand::ExportCsv => "Save which entity is mentioned how often in which article, as CSV",
            UiCommand::ExportHtml => {
                "Save a self-contained HTML report: articles side by side with highlights, claims table"
            }
            UiCommand::NextClaim => "Select the next claim cluster and align the columns on it",
            UiCommand::PreviousClaim => "Select the previous claim cluster and align the columns on it",
            UiCommand::Find => "Search all columns (Arabic spelling variants are matched)",
            UiCommand::ZoomIn => "Make everything bigger",
            UiCommand::ZoomOut => "Make everything smaller",
            UiCommand::ZoomReset => "Back to 100 %",
            UiCommand::ClearSelection => "Clear the selected entity, claim and search",
            UiCommand::ToggleTheme => "Switch between light and dark theme",
            UiCommand::ToggleAlignedView | UiCommand::SetView(ViewMode::Aligned) => {
                "Show claims as a table: one row per aligned claim, one column per article"
            }
            UiCommand::ToggleCorpusPanel => {
                "Show or hide the corpus and claims panel; hidden, the columns get its width"
            }
            UiCommand::ToggleEntitiesPanel => "Show or hide the entities panel; hidden, the columns get its width",
            UiCommand::SetView(ViewMode::Stories) => "The stories of the corpus and which outlets tell them",
            UiCommand::Help | UiCommand::ShowHelp(_) => "Keyboard shortcuts and a short guide to reading the views",
            UiCommand::ShowProblems(_) => "Files that could not be read and other problems met while loading",
            UiCommand::OpenPaths(_) => "Open these files and folders",
            UiCommand::SetOpenPath(_) => "A file or folder to open (Enter)",
            UiCommand::SetExportDir(_) => {
                "Where exports are saved when no file dialog is available (empty: Documents/Qarin or ~/Qarin)"
            }
            UiCommand::SetQuery(_) => "Search all columns (Arabic spelling variants are matched)",
            UiCommand::SetEntityFilter(_) => "Show only the entities whose name contains this",
            UiCommand::ToggleEntity(_) => "Highlight this entity in every column; click again to clear",
            UiCommand::ToggleClaim(_) | UiCommand::SelectClaim(_) => "Select this claim and align the columns on it",
            UiCommand::ToggleColumn(_) => "Show or hide this article as a column",
            UiCommand::MoveColumn {
                towards_start: true, ..
            } => "Move column left",
            UiCommand::MoveColumn {
                towards_start: false, ..
            } => "Move column right",
            UiCommand::ToggleSegment { .. } => "Show or hide this block",
            UiCommand::SetView(ViewMode::Columns) => "Articles side by side",
            UiCommand::SetMatrixSort(_) => "Order of the entity list",
            UiCommand::ShowMatrix(_) => "Entity × article table (who mentions whom)",
            UiCommand::AlignedOnlyBase(_) => {
                "Only the claims the base article carries; off: every claim the shown articles share"
            }
            UiCommand::SetAlignedBase(_) => {
                "Compare the other articles against this one: differences are marked relative to it"
            }
            UiCommand::SetColumnWidth(_) => "Narrower columns scroll horizontally",
            UiCommand::SetColumnOrder(_) => {
                "First column at the right (right-to-left corpora), at the left, or chosen from the text's script"
            }
            UiCommand::SetFontSize(_) => "Size of the article text",
            UiCommand::CancelLoading => "Stop loading; the current corpus stays",
            UiCommand::ScrollColumn { .. } => "Scroll a column",
            UiCommand::ScrollTaken(_) => "A column took its scroll offset",
            UiCommand::ClaimAligned => "The columns are aligned on the selected claim",
            UiCommand::SearchScrolled => "The columns show their first search hit",
            UiCommand::StepSearchHit(_) => "Bring the next or previous search hit into view (Enter / Shift+Enter, F3)",
            UiCommand::SearchHitStepped => "The columns show the search hit stepped to",
            UiCommand::OpenStory(_) => "Show this story's articles as columns, its claims and entities in the panels",
            UiCommand::ShowStories => "Back to the list of stories in this corpus",
            UiCommand::ExportStoriesCsv => "Which outlet covered which story, as a table (UTF-8 CSV)",
            UiCommand::ToggleSentence { .. } => {
                "Mark the sentences of the other columns nearest in meaning to this one (click again to clear)"
            }
            UiCommand::SimilarScrolled => "The columns show the units similar to the chosen sentence",
        }
    }

    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let key = |m, k| Some(KeyboardShortcut::new(m, k));
        match self {
            UiCommand::OpenFiles => key(cmd, Key::O),
            UiCommand::OpenFolder => key(cmd_shift, Key::O),
            UiCommand::OpenSample => None,
            UiCommand::ExportScreenshot => key(cmd_shift, Key::S),
            UiCommand::ExportJson => key(cmd_shift, Key::J),
            UiCommand::ExportCsv => None,
            UiCommand::ExportHtml => key(cmd_shift, Key::H),
            UiCommand::NextClaim => key(Modifiers::NONE, Key::ArrowDown),
            UiCommand::PreviousClaim => key(Modifiers::NONE, Key::ArrowUp),
            UiCommand::Find => key(cmd, Key::F),
            UiCommand::ZoomIn => key(cmd, Key::Plus),
            UiCommand::ZoomOut => key(cmd, Key::Minus),
            UiCommand::ZoomReset => key(cmd, Key::Num0),
            UiCommand::ClearSelection => key(Modifiers::NONE, Key::Escape),
            UiCommand::ToggleTheme => key(cmd_shift, Key::T),
            UiCommand::ToggleAlignedView => key(cmd_shift, Key::A),
            UiCommand::ToggleCorpusPanel => key(cmd_shift, Key::L),
            UiCommand::ToggleEntitiesPanel => key(cmd_shift, Key::E),
            UiCommand::Help => key(Modifiers::NONE, Key::F1),
            _ => None,
        }
    }

    /// Plain keys (arrows) must not fire while the user types in a text field.
    pub fn needs_free_keyboard(&self) -> bool {
        matches!(self, UiCommand::NextClaim | UiCommand::PreviousClaim)
    }

    /// The commands whose shortcuts were pressed this frame (consumed from the input).
    /// `typing`: a text field has the keyboard, so plain keys belong to it.
    pub fn from_shortcuts(ctx: &egui::Context, typing: bool) -> Vec<UiCommand> {
        let mut fired = Vec::new();
        ctx.input_mut(|input| {
            for cmd in UiCommand::ALL {
                if typing && cmd.needs_free_keyboard() {
                    continue;
                }
                if let Some(shortcut) = cmd.shortcut()
                    && input.consume_shortcut(&shortcut)
                {
                    fired.push(cmd);
                }
            }
            // Ctrl+= is where "+" sits on most keyboards.
            if input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals)) {
                fired.push(UiCommand::ZoomIn);
            }
        });
        fired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for cmd in UiCommand::ALL {
            if let Some(s) = cmd.shortcut() {
                assert!(
                    seen.insert((s.modifiers.command, s.modifiers.shift, s.logical_key)),
                    "{cmd:?}"
                );
            }
            assert!(!cmd.label().is_empty() && !cmd.tooltip().is_empty());
        }
    }
}
