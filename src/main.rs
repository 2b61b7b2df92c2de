//! The `qarin` binary: parses the command line and hands over to the command layer ([`command`]), the only code
//! that prints or chooses an exit code.

mod command;

use clap::{Args, Parser, Subcommand};
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => command::workbench::run(cli.open.paths, cli.open.screenshot),
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
        }) => command::train_ner::run(&data, &out, dev_out.as_deref(), epochs),
        Some(Command::Shape { font, file }) => command::shape::run(font.as_deref(), &file),
        Some(Command::BenchUi { paths, frames, columns }) => command::bench_ui::run(paths, frames, columns),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("qarin: {err:#}");
            ExitCode::from(2)
        }
    }
}
