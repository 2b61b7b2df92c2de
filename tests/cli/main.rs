//! Integration tests: the command-line contracts, through the built binary.
//! One test binary per area keeps linking (and a clean `cargo test`) short.

mod analyze;
mod hostile;
mod ner;
