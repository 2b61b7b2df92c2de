//! Integration tests: the Arabic text chain.
//! One test binary per area keeps linking (and a clean `cargo test`) short.

mod names;
mod props;
