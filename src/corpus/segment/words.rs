//! The segmenter's word lists, read from `assets/words/segment/` (each file says where its list comes from).

use crate::word_list::WordList;

/// Verbs that introduce reported speech.
pub static SPEECH_WORDS: WordList = WordList::new(include_str!("../../../assets/words/segment/speech_verbs.txt"));
/// News agencies (and "agencies").
pub static AGENCY_WORDS: WordList = WordList::new(include_str!("../../../assets/words/segment/agencies.txt"));
/// Words in outlet names that are not place names.
pub static OUTLET_WORDS: WordList = WordList::new(include_str!("../../../assets/words/segment/outlet_words.txt"));
/// Labels of a date line.
pub static DATE_LABELS: WordList = WordList::new(include_str!("../../../assets/words/segment/date_labels.txt"));
/// Date labels that mark an update, not the publication.
pub static UPDATE_LABELS: WordList = WordList::new(include_str!("../../../assets/words/segment/update_labels.txt"));
/// Labels of a source line.
pub static SOURCE_LABELS: WordList = WordList::new(include_str!("../../../assets/words/segment/source_labels.txt"));
/// Labels of a byline.
pub static AUTHOR_LABELS: WordList = WordList::new(include_str!("../../../assets/words/segment/author_labels.txt"));
/// Words in the label of an article-number line.
pub static ID_LABELS: WordList = WordList::new(include_str!("../../../assets/words/segment/id_labels.txt"));
/// Whole short lines that are page furniture (form fields, buttons, advert labels).
pub static FORM_LINES: WordList = WordList::new(include_str!("../../../assets/words/segment/form_lines.txt"));
/// Phrases that make a line page furniture wherever they stand.
pub static FORM_PHRASES: WordList = WordList::new(include_str!("../../../assets/words/segment/form_phrases.txt"));
/// Labels of a tag list.
pub static TAG_LABELS: WordList = WordList::new(include_str!("../../../assets/words/segment/tag_labels.txt"));
/// Social networks named in follow/share lines.
pub static SOCIAL_WORDS: WordList = WordList::new(include_str!("../../../assets/words/segment/social_networks.txt"));
/// Verbs that open a follow/subscribe/share line.
pub static FOLLOW_VERBS: WordList = WordList::new(include_str!("../../../assets/words/segment/follow_verbs.txt"));
/// Markers that open a block of related articles.
pub static RELATED_MARKERS: WordList = WordList::new(include_str!("../../../assets/words/segment/related_markers.txt"));

/// Function words (prepositions, conjunctions, complementisers, relative pronouns): a phrase right after one
/// continues a sentence. The recogniser's list (`assets/words/ner/function_words.txt`), in `arabic::normalize` form.
pub static FUNCTION_WORDS: WordList = WordList::new(include_str!("../../../assets/words/ner/function_words.txt"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::segment::fold_line;

    #[test]
    fn entries_are_folded() {
        for list in [
            &SPEECH_WORDS,
            &AGENCY_WORDS,
            &OUTLET_WORDS,
            &DATE_LABELS,
            &UPDATE_LABELS,
            &SOURCE_LABELS,
            &AUTHOR_LABELS,
            &ID_LABELS,
            &FORM_LINES,
            &FORM_PHRASES,
            &TAG_LABELS,
            &SOCIAL_WORDS,
            &FOLLOW_VERBS,
            &RELATED_MARKERS,
        ] {
            for entry in list.iter() {
                assert_eq!(fold_line(entry), *entry);
            }
        }
    }
}
