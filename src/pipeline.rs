//! The one front door of the analysis: files (none: the built-in sample corpus) → segmented articles → mentions →
//! entities → claims → the [`Report`], each stage with its parameters from one [`Params`]. The command line's
//! `analyze` and the workbench both go through [`run`]; nothing else assembles the stages.

use crate::analysis::claims::ClaimParams;
use crate::analysis::entities::LinkParams;
use crate::analysis::ner::RecognitionParams;
use crate::analysis::stories::StoryParams;
use crate::analysis::{self, Report};
use crate::corpus::{self, Corpus, SegmentParams};
use crate::progress::Progress;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// The parameters of every stage; [`Default`] gives each stage's documented defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params {
    /// Splitting each text into title, metadata, body, boilerplate and related segments.
    pub segmentation: SegmentParams,
    /// Finding mentions in each article's body.
    pub recognition: RecognitionParams,
    /// Clustering mentions into entities across articles.
    pub linking: LinkParams,
    /// Finding statements shared across articles.
    pub claims: ClaimParams,
    /// Grouping the articles into stories.
    pub stories: StoryParams,
}

/// How long the two halves of a [`run_timed`] took.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Timings {
    /// Reading, decoding, segmenting and sentence-splitting the files.
    pub load: Duration,
    /// Recognition, linking and claims.
    pub analysis: Duration,
    /// The analysis split by stage.
    pub stages: analysis::StageTimes,
}

/// Loads `paths` (files or folders; none: the built-in sample corpus) and analyses them.
///
/// Cancelling `progress` stops the work early: loading skips the files not yet read, and the analysis does not start
/// when loading was cancelled (the report then holds the articles loaded so far and no findings). Callers that
/// offer cancelling check [`Progress::is_cancelled`] afterwards.
pub fn run(paths: &[PathBuf], params: &Params, progress: &Progress) -> Report {
    run_timed(paths, params, progress).0
}

/// [`run`], also saying how long loading and analysis took.
pub fn run_timed(paths: &[PathBuf], params: &Params, progress: &Progress) -> (Report, Timings) {
    let started = Instant::now();
    let corpus = if paths.is_empty() {
        corpus::load_builtin_with(&params.segmentation)
    } else {
        corpus::load_paths_with(paths, &params.segmentation, progress)
    };
    let load = started.elapsed();
    if progress.is_cancelled() {
        let Corpus { articles, diagnostics } = corpus;
        let report = Report::new(articles, Vec::new(), Vec::new(), diagnostics);
        return (
            report,
            Timings {
                load,
                ..Timings::default()
            },
        );
    }
    let started = Instant::now();
    let (mut report, mut stages) =
        analysis::analyze_timed(corpus, &params.recognition, &params.linking, &params.claims, progress);
    let grouping = Instant::now();
    analysis::stories::assign_stories(&mut report, &params.stories);
    stages.stories = grouping.elapsed();
    let timings = Timings {
        load,
        analysis: started.elapsed(),
        stages,
    };
    (report, timings)
}
