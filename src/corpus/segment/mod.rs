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

mod lines;
mod params;
pub(crate) mod words;

pub use lines::fold_line;
pub use params::SegmentParams;

use super::model::{Segment, SegmentKind};
use lines::{
    Line, MetaFound, dateline_line, ends_like_sentence, headline_like, is_boilerplate, lead_prefix, meta_line,
    related_marker,
};

/// Whether folded words are a date label (`تاريخ`, `تم النشر`, `بتاريخ`…).
pub fn is_date_label(folded: &str) -> bool {
    words::DATE_LABELS.contains(folded)
}

/// Whether folded words hold an update label (`اخر تحديث`…).
pub fn is_update_label(folded: &str) -> bool {
    words::UPDATE_LABELS.occurs_in(folded)
}

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
    /// A name before a lead's colon that nothing marks as an outlet (`سهيل الحسن : …` is as likely a speaker as a
    /// site): the source only when the file names no outlet (no URL or domain-like file name).
    pub weak_source: Option<String>,
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

/// Segments `text` and reads its inline metadata. `preset` fields win over what the text says.
pub fn analyse(text: &str, preset: &Preset, p: &SegmentParams) -> Analysis {
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
    let mut weak_source: Option<String> = None;
    let mut title = String::new();
    let mut title_folds: Vec<String> = Vec::new();

    let preset_title = preset.title.as_deref().map(fold_line).filter(|t| !t.is_empty());
    let nonblank: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].trimmed.is_empty()).collect();

    // --- Head: meta lines and the headline (with its kicker or subtitle) among the first lines.
    let mut head_end = 0; // index into `nonblank` where the body may start
    let mut title_done = false;
    let mut k = 0;
    while k < nonblank.len() && k < p.head_lines {
        let i = nonblank[k];
        let line = &lines[i];
        if let Some(found) = meta_line(line, p) {
            kinds[i] = Some(SegmentKind::Meta);
            record_meta(found, &mut date, &mut source);
            k += 1;
            head_end = k;
            continue;
        }
        if title_done {
            if let Some(src) = dateline_line(line, p) {
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
        // With a structured title, the headline is the line that says it; without, the first short line.
        let is_preset_title = preset_title.as_ref().is_some_and(|pt| line.folded == *pt);
        if !is_preset_title {
            let no_headline = if preset_title.is_some() {
                // The structured title is not in the text: the text starts with the body.
                k >= p.preset_title_lines || !is_boilerplate(line, p)
            } else {
                // A long line, or a sentence, is no headline: the text starts with its body.
                line.words > p.headline_max_words
                    || (line.words > p.sentence_max_headline_words && ends_like_sentence(line.trimmed))
            };
            if no_headline {
                title_done = true;
                continue;
            }
            if preset_title.is_some() || (is_boilerplate(line, p) && line.words <= p.head_scrap_max_words) {
                kinds[i] = Some(SegmentKind::Boilerplate);
                k += 1;
                head_end = k;
                continue;
            }
        }
        kinds[i] = Some(SegmentKind::Title);
        title = line.trimmed.to_string();
        title_folds.push(line.folded.clone());
        title_done = true;
        k += 1;
        head_end = k;
        // Without a structured title, a second short line directly below (no blank line between) makes the first a
        // kicker; a short line after a blank line is a subtitle.
        if preset_title.is_none()
            && let Some(&j) = nonblank.get(k)
        {
            let next = &lines[j];
            let adjacent = j == i + 1;
            if meta_line(next, p).is_none()
                && dateline_line(next, p).is_none()
                && next.folded != line.folded
                && headline_like(
                    next,
                    if adjacent {
                        p.second_headline_max_words
                    } else {
                        p.subtitle_max_words
                    },
                )
                && headline_like(line, p.headline_max_words)
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
        if line.words <= p.meta_max_words
            && let Some(found) = meta_line(line, p)
            && !related_mode
        {
            kinds[i] = Some(SegmentKind::Meta);
            record_meta(found, &mut date, &mut source);
            continue;
        }
        if let Some(standalone) = related_marker(line, p) {
            kinds[i] = Some(SegmentKind::Related);
            if standalone {
                related_mode = true;
            }
            continue;
        }
        if is_boilerplate(line, p) {
            kinds[i] = Some(SegmentKind::Boilerplate);
            continue;
        }
        if related_mode {
            kinds[i] = Some(SegmentKind::Related);
            continue;
        }
        kinds[i] = Some(SegmentKind::Body);
        if body_lines_seen < p.lead_lines && splits.is_empty() {
            body_lines_seen += 1;
            if let Some((prefix_len, src)) = lead_prefix(line.trimmed, p) {
                splits.push((i, SegmentKind::Meta, line.start, line.start + prefix_len));
                match src {
                    Some((name, true)) if source.is_none() => source = Some(name),
                    Some((name, false)) if weak_source.is_none() => weak_source = Some(name),
                    _ => {}
                }
            }
        }
    }

    // --- Trailing scraps after the last real paragraph: short lines without sentence punctuation.
    let last_paragraph = nonblank.iter().rev().find(|&&i| {
        kinds[i] == Some(SegmentKind::Body)
            && (lines[i].words > p.paragraph_min_words || ends_like_sentence(lines[i].trimmed))
    });
    if let Some(&lp) = last_paragraph {
        for &i in nonblank.iter().filter(|&&i| i > lp) {
            if kinds[i] == Some(SegmentKind::Body) && lines[i].words <= p.trailing_scrap_max_words {
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
        title = fallback_title(text, &segments, p.fallback_title_words);
    }
    Analysis {
        segments,
        title,
        date,
        source,
        weak_source: weak_source.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
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
fn fallback_title(text: &str, segments: &[Segment], max_words: usize) -> String {
    let body = segments
        .iter()
        .find(|s| s.kind == SegmentKind::Body)
        .and_then(|s| text.get(s.start..s.end))
        .unwrap_or("");
    let first_line = body.trim().lines().next().unwrap_or("");
    let words: Vec<&str> = first_line.split_whitespace().take(max_words).collect();
    let mut t = words.join(" ");
    if first_line.split_whitespace().count() > max_words {
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
    use SegmentKind::*;

    fn analysed(text: &str) -> Analysis {
        analyse(text, &Preset::default(), &SegmentParams::default())
    }

    /// The kinds of the segments of `text`, in order.
    fn kinds(text: &str) -> Vec<SegmentKind> {
        analysed(text).segments.iter().map(|s| s.kind).collect()
    }

    #[test]
    fn kicker_headline_and_body() {
        let text = "خلال لقاء الوزيرين\nتطوير العلاقات الدفاعية\nاكدت الوزارة على تطوير العلاقات بين البلدين اليوم.\n";
        let a = analysed(text);
        assert_eq!(a.title, "تطوير العلاقات الدفاعية");
        assert_eq!(kinds(text)[..2], [Title, Body]);
    }

    #[test]
    fn comment_form_and_related() {
        let text = "عنوان الخبر هنا\n\nنص الخبر الأول طويل بما يكفي ليكون فقرة حقيقية من المقال.\n\nمقالات ذات صلة\n\nاترك تعليقاً\n\nلن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *\n\nثلاثة + أربعة =\n";
        assert_eq!(kinds(text), [Title, Body, Related, Boilerplate]);
    }

    #[test]
    fn outlet_lead_and_city_dateline() {
        let text = "عنوان\n\nقناة الأخبار اليوم: قال الوزير إن المحادثات كانت مثمرة جدا.\n";
        let a = analysed(text);
        assert_eq!(a.source.as_deref(), Some("قناة الأخبار اليوم"));
        let text = "عنوان\nموسكو – سبوتنيك\nقال الوزير إن المحادثات كانت مثمرة جدا.\n";
        assert_eq!(analysed(text).source.as_deref(), Some("سبوتنيك"));
        // A speech verb is not an outlet.
        let text = "عنوان\n\nوقال الوزير: إن المحادثات كانت مثمرة جدا وطويلة.\n";
        assert_eq!(analysed(text).source, None);
        // A single place name is a dateline, not a source.
        let text = "عنوان\n\nموسكو: قال الوزير إن المحادثات كانت مثمرة جدا.\n";
        assert_eq!(analysed(text).source, None);
    }

    #[test]
    fn no_headline_when_the_text_starts_with_a_sentence() {
        let text = "قال وزير الخارجية اليوم إن المحادثات مع الجانب الآخر كانت مثمرة وبناءة جدا.\nوأضاف أن الجولة المقبلة قريبة.\n";
        let a = analysed(text);
        assert!(a.segments.iter().all(|s| s.kind == SegmentKind::Body));
        assert_eq!(
            a.title,
            "قال وزير الخارجية اليوم إن المحادثات مع الجانب الآخر كانت مثمرة وبناءة…"
        );
    }

    #[test]
    fn meta_lines_anywhere_and_label_variants() {
        let text = "عنوان\nبقلم: أحمد علي\nالثلاثاء 18 أكتوبر 2020 - 10:30\nنص الخبر هنا وهو طويل بما يكفي.\nالمصدر : الجزيرة نت\n";
        let a = analysed(text);
        assert_eq!(a.date.as_deref(), Some("2020-10-18T10:30"));
        assert_eq!(a.source.as_deref(), Some("الجزيرة نت"));
        let metas = a.segments.iter().filter(|s| s.kind == SegmentKind::Meta).count();
        assert_eq!(metas, 2, "{:?}", a.segments);
        // A publication date wins over an update date.
        let text = "عنوان\nآخر تحديث: 21 سبتمبر 2023\nتاريخ النشر: 20 سبتمبر 2023\nنص الخبر هنا.\n";
        assert_eq!(analysed(text).date.as_deref(), Some("2023-09-20"));
    }

    #[test]
    fn share_lines_tags_copyright_links_and_inline_related() {
        let text = "عنوان\nنص الخبر الأول طويل بما يكفي ليكون فقرة حقيقية.\nاقرأ أيضا: الوزير يزور موسكو الأسبوع المقبل\nنص الخبر يستمر هنا بفقرة طويلة أخرى مفيدة.\nشارك الخبر على فيسبوك\nالوسوم: إيران روسيا\n© 2024 جميع الحقوق محفوظة\nالرئيسية | سياسة | اقتصاد | رياضة\nhttps://example.com/x\n";
        assert_eq!(kinds(text), [Title, Body, Related, Body, Boilerplate]);
    }

    #[test]
    fn cover_is_complete() {
        let text = "\n\nعنوان\n\n\nنص طويل بما يكفي هنا.\n\n";
        let a = analysed(text);
        assert_eq!(a.segments.first().map(|s| s.start), Some(0));
        assert_eq!(a.segments.last().map(|s| s.end), Some(text.len()));
        for w in a.segments.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
    }
}
