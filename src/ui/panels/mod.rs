//! The panels around the articles, one per file. Each draws from a [`ViewCtx`](super::context::ViewCtx) and emits
//! commands; none imports another view.

pub mod claims;
pub mod corpus;
pub mod entities;
pub mod help;
pub mod status_bar;
pub mod stories;
pub mod top_bar;
pub mod welcome;
