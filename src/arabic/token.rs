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

    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    pub fn is_punct(&self) -> bool {
        self.kind == TokenKind::Punct
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
                // A mark: it belongs to the letter before it when that letter is kept (every letter after `start` is:
                // the loop stops at the first one past `norm_end`).
                if start.is_some() {
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

    /// How many bytes of the original text, from the token's start, hold `norm[..norm_len]` and the marks that follow
    /// it (0 for 0): where the rest of a word split after `norm_len` folded bytes starts, as written.
    pub fn original_prefix_len(&self, norm_len: usize) -> usize {
        if norm_len == 0 {
            return 0;
        }
        self.original_range(0, norm_len).1 - self.start
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

/// Characters below this have their class looked up in a table: ASCII, Latin-1 and the Arabic block, nearly
/// everything Qarin reads. The tokenizer asks for the class of every character more than once.
const TABLED_CLASSES: usize = 0x700;

#[inline]
fn class(c: char) -> Class {
    static TABLE: std::sync::OnceLock<[Class; TABLED_CLASSES]> = std::sync::OnceLock::new();
    match TABLE
        .get_or_init(|| std::array::from_fn(|i| char::from_u32(i as u32).map_or(Class::Other, class_of)))
        .get(c as usize)
    {
        Some(&class) => class,
        None => class_of(c),
    }
}

fn class_of(c: char) -> Class {
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
    } else if super::is_letter(c) {
        Class::Letter
    } else {
        Class::Other
    }
}

fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬')
}

/// The run of characters from `chars[i]` that `joins(char, the char after it)` accepts: its folded form (into
/// `norm`, cleared first), the byte where it ends and the index after it.
fn run(
    chars: &[(usize, char)],
    i: usize,
    norm: &mut String,
    joins: impl Fn(char, Option<char>) -> bool,
) -> (usize, usize) {
    norm.clear();
    let mut end = chars[i].0;
    let mut j = i;
    while let Some(&(pos, ch)) = chars.get(j)
        && joins(ch, chars.get(j + 1).map(|&(_, c)| c))
    {
        push_normalized(ch, norm);
        end = pos + ch.len_utf8();
        j += 1;
    }
    (end, j)
}

/// One token as [`for_each_token`] shows it: its folded form borrowed for the call only (nothing allocated per
/// token).
#[derive(Debug, Clone, Copy)]
pub struct TokenView<'n> {
    pub start: usize,
    pub end: usize,
    pub norm: &'n str,
    pub kind: TokenKind,
}

/// Splits `text` into tokens. Every token's `start..end` slices `text` exactly.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    for_each_token(text, |t| {
        tokens.push(Token {
            start: t.start,
            end: t.end,
            text: &text[t.start..t.end],
            norm: t.norm.to_string(),
            kind: t.kind,
        })
    });
    tokens
}

/// The tokens of [`tokenize`], in order, shown one at a time to `visit` without allocating each one's folded form:
/// for readers that only look at each token once (folding a line, hashing words).
pub fn for_each_token(text: &str, mut visit: impl FnMut(TokenView<'_>)) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut norm = String::with_capacity(24);
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
                norm.clear();
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
                    visit(TokenView {
                        start,
                        end,
                        norm: &norm,
                        kind: TokenKind::Word,
                    });
                }
                i = j;
            }
            Class::Digit => {
                let (end, next) = run(&chars, i, &mut norm, |ch, after| {
                    digit_value(ch).is_some()
                        || (is_number_separator(ch) && after.is_some_and(|c| digit_value(c).is_some()))
                });
                visit(TokenView {
                    start,
                    end,
                    norm: &norm,
                    kind: TokenKind::Number,
                });
                i = next;
            }
            Class::Letter => {
                let (end, next) = run(&chars, i, &mut norm, |ch, _| match class(ch) {
                    Class::Letter => true,
                    Class::Digit => ch.is_ascii_digit(),
                    // Combining marks of Latin text (e.g. decomposed accents).
                    Class::Other => unicode_normalization::char::is_combining_mark(ch),
                    _ => false,
                });
                visit(TokenView {
                    start,
                    end,
                    norm: &norm,
                    kind: TokenKind::Latin,
                });
                i = next;
            }
            Class::Other => {
                let end = start + c.len_utf8();
                norm.clear();
                push_normalized(c, &mut norm);
                visit(TokenView {
                    start,
                    end,
                    norm: &norm,
                    kind: TokenKind::Punct,
                });
                i += 1;
            }
        }
    }
}

/// Stage: a token whose folded form is split into proclitics and base, the proclitics also measured on the ORIGINAL
/// characters (with the marks that follow them). The rule that decides the split is the caller's
/// ([`strip_clitics`](super::strip_clitics), or recognition's own); the token itself is unchanged and reachable
/// through `Deref`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliticSplit<'a> {
    pub token: Token<'a>,
    /// Bytes of `token.norm` the proclitics take.
    proclitic_len: usize,
    /// Bytes of `token.text` the proclitics take.
    proclitic_bytes: usize,
}

impl<'a> CliticSplit<'a> {
    /// `token` with its first `proclitic_len` folded bytes as proclitics (clamped to the folded form).
    pub fn new(token: Token<'a>, proclitic_len: usize) -> Self {
        let proclitic_len = proclitic_len.min(token.norm.len());
        let proclitic_bytes = token.original_prefix_len(proclitic_len);
        Self {
            token,
            proclitic_len,
            proclitic_bytes,
        }
    }

    /// The folded proclitics.
    pub fn proclitics(&self) -> &str {
        &self.token.norm[..self.proclitic_len]
    }

    /// The folded form without its proclitics.
    pub fn base(&self) -> &str {
        &self.token.norm[self.proclitic_len..]
    }

    /// Bytes of the original text the proclitics take: the base starts at `start + proclitic_bytes()`.
    pub fn proclitic_bytes(&self) -> usize {
        self.proclitic_bytes
    }
}

impl<'a> std::ops::Deref for CliticSplit<'a> {
    type Target = Token<'a>;

    fn deref(&self) -> &Token<'a> {
        &self.token
    }
}

/// [`tokenize`] of `text[range]` with offsets into the whole `text` (a sentence or claim unit of an article); an
/// out-of-bounds or non-boundary range has no tokens.
pub fn tokenize_range(text: &str, range: std::ops::Range<usize>) -> Vec<Token<'_>> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut tokens = tokenize(slice);
    for t in &mut tokens {
        t.start += range.start;
        t.end += range.start;
    }
    tokens
}

/// Filter: words and numbers only (punctuation dropped).
pub fn without_punctuation<'a>(tokens: impl IntoIterator<Item = Token<'a>>) -> impl Iterator<Item = Token<'a>> {
    tokens.into_iter().filter(|t| !t.is_punct())
}

/// Filter: every number split at its separators and from the Latin letters it is glued to, for readers of digit
/// groups (dates, clocks): `20.9.2023` → `20` `.` `9` `.` `2023`; `T10` → `T` `10`. Offsets stay on the original
/// characters.
pub fn split_numbers(tokens: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let mixed = match t.kind {
            TokenKind::Number => !t.norm.bytes().all(|b| b.is_ascii_digit()),
            TokenKind::Latin => t.norm.bytes().any(|b| b.is_ascii_digit()),
            _ => false,
        };
        if !mixed {
            out.push(t);
            continue;
        }
        let piece_kind = |c: char| {
            if digit_value(c).is_some() {
                TokenKind::Number
            } else if t.kind == TokenKind::Number {
                TokenKind::Punct
            } else {
                TokenKind::Latin
            }
        };
        let mut chars = t.text.char_indices().peekable();
        while let Some((from, c)) = chars.next() {
            let kind = piece_kind(c);
            let mut to = from + c.len_utf8();
            while kind != TokenKind::Punct
                && let Some(&(next, c2)) = chars.peek()
                && piece_kind(c2) == kind
            {
                to = next + c2.len_utf8();
                chars.next();
            }
            let text = &t.text[from..to];
            let mut norm = String::with_capacity(text.len());
            text.chars().for_each(|c| push_normalized(c, &mut norm));
            out.push(Token {
                start: t.start + from,
                end: t.start + to,
                text,
                norm,
                kind,
            });
        }
    }
    out
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

    /// (kind, norm, original slice) of each token.
    fn table<'a>(text: &'a str, tokens: &[Token<'a>]) -> Vec<(TokenKind, String, &'a str)> {
        tokens
            .iter()
            .map(|t| (t.kind, t.norm.clone(), &text[t.start..t.end]))
            .collect()
    }

    #[test]
    fn ranges_are_offsets_into_the_whole_text() {
        let text = "أولا. قال وزيرُ";
        let from = text.find('ق').unwrap_or_default();
        let toks = tokenize_range(text, from..text.len());
        assert_eq!(
            table(text, &toks),
            [
                (TokenKind::Word, "قال".into(), "قال"),
                (TokenKind::Word, "وزير".into(), "وزيرُ")
            ]
        );
        assert!(tokenize_range(text, 1..3).is_empty(), "not a character boundary");
        assert!(tokenize_range(text, 0..999).is_empty());
    }

    #[test]
    fn punctuation_filter() {
        let text = "قال: «نعم» 3.5!";
        let norms: Vec<String> = without_punctuation(tokenize(text)).map(|t| t.norm).collect();
        assert_eq!(norms, ["قال", "نعم", "3.5"]);
    }

    #[test]
    fn numbers_split_for_digit_readers() {
        use TokenKind::*;
        let text = "في ٢٠.٩.٢٠٢٣T10:05 وF16 و1,000";
        let toks = split_numbers(tokenize(text));
        assert_eq!(
            table(text, &toks),
            [
                (Word, "في".into(), "في"),
                (Number, "20".into(), "٢٠"),
                (Punct, ".".into(), "."),
                (Number, "9".into(), "٩"),
                (Punct, ".".into(), "."),
                (Number, "2023".into(), "٢٠٢٣"),
                (Latin, "t".into(), "T"),
                (Number, "10".into(), "10"),
                (Punct, ":".into(), ":"),
                (Number, "05".into(), "05"),
                (Word, "و".into(), "و"),
                (Latin, "f".into(), "F"),
                (Number, "16".into(), "16"),
                (Word, "و".into(), "و"),
                (Number, "1".into(), "1"),
                (Punct, ",".into(), ","),
                (Number, "000".into(), "000"),
            ]
        );
    }

    #[test]
    fn clitic_split_keeps_original_ranges() {
        // (word, folded proclitic bytes, proclitics, base, original proclitics)
        let cases: &[(&str, usize, &str, &str, &str)] = &[
            ("وَبِالرُّوسِيَّةِ", 8, "وبال", "روسيه", "وَبِال"),
            ("والإيرانية", 2, "و", "الايرانيه", "و"),
            ("و\u{200C}الكتاب", 2, "و", "الكتاب", "و\u{200C}"),
            ("\u{FEFB}جئ", 2, "ل", "اجي", "\u{FEFB}"),
            ("موسكو", 0, "", "موسكو", ""),
        ];
        for &(word, len, proclitics, base, original) in cases {
            let split = CliticSplit::new(tokenize(word).remove(0), len);
            assert_eq!(split.proclitics(), proclitics, "{word}");
            assert_eq!(split.base(), base, "{word}");
            assert_eq!(&word[..split.proclitic_bytes()], original, "{word}");
            assert_eq!(split.text, word, "the token is unchanged");
        }
    }

    #[test]
    fn number_separators_only_between_digits() {
        let toks = tokenize("عام 2020.");
        assert_eq!(toks[1].norm, "2020");
        assert_eq!(toks[2].norm, ".");
    }
}
