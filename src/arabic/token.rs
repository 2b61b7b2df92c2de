//! Tokenisation: words, numbers, Latin words and punctuation, each with the byte range of its ORIGINAL characters.
//!
//! Diacritics and tatweel inside or at the end of a word belong to it (a highlight covers them); zero-width and bidi
//! controls never split a word and never extend it at its edges. No later stage changes `start..end`.

use super::normalize::{digit_value, is_arabic_letter, is_arabic_mark, is_format_control, push_normalized};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A run of Arabic-script letters (with their marks).
    Word,
    /// Digits (any script) with `.` `,` `٫` `٬` between digits.
    Number,
    /// A run of non-Arabic letters (Latin, Cyrillic, …) and the ASCII digits that follow them (`F16`).
    Latin,
    /// Any other visible character, one per token.
    Punct,
}

/// One token: `text` is exactly `source[start..end]`; `norm` is its [`normalize`](super::normalize)d form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub norm: String,
    pub kind: TokenKind,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Latin)
    }

    /// The byte range in the ORIGINAL text of the characters that gave `norm[norm_start..norm_end]`, e.g. the base of
    /// a word without its clitics (`norm_start` = [`Analysis::prefix_len`](super::Analysis::prefix_len)). Marks
    /// that follow a kept letter stay with it.
    pub fn original_range(&self, norm_start: usize, norm_end: usize) -> (usize, usize) {
        let mut produced = 0;
        let mut start = None;
        let mut end = self.start;
        let mut buf = String::new();
        for (i, c) in self.text.char_indices() {
            buf.clear();
            push_normalized(c, &mut buf);
            if buf.is_empty() {
                // A mark: it belongs to the letter before it when that letter is kept.
                if start.is_some() && produced <= norm_end {
                    end = self.start + i + c.len_utf8();
                }
                continue;
            }
            if produced >= norm_end {
                break;
            }
            if produced >= norm_start && start.is_none() {
                start = Some(self.start + i);
            }
            produced += buf.len();
            if start.is_some() {
                end = self.start + i + c.len_utf8();
            }
        }
        let start = start.unwrap_or(end);
        (start, end.max(start))
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Arabic,
    Mark,
    Control,
    Digit,
    Other,
    Letter,
    Space,
}

fn class(c: char) -> Class {
    if is_arabic_letter(c) {
        Class::Arabic
    } else if is_arabic_mark(c) {
        Class::Mark
    } else if is_format_control(c) {
        Class::Control
    } else if digit_value(c).is_some() {
        Class::Digit
    } else if c.is_whitespace() {
        Class::Space
    } else if c.is_alphabetic() {
        Class::Letter
    } else {
        Class::Other
    }
}

fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬')
}

/// Splits `text` into tokens. Every token's `start..end` slices `text` exactly.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let cls = class(c);
        match cls {
            Class::Space | Class::Control => {
                i += 1;
            }
            Class::Arabic | Class::Mark => {
                // A stray mark at a word start is attached to the word that follows (or stands alone).
                let mut norm = String::with_capacity(24); // most words fit: no regrowth
                let mut end = start;
                let mut j = i;
                while j < chars.len() {
                    let (pos, ch) = chars[j];
                    match class(ch) {
                        Class::Arabic | Class::Mark => {
                            push_normalized(ch, &mut norm);
                            end = pos + ch.len_utf8();
                        }
                        Class::Control => {
                            // Continue only if a letter or mark follows the controls.
                            let mut k = j;
                            while k < chars.len() && class(chars[k].1) == Class::Control {
                                k += 1;
                            }
                            if k < chars.len() && matches!(class(chars[k].1), Class::Arabic | Class::Mark) {
                                j = k;
                                continue;
                            }
                            break;
                        }
                        _ => break,
                    }
                    j += 1;
                }
                // A run of marks or tatweel alone has nothing to match: no token.
                if !norm.is_empty() {
                    tokens.push(Token {
                        start,
                        end,
                        text: &text[start..end],
                        norm,
                        kind: TokenKind::Word,
                    });
                }
                i = j;
            }
            Class::Digit => {
                let mut norm = String::new();
                let mut end = start;
                let mut j = i;
                while j < chars.len() {
                    let (pos, ch) = chars[j];
                    if digit_value(ch).is_some() {
                        push_normalized(ch, &mut norm);
                        end = pos + ch.len_utf8();
                        j += 1;
                    } else if is_number_separator(ch) && j + 1 < chars.len() && digit_value(chars[j + 1].1).is_some() {
                        push_normalized(ch, &mut norm);
                        j += 1;
                    } else {
                        break;
                    }
                }
                tokens.push(Token {
                    start,
                    end,
                    text: &text[start..end],
                    norm,
                    kind: TokenKind::Number,
                });
                i = j;
            }
            Class::Letter => {
                let mut norm = String::new();
                let mut end = start;
                let mut j = i;
                while j < chars.len() {
                    let (pos, ch) = chars[j];
                    let ok = match class(ch) {
                        Class::Letter => true,
                        Class::Digit => ch.is_ascii_digit(),
                        // Combining marks of Latin text (e.g. decomposed accents).
                        Class::Other => unicode_normalization::char::is_combining_mark(ch),
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    push_normalized(ch, &mut norm);
                    end = pos + ch.len_utf8();
                    j += 1;
                }
                tokens.push(Token {
                    start,
                    end,
                    text: &text[start..end],
                    norm,
                    kind: TokenKind::Latin,
                });
                i = j;
            }
            Class::Other => {
                let end = start + c.len_utf8();
                let mut norm = String::new();
                push_normalized(c, &mut norm);
                tokens.push(Token {
                    start,
                    end,
                    text: &text[start..end],
                    norm,
                    kind: TokenKind::Punct,
                });
                i += 1;
            }
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_slice_the_original() {
        let text = "قال وَزيرُ الدفاع، «سيرغي شويغو» إن ٢٠٢٠ و3.5 F16!";
        let toks = tokenize(text);
        for t in &toks {
            assert_eq!(&text[t.start..t.end], t.text);
        }
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            [
                "قال",
                "وزير",
                "الدفاع",
                "،",
                "«",
                "سيرغي",
                "شويغو",
                "»",
                "ان",
                "2020",
                "و",
                "3.5",
                "f16",
                "!"
            ]
        );
        assert_eq!(toks[1].text, "وَزيرُ");
        assert_eq!(toks[9].kind, TokenKind::Number);
        assert_eq!(toks[12].kind, TokenKind::Latin);
    }

    #[test]
    fn original_range_of_a_base() {
        let text = "وَبِالرُّوسِيَّةِ";
        let tok = &tokenize(text)[0];
        let a = crate::arabic::strip_clitics(&tok.norm);
        assert_eq!(a.base, "روسيه");
        let (s, e) = tok.original_range(a.prefix_len, tok.norm.len());
        assert_eq!(&text[s..e], "رُّوسِيَّةِ");
        let (s, e) = tok.original_range(0, 2);
        assert_eq!(&text[s..e], "وَ");
    }

    #[test]
    fn controls_do_not_split_words() {
        let text = "\u{200F}موس\u{200C}كو\u{200F} طهران";
        let toks = tokenize(text);
        assert_eq!(toks.len(), 2);
        assert_eq!(toks[0].norm, "موسكو");
        assert_eq!(toks[0].text, "موس\u{200C}كو");
    }

    #[test]
    fn number_separators_only_between_digits() {
        let toks = tokenize("عام 2020.");
        assert_eq!(toks[1].norm, "2020");
        assert_eq!(toks[2].norm, ".");
    }
}
