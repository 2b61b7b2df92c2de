//! Integration tests: the workbench.
//! One test binary per area keeps linking (and a clean `cargo test`) short.

mod aligned;
mod exports;
mod screenshot;
mod workbench;
