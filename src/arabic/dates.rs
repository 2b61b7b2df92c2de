//! Dates written in news text: Arabic month names of both series (Egyptian/Gulf يناير… and Levantine كانون الثاني…)
//! and their Maghrebi and spelling variants, English month names, weekday words, numeric dates, and Western,
//! Arabic-Indic and Persian digits. Every match is a real calendar date; offsets are UTF-8 byte offsets into the
//! text searched.
//!
//! A reader over the chain's tokens: [`tokenize`](super::tokenize) then [`split_numbers`](super::split_numbers), so
//! words are matched in the one fold ([`normalize`](super::normalize)) and digits of every script are numbers.

use super::normalize::{digit_value, normalize};
use super::token::{Token, TokenKind, split_numbers, tokenize};

/// A date found in text: `text[start..end]` reads as `value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    /// `YYYY-MM-DD`, `YYYY-MM` (month and year only) or `YYYY` (a year named as such: "عام 2015").
    pub value: String,
}

/// Month names of the two common series, folded, by month: Egyptian/Gulf (يناير …) and Levantine (شباط …). The
/// Levantine January, October, November and December are two words each ([`TWO_WORD_MONTHS`]).
const MONTH_NAMES: [&[&str]; 12] = [
    &["يناير"],
    &["فبراير", "شباط"],
    &["مارس", "اذار"],
    &["ابريل", "نيسان"],
    &["مايو", "ايار"],
    &["يونيو", "حزيران"],
    &["يوليو", "تموز"],
    &["اغسطس", "اب"],
    &["سبتمبر", "ايلول"],
    &["اكتوبر"],
    &["نوفمبر"],
    &["ديسمبر"],
];

/// First words of the two-word Levantine months (كانون الثاني/الأول, تشرين الأول/الثاني), read by [`find_dates`].
const TWO_WORD_MONTHS: [&str; 2] = ["كانون", "تشرين"];

/// Whether a folded word is a month name of the two common series, or the first word of a two-word Levantine month
/// (not the Maghrebi, variant or English names [`month_number`] also reads: ماي, جوان are names too).
pub fn is_common_month_word(folded: &str) -> bool {
    MONTH_NAMES.iter().any(|names| names.contains(&folded)) || TWO_WORD_MONTHS.contains(&folded)
}

/// Month number of a folded single-word month name (any series, English included).
fn month_of_folded(w: &str) -> Option<u32> {
    if let Some(i) = MONTH_NAMES.iter().position(|names| names.contains(&w)) {
        return Some(i as u32 + 1);
    }
    let m = match w {
        "جانفي" | "ينار" | "january" | "jan" => 1,
        "فيفري" | "فبرير" | "february" | "feb" => 2,
        "مارش" | "march" | "mar" => 3,
        "افريل" | "ابرىل" | "april" | "apr" => 4,
        "ماي" | "may" => 5,
        "يونيه" | "جوان" | "يونيوز" | "june" | "jun" => 6,
        "يوليه" | "جويليه" | "يوليوز" | "july" | "jul" => 7,
        "اغسطوس" | "غشت" | "اوت" | "august" | "aug" => 8,
        "شتنبر" | "september" | "sep" | "sept" => 9,
        "اكتبر" | "october" | "oct" => 10,
        "نونبر" | "november" | "nov" => 11,
        "دجنبر" | "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Month number of a (not yet folded) single month word such as `أكتوبر`, `أيلول`, `September`, `بسبتمبر`.
/// Two-word Levantine months (كانون الثاني, تشرين الأول…) are recognised by [`find_dates`].
pub fn month_number(word: &str) -> Option<u32> {
    let w = normalize(word);
    month_of_folded(&w).or_else(|| strip_proclitic(&w).and_then(month_of_folded))
}

/// `بسبتمبر` → `سبتمبر`: one attached preposition or conjunction, when enough of the word remains.
fn strip_proclitic(w: &str) -> Option<&str> {
    let rest = w
        .strip_prefix('ب')
        .or_else(|| w.strip_prefix('ل'))
        .or_else(|| w.strip_prefix('و'))
        .or_else(|| w.strip_prefix('ف'))?;
    (rest.chars().count() >= 4).then_some(rest)
}

/// Whether `word` names a day of the week (Arabic with or without the article, or English).
pub fn is_weekday(word: &str) -> bool {
    is_folded_weekday(&normalize(word))
}

/// [`is_weekday`] of a word already folded ([`normalize`]d): no allocation, for per-token checks.
pub fn is_folded_weekday(folded: &str) -> bool {
    let w = folded
        .strip_prefix('و')
        .filter(|r| r.starts_with("ال"))
        .unwrap_or(folded);
    matches!(
        w,
        "الاحد"
            | "الاثنين"
            | "الثلاثاء"
            | "الثلاثا"
            | "الاربعاء"
            | "الاربعا"
            | "الخميس"
            | "الجمعه"
            | "السبت"
            | "احد"
            | "اثنين"
            | "ثلاثاء"
            | "اربعاء"
            | "خميس"
            | "جمعه"
            | "سبت"
            | "sunday"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
    )
}

pub fn is_leap_year(y: u32) -> bool {
    (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400)
}

pub fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A real Gregorian date in the years news is written about.
pub fn is_valid_date(y: u32, m: u32, d: u32) -> bool {
    (1000..=2999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// The tokens a date is read from: the chain's tokens with numbers split into digit groups, and an English ordinal
/// suffix glued to its number (`20th`, `1st`) made part of the number.
fn date_tokens(text: &str) -> Vec<Token<'_>> {
    // Every date has a number (day, year or a numeric date): most sentences have none and need no tokens.
    if !text.chars().any(|c| digit_value(c).is_some()) {
        return Vec::new();
    }
    let mut toks = split_numbers(tokenize(text));
    let mut i = 0;
    while i + 1 < toks.len() {
        let (num, suffix) = (&toks[i], &toks[i + 1]);
        let glued_word_follows = toks
            .get(i + 2)
            .is_some_and(|next| next.start == suffix.end && next.is_word());
        if num.kind == TokenKind::Number
            && suffix.kind == TokenKind::Latin
            && num.end == suffix.start
            && matches!(suffix.norm.as_str(), "st" | "nd" | "rd" | "th")
            && !glued_word_follows
        {
            let end = suffix.end;
            toks[i].end = end;
            toks[i].text = &text[toks[i].start..end];
            toks.remove(i + 1);
        }
        i += 1;
    }
    toks
}

struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Token<'a>],
}

impl Scanner<'_> {
    /// The value (saturating) and number of digits of a number token (its folded form is ASCII digits only).
    fn num(&self, i: usize) -> Option<(u64, usize)> {
        let digits = &self.toks.get(i).filter(|t| t.is_number())?.norm;
        let value = digits.bytes().fold(0u64, |v, d| {
            v.saturating_mul(10).saturating_add(u64::from(d.wrapping_sub(b'0')))
        });
        Some((value, digits.len()))
    }
    /// The folded form of a word token (Arabic or Latin).
    fn word(&self, i: usize) -> Option<&str> {
        self.toks.get(i).filter(|t| t.is_word()).map(|t| t.norm.as_str())
    }
    /// The original character of a punctuation token.
    fn punct(&self, i: usize) -> Option<char> {
        self.toks.get(i).filter(|t| t.is_punct())?.text.chars().next()
    }
    fn adjacent(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
    /// Token `i` and the next are one space apart (scrapers that space out punctuation: `27 . 12 . 2017`).
    fn spaced(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => self.text.get(a.end..b.start) == Some(" "),
            _ => false,
        }
    }
    /// A month at `i`: (month, index after it). Accepts `سبتمبر/أيلول` and `كانون الثاني`.
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.word(i)?;
        let base = strip_proclitic(w).unwrap_or(w);
        let (m, mut next) = if TWO_WORD_MONTHS.contains(&base) || TWO_WORD_MONTHS.contains(&w) {
            let second = self.word(i + 1)?;
            let second = second.strip_prefix("ال").unwrap_or(second);
            let m = match (base, second) {
                ("كانون", "ثاني") => 1,
                ("كانون", "اول") => 12,
                ("تشرين", "اول") => 10,
                ("تشرين", "ثاني") => 11,
                _ => return None,
            };
            (m, i + 2)
        } else {
            (
                month_of_folded(w).or_else(|| strip_proclitic(w).and_then(month_of_folded))?,
                i + 1,
            )
        };
        // A second name of the same month in the other series: سبتمبر/أيلول, أبريل (نيسان).
        if matches!(self.punct(next), Some('/') | Some('-')) {
            if let Some((_, after)) = self.month(next + 1).filter(|(m2, _)| *m2 == m) {
                next = after;
            }
        } else if self.punct(next) == Some('(')
            && let Some((_, after)) = self.month(next + 1).filter(|(m2, _)| *m2 == m)
            && self.punct(after) == Some(')')
        {
            next = after + 1;
        }
        Some((m, next))
    }
    fn year(&self, i: usize) -> Option<u32> {
        let (v, d) = self.num(i)?;
        (d == 4 && (1000..=2999).contains(&v)).then_some(v as u32)
    }
    fn day(&self, i: usize) -> Option<u32> {
        let (v, d) = self.num(i)?;
        (d <= 2 && v >= 1).then_some(v as u32)
    }
    fn skip_comma(&self, i: usize) -> usize {
        if matches!(self.punct(i), Some(',') | Some('،')) {
            i + 1
        } else {
            i
        }
    }
    fn is_year_cue(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            Some("عام" | "العام" | "لعام" | "والعام" | "سنه" | "السنه" | "لسنه" | "year")
        )
    }

    /// A numeric date at `i`: `2023-09-20`, `20/9/2023`, `10/19/2021` (month first when the day cannot be a
    /// month, or when a 12-hour clock follows as in US-style timestamps).
    fn numeric_date(&self, i: usize) -> Option<((u32, u32, u32), usize)> {
        let (a, ad) = self.num(i)?;
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '-' | '.') {
            return None;
        }
        // Glued (`27.12.2017`) or evenly spaced (`27 . 12 . 2017`), never a mix.
        let joined = |k: usize| {
            if self.adjacent(i) {
                self.adjacent(k)
            } else {
                self.spaced(k)
            }
        };
        if !joined(i) || !joined(i + 1) {
            return None;
        }
        let (b, bd) = self.num(i + 2)?;
        if self.punct(i + 3) != Some(sep) || !joined(i + 2) || !joined(i + 3) {
            return None;
        }
        let (c, cd) = self.num(i + 4)?;
        // A longer chain (an IP address, a version, a phone number) is not a date.
        if joined(i + 4) && self.num(i + 6).is_some() && self.punct(i + 5).is_some() {
            return None;
        }
        // A Hijri date (`1432 / 6 / 1 ه`) is not a Gregorian one.
        if matches!(self.word(i + 5), Some("ه" | "هـ" | "هجري" | "هجريه")) {
            return None;
        }
        let ymd = if ad == 4 && bd <= 2 && cd <= 2 {
            (a as u32, b as u32, c as u32)
        } else if cd == 4 && ad <= 2 && bd <= 2 {
            let (a, b, c) = (a as u32, b as u32, c as u32);
            let month_first = b > 12 || (a <= 12 && self.twelve_hour_clock_follows(i + 5));
            if month_first { (c, a, b) } else { (c, b, a) }
        } else {
            return None;
        };
        is_valid_date(ymd.0, ymd.1, ymd.2).then_some((ymd, i + 5))
    }

    fn twelve_hour_clock_follows(&self, i: usize) -> bool {
        self.time(i).is_some_and(|(_, _, _, twelve, _)| twelve)
    }

    /// A clock time at `i` (after an optional `T`, `-`, `،` or `الساعة`): (h24, m, s, had am/pm, index after).
    fn time(&self, mut i: usize) -> Option<(u32, u32, Option<u32>, bool, usize)> {
        for _ in 0..2 {
            match (self.word(i), self.punct(i)) {
                (Some("t" | "الساعه" | "الساعة" | "at"), _) => i += 1,
                (_, Some(',' | '،' | '-' | '|' | '–' | '@')) => i += 1,
                _ => break,
            }
        }
        let (h, hd) = self.num(i)?;
        if hd > 2 || self.punct(i + 1) != Some(':') {
            return None;
        }
        let (m, md) = self.num(i + 2)?;
        if md != 2 || h > 23 || m > 59 {
            return None;
        }
        let mut next = i + 3;
        let mut s = None;
        if self.punct(next) == Some(':')
            && let Some((sv, 2)) = self.num(next + 1)
        {
            if sv > 59 {
                return None;
            }
            s = Some(sv as u32);
            next += 2;
        }
        let mut h = h as u32;
        let mut twelve = false;
        if let Some(w) = self.word(next) {
            let pm = matches!(w, "pm" | "p" | "م" | "مساء" | "مساءا");
            let am = matches!(w, "am" | "a" | "ص" | "صباحا" | "صباح");
            if (pm || am) && (1..=12).contains(&h) {
                twelve = true;
                if pm && h < 12 {
                    h += 12;
                } else if am && h == 12 {
                    h = 0;
                }
                next += 1;
            }
        }
        Some((h, m as u32, s, twelve, next))
    }

    /// Every date in reading order, without overlaps: (first token, value, index after the last token).
    fn dates(&self) -> impl Iterator<Item = (usize, String, usize)> + '_ {
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < self.toks.len() {
                let at = i;
                match self.date_at(at) {
                    // Looks like a date but is not a real one: skipped whole.
                    Some((value, next)) if value.is_empty() => i = next.max(at + 1),
                    Some((value, next)) => {
                        i = next;
                        return Some((at, value, next));
                    }
                    None => i += 1,
                }
            }
            None
        })
    }

    /// The date starting at token `i`, if any: (value, index after the last token of the date). An empty value
    /// means the tokens look like a date but are not a real one.
    fn date_at(&self, i: usize) -> Option<(String, usize)> {
        if let Some(((y, m, d), next)) = self.numeric_date(i) {
            return Some((format!("{y:04}-{m:02}-{d:02}"), next));
        }
        // 18 اكتوبر 2020, 20th, September 2023, 5 كانون الثاني، 2021
        if let Some(d) = self.day(i) {
            let j = self.skip_comma(i + 1);
            let j = if self.word(j) == Some("من") { j + 1 } else { j };
            if let Some((m, k)) = self.month(j) {
                let mut k = self.skip_comma(k);
                if self.is_year_cue(k) {
                    k += 1;
                }
                return match self.year(k) {
                    Some(y) if is_valid_date(y, m, d) => Some((format!("{y:04}-{m:02}-{d:02}"), k + 1)),
                    // "31 فبراير 2020" or a day and month without a year: consumed, so that the month and
                    // year alone are not read as a date either.
                    Some(_) => Some((String::new(), k + 1)),
                    None => Some((String::new(), k)),
                };
            }
            return None;
        }
        // September 20, 2023 / اكتوبر 2020
        if let Some((m, j)) = self.month(i) {
            if let Some(d) = self.day(j) {
                let k = self.skip_comma(j + 1);
                if let Some(y) = self.year(k)
                    && is_valid_date(y, m, d)
                {
                    return Some((format!("{y:04}-{m:02}-{d:02}"), k + 1));
                }
                return None;
            }
            let mut k = self.skip_comma(j);
            if self.is_year_cue(k) {
                k += 1;
            }
            if let Some(y) = self.year(k) {
                return Some((format!("{y:04}-{m:02}"), k + 1));
            }
            return None;
        }
        // عام 2015
        if self.is_year_cue(i)
            && let Some(y) = self.year(i + 1)
            && (1900..=2100).contains(&y)
        {
            return Some((format!("{y:04}"), i + 2));
        }
        None
    }
}

/// Every date in `text`, in order, without overlaps. A weekday word just before a date (الثلاثاء 18 أكتوبر 2020)
/// is included in the match.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let toks = date_tokens(text);
    let sc = Scanner { text, toks: &toks };
    let mut out = Vec::new();
    for (i, value, next) in sc.dates() {
        let mut first = i;
        if first > 0 {
            let mut p = first - 1;
            if matches!(sc.punct(p), Some(',' | '،')) && p > 0 {
                p -= 1;
            }
            if sc.word(p).is_some_and(is_weekday) {
                first = p;
                if p > 0 && matches!(sc.word(p - 1), Some("يوم" | "ويوم")) {
                    first = p - 1;
                }
            }
        }
        // Do not start inside a match already taken (the weekday is taken only when free).
        if out.last().is_some_and(|m: &DateMatch| m.end > toks[first].start) {
            first = i;
        }
        out.push(DateMatch {
            start: toks[first].start,
            end: toks[next - 1].end,
            value,
        });
    }
    out
}

/// The first date in `text` with the clock time that follows it, if any: `2021-10-19T17:51:43`, `2023-09-20`,
/// `2023-09-20T10:05`. For metadata lines and fields (`تاريخ الإفراج : 10/19/2021 5:51:43 PM`,
/// `2023-09-20T10:05:00+03:00`, `Wed, 20 Sep 2023 10:05:00 GMT`). The time zone, when given, is dropped: the
/// report gives the time as the outlet stated it.
pub fn parse_datetime(text: &str) -> Option<String> {
    let toks = date_tokens(text);
    let sc = Scanner { text, toks: &toks };
    let (_, value, next) = sc.dates().next()?;
    if value.len() == 10
        && let Some((h, m, s, _, _)) = sc.time(next)
    {
        return Some(match s {
            Some(s) => format!("{value}T{h:02}:{m:02}:{s:02}"),
            None => format!("{value}T{h:02}:{m:02}"),
        });
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        find_dates(text).into_iter().map(|m| m.value).collect()
    }

    /// (text, the dates found in it, what the case shows)
    const DATES: &[(&str, &[&str], &str)] = &[
        ("انتهت في 18 اكتوبر 2020 رغم", &["2020-10-18"], "series"),
        ("في 18 أكتوبر 2020", &["2020-10-18"], "series"),
        ("في 5 كانون الثاني 2021", &["2021-01-05"], "series"),
        ("في 5 كانون الأول، 2021", &["2021-12-05"], "series"),
        ("1 تشرين الثاني 2019", &["2019-11-01"], "series"),
        ("3 آب 2022 و 3 اب 2022", &["2022-08-03", "2022-08-03"], "series"),
        ("خلال سبتمبر/أيلول 2022 المقبل", &["2022-09"], "series"),
        ("السبت 19 أبريل/نيسان 2025.", &["2025-04-19"], "series"),
        ("يونيه 2020 ويوليه 2020", &["2020-06", "2020-07"], "series"),
        ("12 جوان 2019", &["2019-06-12"], "series"),
        ("في أكتوبر 2020، فأن", &["2020-10"], "series"),
        ("تاريخ النشر: 20th, September 2023 GMT", &["2023-09-20"], "English"),
        ("September 20, 2023", &["2023-09-20"], "English"),
        ("Wed, 20 Sep 2023 10:05:00 GMT", &["2023-09-20"], "English"),
        ("١٨ أكتوبر ٢٠٢٠", &["2020-10-18"], "digits"),
        ("۱۸ اکتبر ۲۰۲۰", &["2020-10-18"], "digits"),
        ("٢٠٢٣/٠٩/٢٠", &["2023-09-20"], "digits"),
        ("10/19/2021", &["2021-10-19"], "numeric"),
        ("19/10/2021", &["2021-10-19"], "numeric"),
        ("2023-09-20", &["2023-09-20"], "numeric"),
        // Ambiguous: day first (Arabic usage) unless a 12-hour clock follows (US-style timestamp).
        ("05/04/2021", &["2021-04-05"], "numeric"),
        ("05/04/2021 5:51 PM", &["2021-05-04"], "numeric"),
        ("192.168.1.1", &[], "numeric"),
        ("2.5", &[], "numeric"),
        ("تاريخ 27 . 12 . 2017 مواضيع", &["2017-12-27"], "spaced"),
        ("2011 / 5 / 3 الساعة", &["2011-05-03"], "spaced"),
        ("1432 / 6 / 1 ه", &[], "Hijri"),
        ("27 . 12.2017", &[], "mixed spacing"),
        ("1 . 2 . 2017 . 5", &[], "spaced chain"),
        ("31 فبراير 2020", &[], "real dates"),
        ("30/02/2021", &[], "real dates"),
        ("29 فبراير 2020", &["2020-02-29"], "real dates"),
        ("29 فبراير 2021", &[], "real dates"),
        ("32 مايو 2020", &[], "real dates"),
        ("19 أبريل/نيسان.", &[], "real dates: no year, no date"),
    ];

    #[test]
    fn dates_in_text() {
        for (text, expected, why) in DATES {
            assert_eq!(values(text), *expected, "{why}: {text}");
        }
    }

    #[test]
    fn years_and_weekdays() {
        assert_eq!(values("وفي عام 2018، انسحبت"), ["2018"]);
        let text = "ويوم الثلاثاء 18 اكتوبر 2020 قال";
        let m = &find_dates(text)[0];
        assert_eq!(&text[m.start..m.end], "ويوم الثلاثاء 18 اكتوبر 2020");
        assert!(is_weekday("الأربعاء"));
        assert!(is_weekday("Friday"));
        assert!(values("مساعد وزير الدفاع 25 عاما").is_empty());
        assert!(values("مايو").is_empty());
    }

    #[test]
    fn month_words() {
        for (word, month) in [
            ("يناير", 1),
            ("شباط", 2),
            ("أيلول", 9),
            ("جوان", 6),
            ("Sept", 9),
            ("بسبتمبر", 9),
        ] {
            assert_eq!(month_number(word), Some(month), "{word}");
        }
        assert_eq!(month_number("كانون"), None, "half a month");
        assert!(is_common_month_word("ايلول") && is_common_month_word("كانون"));
        assert!(
            !is_common_month_word("ماي") && !is_common_month_word("جوان"),
            "also names"
        );
    }

    #[test]
    fn read_in_the_one_fold() {
        // Bidi marks between the parts no longer break a date.
        assert_eq!(values("في 18\u{200F} أكتوبر\u{200F} 2020"), ["2020-10-18"]);
        assert_eq!(values("ﻳﻨﺎﻳﺮ 2020"), ["2020-01"], "presentation forms");
        // An ordinal suffix belongs to its number only when no word is glued after it.
        assert_eq!(values("1st May 2021"), ["2021-05-01"]);
        assert!(values("1stMay 2021").is_empty());
    }

    #[test]
    fn datetimes() {
        let cases: &[(&str, Option<&str>)] = &[
            ("تاريخ الإفراج : 10/19/2021 5:51:43 PM", Some("2021-10-19T17:51:43")),
            ("2023-09-20T10:05:00+03:00", Some("2023-09-20T10:05:00")),
            ("2023-09-20 08:15", Some("2023-09-20T08:15")),
            ("20 سبتمبر 2023 12:30 ص", Some("2023-09-20T00:30")),
            ("لا تاريخ هنا", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_datetime(text).as_deref(), *expected, "{text}");
        }
    }

    #[test]
    fn offsets_are_byte_offsets() {
        let text = "قال في 18 أكتوبر 2020.";
        let m = &find_dates(text)[0];
        assert_eq!(&text[m.start..m.end], "18 أكتوبر 2020");
    }
}
