//! The header block of scraped pages: the publication date a page prints, and the split of a long glued first line
//! (site name, menus, the headline printed twice, a date/time stamp, the lede) into title, meta, boilerplate and
//! body.
//!
//! Dates: a labelled date anywhere (`تاريخ 02 . 07 . 2017`, `تم النشر بتاريخ : …`), else the first full date in the
//! header (the first lines), else an update date. A date must be plausible: not before
//! [`HeaderParams::min_year`], not after the day of loading, and not an event date (`في 3 مايو 2011`, `منذ …`).
//! A header date that many articles of one outlet print alike, whatever their story, is the page's "today" stamp
//! (the day of scraping), not the article's date.

use super::chrome::words_of;
use super::model::{Article, SegmentKind};
use super::segment::{self, fold_line};
use crate::arabic::dates::{self, DateMatch};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// The numbers of the header block, with their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderParams {
    /// No page date before this year: 1990.
    pub min_year: u32,
    /// The latest plausible page date, `YYYY-MM-DD`: the day of loading by default (`None`: no upper limit).
    pub latest: Option<String>,
    /// Bytes at the top of the text searched for a header date: 1,500.
    pub header_bytes: usize,
    /// Words before a date searched for its label: 4.
    pub label_window_words: usize,
    /// A header date printed alike by this many articles of one outlet is a "today" stamp: 3.
    pub stamp_min_articles: usize,
    /// A glued first line has more words than this: 30 (above it, the headline is looked for inside the line).
    pub glued_line_min_words: usize,
    /// The headline printed twice has at least this many words …: 3 …
    pub twice_min_words: usize,
    /// … and at most this many: 30.
    pub twice_max_words: usize,
    /// Words at the top of the text searched for the headline printed twice: 160.
    pub twice_window_words: usize,
}

impl Default for HeaderParams {
    fn default() -> Self {
        Self {
            min_year: 1990,
            latest: Some(today()),
            header_bytes: 1500,
            label_window_words: 4,
            stamp_min_articles: 3,
            glued_line_min_words: 30,
            twice_min_words: 3,
            twice_max_words: 30,
            twice_window_words: 160,
        }
    }
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock (days since 1970 → civil date).
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Whether a date value (`YYYY-MM-DD…`, `YYYY-MM`, `YYYY`) is a plausible page date.
pub fn plausible(value: &str, p: &HeaderParams) -> bool {
    let Some(year) = value.get(..4).and_then(|y| y.parse::<u32>().ok()) else {
        return false;
    };
    if year < p.min_year {
        return false;
    }
    match &p.latest {
        // ISO strings compare in date order; a shorter value compares by its prefix.
        Some(latest) => value.get(..10.min(value.len())).unwrap_or(value) <= latest.as_str(),
        None => true,
    }
}

/// Words before a date that make it an event's date, not the page's.
const EVENT_WORDS: &[&str] = &[
    "في",
    "منذ",
    "حتي",
    "قبل",
    "بعد",
    "خلال",
    "من",
    "الي",
    "عام",
    "مطلع",
    "اواخر",
    "اوائل",
    "since",
    "in",
    "on",
];

/// A page-date candidate of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct DateCandidate {
    pub start: usize,
    pub end: usize,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]`.
    pub value: String,
    /// Read after a date label (`تاريخ`, `نشر`…).
    pub labelled: bool,
    /// The label says it is an update.
    pub update: bool,
}

/// The folded words just before `at` in `text` (at most `n`, nearest last), on the same line.
fn words_before(text: &str, at: usize, n: usize) -> Vec<String> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let from = text[line_start..at]
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(n * 3)
        .map_or(line_start, |(i, _)| line_start + i);
    let folded = fold_line(&text[from..at]);
    let words: Vec<String> = folded
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words[words.len().saturating_sub(n)..].to_vec()
}

/// The value of a date match with the clock time that follows it (`… 2017 الساعة 14 : 48`).
fn with_time(text: &str, m: &DateMatch) -> String {
    if m.value.len() != 10 {
        return m.value.clone();
    }
    let end = (m.end + 40).min(text.len());
    let end = (end..=text.len())
        .find(|&e| text.is_char_boundary(e))
        .unwrap_or(text.len());
    text.get(m.start..end)
        .and_then(dates::parse_datetime)
        .filter(|v| v.starts_with(&m.value))
        .unwrap_or_else(|| m.value.clone())
}

/// The page-date candidates of `text`, in text order: labelled dates anywhere, unlabelled full dates in the header
/// (the first [`HeaderParams::header_bytes`]). Event dates and implausible dates are left out.
pub fn date_candidates(text: &str, p: &HeaderParams) -> Vec<DateCandidate> {
    let mut out = Vec::new();
    let header_end = (p.header_bytes.min(text.len())..=text.len())
        .find(|&e| text.is_char_boundary(e))
        .unwrap_or(text.len());
    let mut pos = 0;
    for (ls, le, _) in segment::line_ranges(text) {
        let line = &text[ls..le];
        let in_header = ls < header_end;
        // Labels are words of the date-label list; a cheap test first, as most lines name none.
        let may_have_label = line.contains("تاريخ")
            || line.contains("نشر")
            || line.contains("تحديث")
            || line.contains("ublished")
            || line.contains("pdated")
            || line.contains("ate");
        if !in_header && !may_have_label {
            continue;
        }
        for m in dates::find_dates(line) {
            if m.value.len() < 10 {
                continue;
            }
            let (start, end) = (ls + m.start, ls + m.end);
            let before = words_before(text, start, p.label_window_words);
            let joined = before.join(" ");
            let label_at = (0..before.len()).find(|&k| segment::is_date_label(&before[k..].join(" ")));
            let labelled = label_at.is_some();
            if !labelled && (!in_header || start >= header_end) {
                continue;
            }
            let event = before.last().is_some_and(|w| EVENT_WORDS.contains(&w.as_str()));
            if event && !labelled {
                continue;
            }
            let value = with_time(line, &m);
            if !plausible(&value, p) {
                continue;
            }
            let update = labelled && segment::is_update_label(&joined);
            if start >= pos {
                out.push(DateCandidate {
                    start,
                    end,
                    value,
                    labelled,
                    update,
                });
                pos = end;
            }
        }
    }
    out
}

/// Reads each article's page date from its candidates, and marks the chosen stamp `meta` when it is in the body.
/// An article whose date came from its metadata keeps it when plausible. Returns how many dates were dropped as
/// implausible.
pub fn read_dates(articles: &mut [Article], outlets: &[Option<String>], p: &HeaderParams) -> usize {
    let candidates: Vec<Vec<DateCandidate>> = articles.par_iter().map(|a| date_candidates(&a.text, p)).collect();
    // "Today" stamps: an unlabelled header date printed alike by many articles of one outlet.
    let mut alike: FxHashMap<(&str, &str), usize> = FxHashMap::default();
    for (cands, outlet) in candidates.iter().zip(outlets) {
        let Some(outlet) = outlet else { continue };
        let mut values: Vec<&str> = cands
            .iter()
            .filter(|c| !c.labelled)
            .map(|c| c.value.get(..10).unwrap_or(&c.value))
            .collect();
        values.sort_unstable();
        values.dedup();
        for v in values {
            *alike.entry((outlet.as_str(), v)).or_insert(0) += 1;
        }
    }
    let mut dropped = 0;
    for ((a, cands), outlet) in articles.iter_mut().zip(&candidates).zip(outlets) {
        if let Some(d) = &a.date {
            if plausible(d, p) {
                continue;
            }
            a.date = None;
            dropped += 1;
        }
        let stamp = |c: &DateCandidate| {
            !c.labelled
                && outlet.as_deref().is_some_and(|o| {
                    alike
                        .get(&(o, c.value.get(..10).unwrap_or(&c.value)))
                        .is_some_and(|&n| n >= p.stamp_min_articles)
                })
        };
        let chosen = cands
            .iter()
            .find(|c| c.labelled && !c.update)
            .or_else(|| cands.iter().find(|c| !c.labelled && !stamp(c)))
            .or_else(|| cands.iter().find(|c| c.labelled));
        if let Some(c) = chosen {
            a.date = Some(c.value.clone());
            let mut stamp = super::chrome::clip_to(a, &[(c.start, c.end)], SegmentKind::Body);
            stamp.extend(super::chrome::clip_to(a, &[(c.start, c.end)], SegmentKind::Boilerplate));
            stamp.sort_unstable();
            if !stamp.is_empty() {
                super::relabel(a, &stamp, SegmentKind::Meta);
                super::fill_sentences(a);
            }
        }
    }
    dropped
}

/// Where the headline printed twice sits at the top of a page: (first occurrence, second occurrence) as byte
/// ranges, when a run of at least [`HeaderParams::twice_min_words`] mostly-letter words recurs, without overlap,
/// among the first [`HeaderParams::twice_window_words`] words. The longest such run wins (the earliest on ties).
pub fn printed_twice(text: &str, p: &HeaderParams) -> Option<((usize, usize), (usize, usize))> {
    let mut end = (4 * p.twice_window_words * 12).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let words = words_of(&text[..end], false);
    let words = &words[..words.len().min(p.twice_window_words)];
    let lettered: Vec<bool> = words
        .iter()
        .map(|w| {
            text[w.start..w.end]
                .chars()
                .filter(|&c| crate::arabic::is_letter(c))
                .nth(1)
                .is_some()
        })
        .collect();
    let mut first_at: FxHashMap<u64, usize> = FxHashMap::default();
    let mut best: Option<(usize, usize, usize)> = None; // (length, i, j)
    for j in 0..words.len() {
        let h = words[j].hash;
        let Some(&i) = first_at.get(&h) else {
            first_at.insert(h, j);
            continue;
        };
        let mut len = 0;
        while j + len < words.len() && i + len < j && words[i + len].hash == words[j + len].hash {
            len += 1;
        }
        let len = len.min(p.twice_max_words);
        let letters = lettered[j..j + len].iter().filter(|&&l| l).count();
        if len >= p.twice_min_words
            && letters >= p.twice_min_words
            && letters * 5 >= len * 3
            && best.is_none_or(|(l, _, _)| len > l)
        {
            best = Some((len, i, j));
        }
    }
    let (len, i, j) = best?;
    // A headline's two prints are apart by a header's stamp, menus or site name, not by prose: sentences between
    // them mean the run is a phrase the article repeats.
    let gap = &text[words[i + len - 1].end..words[j].start];
    // Read from the first print's last word, so that a sentence it closes (`… الأردن " .`) counts.
    let (ends, paragraph_ends) = sentence_ends(&text[words[i + len - 1].start..words[j].start]);
    if ends >= 2 || paragraph_ends >= 1 || (ends == 1 && j - (i + len) > p.twice_window_words / 4) {
        return None;
    }
    // A headline is printed after the header's chrome, never straight after «إن», «على» or «الذي»: a run that follows
    // such a word is the lede restating the headline's words inside its sentence («… , إن ضربات جوية روسية قتلت …»).
    if j > 0 && text[words[j - 1].end..words[j].start].trim().is_empty() {
        let before = crate::arabic::normalize(&text[words[j - 1].start..words[j - 1].end]);
        if super::segment::words::FUNCTION_WORDS.contains(&before) {
            return None;
        }
    }
    // A short line of its own is a headline whole: its words coming back in the lede are no second print.
    if gap.contains('\n') {
        let line_start = text[..words[i].start].rfind('\n').map_or(0, |n| n + 1);
        let line_end = text[words[i].start..]
            .find('\n')
            .map_or(text.len(), |n| words[i].start + n);
        if text[line_start..line_end].split_whitespace().count() <= p.twice_max_words {
            return None;
        }
    }
    Some((
        (words[i].start, words[i + len - 1].end),
        (words[j].start, words[j + len - 1].end),
    ))
}

/// Sentence ends in `text`: `.`, `!`, `?`, `؟` or `…` after a word with letters (a date's `27 . 12` is none); and
/// how many of them end a paragraph (a line break follows).
fn sentence_ends(text: &str) -> (usize, usize) {
    let (mut ends, mut paragraph_ends) = (0, 0);
    let mut after_letter = false;
    let mut after_end = false;
    for c in text.chars() {
        if c == '\n' && after_end {
            paragraph_ends += 1;
            after_end = false;
        }
        if crate::arabic::is_letter(c) {
            after_letter = true;
            after_end = false;
        } else if matches!(c, '.' | '!' | '?' | '؟' | '…') {
            ends += usize::from(after_letter);
            after_end = after_letter;
            after_letter = false;
        } else if matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']') {
            // A closing quote or bracket after a word keeps the sentence open: «… المعاقل " .» ends a sentence.
        } else if !c.is_whitespace() {
            after_letter = false;
            after_end = false;
        }
    }
    (ends, paragraph_ends)
}

/// Reads the headline of a glued header, or of a page whose title line turned out to be chrome: the run printed
/// twice becomes the title (its first occurrence `title`, the second `duplicate`), what precedes the second
/// occurrence in the body becomes boilerplate (menus, the site name; dates in it are read by [`read_dates`]).
/// Without such a run, an article left without a title line takes the first words of its body as its title.
pub fn read_title(a: &mut Article, p: &HeaderParams, fallback_words: usize) {
    let has_title = a.segments.iter().any(|s| s.kind == SegmentKind::Title);
    // A title from the record's metadata (JSON, CSV, HTML head) is not a line of the text: it stands.
    // (A long first line was cut into the title with an ellipsis.)
    let title = a.title.trim().trim_end_matches('…').trim_end();
    if !has_title && !title.is_empty() && !a.text.lines().any(|l| l.trim().starts_with(title)) {
        return;
    }
    let glued = a
        .text
        .lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.split_whitespace().nth(p.glued_line_min_words).is_some());
    if !glued && has_title {
        return;
    }
    if let Some((first, second)) = printed_twice(&a.text, p) {
        let title = a.slice(first.0, first.1).to_string();
        // Both occurrences must still be readable text (not chrome already).
        let readable = |r: (usize, usize)| {
            a.segments
                .iter()
                .any(|s| s.start <= r.0 && r.1 <= s.end && matches!(s.kind, SegmentKind::Body | SegmentKind::Title))
        };
        if readable(first) && readable(second) {
            let before: Vec<(usize, usize)> = super::chrome::clip_to(a, &[(0, second.0)], SegmentKind::Body);
            if !before.is_empty() {
                super::relabel(a, &before, SegmentKind::Boilerplate);
            }
            let demoted: Vec<(usize, usize)> = super::chrome::clip_to(a, &[(0, a.text.len())], SegmentKind::Title);
            if !demoted.is_empty() {
                super::relabel(a, &demoted, SegmentKind::Boilerplate);
            }
            super::relabel(a, &[first], SegmentKind::Title);
            super::relabel(a, &[second], SegmentKind::Duplicate);
            a.title = title;
            super::fill_sentences(a);
            return;
        }
    }
    if !has_title {
        a.title = fallback_title(a, fallback_words);
    }
}

/// A title without the scraps of markup around it: a run of punctuation marks that opens it (`" " " البنتاغون …`,
/// `| | عنوان`) goes, keeping a last quote that opens a quoted name; a closing run of `|`, `-` or `:` goes too.
pub fn tidy_title(title: &str) -> &str {
    let t = title.trim();
    let punct_only = |w: &str| !w.chars().any(char::is_alphanumeric);
    let words: Vec<(usize, &str)> = t
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - t.as_ptr() as usize, w))
        .collect();
    let lead = words.iter().take_while(|(_, w)| punct_only(w)).count();
    let mut start = 0;
    if lead >= 1 && lead < words.len() {
        let last = words[lead - 1].1;
        let opening_quote = last.chars().all(|c| "\"«“'(".contains(c));
        // One opening quote alone stays (`" داعش " يعلن`); a run, or any other mark, goes.
        start = if lead == 1 && opening_quote {
            0
        } else if opening_quote {
            words[lead - 1].0
        } else {
            words[lead].0
        };
    }
    t[start..].trim_end_matches(|c: char| c.is_whitespace() || "|-–—:".contains(c))
}

/// A line without the stamp that opens it (`عمان 9 09 : 49 الأحد 21 كانون الثاني 2018 - 5 جمادى الأولى 1439 …`): a place
/// and clock before a date, the date, and a Hijri date after it. The line as it is when no date opens it or nothing
/// worth a title would remain.
pub fn without_leading_stamp(line: &str) -> &str {
    const STAMP_MAX_WORDS_BEFORE: usize = 6;
    let separators = |c: char| c.is_whitespace() || "-–—|/:,،.".contains(c);
    let Some(m) = dates::find_dates(line).into_iter().next() else {
        return line;
    };
    if line[..m.start].split_whitespace().count() > STAMP_MAX_WORDS_BEFORE {
        return line;
    }
    let mut rest = line[m.end..].trim_start_matches(separators);
    // A Hijri date: a day, one or two month words, a year 13xx/14xx.
    let words: Vec<&str> = rest.split_whitespace().take(4).collect();
    let hijri_year =
        |w: &str| w.len() == 4 && (w.starts_with("13") || w.starts_with("14")) && w.bytes().all(|b| b.is_ascii_digit());
    let day_first = words
        .first()
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 2);
    if day_first && let Some(year_at) = words.iter().skip(2).position(|w| hijri_year(w)) {
        let mut cut = rest;
        for _ in 0..year_at + 3 {
            cut = cut.trim_start().trim_start_matches(|c: char| !c.is_whitespace());
        }
        rest = cut.trim_start_matches(separators);
    }
    if rest.split_whitespace().nth(2).is_some() {
        rest
    } else {
        line
    }
}

/// The first words of the first body segment (after chrome marking), so that every article has a readable name.
fn fallback_title(a: &Article, max_words: usize) -> String {
    let Some(body) = a.body_segments().next() else {
        return a.title.clone();
    };
    let first_line = without_leading_stamp(a.slice(body.start, body.end).trim().lines().next().unwrap_or(""));
    let words: Vec<&str> = first_line.split_whitespace().take(max_words).collect();
    let mut t = words.join(" ");
    if first_line.split_whitespace().nth(max_words).is_some() {
        t.push('…');
    }
    if t.is_empty() { a.title.clone() } else { t }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> HeaderParams {
        HeaderParams {
            latest: Some("2020-01-01".to_string()),
            ..HeaderParams::default()
        }
    }

    #[test]
    fn plausible_dates() {
        let p = params();
        assert!(plausible("2017-12-27", &p));
        assert!(plausible("2019-12-31T23:59", &p));
        assert!(!plausible("2020-01-02", &p), "future");
        assert!(!plausible("1989-05-01", &p), "too old");
        assert!(!plausible("x", &p));
        assert_eq!(today().len(), 10);
    }

    #[test]
    fn header_and_labelled_dates() {
        let p = params();
        let text = "موقع الأخبار | الرئيسية الأحد 21 . 01 . 2018 عنوان الخبر\nنص الخبر في 3 مايو 2011 كان.\nتاريخ 02 . 07 . 2017 مواضيع\n";
        let c = date_candidates(text, &p);
        let values: Vec<(&str, bool)> = c.iter().map(|c| (c.value.as_str(), c.labelled)).collect();
        assert_eq!(values, [("2018-01-21", false), ("2017-07-02", true)]);
        assert_eq!(&text[c[1].start..c[1].end], "02 . 07 . 2017");
    }
}
