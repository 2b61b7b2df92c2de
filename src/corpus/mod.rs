//! Reads files and formats into [`Article`]s (text, metadata, segments, sentences). Knows nothing of UI or analysis.
//!
//! Entry points: [`load_paths`] for user files and folders, [`load_builtin`] for the bundled sample corpus.

pub mod builtin;
pub mod model;

pub use model::{Article, Corpus, Diagnostic, Segment, SegmentKind, Sentence, Severity};

use crate::progress::Progress;
use std::path::PathBuf;

/// Loads every article under `paths` (files or folders, recursive), in stable path order.
/// Never panics on bad input: each unreadable or unusable file becomes a [`Diagnostic`].
pub fn load_paths(paths: &[PathBuf], progress: &Progress) -> Corpus {
    let _ = (paths, progress);
    todo!("corpus issue")
}

/// The bundled sample corpus (`assets/corpus/`), parsed exactly as files with the same names would be.
pub fn load_builtin() -> Corpus {
    // Provisional until the corpus issue lands: first line = title, the rest = body, one sentence per line.
    let articles = builtin::SAMPLE_FILES
        .iter()
        .map(|(name, text)| {
            let text = text.replace("\r\n", "\n");
            let title_end = text.find('\n').unwrap_or(text.len());
            let mut sentences = Vec::new();
            let mut pos = title_end;
            for line in text[title_end..].split_inclusive('\n') {
                let trimmed = line.trim_end();
                if !trimmed.trim().is_empty() {
                    sentences.push(Sentence {
                        start: pos,
                        end: pos + trimmed.len(),
                    });
                }
                pos += line.len();
            }
            Article {
                id: name.trim_end_matches(".txt").to_string(),
                path: format!("builtin:{name}"),
                title: text[..title_end].trim().to_string(),
                date: None,
                source: None,
                url: None,
                segments: vec![
                    Segment {
                        kind: SegmentKind::Title,
                        start: 0,
                        end: title_end,
                    },
                    Segment {
                        kind: SegmentKind::Body,
                        start: title_end,
                        end: text.len(),
                    },
                ],
                sentences,
                text,
            }
        })
        .collect();
    Corpus {
        articles,
        diagnostics: Vec::new(),
    }
}
