//! The training portion of ANERcorp (/work/shared/ner, CC BY-SA 4.0; not shipped with the sources) as sentences of
//! words. Shared by the claims data checks and `examples/news_frequencies.rs`, which regenerates a table from it.

/// Where ANERcorp's training portion is expected.
pub const ANERCORP: &str = "/work/shared/ner/anercorp_train.conll";

/// The sentences of ANERcorp (first column of each line; a line without one ends a sentence), or `None` when the
/// file is absent.
pub fn sentences() -> Option<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(ANERCORP).ok()?;
    let mut out = vec![Vec::new()];
    for line in text.lines() {
        let word = line.split(' ').next().unwrap_or("");
        if word.is_empty() {
            out.push(Vec::new());
            continue;
        }
        if let Some(last) = out.last_mut() {
            last.push(word.to_string());
        }
    }
    Some(out)
}
