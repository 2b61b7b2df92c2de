//! Line classifiers of the segmenter: the line fold, and whether a line is metadata, a dateline, an outlet lead,
//! a related-block marker, boilerplate or headline-like.

use super::params::SegmentParams;
use super::words::*;
use crate::arabic::{self, dates};

#[derive(Debug, Clone)]
/// One line of the text, with what the classifiers look at.
pub(super) struct Line<'a> {
    pub start: usize,
    /// End of the content, before the newline.
    pub end: usize,
    /// Trimmed content.
    pub trimmed: &'a str,
    /// Folded trimmed content, for matching.
    pub folded: String,
    /// Words of `folded`.
    pub words: usize,
}

/// Folds a line for matching: the Arabic chain's words and numbers in their folded forms, one space apart, digit
/// groups apart (`3.5` → `3 5`), punctuation dropped; its words are what the classifiers count.
pub fn fold_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    arabic::for_each_token(s, |token| {
        if token.kind == arabic::TokenKind::Punct {
            return;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if token.kind == arabic::TokenKind::Number {
            out.extend(token.norm.chars().map(|c| if c.is_ascii_digit() { c } else { ' ' }));
        } else {
            out.push_str(token.norm);
        }
    });
    out
}

pub(super) fn ends_like_sentence(s: &str) -> bool {
    s.trim_end_matches(|c: char| c.is_whitespace() || "\"'”’»)".contains(c))
        .ends_with(['.', '؟', '?', '!', '؛', '…'])
}

pub(super) fn is_agency(folded: &str) -> bool {
    AGENCY_WORDS
        .iter()
        .any(|a| starts_with_words(folded, a) || folded.strip_suffix(a).is_some_and(|rest| rest.ends_with(' ')))
}

/// `label: value` or `label : value`: (folded label, raw value) when the label is short.
pub(super) fn labelled<'t>(trimmed: &'t str, p: &SegmentParams) -> Option<(String, &'t str)> {
    let colon = trimmed.find([':', '：'])?;
    let label = &trimmed[..colon];
    let value = trimmed[colon..].trim_start_matches([':', '：']).trim();
    let fl = fold_line(label);
    (fl.split(' ').filter(|w| !w.is_empty()).count() <= p.label_max_words).then_some((fl, value))
}

/// `folded` is `prefix` or starts with `prefix` and a space (whole words).
pub(super) fn starts_with_words(folded: &str, prefix: &str) -> bool {
    folded
        .strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

pub(super) fn starts_with_any(folded: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| starts_with_words(folded, p))
}

/// Length of a full date value, `YYYY-MM-DD` (a year alone or a month is no date line).
const FULL_DATE_LEN: usize = "YYYY-MM-DD".len();

pub(super) enum MetaFound {
    Date(String, bool),
    Source(String),
    Other,
}

/// A labelled metadata line (`تاريخ النشر: …`, `المصدر: …`, `معرف الأخبار : 76227`, `بقلم: …`) or a line that is
/// only a date.
pub(super) fn meta_line(line: &Line, p: &SegmentParams) -> Option<MetaFound> {
    if line.words > p.meta_max_words {
        return None;
    }
    if let Some((label, value)) = labelled(line.trimmed, p) {
        if starts_with_any(&label, &DATE_LABELS)
            && let Some(d) = dates::parse_datetime(value)
        {
            return Some(MetaFound::Date(d, starts_with_any(&label, &UPDATE_LABELS)));
        }
        if SOURCE_LABELS.contains(label.as_str())
            && !value.is_empty()
            && fold_line(value).split(' ').count() <= p.source_max_words
        {
            let v = value.trim_end_matches(['.', '،', ',', '-', '–']).trim();
            return Some(MetaFound::Source(v.to_string()));
        }
        if starts_with_any(&label, &AUTHOR_LABELS) && line.words <= p.byline_max_words {
            return Some(MetaFound::Other);
        }
        if !value.is_empty()
            && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '#')
            && value.chars().any(|c| c.is_numeric())
            && label.split(' ').any(|w| ID_LABELS.contains(w))
        {
            return Some(MetaFound::Other);
        }
    }
    // A line that is nothing but a date (with weekday and time): "الثلاثاء 18 أكتوبر 2020 - 10:30".
    let found = dates::find_dates(line.trimmed);
    if let Some(first) = found.first()
        && first.value.len() >= FULL_DATE_LEN
    {
        let rest: String = format!("{}{}", &line.trimmed[..first.start], &line.trimmed[first.end..]);
        let rest_words = fold_line(&rest)
            .split(' ')
            .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_numeric()))
            .count();
        if rest_words <= p.date_line_max_other_words {
            return Some(MetaFound::Date(
                dates::parse_datetime(line.trimmed).unwrap_or(first.value.clone()),
                false,
            ));
        }
    }
    None
}

/// `طهران – وكالات`, `القاهرة - بوابة الأهرام`: a short `place – agency/outlet` line. Returns the source.
pub(super) fn dateline_line(line: &Line, p: &SegmentParams) -> Option<Option<String>> {
    if line.words > p.dateline_max_words || ends_like_sentence(line.trimmed) {
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
    if lw == 0 || rw == 0 || lw > p.dateline_place_max_words || rw > p.dateline_outlet_max_words {
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
/// Returns (byte length of the prefix within the trimmed line, the name it gives and whether an agency or outlet word
/// marks that name as an outlet).
pub(super) fn lead_prefix(trimmed: &str, p: &SegmentParams) -> Option<(usize, Option<(String, bool)>)> {
    // CITY (AGENCY) - / CITY (AGENCY):
    if let Some(open) = trimmed.find('(')
        && let Some(close_rel) = trimmed[open..].find(')')
    {
        let close = open + close_rel;
        let before = fold_line(&trimmed[..open]);
        let inner = trimmed[open + 1..close].trim();
        let after = trimmed[close + 1..].trim_start();
        if before.split(' ').filter(|w| !w.is_empty()).count() <= p.lead_place_max_words
            && !before.split(' ').any(|w| SPEECH_WORDS.contains(w))
            && fold_line(inner).split(' ').count() <= p.lead_agency_max_words
            && after.starts_with(['-', '–', '—', ':'])
        {
            let rest = after.trim_start_matches(['-', '–', '—', ':']).trim_start();
            let prefix_len = trimmed.len() - rest.len();
            return Some((prefix_len, Some((inner.to_string(), true))));
        }
    }
    let colon = trimmed.find(':')?;
    let label = trimmed[..colon].trim();
    let fl = fold_line(label);
    let mut words: Vec<&str> = fl.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > p.lead_label_max_words {
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
    if rest.split_whitespace().count() < p.lead_rest_min_words {
        return None;
    }
    let prefix_len = trimmed.len() - rest.len();
    // `ميدل ايست أونلاين بقلم : …`: the outlet's name, then a byline label.
    let label = match label.rsplit_once(char::is_whitespace) {
        Some((name, last)) if words.len() > 1 && AUTHOR_LABELS.contains(&fold_line(last)) => {
            words.pop();
            name.trim_end()
        }
        _ => label,
    };
    let named_outlet = is_agency(&fl) || OUTLET_WORDS.iter().any(|w| words.contains(w));
    let name = (named_outlet || (words.len() >= p.lead_outlet_min_words && name_shaped_label(label, &words)))
        .then(|| (label.to_string(), named_outlet));
    Some((prefix_len, name))
}

/// Whether a label before a colon can be an outlet's name when no agency or outlet word says so: not a list of
/// places (`سوريا , دمشق`), not a role pair (`الناشر - رئيس التحرير`), not a byline (`… بقلم`), and in Latin letters
/// a name (`Arab Times`), not a sentence of lowercase words (`Search this site`).
fn name_shaped_label(label: &str, folded_words: &[&str]) -> bool {
    if label.contains([',', '،', '-', '–', '—', '/', '|']) {
        return false;
    }
    if folded_words.iter().any(|w| AUTHOR_LABELS.contains(w)) {
        return false;
    }
    let latin: Vec<&str> = label
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .collect();
    let lowercase = latin
        .iter()
        .filter(|w| w.chars().count() > 3 && w.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .count();
    lowercase * 2 < latin.len().max(1)
}

/// A related-block marker: `Some(true)` when it stands alone (the block follows), `Some(false)` when a headline
/// follows it on the same line.
pub(super) fn related_marker(line: &Line, p: &SegmentParams) -> Option<bool> {
    let f = line.folded.trim_start_matches(|c: char| !c.is_alphanumeric());
    let marker = RELATED_MARKERS
        .iter()
        .filter(|m| starts_with_words(f, m))
        .max_by_key(|m| m.len())?;
    let rest = f[marker.len()..].trim();
    Some(rest.split(' ').filter(|w| !w.is_empty()).count() < p.inline_related_min_words)
}

pub(super) fn is_boilerplate(line: &Line, p: &SegmentParams) -> bool {
    let f = line.folded.as_str();
    let t = line.trimmed;
    if f.is_empty() {
        // Symbols only: "*", "|", "…"
        return true;
    }
    // A scrap of one or two characters: a close button "X", a stray number.
    if t.chars().nth(p.scrap_max_chars).is_none() {
        return true;
    }
    if line.words <= p.form_line_max_words && FORM_LINES.contains(f) {
        return true;
    }
    if line.words <= p.form_phrase_max_words && FORM_PHRASES.occurs_in(f) {
        return true;
    }
    if t.contains('©') {
        return true;
    }
    // Captcha sums: "عشرة + خمسة =", "3 + 4 = ?"
    if line.words <= p.captcha_max_words && (t.trim_end_matches(['?', '؟', ' ']).ends_with('=')) {
        return true;
    }
    if starts_with_any(f, &TAG_LABELS) && (t.contains(':') || line.words <= p.tag_line_max_words) {
        return true;
    }
    // Persian advert and navigation scraps: letters only Persian uses, in a short line.
    if line.words <= p.persian_scrap_max_words && t.chars().any(|c| matches!(c, 'پ' | 'چ' | 'ژ' | 'گ')) {
        return true;
    }
    if line.words <= p.follow_line_max_words && !ends_like_sentence(t) {
        let first = f.split(' ').next().unwrap_or("");
        let social = SOCIAL_WORDS.occurs_in(f);
        if (FOLLOW_VERBS.contains(first) && (social || line.words <= p.follow_verb_max_words))
            || (line.words <= p.social_line_max_words && social)
        {
            return true;
        }
    }
    // Bare URLs and link lists / menus: "الرئيسية | سياسة | اقتصاد | رياضة".
    // Enough characters for the longest scheme, "https://".
    let head: String = t
        .chars()
        .take("https://".len())
        .collect::<String>()
        .to_ascii_lowercase();
    if (head.starts_with("http://") || head.starts_with("https://") || head.starts_with("www.")) && !t.contains(' ') {
        return true;
    }
    let separators = t.chars().filter(|c| matches!(c, '|' | '•' | '·' | '»' | '«')).count();
    if separators >= p.menu_min_separators && line.words <= separators * p.menu_words_per_separator + p.menu_extra_words
    {
        return true;
    }
    false
}

pub(super) fn headline_like(line: &Line, max_words: usize) -> bool {
    line.words >= 1 && line.words <= max_words && !ends_like_sentence(line.trimmed) && !line.trimmed.ends_with(':')
}
