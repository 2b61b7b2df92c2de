//! The tunable numbers of segmentation, with their defaults: word counts, from what news pages have in common, that
//! tell a headline, a metadata line or page furniture from prose. Counts are of folded words (see
//! [`super::fold_line`]) unless said otherwise.

/// Segmentation parameters. [`Default`] gives the values the sample corpus and the test suites are calibrated on.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentParams {
    // --- The head of the text.
    /// Non-blank lines at the top searched for the headline, its kicker or subtitle and metadata: 8.
    pub head_lines: usize,
    /// With a title from the structured format, the lines searched for it before the text is taken to start with
    /// its body: 3.
    pub preset_title_lines: usize,
    /// A headline has at most this many words: 30.
    pub headline_max_words: usize,
    /// A line that ends like a sentence and has more words than this is prose, not a headline: 12.
    pub sentence_max_headline_words: usize,
    /// A boilerplate line in the head is skipped when it has at most this many words: 2.
    pub head_scrap_max_words: usize,
    /// A short line directly below the first (no blank line between; it makes the first a kicker) has at most
    /// this many words: 20.
    pub second_headline_max_words: usize,
    /// A subtitle (a short line after a blank line below the headline) has at most this many words: 12.
    pub subtitle_max_words: usize,

    // --- Metadata lines.
    /// A metadata line (labelled, or only a date) has at most this many words: 14.
    pub meta_max_words: usize,
    /// The label before the colon of a `label: value` line has at most this many words: 4.
    pub label_max_words: usize,
    /// The value of a source line has at most this many words: 6.
    pub source_max_words: usize,
    /// A byline (`بقلم: …`) has at most this many words: 8.
    pub byline_max_words: usize,
    /// A line that is a date keeps at most this many other words (weekday, "الساعة" …), numbers not counted: 2.
    pub date_line_max_other_words: usize,
    /// A `place – agency` dateline has at most this many words: 6 …
    pub dateline_max_words: usize,
    /// … at most this many on the place side: 3 …
    pub dateline_place_max_words: usize,
    /// … and at most this many on the agency or outlet side: 4.
    pub dateline_outlet_max_words: usize,

    // --- The outlet lead that opens the body (`ميدل ايست نيوز: قال …`, `موسكو (سبوتنيك) - …`).
    /// Body lines, from the first, in which a lead is looked for: 2.
    pub lead_lines: usize,
    /// Words before the parenthesis of `CITY (AGENCY) -`: at most 3.
    pub lead_place_max_words: usize,
    /// Words inside the parenthesis: at most 4.
    pub lead_agency_max_words: usize,
    /// Words of the label before the colon of `OUTLET: …`: at most 4.
    pub lead_label_max_words: usize,
    /// A label of at least this many words names an outlet (one word may be a place name): 2.
    pub lead_outlet_min_words: usize,
    /// Words after the colon: at least 4 (a short `label: value` line is metadata, not a lead).
    pub lead_rest_min_words: usize,

    // --- Page furniture (boilerplate).
    /// A line of at most this many characters is a scrap (a close button "X", a stray number): 2.
    pub scrap_max_chars: usize,
    /// A whole-line form word or button (`تعليقك`, `طباعة`) has at most this many words: 4.
    pub form_line_max_words: usize,
    /// A line holding a form phrase (`لن يتم نشر …`, `جميع الحقوق محفوظة`) has at most this many words: 25.
    pub form_phrase_max_words: usize,
    /// A captcha sum (`عشرة + خمسة =`) has at most this many words: 8.
    pub captcha_max_words: usize,
    /// A tag label without a colon is a tag line when it has at most this many words: 2.
    pub tag_line_max_words: usize,
    /// A line with letters only Persian uses (advert and navigation scraps) has at most this many words: 8.
    pub persian_scrap_max_words: usize,
    /// A follow/share line has at most this many words: 14 …
    pub follow_line_max_words: usize,
    /// … at most this many when it opens with a follow verb but names no network: 8 …
    pub follow_verb_max_words: usize,
    /// … and at most this many when it names a network without a follow verb: 6.
    pub social_line_max_words: usize,
    /// A link list or menu (`الرئيسية | سياسة | اقتصاد`) has at least this many separators: 3 …
    pub menu_min_separators: usize,
    /// … and at most this many words per separator …: 4 …
    pub menu_words_per_separator: usize,
    /// … plus this many: 4.
    pub menu_extra_words: usize,
    /// A related-block marker followed by at least this many words on its line introduces one headline (inline),
    /// not a block: 2.
    pub inline_related_min_words: usize,

    // --- The end of the body.
    /// The last real paragraph has more than this many words (or ends like a sentence): 5.
    pub paragraph_min_words: usize,
    /// Lines after it with at most this many words are trailing scraps: 3.
    pub trailing_scrap_max_words: usize,
    /// Without a headline, the title is the body's first this many words: 12.
    pub fallback_title_words: usize,

    // --- Across the corpus ([`crate::corpus::mark_repeated_lines`]).
    /// A body line repeated across articles is site furniture when it has at most this many words: 8 …
    pub repeat_max_words: usize,
    /// … and occurs in at least this many articles: 3.
    pub repeat_min_articles: usize,
    /// Chrome learnt from the corpus (recurring word runs): [`crate::corpus::chrome`].
    pub chrome: crate::corpus::chrome::ChromeParams,
    /// The header block (page date, glued first line): [`crate::corpus::header`].
    pub header: crate::corpus::header::HeaderParams,
}

impl Default for SegmentParams {
    fn default() -> Self {
        Self {
            head_lines: 8,
            preset_title_lines: 3,
            headline_max_words: 30,
            sentence_max_headline_words: 12,
            head_scrap_max_words: 2,
            second_headline_max_words: 20,
            subtitle_max_words: 12,
            meta_max_words: 14,
            label_max_words: 4,
            source_max_words: 6,
            byline_max_words: 8,
            date_line_max_other_words: 2,
            dateline_max_words: 6,
            dateline_place_max_words: 3,
            dateline_outlet_max_words: 4,
            lead_lines: 2,
            lead_place_max_words: 3,
            lead_agency_max_words: 4,
            lead_label_max_words: 4,
            lead_outlet_min_words: 2,
            lead_rest_min_words: 4,
            scrap_max_chars: 2,
            form_line_max_words: 4,
            form_phrase_max_words: 25,
            captcha_max_words: 8,
            tag_line_max_words: 2,
            persian_scrap_max_words: 8,
            follow_line_max_words: 14,
            follow_verb_max_words: 8,
            social_line_max_words: 6,
            menu_min_separators: 3,
            menu_words_per_separator: 4,
            menu_extra_words: 4,
            inline_related_min_words: 2,
            paragraph_min_words: 5,
            trailing_scrap_max_words: 3,
            fallback_title_words: 12,
            repeat_max_words: 8,
            repeat_min_articles: 3,
            chrome: Default::default(),
            header: Default::default(),
        }
    }
}
