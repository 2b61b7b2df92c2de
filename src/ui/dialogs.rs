//! Native file dialogs (rfd) on helper threads so the UI never blocks; results come back as events.
//! When no dialog service answers (no XDG desktop portal), an export still saves: to the folder typed in the
//! Export menu, else to [`default_export_dir`] (the documents folder under `Qarin/`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
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
    pub fn default_name(self) -> &'static str {
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
    /// No dialog service answered a save: the export goes to the export folder instead.
    SaveWithoutDialog(SaveWhat),
    Message(String),
}

/// The folder exports go to when no file dialog answers: `Qarin/` in the first of the documents folder
/// (`XDG_DOCUMENTS_DIR`, else `~/Documents` when it exists), the home folder (`HOME`, `USERPROFILE`) and the temporary
/// folder that is not inside one of `inputs` (exports never land among the articles they describe).
/// `env` reads an environment variable (tests pass their own).
pub fn default_export_dir(env: impl Fn(&str) -> Option<OsString>, inputs: &[PathBuf]) -> PathBuf {
    let var = |name: &str| {
        env(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let mut candidates: Vec<PathBuf> = Vec::new();
    candidates.extend(var("XDG_DOCUMENTS_DIR"));
    for home in [var("HOME"), var("USERPROFILE")].into_iter().flatten() {
        let documents = home.join("Documents");
        if documents.is_dir() {
            candidates.push(documents);
        }
        candidates.push(home);
    }
    candidates.push(std::env::temp_dir());
    let inputs: Vec<PathBuf> = inputs
        .iter()
        .map(|p| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()))
        .collect();
    let outside = |dir: &Path| {
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        !inputs.iter().any(|input| dir.join("Qarin").starts_with(input))
    };
    candidates
        .into_iter()
        .find(|dir| outside(dir))
        .unwrap_or_else(std::env::temp_dir)
        .join("Qarin")
}

/// `dir/name`, or `dir/stem-2.ext`, `-3`… when taken: an export never overwrites an earlier one.
pub fn unused_path(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    (2..10_000)
        .map(|n| {
            if ext.is_empty() {
                dir.join(format!("{stem}-{n}"))
            } else {
                dir.join(format!("{stem}-{n}.{ext}"))
            }
        })
        .find(|p| !p.exists())
        .unwrap_or(first)
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
    /// Runs a dialog on a helper thread; `no_service` is sent when it comes back empty too fast to have been shown.
    fn spawn(
        &mut self,
        ctx: &egui::Context,
        no_service: DialogEvent,
        run: impl FnOnce() -> Option<DialogEvent> + Send + 'static,
    ) {
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
                    no_service
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
        self.spawn(ctx, DialogEvent::Message(NO_SERVICE_MESSAGE.into()), || {
            rfd::FileDialog::new()
                .set_title("Open articles")
                .add_filter("Articles", &["txt", "html", "htm", "md", "json", "xml"])
                .add_filter("All files", &["*"])
                .pick_files()
                .map(DialogEvent::Open)
        });
    }

    pub fn open_folder(&mut self, ctx: &egui::Context) {
        self.spawn(ctx, DialogEvent::Message(NO_SERVICE_MESSAGE.into()), || {
            rfd::FileDialog::new()
                .set_title("Open a folder of articles")
                .pick_folder()
                .map(|p| DialogEvent::Open(vec![p]))
        });
    }

    pub fn save(&mut self, ctx: &egui::Context, what: SaveWhat) {
        self.spawn(ctx, DialogEvent::SaveWithoutDialog(what), move || {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(vars: &[(&str, &Path)]) -> impl Fn(&str) -> Option<OsString> + use<> {
        let vars: Vec<(String, OsString)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.as_os_str().into()))
            .collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    #[test]
    fn exports_default_to_documents_then_home_never_inside_an_input() {
        let home = tempfile::tempdir().expect("tempdir");
        let env = env_of(&[("HOME", home.path())]);
        assert_eq!(default_export_dir(&env, &[]), home.path().join("Qarin"));
        std::fs::create_dir(home.path().join("Documents")).expect("mkdir");
        assert_eq!(default_export_dir(&env, &[]), home.path().join("Documents/Qarin"));
        // The corpus is the documents folder: the export goes to the home folder instead.
        let inputs = [home.path().join("Documents")];
        assert_eq!(default_export_dir(&env, &inputs), home.path().join("Qarin"));
        // The corpus is the whole home folder: the temporary folder.
        let inputs = [home.path().to_path_buf()];
        let dir = default_export_dir(&env, &inputs);
        assert!(!dir.starts_with(home.path()), "{}", dir.display());
        // XDG_DOCUMENTS_DIR wins; a relative or empty value is ignored.
        let docs = tempfile::tempdir().expect("tempdir");
        let env = env_of(&[("HOME", home.path()), ("XDG_DOCUMENTS_DIR", docs.path())]);
        assert_eq!(default_export_dir(&env, &[]), docs.path().join("Qarin"));
        let env = env_of(&[("HOME", home.path()), ("XDG_DOCUMENTS_DIR", Path::new("docs"))]);
        assert_eq!(default_export_dir(&env, &[]), home.path().join("Documents/Qarin"));
    }

    #[test]
    fn an_unused_path_never_overwrites() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(unused_path(dir.path(), "a.csv"), dir.path().join("a.csv"));
        std::fs::write(dir.path().join("a.csv"), "x").expect("write");
        assert_eq!(unused_path(dir.path(), "a.csv"), dir.path().join("a-2.csv"));
        std::fs::write(dir.path().join("a-2.csv"), "x").expect("write");
        assert_eq!(unused_path(dir.path(), "a.csv"), dir.path().join("a-3.csv"));
    }
}
