//! Qarin (قارِن, "compare"): compare how several news articles — above all Arabic ones — tell the same story.
//!
//! Data flows one way: **load → segment → analyse → present**.
//! - [`corpus`] reads files and formats into [`corpus::Article`]s. Knows nothing of UI.
//! - [`arabic`] normalisation, tokens, stems, transliteration keys: pure functions, offsets kept.
//! - [`analysis`] entities, claims, alignment, the report model and its JSON. Depends on corpus + arabic only.
//! - [`text`] cosmic-text ↔ egui: fonts, layout cache, glyph atlas, the text widget. Knows nothing of articles.
//! - [`ui`] the eframe workbench: the only place that knows egui layout.
//! - [`cli`] writes the qarin-report/1 JSON. The binary's command layer (`src/command/`, not part of this library)
//!   runs each command; library code never prints or exits.

pub mod analysis;
pub mod arabic;
pub mod cli;
pub mod corpus;
pub mod measure;
pub mod progress;
pub mod text;
pub mod ui;
