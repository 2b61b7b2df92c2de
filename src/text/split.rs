//! Cutting text for display: giant paragraphs into pieces that are laid out only when seen, and long titles or
//! labels into short ones. Both look only at the part of the text they keep or cut, never at all of a huge text
//! more than once.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Split `text` into consecutive byte ranges of at most about `max_bytes` each, covering it whole, for laying out
/// piece by piece. A piece ends after a paragraph separator where there is one; inside a longer paragraph, after
/// the last sentence end (`.` `!` `?` `؟` `۔` followed by a space) in the second half of the allowed length, else
/// after the last space, else at the last grapheme boundary (a 3,000-character URL). Every piece is non-empty
/// unless the text is.
pub fn layout_pieces(text: &str, max_bytes: usize) -> Vec<Range<usize>> {
    let max_bytes = max_bytes.max(64);
    let mut pieces = Vec::with_capacity(text.len() / max_bytes + 1);
    let mut start = 0;
    while text.len() - start > max_bytes {
        let end = piece_end(text, start, max_bytes);
        pieces.push(start..end);
        start = end;
    }
    if start < text.len() || pieces.is_empty() {
        pieces.push(start..text.len());
    }
    pieces
}

/// End of the piece starting at `start` (more than `max_bytes` remain).
fn piece_end(text: &str, start: usize, max_bytes: usize) -> usize {
    let mut limit = start + max_bytes;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[start..limit];
    if let Some(i) = window.rfind(['\n', '\u{2029}']) {
        return start + i + window[i..].chars().next().map_or(1, char::len_utf8);
    }
    let half = window.len() / 2;
    let sentence = window
        .char_indices()
        .rev()
        .take_while(|&(i, _)| i >= half)
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | '؟' | '۔') && window[i + c.len_utf8()..].starts_with(char::is_whitespace)
        });
    if let Some((i, c)) = sentence {
        let after = i + c.len_utf8();
        let space = window[after..].chars().next().map_or(0, char::len_utf8);
        return start + after + space;
    }
    if let Some(i) = window.rfind(char::is_whitespace).filter(|&i| i > 0) {
        return start + i + window[i..].chars().next().map_or(1, char::len_utf8);
    }
    // No space at all: cut between graphemes (never inside a base letter and its marks).
    let last = window.grapheme_indices(true).next_back().map_or(0, |(i, _)| i);
    if last > 0 { start + last } else { limit.max(start + 1) }
}

/// `text` shortened for display to at most `max_chars` characters: cut at a word boundary when one is in the last
/// third, with an ellipsis. Looks at no more than the kept characters (a 30 MB one-line title costs nothing), and
/// keeps whole graphemes. Line breaks become spaces.
pub fn shorten(text: &str, max_chars: usize) -> Cow<'_, str> {
    let cut = text.char_indices().nth(max_chars).map(|(i, _)| i);
    let has_break = |s: &str| s.contains(['\n', '\r', '\u{2029}']);
    let Some(cut) = cut else {
        return if has_break(text) {
            Cow::Owned(text.replace(['\n', '\r', '\u{2029}'], " "))
        } else {
            Cow::Borrowed(text)
        };
    };
    let head = &text[..cut];
    // Whole graphemes only: a mark after the cut belongs to the letter before it.
    let head = match head.grapheme_indices(true).next_back() {
        Some((i, _)) if text[i..].graphemes(true).next().map_or(0, str::len) > cut - i => &head[..i],
        _ => head,
    };
    let word_cut = head
        .rfind(char::is_whitespace)
        .filter(|&i| i >= head.len() * 2 / 3)
        .map_or(head, |i| &head[..i]);
    let mut out = word_cut.trim_end().replace(['\n', '\r', '\u{2029}'], " ");
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_cover(text: &str, pieces: &[Range<usize>], max: usize) {
        let mut at = 0;
        for piece in pieces {
            assert_eq!(piece.start, at);
            assert!(piece.end > piece.start);
            assert!(piece.len() <= max.max(64), "{piece:?}");
            assert!(text.is_char_boundary(piece.end));
            at = piece.end;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn pieces_end_at_sentences_then_spaces_then_graphemes() {
        let sentence = "قال الوزير إن التعاون مستمر. ";
        let text = sentence.repeat(40);
        let pieces = layout_pieces(&text, 300);
        check_cover(&text, &pieces, 300);
        assert!(pieces.len() > 3);
        for piece in &pieces[..pieces.len() - 1] {
            assert!(text[piece.clone()].ends_with(". "), "{:?}", &text[piece.clone()]);
        }
        let words = "كلمة ".repeat(200);
        let pieces = layout_pieces(&words, 100);
        check_cover(&words, &pieces, 100);
        assert!(
            pieces[..pieces.len() - 1]
                .iter()
                .all(|p| words[p.clone()].ends_with(' '))
        );
        let url = format!("https://example.org/{}", "aé\u{301}ب".repeat(1000));
        let pieces = layout_pieces(&url, 256);
        check_cover(&url, &pieces, 256);
        for piece in &pieces {
            assert!(!url[piece.end..].starts_with('\u{301}'), "a mark stays with its letter");
        }
    }

    #[test]
    fn short_text_is_one_piece_and_paragraphs_end_pieces() {
        assert_eq!(layout_pieces("", 100), vec![0..0]);
        assert_eq!(layout_pieces("قصير", 100), vec![0..8]);
        let text = format!("{}\n{}", "أ".repeat(40), "ب".repeat(40));
        let pieces = layout_pieces(&text, 100);
        assert_eq!(pieces[0], 0..81);
        check_cover(&text, &pieces, 100);
    }

    #[test]
    fn shorten_cuts_long_titles_at_words_and_keeps_short_ones() {
        assert_eq!(shorten("عنوان قصير", 20), "عنوان قصير");
        assert_eq!(shorten("سطر\nثان", 20), "سطر ثان");
        let long = "كلمة ".repeat(10_000);
        let short = shorten(&long, 30);
        assert!(short.chars().count() <= 31 && short.ends_with('…'));
        assert!(!short.contains("  "));
        assert_eq!(shorten("abcdefgh", 4), "abcd…");
        assert_eq!(shorten("بَبَبَبَ", 3), "بَ…", "a mark stays with its letter");
    }
}
