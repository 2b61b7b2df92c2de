//! Integration tests: the workbench.
//! One test binary per area keeps linking (and a clean `cargo test`) short.

mod aligned;
mod columns_fit;
mod exports;
mod screenshot;
mod stories;
mod workbench;
