//! The small text helpers the tagger's features need: a matching form of a token and its clitic-stripped base.
//!
//! Features must be computed the same way at training and at tagging time, so these are kept here, next to the model
//! they feed, rather than borrowed from a toolkit that may change under a trained model.

/// The matching form of one token: diacritics and tatweel dropped, alef/yeh/teh-marbuta variants and Persian letters
/// folded, Arabic-Indic digits made ASCII, Latin lowercased.
pub fn fold(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' | 'ی' | 'ې' => out.push('ي'),
            'ة' | 'ۀ' | 'ە' => out.push('ه'),
            'ک' => out.push('ك'),
            'ؤ' => out.push('و'),
            'ئ' => out.push('ي'),
            '٠'..='٩' => out.push(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
            '۰'..='۹' => out.push(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

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

/// Whether a character is punctuation that always stands as a token of its own.
pub fn is_split_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | '،'
            | '؛'
            | ';'
            | ':'
            | '!'
            | '?'
            | '؟'
            | '"'
            | '\''
            | '«'
            | '»'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '…'
            | '/'
            | '\\'
            | '-'
            | '–'
            | '—'
            | '*'
            | '•'
            | '|'
    )
}

/// Splits text into tokens the way ANERcorp is tokenised (whitespace, punctuation apart), each with its byte range
/// into `text`.
pub fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || is_split_punct(c) {
            if let Some(s) = start.take() {
                tokens.push((s, i));
            }
            if !c.is_whitespace() {
                // A decimal point or thousands separator between digits stays inside the number.
                let prev_digit = text[..i].chars().next_back().is_some_and(|p| p.is_ascii_digit());
                let next_digit = text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_digit());
                if (c == '.' || c == ',') && prev_digit && next_digit {
                    if let Some((s, _)) = tokens.pop() {
                        start = Some(s);
                    }
                    continue;
                }
                tokens.push((i, i + c.len_utf8()));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        tokens.push((s, text.len()));
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_marks_and_folds_letters() {
        assert_eq!(fold("أَشتياني"), "اشتياني");
        assert_eq!(fold("سورية"), "سوريه");
        assert_eq!(fold("کاظم"), "كاظم");
        assert_eq!(fold("٢٠٢٠"), "2020");
    }

    #[test]
    fn strips_clitics_but_keeps_short_words() {
        assert_eq!(strip_proclitics("وبالروسيه"), ("وبال", "روسيه"));
        assert_eq!(strip_proclitics("الصين"), ("ال", "صين"));
        assert_eq!(strip_proclitics("لشويجو"), ("ل", "شويجو"));
        assert_eq!(strip_proclitics("ولد"), ("", "ولد"));
    }

    #[test]
    fn tokenizes_with_offsets() {
        let text = "وكالة \"تاس\" الروسية، 3.5 مليون.";
        let toks: Vec<&str> = tokenize(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(toks, ["وكالة", "\"", "تاس", "\"", "الروسية", "،", "3.5", "مليون", "."]);
    }
}
