//! The `qarin` binary: parses the command line and hands over to the command layer ([`command`]), the only code
//! that prints or chooses an exit code.

mod command;

/// mimalloc instead of the system allocator: the analysis allocates many small token and feature vectors, and on
/// glibc a fifth of a large article's time went to malloc/free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in the `mi_option_e` of the mimalloc the sys crate bundles (v3; the sys crate names no
/// constant for it). A test checks the index against the option's default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory goes back to the system ten seconds after it was freed, not after mimalloc's default second: each
/// analysis stage frees what the last one built and allocates again within seconds, and every page handed back and
/// taken again is zeroed by the kernel. On the 20 MB article on 2 shared cores that was 2.2–4.4 s of system time
/// (1.3–1.7 s with the longer delay), for 8 % more peak memory.
fn keep_freed_memory_a_while() {
    // SAFETY: sets an integer option, which mimalloc reads when it next decides whether to purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10_000) };
}

/// `mi_option_allow_thp` in the same enum; a test checks it as well.
const MI_OPTION_ALLOW_THP: libmimalloc_sys::mi_option_t = 43;

/// No transparent huge pages for this process. mimalloc asks the kernel for huge pages on its arenas, and the kernel
/// then zeroes a whole 2 MB page at the first touch of any byte of it, again after every purge: on 10,000 generated
/// files that was 12 % of the CPU in `clear_page_erms` and 2–4 s of system time (0.6–0.7 s without). mimalloc reads
/// its own option only when it maps new memory, and its first arena is mapped before `main`, so the process-wide
/// switch (Linux) does the work and the option keeps later arenas from asking.
fn no_transparent_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: sets a flag of this process; no memory is touched.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    // SAFETY: sets an integer option, read when mimalloc next maps memory.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ALLOW_THP, 0) };
}

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Qarin (قارِن): compare how several news articles — above all Arabic ones — tell the same story.
///
/// With no command, opens the workbench on PATHS (files or folders; none: the built-in sample corpus).
#[derive(Parser, Debug)]
#[command(name = "qarin", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    open: OpenArgs,
}

#[derive(Args, Debug)]
struct OpenArgs {
    /// Article files or folders (searched recursively). None: the built-in sample corpus.
    paths: Vec<PathBuf>,
    /// Render the workbench after loading and analysis, write it as PNG to FILE and exit.
    #[arg(long, value_name = "FILE")]
    screenshot: Option<PathBuf>,
    /// Window size in points, e.g. 1920x1080 (default 1600x1000; with --screenshot 1280x960).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    size: Option<[f32; 2]>,
    /// The view to show: columns side by side, the aligned claims table, or the story list.
    #[arg(long, value_enum)]
    view: Option<ViewArg>,
    /// Light or dark theme (default: as last used; a screenshot: light).
    #[arg(long, value_enum)]
    theme: Option<ThemeArg>,
    /// Search all columns for TEXT (Arabic spelling variants match).
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    /// Select the entity with this label or spelling variant (compared after Arabic normalisation).
    #[arg(long, value_name = "TEXT")]
    select_entity: Option<String>,
    /// Select the N-th claim of the claims panel (1 = the most widely shared) and align the columns on it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    select_claim: Option<u32>,
    /// Choose the first sentence of the shown columns that contains TEXT (compared after Arabic normalisation) and
    /// mark its nearest sentences in the other columns ("similar here").
    #[arg(long, value_name = "TEXT")]
    select_sentence: Option<String>,
    /// Side panels to show, comma-separated: corpus, entities, or none (default: as last used; a screenshot:
    /// entities).
    #[arg(long, value_name = "LIST", value_parser = parse_panels)]
    panels: Option<(bool, bool)>,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum ViewArg {
    Columns,
    Aligned,
    Stories,
}

#[derive(ValueEnum, Debug, Clone, Copy)]
enum ThemeArg {
    Light,
    Dark,
}

/// `WxH` in points, each between 320 and 8192.
fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("expected WxH such as 1280x800, got «{text}»"))?;
    let side = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|v| (320..=8192).contains(v))
            .ok_or_else(|| format!("«{s}» is not a size between 320 and 8192"))
    };
    Ok([side(w)? as f32, side(h)? as f32])
}

/// `corpus,entities` / `none`: which side panels show (corpus + claims, entities).
fn parse_panels(text: &str) -> Result<(bool, bool), String> {
    let mut panels = (false, false);
    for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match name {
            "corpus" | "claims" => panels.0 = true,
            "entities" => panels.1 = true,
            "none" => {}
            other => return Err(format!("unknown panel «{other}» (corpus, entities, none)")),
        }
    }
    Ok(panels)
}

impl OpenArgs {
    fn window_options(&self) -> qarin::ui::WindowOptions {
        use qarin::ui::{StartView, ViewMode};
        qarin::ui::WindowOptions {
            screenshot: self.screenshot.clone(),
            size: self.size,
            start: StartView {
                view: self.view.map(|v| match v {
                    ViewArg::Columns => ViewMode::Columns,
                    ViewArg::Aligned => ViewMode::Aligned,
                    ViewArg::Stories => ViewMode::Stories,
                }),
                dark: self.theme.map(|t| matches!(t, ThemeArg::Dark)),
                search: self.search.clone(),
                select_entity: self.select_entity.clone(),
                select_claim: self.select_claim.map(|n| n as usize),
                select_sentence: self.select_sentence.clone(),
                panels: self.panels,
            },
        }
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Load and analyse articles without a window; write the qarin-report/1 JSON.
    Analyze {
        /// Article files or folders (searched recursively). None: the built-in sample corpus.
        paths: Vec<PathBuf>,
        /// Where to write the report; `-` for standard output.
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
        /// Print timings of each stage and corpus figures to standard error.
        #[arg(long)]
        stats: bool,
    },
    /// Measure claims on a folder of story folders (`NN_<domain>.txt` + `gold.json` each): agreeing pairs aligned on
    /// their claim lines, links that join two stories (same outlet / other), time.
    EvalClaims {
        /// The folder of story folders.
        #[arg(default_value = "../shared/dev/unifiedfc")]
        dir: PathBuf,
        /// Cross-story links to print for reading.
        #[arg(long, default_value_t = 0)]
        samples: usize,
        /// Evaluate this qarin-report/1 JSON (of DIR's articles) instead of analysing DIR.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
    },
    /// Tag the tokens of a CoNLL file (first column: token; blank line: sentence break) with the entity tagger.
    ///
    /// Prints each line with the predicted BIO tag appended (PERS, LOC, ORG, MISC); when the file carries gold
    /// tags in its last column, ends with entity-level precision, recall and F1 per type.
    Ner {
        /// The CoNLL file.
        file: PathBuf,
        /// A tagger model file instead of the bundled one.
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
    },
    /// Train the entity tagger on a CoNLL file and write the model (reproducible: fixed order, fixed seed).
    TrainNer {
        /// Training data (default: ../shared/ner/anercorp_train.conll).
        #[arg(long, value_name = "FILE", default_value = "../shared/ner/anercorp_train.conll")]
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, value_name = "FILE", default_value = "assets/ner/model.bin")]
        out: PathBuf,
        /// Also write the held-out dev portion (the last tenth of the sentences) as CoNLL here.
        #[arg(long, value_name = "FILE")]
        dev_out: Option<PathBuf>,
        /// Training epochs.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Unlabelled news (files or folders, read like `analyze` reads them) to learn word classes from; the
        /// bundled model's come from `../shared/dev/unifiedfc` (see assets/ner/README.md).
        #[arg(long, value_name = "PATH")]
        unlabelled: Vec<PathBuf>,
        /// Numbers of word classes, each learnt forward and backward (at most four).
        #[arg(long, value_delimiter = ',', default_value = "64,256,1024")]
        classes: Vec<usize>,
        /// Numbers of classes learnt from the sentence encoder's word states, a table each (0: none; see
        /// assets/ner/README.md). Exchange and contextual tables are at most eight in all.
        #[arg(long, value_delimiter = ',', default_value = "256,1024")]
        contextual_classes: Vec<usize>,
        /// Encoder layers run before the word states are read (of 12).
        #[arg(long, default_value_t = 6)]
        contextual_layers: usize,
        /// Also report K-fold cross-validation over the training portion (a steadier figure than the dev tenth).
        #[arg(long, value_name = "K", default_value_t = 0)]
        folds: usize,
        /// Take the word classes from this model file instead of learning them (seconds instead of minutes; the
        /// same tables as the command that learnt them gives the same model: for trying features).
        #[arg(long, value_name = "MODEL", conflicts_with = "unlabelled")]
        classes_from: Option<PathBuf>,
    },
    /// Shape each line of a text file with the bundled fonts; print one JSON object of runs and glyphs per line.
    Shape {
        /// A font file to shape with instead of the bundled fallback chain.
        #[arg(long, value_name = "FILE")]
        font: Option<PathBuf>,
        /// The lines to shape.
        #[arg(long, value_name = "FILE")]
        file: PathBuf,
    },
    /// Measure story grouping on a folder of story folders (each with a gold.json): B-cubed precision, recall and
    /// F1 and the time, for Qarin's stories and for a TF-IDF + average-link baseline.
    EvalStories {
        /// The folder of story folders.
        #[arg(default_value = "../shared/dev/unifiedfc")]
        dir: PathBuf,
        /// Read the analysis from this qarin-report/1 JSON (of DIR) instead of analysing DIR again.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Qarin's join threshold instead of the default.
        #[arg(long)]
        threshold: Option<f32>,
    },
    /// Measure how the corpus layer reads a folder of outlet-named scraped pages (one folder per story): share of
    /// outlet-recurring text left in body, chrome titles, dates and their range, sources.
    EvalCorpus {
        /// The folder of story folders.
        #[arg(default_value = "../shared/dev/unifiedfc")]
        dir: PathBuf,
    },
    /// Drive the real workbench headlessly frame by frame and print frame-time figures as one JSON line.
    BenchUi {
        /// Article files or folders. None: the built-in sample corpus.
        paths: Vec<PathBuf>,
        /// Frames to run.
        #[arg(long, default_value_t = 300)]
        frames: usize,
        /// Articles shown as columns.
        #[arg(long, default_value_t = 5)]
        columns: usize,
    },
    /// Measure the meaning vectors on story folders with gold claim lines: rank each agreeing article's lines
    /// against the folder's claim and against other outlets' claim lines (recall@1, MRR), and the recall at fixed
    /// precision, for the lexical, semantic and combined scorers.
    EvalMeaning {
        /// The folder of story folders (each with a gold.json).
        #[arg(default_value = "../shared/dev/unifiedfc")]
        dir: PathBuf,
    },
}

/// A command's output piped into a reader that stops early (`qarin eval-claims | head`) ends the program quietly,
/// as for any command-line tool, instead of a panic on the failed write: Rust ignores SIGPIPE by default.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restores the signal's default disposition for this process; no memory is touched.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    keep_freed_memory_a_while();
    no_transparent_huge_pages();
    let cli = Cli::parse();
    let result = match cli.command {
        None => {
            let options = cli.open.window_options();
            command::workbench::run(cli.open.paths, options)
        }
        Some(Command::Analyze { paths, json, stats }) => command::analyze::run(&paths, json.as_deref(), stats),
        Some(Command::EvalClaims { dir, samples, report }) => {
            command::eval_claims::run(&dir, samples, report.as_deref())
        }
        Some(Command::Ner { file, model }) => command::ner::run(&file, model.as_deref()),
        Some(Command::TrainNer {
            data,
            out,
            dev_out,
            epochs,
            unlabelled,
            classes,
            contextual_classes,
            contextual_layers,
            folds,
            classes_from,
        }) => command::train_ner::run(
            &data,
            &out,
            dev_out.as_deref(),
            &command::train_ner::TrainOptions {
                epochs,
                unlabelled: &unlabelled,
                classes: &classes,
                contextual_classes: &contextual_classes,
                contextual_layers,
                folds,
                classes_from: classes_from.as_deref(),
            },
        ),
        Some(Command::Shape { font, file }) => command::shape::run(font.as_deref(), &file),
        Some(Command::EvalStories { dir, report, threshold }) => {
            command::eval_stories::run(&dir, report.as_deref(), threshold)
        }
        Some(Command::BenchUi { paths, frames, columns }) => command::bench_ui::run(paths, frames, columns),
        Some(Command::EvalCorpus { dir }) => command::eval_corpus::run(&dir),
        Some(Command::EvalMeaning { dir }) => command::eval_meaning::run(&dir),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("qarin: {}", command::terminal_safe(&format!("{err:#}")));
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index names the purge delay: before anything sets it, it holds mimalloc v3's default of 1000 ms (unless
    /// the environment sets it); afterwards the ten seconds.
    #[test]
    fn the_allocator_option_set_is_the_purge_delay() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            // SAFETY: reads an integer option.
            assert_eq!(unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) }, 1000);
        }
        keep_freed_memory_a_while();
        // SAFETY: as above.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) }, 10_000);
    }

    /// The index names the huge-page switch: mimalloc's default allows them (1) on Linux, macOS and Windows alike;
    /// afterwards it is 0, and on Linux the process reports huge pages disabled.
    #[test]
    fn the_allocator_option_cleared_is_the_huge_page_switch() {
        if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
            // SAFETY: reads an integer option.
            assert_eq!(unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_ALLOW_THP) }, 1);
        }
        no_transparent_huge_pages();
        // SAFETY: as above.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_ALLOW_THP) }, 0);
        #[cfg(target_os = "linux")]
        // SAFETY: reads a flag of this process.
        assert_eq!(unsafe { libc::prctl(libc::PR_GET_THP_DISABLE, 0, 0, 0, 0) }, 1);
    }
}
