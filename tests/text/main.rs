//! Integration tests: shaping, bidi, layout and drawing of text.
//! One test binary per area keeps linking (and a clean `cargo test`) short.

mod bidi;
mod invariance;
mod layout;
mod render;
mod robust;
mod shape;
mod widget;
