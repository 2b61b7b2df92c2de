//! Arabic-aware sentence segmentation of body text.
//!
//! Boundaries: `.` `؟` `?` `!` `؛` `…` and line breaks; closing quotes and brackets after the mark stay with the
//! sentence. Not boundaries: a dot inside a number (`2.5`, `10.19.2021`), after a single letter (initials and Arabic
//! abbreviations such as `د.` `م.` `U.S.`), after common Latin abbreviations (`Mr.` `Dr.`), or between Latin
//! letters (`sputnik.ru`). A dot glued to a following Arabic word (`المبرمة.واضاف`) IS a boundary: scraped text
//! often loses the space.

use super::model::Sentence;

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', '›', ')', ']', '}', '﴿', '﴾'];
const TERMINATORS: &[char] = &['.', '؟', '?', '!', '؛', '…', '۔'];
const LATIN_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "no", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
    "rep", "inc", "ltd", "co", "corp", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "e.g", "i.e", "approx", "dept", "est", "mt", "ft",
];

/// Appends the sentences of `text[start..end]` to `out`, each trimmed of surrounding white space.
pub fn split_into(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let Some(region) = text.get(start..end) else {
        return;
    };
    let chars: Vec<(usize, char)> = region.char_indices().collect();
    let mut sent_start = 0usize;
    let mut k = 0usize;
    while k < chars.len() {
        let (i, c) = chars[k];
        if c == '\n' {
            push(text, start, sent_start, i, out);
            sent_start = i + 1;
            k += 1;
            continue;
        }
        if TERMINATORS.contains(&c) && is_boundary(&chars, k) {
            // Take the whole run of marks ("!؟", "...") and the closing quotes/brackets after it.
            let mut j = k + 1;
            while j < chars.len() && (TERMINATORS.contains(&chars[j].1) || CLOSERS.contains(&chars[j].1)) {
                j += 1;
            }
            let end_byte = chars.get(j).map_or(region.len(), |&(b, _)| b);
            push(text, start, sent_start, end_byte, out);
            sent_start = end_byte;
            k = j;
            continue;
        }
        k += 1;
    }
    push(text, start, sent_start, region.len(), out);
}

fn push(text: &str, base: usize, from: usize, to: usize, out: &mut Vec<Sentence>) {
    let Some(s) = text.get(base + from..base + to) else {
        return;
    };
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return;
    }
    let start = base + from + lead;
    out.push(Sentence {
        start,
        end: start + trimmed.len(),
    });
}

/// Whether one or two digits end just before `chars[end]` (and no digit before them).
fn short_number_ends_at(chars: &[(usize, char)], end: usize) -> bool {
    let digits = chars[..end]
        .iter()
        .rev()
        .take_while(|&&(_, c)| c.is_ascii_digit())
        .count();
    (1..=2).contains(&digits)
}

/// Whether one or two digits start at `chars[start]` (and no digit after them).
fn short_number_starts_at(chars: &[(usize, char)], start: usize) -> bool {
    let digits = chars
        .get(start..)
        .map_or(0, |rest| rest.iter().take_while(|&&(_, c)| c.is_ascii_digit()).count());
    (1..=2).contains(&digits)
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

/// Whether the mark at `chars[k]` ends a sentence.
fn is_boundary(chars: &[(usize, char)], k: usize) -> bool {
    let c = chars[k].1;
    let prev = k.checked_sub(1).map(|p| chars[p].1);
    let next = chars.get(k + 1).map(|&(_, n)| n);
    if c != '.' {
        // "؟!" and "!!" are one boundary: only the last mark of a run decides (handled by the caller's run).
        return true;
    }
    // Numbers: 2.5, 10.19.2021
    if prev.is_some_and(|p| p.is_numeric()) && next.is_some_and(|n| n.is_numeric()) {
        return false;
    }
    // Scraped text spaces its punctuation: a short number, a spaced dot and a short number are one figure or a
    // time («3 . 25 مليون», «بين 00 . 45»), not a sentence ending in a number and another starting with one.
    if prev == Some(' ')
        && next == Some(' ')
        && short_number_ends_at(chars, k - 1)
        && short_number_starts_at(chars, k + 2)
    {
        return false;
    }
    // Latin on both sides without a space: domains, file names, "e.g".
    if prev.is_some_and(is_latin_letter) && next.is_some_and(|n| n.is_ascii_alphanumeric()) {
        return false;
    }
    // A following lower-case Latin word continues the sentence ("approx. five").
    if let Some(n) = next.filter(|n| n.is_whitespace())
        && n != '\n'
        && chars.get(k + 2).is_some_and(|&(_, c2)| c2.is_ascii_lowercase())
    {
        return false;
    }
    // The word before the dot: a single letter is an initial or an abbreviation (د. م. ق.م U.S.).
    let mut w = k;
    let mut letters = 0usize;
    let mut word = String::new();
    while w > 0 {
        let ch = chars[w - 1].1;
        if crate::arabic::is_letter(ch) || ch == '\u{0640}' || ('\u{064B}'..='\u{065F}').contains(&ch) {
            if crate::arabic::is_letter(ch) && ch != '\u{0640}' {
                letters += 1;
                word.insert(0, ch.to_ascii_lowercase());
            }
            w -= 1;
        } else {
            break;
        }
    }
    if letters == 1 {
        return false;
    }
    if letters > 1 && word.is_ascii() && LATIN_ABBREVIATIONS.contains(&word.as_str()) {
        // "Dr. Smith" continues; "... in Dec." at the end of a line ends anyway via the line break.
        return next.is_none_or(|n| n != ' ') || chars.get(k + 2).is_none_or(|&(_, c2)| !c2.is_uppercase());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_into(text, 0, text.len(), &mut out);
        out.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn arabic_marks_and_missing_space() {
        assert_eq!(
            split("نقوم بتنفيذ التزامات عقود مبرمة.واضاف: هنالك آفاق. طهران ترغب؟ نعم! ثم؛ بعد"),
            [
                "نقوم بتنفيذ التزامات عقود مبرمة.",
                "واضاف: هنالك آفاق.",
                "طهران ترغب؟",
                "نعم!",
                "ثم؛",
                "بعد"
            ]
        );
    }

    #[test]
    fn numbers_dates_initials_and_quotes() {
        assert_eq!(
            split("ارتفع 2.5 بالمئة في 10/19/2021 اليوم."),
            ["ارتفع 2.5 بالمئة في 10/19/2021 اليوم."]
        );
        assert_eq!(
            split("قال د. محمد إن U.S. Army جاهز."),
            ["قال د. محمد إن U.S. Army جاهز."]
        );
        assert_eq!(
            split("وقال: \"نحن جاهزون.\" ثم غادر."),
            ["وقال: \"نحن جاهزون.\"", "ثم غادر."]
        );
        assert_eq!(
            split("موقع sputnik.ru نشر الخبر... ثم حذفه"),
            ["موقع sputnik.ru نشر الخبر...", "ثم حذفه"]
        );
        assert_eq!(split("Mr. Smith left. He"), ["Mr. Smith left.", "He"]);
        // Spaced as scrapers print them: a figure and a time stay in their sentence; a year ends one.
        assert_eq!(
            split("تراجعت المساحة إلى 3 . 25 مليون فدان ونفذت الضربة بين 00 . 45 و 01 . 10 فجرا . ثم انسحبوا"),
            [
                "تراجعت المساحة إلى 3 . 25 مليون فدان ونفذت الضربة بين 00 . 45 و 01 . 10 فجرا .",
                "ثم انسحبوا"
            ]
        );
        assert_eq!(
            split("وقع ذلك عام 2016 . 15 شخصا قتلوا"),
            ["وقع ذلك عام 2016 .", "15 شخصا قتلوا"]
        );
    }

    #[test]
    fn line_breaks_and_offsets() {
        let text = "سطر أول\n\n  سطر ثان.  \n*";
        let mut out = Vec::new();
        split_into(text, 0, text.len(), &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(&text[out[1].start..out[1].end], "سطر ثان.");
    }
}
