//! What a view gets to draw with: the state it reads, the text engine, and a queue for the commands it emits.
//! Views never change the workbench themselves; the workbench applies their commands after they ran.
//! A leaf module: it imports no view.

use super::article_text::Engine;
use super::commands::UiCommand;
use super::state::WorkbenchState;

pub struct ViewCtx<'a> {
    pub state: &'a WorkbenchState,
    /// Lays out and draws all article text (cosmic-text).
    pub engine: &'a Engine,
    commands: &'a mut Vec<UiCommand>,
    /// Ids of the text fields drawn this frame: while one has focus, arrows and Esc belong to it.
    text_inputs: &'a mut Vec<egui::Id>,
    /// Screenshot layout: no corpus panel, narrow entity panel, so all columns fit a small screen.
    pub compact: bool,
    /// The entities panel shows the entity × article table instead of the list.
    pub show_matrix: bool,
    /// The search field takes the keyboard this frame (Ctrl+F).
    pub focus_search: bool,
    /// The text of the path field in the top bar.
    pub open_path: &'a str,
    /// Where exports go without a file dialog (shown in the Export menu).
    pub export_dir: &'a str,
    pub show_help: bool,
    pub show_problems: bool,
}

/// What the workbench keeps for its views besides the state: view toggles and the path being typed.
#[derive(Debug, Clone, Default)]
pub struct ViewFlags {
    pub compact: bool,
    pub show_matrix: bool,
    pub focus_search: bool,
    pub open_path: String,
    pub export_dir: String,
    /// The Help window is open.
    pub show_help: bool,
    /// The Problems window is open.
    pub show_problems: bool,
}

impl<'a> ViewCtx<'a> {
    pub fn new(
        state: &'a WorkbenchState,
        engine: &'a Engine,
        flags: &'a ViewFlags,
        commands: &'a mut Vec<UiCommand>,
        text_inputs: &'a mut Vec<egui::Id>,
    ) -> Self {
        Self {
            state,
            engine,
            commands,
            text_inputs,
            compact: flags.compact,
            show_matrix: flags.show_matrix,
            focus_search: flags.focus_search,
            open_path: &flags.open_path,
            export_dir: &flags.export_dir,
            show_help: flags.show_help,
            show_problems: flags.show_problems,
        }
    }

    /// Asks the workbench to do `cmd` once the view is drawn.
    pub fn emit(&mut self, cmd: UiCommand) {
        self.commands.push(cmd);
    }

    /// Records a text field drawn this frame (plain keys are not shortcuts while it has focus).
    pub fn text_input(&mut self, id: egui::Id) {
        self.text_inputs.push(id);
    }
}
