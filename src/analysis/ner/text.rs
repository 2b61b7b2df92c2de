//! The small text helpers the tagger's features need: a token's matching form, its clitic-stripped base, its shape.
//!
//! The clitic split here is deliberately simpler than [`crate::arabic::strip_clitics`]: it defines model features, so
//! it must stay exactly as the shipped model was trained (change it only together with retraining).

/// The matching form of one token (the toolkit's normalisation; the model was trained on it).
pub use crate::arabic::normalize as fold;

/// Proclitic strings that may be glued in front of a folded word, longest first: conjunction, preposition, article.
const PREFIXES: [&str; 12] = [
    "وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "وب", "ول", "و", "ف",
];

/// The folded word with its leading clitics removed (`وبالروسيه` → `روسيه`) and the removed part; only stripped
/// while at least three letters remain, so short words are left alone.
pub fn strip_proclitics(folded: &str) -> (&str, &str) {
    for p in PREFIXES {
        if let Some(rest) = folded.strip_prefix(p)
            && rest.chars().count() >= 3
        {
            return (&folded[..p.len()], rest);
        }
    }
    for p in ["ب", "ل", "ك"] {
        if let Some(rest) = folded.strip_prefix(p)
            && rest.chars().count() >= 4
        {
            return (&folded[..p.len()], rest);
        }
    }
    ("", folded)
}

/// A coarse shape class of a token: digits, Latin, punctuation, Arabic (with a length bucket).
pub fn shape(token: &str) -> &'static str {
    let mut digits = 0;
    let mut latin = 0;
    let mut arabic = 0;
    let mut other = 0;
    for c in token.chars() {
        if c.is_ascii_digit() || ('٠'..='٩').contains(&c) || ('۰'..='۹').contains(&c) {
            digits += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
        } else {
            other += 1;
        }
    }
    match (digits > 0, latin > 0, arabic) {
        (true, false, 0) if other == 0 => "D",
        (true, _, _) => "Dx",
        (false, true, 0) => "L",
        (false, false, 0) => "P",
        (false, _, 1..=2) => "A2",
        (false, _, 3..=4) => "A4",
        (false, _, 5..=7) => "A7",
        _ => "A8",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_clitics_but_keeps_short_words() {
        assert_eq!(strip_proclitics("وبالروسيه"), ("وبال", "روسيه"));
        assert_eq!(strip_proclitics("الصين"), ("ال", "صين"));
        assert_eq!(strip_proclitics("لشويجو"), ("ل", "شويجو"));
        assert_eq!(strip_proclitics("ولد"), ("", "ولد"));
    }
}
