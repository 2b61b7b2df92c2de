//! Qarin (قارِن, "compare"): compare how several news articles — above all Arabic ones — tell the same story.
//!
//! Data flows one way: **load → segment → analyse → present**.
//! - [`corpus`] reads files and formats into [`corpus::Article`]s. Knows nothing of UI.
//! - [`arabic`] normalisation, tokens, stems, transliteration keys: pure functions, offsets kept.
//! - [`analysis`] entities, claims, alignment, the report model and its JSON. Depends on corpus + arabic only.
//! - [`text`] cosmic-text ↔ egui: fonts, layout cache, glyph atlas, the text widget. Knows nothing of articles.
//! - [`pipeline`] the one front door: paths and [`pipeline::Params`] in, the report out (CLI and UI alike).
//! - [`ui`] the eframe workbench: the only place that knows egui layout.
//!
//! The binary's command layer (`src/main.rs` and `src/command/`, not part of this library) runs each command;
//! library code never prints or exits.

pub mod analysis;
pub mod arabic;
pub mod corpus;
pub mod measure;
pub mod pipeline;
pub mod progress;
pub mod text;
pub mod ui;
pub mod word_list;
