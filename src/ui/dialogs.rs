//! Native file dialogs (rfd) on helper threads so the UI never blocks; results come back as events.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveWhat {
    Screenshot,
    Json,
    Csv,
    Html,
    /// The outlet × story matrix.
    StoriesCsv,
}

impl SaveWhat {
    fn default_name(self) -> &'static str {
        match self {
            SaveWhat::Screenshot => "qarin.png",
            SaveWhat::Json => "qarin-report.json",
            SaveWhat::Csv => "qarin-entities.csv",
            SaveWhat::Html => "qarin-report.html",
            SaveWhat::StoriesCsv => "qarin-stories.csv",
        }
    }
    fn filter(self) -> (&'static str, &'static str) {
        match self {
            SaveWhat::Screenshot => ("PNG image", "png"),
            SaveWhat::Json => ("JSON", "json"),
            SaveWhat::Csv => ("CSV", "csv"),
            SaveWhat::Html => ("HTML", "html"),
            SaveWhat::StoriesCsv => ("CSV", "csv"),
        }
    }
}

pub enum DialogEvent {
    Open(Vec<PathBuf>),
    Save(SaveWhat, PathBuf),
    Message(String),
}

pub struct Dialogs {
    sender: Sender<DialogEvent>,
    receiver: Receiver<DialogEvent>,
    pub open: bool,
}

impl Default for Dialogs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            sender,
            receiver,
            open: false,
        }
    }
}

/// A dialog that comes back empty this fast was never shown: no portal / dialog service answered.
const NO_SERVICE: Duration = Duration::from_millis(400);
const NO_SERVICE_MESSAGE: &str = "No file dialog is available on this system (no XDG desktop portal answered). \
     Type a path in the Open field of the top bar, drop files onto the window, or pass paths on the command line.";

impl Dialogs {
    fn spawn(&mut self, ctx: &egui::Context, run: impl FnOnce() -> Option<DialogEvent> + Send + 'static) {
        if self.open {
            return;
        }
        self.open = true;
        let sender = self.sender.clone();
        let ctx = ctx.clone();
        let started = std::thread::Builder::new().name("qarin-dialog".into()).spawn(move || {
            let t0 = Instant::now();
            let event = run().unwrap_or_else(|| {
                if t0.elapsed() < NO_SERVICE {
                    DialogEvent::Message(NO_SERVICE_MESSAGE.into())
                } else {
                    DialogEvent::Message(String::new())
                }
            });
            let _ = sender.send(event);
            ctx.request_repaint();
        });
        if started.is_err() {
            self.open = false;
            let _ = self
                .sender
                .send(DialogEvent::Message("Cannot open a file dialog".into()));
        }
    }

    pub fn open_files(&mut self, ctx: &egui::Context) {
        self.spawn(ctx, || {
            rfd::FileDialog::new()
                .set_title("Open articles")
                .add_filter("Articles", &["txt", "html", "htm", "md", "json", "xml"])
                .add_filter("All files", &["*"])
                .pick_files()
                .map(DialogEvent::Open)
        });
    }

    pub fn open_folder(&mut self, ctx: &egui::Context) {
        self.spawn(ctx, || {
            rfd::FileDialog::new()
                .set_title("Open a folder of articles")
                .pick_folder()
                .map(|p| DialogEvent::Open(vec![p]))
        });
    }

    pub fn save(&mut self, ctx: &egui::Context, what: SaveWhat) {
        self.spawn(ctx, move || {
            let (name, ext) = what.filter();
            rfd::FileDialog::new()
                .set_file_name(what.default_name())
                .add_filter(name, &[ext])
                .save_file()
                .map(|p| DialogEvent::Save(what, p))
        });
    }

    pub fn poll(&mut self) -> Vec<DialogEvent> {
        let events: Vec<DialogEvent> = self.receiver.try_iter().collect();
        if !events.is_empty() {
            self.open = false;
        }
        events
            .into_iter()
            .filter(|e| !matches!(e, DialogEvent::Message(m) if m.is_empty()))
            .collect()
    }
}
