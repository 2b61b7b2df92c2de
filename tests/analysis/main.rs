//! Integration tests: recognition, linking and claims.
//! One test binary per area keeps linking (and a clean `cargo test`) short.

mod anercorp;
mod claims_align;
mod claims_builtin;
mod claims_outlets;
mod claims_synonyms;
mod claims_synthetic;
mod entities_gazetteer;
mod entities_linking;
mod entities_lookalikes;
mod entities_pipeline;
mod entities_sco;
mod meaning;
mod ner_recognize;
mod ner_roles;
mod stories;
