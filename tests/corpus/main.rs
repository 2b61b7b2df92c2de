//! Integration tests: loading, decoding and segmenting articles.
//! One test binary per area keeps linking (and a clean `cargo test`) short.

mod bad_input;
mod builtin;
mod damaged;
mod formats;
mod pages;
mod properties;
