//! Splits an article's text into `title`, `meta`, `body`, `boilerplate`, `related` and `duplicate` segments and
//! reads the metadata the text states inline (date, source).
//!
//! The rules are general, from what news pages have in common, never a list of known sentences:
//! - the headline is the first short line (a kicker line directly above it is common; a short subtitle may follow
//!   after a blank line); a later line repeating it is a `duplicate`;
//! - `meta`: labelled lines (`تاريخ النشر: …`, `المصدر: …`, `معرف الأخبار : 76227`, `بقلم …`), a line that is only
//!   a date, a `city – agency` dateline, and an outlet lead (`ميدل ايست نيوز: قال …`) at the start of the body;
//! - `boilerplate`: comment forms (form words, "your e-mail will not be published", captcha sums), share/follow/
//!   subscribe lines, "back to top", advert labels (also in Persian), tag lists, copyright lines, link lists and bare
//!   URLs, and short scraps trailing after the last paragraph;
//! - `related`: from a "read also / related news" marker to the end (the other article that follows included);
//!   an inline marker with a headline after it is related on its own.
//!
//! Line repetition across the corpus is applied afterwards by [`super::mark_repeated_lines`].

use super::model::{Segment, SegmentKind};
use crate::arabic::{self, dates};

/// Metadata already known from a structured format (HTML meta tags, JSON/CSV fields).
#[derive(Debug, Clone, Default)]
pub struct Preset {
    pub title: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub segments: Vec<Segment>,
    pub title: String,
    pub date: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Clone)]
struct Line<'a> {
    start: usize,
    /// End of the content, before the newline.
    end: usize,
    /// Trimmed content.
    trimmed: &'a str,
    /// Folded trimmed content, for matching.
    folded: String,
    words: usize,
}

/// Line of the text: (start, content end, end after the newline).
pub fn line_ranges(text: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        let (end, next) = match text[pos..].find('\n') {
            Some(n) => (pos + n, pos + n + 1),
            None => (text.len(), text.len()),
        };
        pos = next;
        Some((start, end, next))
    })
}

/// Folds a line for matching: the Arabic chain's words and numbers in their folded forms, one space apart, digit
/// groups apart (`3.5` → `3 5`), punctuation dropped; its words are what the classifiers count.
pub fn fold_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for token in arabic::without_punctuation(arabic::tokenize(s)) {
        if !out.is_empty() {
            out.push(' ');
        }
        if token.is_number() {
            out.extend(token.norm.chars().map(|c| if c.is_ascii_digit() { c } else { ' ' }));
        } else {
            out.push_str(&token.norm);
        }
    }
    out
}

fn ends_like_sentence(s: &str) -> bool {
    s.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’»)".contains(c))
        .ends_with(['.', '؟', '?', '!', '؛', '…'])
}

const SPEECH_WORDS: &[&str] = &[
    "قال",
    "قالت",
    "اضاف",
    "اضافت",
    "اكد",
    "اكدت",
    "اوضح",
    "اوضحت",
    "تابع",
    "تابعت",
    "اشار",
    "اشارت",
    "صرح",
    "صرحت",
    "اعلن",
    "اعلنت",
    "ذكر",
    "ذكرت",
    "كتب",
    "كتبت",
    "said",
    "says",
    "added",
];

const AGENCY_WORDS: &[&str] = &[
    "وكالات",
    "وكاله",
    "رويترز",
    "فرانس برس",
    "ا ف ب",
    "اف ب",
    "الاناضول",
    "سبوتنيك",
    "نوفوستي",
    "تاس",
    "ارنا",
    "واس",
    "سانا",
    "وام",
    "كونا",
    "قنا",
    "بترا",
    "اسوشيتد برس",
    "د ب ا",
    "شينخوا",
    "reuters",
    "afp",
    "ap",
    "agencies",
];

fn is_agency(folded: &str) -> bool {
    AGENCY_WORDS
        .iter()
        .any(|a| starts_with_words(folded, a) || folded.strip_suffix(a).is_some_and(|rest| rest.ends_with(' ')))
}

/// Words in outlet names that are not place names.
const OUTLET_WORDS: &[&str] = &[
    "نيوز",
    "news",
    "اليوم",
    "الخبر",
    "وكاله",
    "قناه",
    "صحيفه",
    "موقع",
    "بوابه",
    "نت",
    "tv",
    "تي في",
    "برس",
    "press",
    "تايمز",
    "times",
    "بوست",
    "post",
    "24",
    "اونلاين",
    "online",
    "الان",
    "الاخباريه",
    "عربي",
];

/// `label: value` or `label : value`: (folded label, raw value) when the label is short.
fn labelled(trimmed: &str) -> Option<(String, &str)> {
    let colon = trimmed.find([':', '：'])?;
    let label = &trimmed[..colon];
    let value = trimmed[colon..].trim_start_matches([':', '：']).trim();
    let fl = fold_line(label);
    (fl.split(' ').filter(|w| !w.is_empty()).count() <= 4).then_some((fl, value))
}

/// `folded` is `prefix` or starts with `prefix` and a space (whole words).
fn starts_with_words(folded: &str, prefix: &str) -> bool {
    folded
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// `folded` contains `words` as whole words.
fn contains_words(folded: &str, words: &str) -> bool {
    folded.match_indices(words).any(|(at, _)| {
        let before_ok = at == 0 || folded[..at].ends_with(' ');
        let after = &folded[at + words.len()..];
        before_ok && (after.is_empty() || after.starts_with(' '))
    })
}

fn starts_with_any(folded: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| starts_with_words(folded, p))
}

const DATE_LABELS: &[&str] = &[
    "تاريخ",
    "التاريخ",
    "تاريخ النشر",
    "تاريخ الافراج",
    "نشر",
    "نشر في",
    "تم النشر",
    "نشر بتاريخ",
    "بتاريخ",
    "اخر تحديث",
    "تحديث",
    "تم التحديث",
    "published",
    "published on",
    "updated",
    "last updated",
    "date",
    "posted",
    "posted on",
];
const UPDATE_LABELS: &[&str] = &["اخر تحديث", "تحديث", "تم التحديث", "updated", "last updated"];
const SOURCE_LABELS: &[&str] = &["المصدر", "مصدر", "مصدر الخبر", "source", "نقلا عن", "عن"];
const AUTHOR_LABELS: &[&str] = &[
    "بقلم",
    "كتب",
    "كتبت",
    "الكاتب",
    "اعداد",
    "تحرير",
    "by",
    "author",
    "مراسل",
    "مراسلنا",
];
const ID_LABELS: &[&str] = &["معرف", "رقم", "كود", "رمز", "id", "الرقم"];

enum MetaFound {
    Date(String, bool),
    Source(String),
    Other,
}

/// A labelled metadata line (`تاريخ النشر: …`, `المصدر: …`, `معرف الأخبار : 76227`, `بقلم: …`) or a line that is
/// only a date.
fn meta_line(line: &Line) -> Option<MetaFound> {
    if line.words > 14 {
        return None;
    }
    if let Some((label, value)) = labelled(line.trimmed) {
        if starts_with_any(&label, DATE_LABELS)
            && let Some(d) = dates::parse_datetime(value)
        {
            return Some(MetaFound::Date(d, starts_with_any(&label, UPDATE_LABELS)));
        }
        if SOURCE_LABELS.contains(&label.as_str()) && !value.is_empty() && fold_line(value).split(' ').count() <= 6 {
            let v = value.trim_end_matches(['.', '،', ',', '-', '–']).trim();
            return Some(MetaFound::Source(v.to_string()));
        }
        if starts_with_any(&label, AUTHOR_LABELS) && line.words <= 8 {
            return Some(MetaFound::Other);
        }
        if !value.is_empty()
            && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '#')
            && value.chars().any(|c| c.is_numeric())
            && label.split(' ').any(|w| ID_LABELS.contains(&w))
        {
            return Some(MetaFound::Other);
        }
    }
    // A line that is nothing but a date (with weekday and time): "الثلاثاء 18 أكتوبر 2020 - 10:30".
    let found = dates::find_dates(line.trimmed);
    if let Some(first) = found.first()
        && first.value.len() >= 10
    {
        let rest: String = format!("{}{}", &line.trimmed[..first.start], &line.trimmed[first.end..]);
        let rest_words = fold_line(&rest)
            .split(' ')
            .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_numeric()))
            .count();
        if rest_words <= 2 {
            return Some(MetaFound::Date(
                dates::parse_datetime(line.trimmed).unwrap_or(first.value.clone()),
                false,
            ));
        }
    }
    None
}

/// `طهران – وكالات`, `القاهرة - بوابة الأهرام`: a short `place – agency/outlet` line. Returns the source.
fn dateline_line(line: &Line) -> Option<Option<String>> {
    if line.words > 6 || ends_like_sentence(line.trimmed) {
        return None;
    }
    let (left, right) = line
        .trimmed
        .split_once(" – ")
        .or_else(|| line.trimmed.split_once(" - "))
        .or_else(|| line.trimmed.split_once(" — "))
        .or_else(|| line.trimmed.split_once('–'))?;
    let (l, r) = (left.trim(), right.trim());
    let (fl, fr) = (fold_line(l), fold_line(r));
    let lw = fl.split(' ').filter(|w| !w.is_empty()).count();
    let rw = fr.split(' ').filter(|w| !w.is_empty()).count();
    if lw == 0 || rw == 0 || lw > 3 || rw > 4 {
        return None;
    }
    if is_agency(&fr) || OUTLET_WORDS.iter().any(|w| fr.split(' ').any(|x| x == *w)) {
        return Some(Some(r.to_string()));
    }
    if is_agency(&fl) {
        return Some(Some(l.to_string()));
    }
    None
}

/// An outlet lead at the start of the body: `ميدل ايست نيوز: قال …` or `موسكو (سبوتنيك) - …`.
/// Returns (byte length of the prefix within the trimmed line, source if the prefix names one).
fn lead_prefix(trimmed: &str) -> Option<(usize, Option<String>)> {
    // CITY (AGENCY) - / CITY (AGENCY):
    if let Some(open) = trimmed.find('(')
        && let Some(close_rel) = trimmed[open..].find(')')
    {
        let close = open + close_rel;
        let before = fold_line(&trimmed[..open]);
        let inner = trimmed[open + 1..close].trim();
        let after = trimmed[close + 1..].trim_start();
        if before.split(' ').filter(|w| !w.is_empty()).count() <= 3
            && !before.split(' ').any(|w| SPEECH_WORDS.contains(&w))
            && fold_line(inner).split(' ').count() <= 4
            && after.starts_with(['-', '–', '—', ':'])
        {
            let rest = after.trim_start_matches(['-', '–', '—', ':']).trim_start();
            let prefix_len = trimmed.len() - rest.len();
            return Some((prefix_len, Some(inner.to_string())));
        }
    }
    let colon = trimmed.find(':')?;
    let label = trimmed[..colon].trim();
    let fl = fold_line(label);
    let words: Vec<&str> = fl.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    // "واضاف:", "وقال الوزير:" — speech, not a dateline.
    if words[0].starts_with('و') && !is_agency(&fl)
        || words.iter().any(|w| SPEECH_WORDS.contains(w))
        || label.chars().any(|c| c.is_numeric() || "\"“”«»".contains(c))
    {
        return None;
    }
    let rest = trimmed[colon + 1..].trim_start();
    if rest.split_whitespace().count() < 4 {
        return None;
    }
    let prefix_len = trimmed.len() - rest.len();
    let is_outlet = is_agency(&fl) || words.len() >= 2 || OUTLET_WORDS.iter().any(|w| words.contains(w));
    Some((prefix_len, is_outlet.then(|| label.to_string())))
}

const FORM_LINES: &[&str] = &[
    "الاسم",
    "اسمك",
    "البريد الالكتروني",
    "البريد الاليكتروني",
    "بريدك الالكتروني",
    "الموقع الالكتروني",
    "الموقع",
    "تعليقك",
    "التعليق",
    "تعليق",
    "تعليقات",
    "التعليقات",
    "اترك تعليقا",
    "اترك ردا",
    "اترك رد",
    "اضف تعليق",
    "اضف تعليقك",
    "اكتب تعليقك",
    "ارسال",
    "ارسل",
    "ارسال التعليق",
    "نشر التعليق",
    "طباعه",
    "مشاركه",
    "شارك",
    "شاركها",
    "شارك الخبر",
    "حفظ",
    "name",
    "email",
    "e mail",
    "website",
    "comment",
    "comments",
    "submit",
    "post comment",
    "leave a reply",
    "leave a comment",
    "reply",
    "print",
    "share",
    "tweet",
    "اعلان",
    "اعلانات",
    "advertisement",
    "sponsored",
    "محتوي مدعوم",
    "المزيد",
    "more",
];

const FORM_PHRASES: &[&str] = &[
    "لن يتم نشر",
    "الحقول الالزاميه",
    "الحقول المطلوبه",
    "بريدك الالكتروني",
    "your email address",
    "required fields",
    "رمز التحقق",
    "captcha",
    "الذهاب الي الاعلي",
    "العوده الي الاعلي",
    "العوده للاعلي",
    "الرجوع للاعلي",
    "back to top",
    "scroll to top",
    "go to top",
    "جميع الحقوق محفوظه",
    "حقوق النشر محفوظه",
    "all rights reserved",
    "copyright",
    "النشره البريديه",
    "newsletter",
    "تبليغاتي",
    "تبليغات",
];

const TAG_LABELS: &[&str] = &[
    "كلمات دلاليه",
    "الكلمات الدلاليه",
    "كلمات مفتاحيه",
    "الكلمات المفتاحيه",
    "الوسوم",
    "وسوم",
    "tags",
    "keywords",
    "مواضيع",
];

const SOCIAL_WORDS: &[&str] = &[
    "تلغرام",
    "التلغرام",
    "تيليغرام",
    "تليجرام",
    "telegram",
    "فيسبوك",
    "فيس بوك",
    "facebook",
    "تويتر",
    "twitter",
    "واتساب",
    "whatsapp",
    "يوتيوب",
    "youtube",
    "انستغرام",
    "انستجرام",
    "instagram",
    "تيك توك",
    "tiktok",
    "linkedin",
    "جوجل نيوز",
    "google news",
    "rss",
];

const FOLLOW_VERBS: &[&str] = &[
    "تابع",
    "تابعوا",
    "تابعونا",
    "تابعنا",
    "اشترك",
    "اشتركوا",
    "للاشتراك",
    "شارك",
    "شاركوا",
    "انضم",
    "انضموا",
    "حمل",
    "حملوا",
    "follow",
    "subscribe",
    "share",
    "join",
    "download",
];

const RELATED_MARKERS: &[&str] = &[
    "اقرا ايضا",
    "اقرا ايضا",
    "اقرا كذلك",
    "اقرا المزيد",
    "اقرا اكثر",
    "شاهد ايضا",
    "قد يهمك",
    "قد يهمك ايضا",
    "اخبار مرتبط",
    "اخبار مرتبطه",
    "الاخبار المرتبطه",
    "اخبار ذات صله",
    "مقالات ذات صله",
    "مواضيع ذات صله",
    "اخبار متعلقه",
    "مواضيع متعلقه",
    "مقالات متعلقه",
    "الاكثر قراءه",
    "الاكثر مشاهده",
    "المزيد من الاخبار",
    "اخبار اخري",
    "read also",
    "read more",
    "related",
    "related news",
    "related articles",
    "related posts",
    "see also",
    "you may also like",
    "more stories",
];

/// A related-block marker: `Some(true)` when it stands alone (the block follows), `Some(false)` when a headline
/// follows it on the same line.
fn related_marker(line: &Line) -> Option<bool> {
    let f = line.folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    let marker = RELATED_MARKERS
        .iter()
        .filter(|m| starts_with_words(f, m))
        .max_by_key(|m| m.len())?;
    let rest = f[marker.len()..].trim();
    Some(rest.split(' ').filter(|w| !w.is_empty()).count() < 2)
}

fn is_boilerplate(line: &Line) -> bool {
    let f = line.folded.as_str();
    let t = line.trimmed;
    if f.is_empty() {
        // Symbols only: "*", "|", "…"
        return true;
    }
    // A scrap of one or two characters: a close button "X", a stray number.
    if t.chars().nth(2).is_none() {
        return true;
    }
    if line.words <= 4 && FORM_LINES.contains(&f) {
        return true;
    }
    if line.words <= 25 && FORM_PHRASES.iter().any(|p| contains_words(f, p)) {
        return true;
    }
    if t.contains('©') {
        return true;
    }
    // Captcha sums: "عشرة + خمسة =", "3 + 4 = ?"
    if line.words <= 8 && (t.trim_end_matches(['?', '؟', ' ']).ends_with('=')) {
        return true;
    }
    if starts_with_any(f, TAG_LABELS) && (t.contains(':') || line.words <= 2) {
        return true;
    }
    // Persian advert and navigation scraps: letters only Persian uses, in a short line.
    if line.words <= 8 && t.chars().any(|c| matches!(c, 'پ' | 'چ' | 'ژ' | 'گ')) {
        return true;
    }
    if line.words <= 14 && !ends_like_sentence(t) {
        let first = f.split(' ').next().unwrap_or("");
        let social = SOCIAL_WORDS.iter().any(|w| contains_words(f, w));
        if (FOLLOW_VERBS.contains(&first) && (social || line.words <= 8)) || (line.words <= 6 && social) {
            return true;
        }
    }
    // Bare URLs and link lists / menus: "الرئيسية | سياسة | اقتصاد | رياضة".
    let head: String = t.chars().take(8).collect::<String>().to_ascii_lowercase();
    if (head.starts_with("http://") || head.starts_with("https://") || head.starts_with("www.")) && !t.contains(' ') {
        return true;
    }
    let separators = t.chars().filter(|c| matches!(c, '|' | '•' | '·' | '»' | '«')).count();
    if separators >= 3 && line.words <= separators * 4 + 4 {
        return true;
    }
    false
}

fn headline_like(line: &Line, max_words: usize) -> bool {
    line.words >= 1 && line.words <= max_words && !ends_like_sentence(line.trimmed) && !line.trimmed.ends_with(':')
}

/// Segments `text` and reads its inline metadata. `preset` fields win over what the text says.
pub fn analyse(text: &str, preset: &Preset) -> Analysis {
    let lines: Vec<Line> = line_ranges(text)
        .map(|(start, end, _)| {
            let raw = &text[start..end];
            let trimmed = raw.trim();
            let folded = fold_line(trimmed);
            let words = folded.split(' ').filter(|w| !w.is_empty()).count();
            let lead = raw.len() - raw.trim_start().len();
            Line {
                start: start + lead,
                end: start + lead + trimmed.len(),
                trimmed,
                folded,
                words,
            }
        })
        .collect();
    // Kind of each line; pieces split a line (an outlet lead) into (kind, start, end).
    let mut kinds: Vec<Option<SegmentKind>> = vec![None; lines.len()];
    let mut splits: Vec<(usize, SegmentKind, usize, usize)> = Vec::new();
    let mut date: Option<(String, bool)> = None;
    let mut source: Option<String> = None;
    let mut title = String::new();
    let mut title_folds: Vec<String> = Vec::new();

    let preset_title = preset.title.as_deref().map(fold_line).filter(|t| !t.is_empty());
    let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].trimmed.is_empty()).collect();

    // --- Head: meta lines and the headline (with its kicker or subtitle) among the first lines.
    let mut head_end = 0; // index into `nonblank` where the body may start
    let mut title_done = false;
    let mut k = 0;
    while k < nonblank.len() && k < 8 {
        let i = nonblank[k];
        let line = &lines[i];
        if let Some(found) = meta_line(line) {
            kinds[i] = Some(SegmentKind::Meta);
            record_meta(found, &mut date, &mut source);
            k += 1;
            head_end = k;
            continue;
        }
        if title_done {
            if let Some(src) = dateline_line(line) {
                kinds[i] = Some(SegmentKind::Meta);
                if source.is_none() {
                    source = src;
                }
                k += 1;
                head_end = k;
                continue;
            }
            break;
        }
        if let Some(pt) = &preset_title {
            if line.folded == *pt {
                kinds[i] = Some(SegmentKind::Title);
                title = line.trimmed.to_string();
                title_folds.push(line.folded.clone());
                title_done = true;
                k += 1;
                head_end = k;
                continue;
            }
            if k >= 3 || !(is_boilerplate(line)) {
                // The structured title is not in the text: the text starts with the body.
                title_done = true;
                continue;
            }
            kinds[i] = Some(SegmentKind::Boilerplate);
            k += 1;
            head_end = k;
            continue;
        }
        // A long line, or a sentence, is no headline: the text starts with its body.
        if line.words > 30 || (line.words > 12 && ends_like_sentence(line.trimmed)) {
            title_done = true;
            continue;
        }
        if is_boilerplate(line) && line.words <= 2 {
            kinds[i] = Some(SegmentKind::Boilerplate);
            k += 1;
            head_end = k;
            continue;
        }
        // The headline. A second short line directly below (no blank line between) makes the first a kicker; a
        // short line after a blank line is a subtitle.
        kinds[i] = Some(SegmentKind::Title);
        title = line.trimmed.to_string();
        title_folds.push(line.folded.clone());
        title_done = true;
        k += 1;
        head_end = k;
        if let Some(&j) = nonblank.get(k) {
            let next = &lines[j];
            let adjacent = j == i + 1;
            if meta_line(next).is_none()
                && dateline_line(next).is_none()
                && next.folded != line.folded
                && headline_like(next, if adjacent { 20 } else { 12 })
                && headline_like(line, 30)
            {
                kinds[j] = Some(SegmentKind::Title);
                title_folds.push(next.folded.clone());
                if adjacent {
                    title = next.trimmed.to_string();
                }
                k += 1;
                head_end = k;
            }
        }
    }
    if title.is_empty()
        && let Some(t) = &preset.title
    {
        title = t.trim().to_string();
    }

    // --- Rest: duplicates, meta, related, boilerplate, body.
    let mut related_mode = false;
    // An outlet lead opens the first or second paragraph (after a standfirst).
    let mut body_lines_seen = 0usize;
    for &i in &nonblank[head_end.min(nonblank.len())..] {
        if kinds[i].is_some() {
            continue;
        }
        let line = &lines[i];
        if title_folds.contains(&line.folded) {
            kinds[i] = Some(SegmentKind::Duplicate);
            continue;
        }
        if line.words <= 14
            && let Some(found) = meta_line(line)
            && !related_mode
        {
            kinds[i] = Some(SegmentKind::Meta);
            record_meta(found, &mut date, &mut source);
            continue;
        }
        if let Some(standalone) = related_marker(line) {
            kinds[i] = Some(SegmentKind::Related);
            if standalone {
                related_mode = true;
            }
            continue;
        }
        if is_boilerplate(line) {
            kinds[i] = Some(SegmentKind::Boilerplate);
            continue;
        }
        if related_mode {
            kinds[i] = Some(SegmentKind::Related);
            continue;
        }
        kinds[i] = Some(SegmentKind::Body);
        if body_lines_seen < 2 && splits.is_empty() {
            body_lines_seen += 1;
            if let Some((prefix_len, src)) = lead_prefix(line.trimmed) {
                splits.push((i, SegmentKind::Meta, line.start, line.start + prefix_len));
                if source.is_none() {
                    source = src;
                }
            }
        }
    }

    // --- Trailing scraps after the last real paragraph: short lines without sentence punctuation.
    let last_paragraph = nonblank.iter().rev().find(|&&i| {
        kinds[i] == Some(SegmentKind::Body) && (lines[i].words > 5 || ends_like_sentence(lines[i].trimmed))
    });
    if let Some(&lp) = last_paragraph {
        for &i in nonblank.iter().filter(|&&i| i > lp) {
            if kinds[i] == Some(SegmentKind::Body) && lines[i].words <= 3 {
                kinds[i] = Some(SegmentKind::Boilerplate);
            }
        }
    }

    // --- Pieces in text order, blank lines joined to the piece before them (or after, at the start).
    let mut pieces: Vec<(SegmentKind, usize, usize)> = Vec::new();
    let mut split_iter = splits.iter().peekable();
    for (i, line) in lines.iter().enumerate() {
        let Some(kind) = kinds[i] else { continue };
        if let Some(&&(si, skind, s0, s1)) = split_iter.peek()
            && si == i
        {
            pieces.push((skind, s0, s1));
            pieces.push((kind, s1, line.end));
            split_iter.next();
        } else {
            pieces.push((kind, line.start, line.end));
        }
    }
    let segments = cover(text.len(), &pieces);

    let source = preset
        .source
        .clone()
        .or(source)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let date = preset.date.clone().or(date.map(|d| d.0));
    if title.is_empty() {
        title = fallback_title(text, &segments);
    }
    Analysis {
        segments,
        title,
        date,
        source,
    }
}

fn record_meta(found: MetaFound, date: &mut Option<(String, bool)>, source: &mut Option<String>) {
    match found {
        // A publication date wins over an update date.
        MetaFound::Date(d, is_update) => match date {
            None => *date = Some((d, is_update)),
            Some((_, true)) if !is_update => *date = Some((d, false)),
            _ => {}
        },
        MetaFound::Source(s) => {
            if source.is_none() {
                *source = Some(s);
            }
        }
        MetaFound::Other => {}
    }
}

/// No headline found: the first words of the body, so that every article has a readable name.
fn fallback_title(text: &str, segments: &[Segment]) -> String {
    let body = segments
        .iter()
        .find(|s| s.kind == SegmentKind::Body)
        .and_then(|s| text.get(s.start..s.end))
        .unwrap_or("");
    let first_line = body.trim().lines().next().unwrap_or("");
    let words: Vec<&str> = first_line.split_whitespace().take(12).collect();
    let mut t = words.join(" ");
    if first_line.split_whitespace().count() > 12 {
        t.push('…');
    }
    t
}

/// Turns ordered, non-overlapping pieces into segments covering `0..len`: the gaps (blank lines, line breaks,
/// indentation) go to the piece before them, or to the first piece at the start; equal neighbours merge.
pub fn cover(len: usize, pieces: &[(SegmentKind, usize, usize)]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    if len == 0 {
        return out;
    }
    if pieces.is_empty() {
        return vec![Segment {
            kind: SegmentKind::Boilerplate,
            start: 0,
            end: len,
        }];
    }
    for (n, &(kind, start, _)) in pieces.iter().enumerate() {
        let seg_start = if n == 0 { 0 } else { start };
        let seg_end = pieces.get(n + 1).map_or(len, |p| p.1);
        if seg_end <= seg_start {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.kind == kind && last.end == seg_start => last.end = seg_end,
            _ => out.push(Segment {
                kind,
                start: seg_start,
                end: seg_end,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_of(text: &str) -> Vec<(SegmentKind, String)> {
        let a = analyse(text, &Preset::default());
        a.segments
            .iter()
            .map(|s| (s.kind, text[s.start..s.end].trim().to_string()))
            .collect()
    }

    #[test]
    fn kicker_headline_and_body() {
        let text = "خلال لقاء الوزيرين\nتطوير العلاقات الدفاعية\nاكدت الوزارة على تطوير العلاقات بين البلدين اليوم.\n";
        let a = analyse(text, &Preset::default());
        assert_eq!(a.title, "تطوير العلاقات الدفاعية");
        let k = kinds_of(text);
        assert_eq!(k[0].0, SegmentKind::Title);
        assert_eq!(k[1].0, SegmentKind::Body);
    }

    #[test]
    fn comment_form_and_related() {
        let text = "عنوان الخبر هنا\n\nنص الخبر الأول طويل بما يكفي ليكون فقرة حقيقية من المقال.\n\nمقالات ذات صلة\n\nاترك تعليقاً\n\nلن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *\n\nثلاثة + أربعة =\n";
        let k = kinds_of(text);
        let kinds: Vec<SegmentKind> = k.iter().map(|x| x.0).collect();
        assert_eq!(
            kinds,
            [
                SegmentKind::Title,
                SegmentKind::Body,
                SegmentKind::Related,
                SegmentKind::Boilerplate
            ]
        );
    }

    #[test]
    fn outlet_lead_and_city_dateline() {
        let text = "عنوان\n\nقناة الأخبار اليوم: قال الوزير إن المحادثات كانت مثمرة جدا.\n";
        let a = analyse(text, &Preset::default());
        assert_eq!(a.source.as_deref(), Some("قناة الأخبار اليوم"));
        let text = "عنوان\nموسكو – سبوتنيك\nقال الوزير إن المحادثات كانت مثمرة جدا.\n";
        assert_eq!(analyse(text, &Preset::default()).source.as_deref(), Some("سبوتنيك"));
        // A speech verb is not an outlet.
        let text = "عنوان\n\nوقال الوزير: إن المحادثات كانت مثمرة جدا وطويلة.\n";
        assert_eq!(analyse(text, &Preset::default()).source, None);
        // A single place name is a dateline, not a source.
        let text = "عنوان\n\nموسكو: قال الوزير إن المحادثات كانت مثمرة جدا.\n";
        assert_eq!(analyse(text, &Preset::default()).source, None);
    }

    #[test]
    fn no_headline_when_the_text_starts_with_a_sentence() {
        let text = "قال وزير الخارجية اليوم إن المحادثات مع الجانب الآخر كانت مثمرة وبناءة جدا.\nوأضاف أن الجولة المقبلة قريبة.\n";
        let a = analyse(text, &Preset::default());
        assert!(a.segments.iter().all(|s| s.kind == SegmentKind::Body));
        assert_eq!(
            a.title,
            "قال وزير الخارجية اليوم إن المحادثات مع الجانب الآخر كانت مثمرة وبناءة…"
        );
    }

    #[test]
    fn meta_lines_anywhere_and_label_variants() {
        let text = "عنوان\nبقلم: أحمد علي\nالثلاثاء 18 أكتوبر 2020 - 10:30\nنص الخبر هنا وهو طويل بما يكفي.\nالمصدر : الجزيرة نت\n";
        let a = analyse(text, &Preset::default());
        assert_eq!(a.date.as_deref(), Some("2020-10-18T10:30"));
        assert_eq!(a.source.as_deref(), Some("الجزيرة نت"));
        let metas = a.segments.iter().filter(|s| s.kind == SegmentKind::Meta).count();
        assert_eq!(metas, 2, "{:?}", a.segments);
        // A publication date wins over an update date.
        let text = "عنوان\nآخر تحديث: 21 سبتمبر 2023\nتاريخ النشر: 20 سبتمبر 2023\nنص الخبر هنا.\n";
        assert_eq!(analyse(text, &Preset::default()).date.as_deref(), Some("2023-09-20"));
    }

    #[test]
    fn share_lines_tags_copyright_links_and_inline_related() {
        let text = "عنوان\nنص الخبر الأول طويل بما يكفي ليكون فقرة حقيقية.\nاقرأ أيضا: الوزير يزور موسكو الأسبوع المقبل\nنص الخبر يستمر هنا بفقرة طويلة أخرى مفيدة.\nشارك الخبر على فيسبوك\nالوسوم: إيران روسيا\n© 2024 جميع الحقوق محفوظة\nالرئيسية | سياسة | اقتصاد | رياضة\nhttps://example.com/x\n";
        let kinds: Vec<SegmentKind> = analyse(text, &Preset::default())
            .segments
            .iter()
            .map(|s| s.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                SegmentKind::Title,
                SegmentKind::Body,
                SegmentKind::Related,
                SegmentKind::Body,
                SegmentKind::Boilerplate
            ]
        );
    }

    #[test]
    fn cover_is_complete() {
        let text = "\n\nعنوان\n\n\nنص طويل بما يكفي هنا.\n\n";
        let a = analyse(text, &Preset::default());
        assert_eq!(a.segments.first().map(|s| s.start), Some(0));
        assert_eq!(a.segments.last().map(|s| s.end), Some(text.len()));
        for w in a.segments.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
    }
}
