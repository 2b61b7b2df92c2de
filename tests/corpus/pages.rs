//! Scraped pages as outlets publish them (invented text in the style of real scrapes): outlet chrome learnt across
//! articles, the header block (headline printed twice, spaced date stamps), sources from file names, and what a
//! story shares across outlets kept as body.
// Fixtures are tables of outlets × stories: indices read better than zipped iterators here.
#![allow(clippy::needless_range_loop)]

use qarin::corpus::{self, Article, Corpus, SegmentKind};
use qarin::progress::Progress;
use std::path::Path;

/// Three stories, each a few sentences; every outlet tells them in its own words, but quotes one sentence of the
/// first story alike.
const QUOTE: &str = "وقال المتحدث باسم الحكومة إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة بحضور كل الأطراف .";

const STORIES: [[&str; 3]; 3] = [
    [
        "أعلنت الحكومة استئناف المفاوضات مع النقابات بعد توقف دام شهرين بسبب الخلاف على الأجور .",
        "عادت الحكومة إلى طاولة الحوار مع ممثلي العمال لبحث زيادة الرواتب في القطاع العام .",
        "قررت السلطات العودة إلى المحادثات مع النقابات المهنية حول سلم الأجور الجديد .",
    ],
    [
        "ضربت عاصفة رملية قوية المدن الساحلية وأدت إلى إغلاق الموانئ وتعليق الرحلات الجوية .",
        "تسببت رياح محملة بالغبار في شلل حركة الملاحة البحرية وإلغاء عشرات الرحلات من المطار .",
        "أغلقت سلطات الموانئ أرصفتها بعد هبوب عاصفة ترابية رافقتها رياح شديدة السرعة .",
    ],
    [
        "افتتح معرض الكتاب الدولي أبوابه بمشاركة مئات دور النشر من عشرين بلدا عربيا وأجنبيا .",
        "انطلقت فعاليات المعرض السنوي للكتاب وسط إقبال كبير من الزوار والطلاب والباحثين .",
        "استقبل معرض الكتاب في يومه الأول آلاف القراء الذين توافدوا على أجنحة الناشرين .",
    ],
];

/// Invented outlets: (file domain, header chrome glued before the headline, footer chrome glued after the text).
const OUTLETS: [(&str, &str, &str); 3] = [
    (
        "wahat-news.com",
        "الرئيسية سياسة اقتصاد رياضة ثقافة منوعات اتصل بنا من نحن سجل الدخول لمتابعة آخر الأخبار العاجلة",
        "شارك هذا الخبر مع أصدقائك عبر الشبكات الاجتماعية جميع الحقوق محفوظة لموقع واحات الأخبار سياسة الخصوصية شروط الاستخدام",
    ),
    (
        "sada-aljanoub.net",
        "لقد اخترت النسخة العربية من الموقع كلغة العرض الخاصة بك يمكنك تغيير اللغة من القائمة",
        "مواضيع ذات علاقة كلمات مفتاحية شارك تعليقك على الموضوع طباعة الرابط المختصر للمقال انسخ الرابط",
    ),
    (
        "madar.tv",
        "البث المباشر البرامج الحلقات المذيعون جدول البث حمل تطبيقنا على الهاتف الذكي الآن مجانا",
        "تابعونا على مواقع التواصل الاجتماعي للحصول على آخر المستجدات لحظة بلحظة جميع الحقوق محفوظة لقناة المدار",
    ),
];

/// A second paragraph per story and outlet: the names of the story come back in every outlet's words.
const DETAILS: [[&str; 3]; 3] = [
    [
        "وأكد وزير العمل سامي الحداد أن اتحاد النقابات وافق على جدول المفاوضات وأن وزير العمل سيقدم عرضا جديدا للنقابات .",
        "وقال سامي الحداد وزير العمل إن اتحاد النقابات تسلم العرض الحكومي وإن جدول المفاوضات مع النقابات بات جاهزا .",
        "ونقل عن الحداد أن اتحاد النقابات سيدرس عرض وزير العمل قبل جولة المفاوضات المقبلة مع ممثلي النقابات .",
    ],
    [
        "وقالت هيئة الأرصاد إن العاصفة الرملية ستستمر حتى مساء الغد وإن الموانئ ستبقى مغلقة أمام السفن والرحلات .",
        "وتوقعت هيئة الأرصاد أن تهدأ العاصفة الرملية تدريجيا وأن تعود الرحلات وتفتح الموانئ خلال يومين .",
        "وحذرت الأرصاد من أن العاصفة قد تشتد ليلا مما يبقي الموانئ مغلقة ويؤخر الرحلات القادمة إلى المطار .",
    ],
    [
        "وقال مدير المعرض خالد النجار إن معرض الكتاب يضم جناحا خاصا لكتب الأطفال ويستضيف ندوات يومية للناشرين .",
        "وأوضح خالد النجار مدير معرض الكتاب أن عدد الناشرين ارتفع هذا العام وأن ندوات المعرض مفتوحة للجميع .",
        "وأشار النجار إلى أن المعرض يخصص جناحا لكتب الأطفال وأن الناشرين قدموا تخفيضات على أسعار الكتاب .",
    ],
];

/// The last sentence of each page, the footer glued after it.
const CLOSINGS: [[&str; 3]; 3] = [
    [
        "ومن المنتظر أن تعقد الجولة الأولى يوم الأحد .",
        "ويتوقع مراقبون اتفاقا قبل نهاية الشهر .",
        "ولم يحدد موعد الجولة بعد .",
    ],
    [
        "وتضررت عدة مبان قديمة في الأحياء الشرقية .",
        "ودعت السلطات السكان إلى البقاء في منازلهم .",
        "وعلقت المدارس الدوام ليوم واحد .",
    ],
    [
        "ويستمر المعرض عشرة أيام .",
        "وتفتح الأبواب من العاشرة صباحا .",
        "ويحل بلد ضيف على المعرض كل عام .",
    ],
];

/// Cross-outlet chrome: a login form notice several outlets print on unrelated pages.
const LOGIN: &str = "خطأ في اسم المستخدم أو كلمة السر يرجى إدخال المعلومات بشكل صحيح ثم المحاولة مرة أخرى";

const HEADLINES: [&str; 3] = [
    "الحكومة تستأنف المفاوضات مع النقابات",
    "عاصفة رملية تغلق الموانئ الساحلية",
    "افتتاح معرض الكتاب الدولي",
];

const DATES: [&str; 3] = ["27 . 12 . 2017", "03 / 01 / 2018", "الأحد 14 يناير 2018 - 09 : 13"];

/// The page of outlet `o` for story `s`: a glued header line (chrome, headline, stamp, headline again), the lede,
/// one paragraph, the footer glued on the last line.
fn page(o: usize, s: usize) -> String {
    let (_, head, foot) = OUTLETS[o];
    let mut text = format!(
        "{head} {title} - {site} {date} {title} {lede}\n",
        title = HEADLINES[s],
        site = OUTLETS[o].0,
        date = DATES[s],
        lede = STORIES[s][o]
    );
    text.push_str(DETAILS[s][o]);
    text.push('\n');
    if s == 0 {
        text.push_str(QUOTE);
        text.push('\n');
    }
    if o != 2 {
        text.push_str(LOGIN);
        text.push('\n');
    }
    text.push_str(&format!("{} {foot}\n", CLOSINGS[s][o]));
    text
}

fn write_corpus(dir: &Path) {
    for s in 0..3 {
        let folder = dir.join(format!("S-{s}"));
        std::fs::create_dir_all(&folder).expect("folder");
        for o in 0..3 {
            let name = format!("{:02}_{}.txt", o + 1, OUTLETS[o].0);
            std::fs::write(folder.join(name), page(o, s)).expect("write");
        }
    }
}

fn load() -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().expect("temp dir");
    write_corpus(dir.path());
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    (dir, c)
}

fn find(c: &Corpus, outlet: usize, story: usize) -> &Article {
    let suffix = format!("S-{story}/{:02}_{}.txt", outlet + 1, OUTLETS[outlet].0);
    c.articles
        .iter()
        .find(|a| a.path.ends_with(&suffix))
        .unwrap_or_else(|| panic!("no {suffix}"))
}

/// The kinds of the segments covering `needle` (every byte of it).
fn kinds_of(a: &Article, needle: &str) -> Vec<SegmentKind> {
    let at = a
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {}", a.path));
    let end = at + needle.len();
    let mut kinds: Vec<SegmentKind> = a
        .segments
        .iter()
        .filter(|s| s.start < end && at < s.end)
        .map(|s| s.kind)
        .collect();
    kinds.dedup();
    kinds
}

#[test]
fn segments_still_cover_every_text() {
    let (_dir, c) = load();
    assert_eq!(c.articles.len(), 9);
    for a in &c.articles {
        let mut pos = 0;
        for s in &a.segments {
            assert_eq!(s.start, pos, "{}", a.path);
            assert!(s.end > s.start);
            assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
            pos = s.end;
        }
        assert_eq!(pos, a.text.len(), "{}", a.path);
    }
}

#[test]
fn outlet_chrome_inside_long_lines_is_boilerplate() {
    let (_dir, c) = load();
    for o in 0..3 {
        for s in 0..3 {
            let a = find(&c, o, s);
            let (_, head, foot) = OUTLETS[o];
            assert_eq!(kinds_of(a, head), [SegmentKind::Boilerplate], "header of {}", a.path);
            assert_eq!(kinds_of(a, foot), [SegmentKind::Boilerplate], "footer of {}", a.path);
            // The lede glued on the same line stays body, exactly.
            assert_eq!(kinds_of(a, STORIES[s][o]), [SegmentKind::Body], "lede of {}", a.path);
        }
    }
}

#[test]
fn text_shared_across_outlets_on_unrelated_pages_is_chrome_but_a_story_quote_is_not() {
    let (_dir, c) = load();
    for s in 0..3 {
        for o in 0..2 {
            assert_eq!(kinds_of(find(&c, o, s), LOGIN), [SegmentKind::Boilerplate]);
        }
    }
    for o in 0..3 {
        assert_eq!(
            kinds_of(find(&c, o, 0), QUOTE),
            [SegmentKind::Body],
            "the quote of story 0"
        );
    }
}

#[test]
fn headline_printed_twice_is_the_title_and_the_stamp_gives_the_date() {
    let (_dir, c) = load();
    let expected = ["2017-12-27", "2018-01-03", "2018-01-14T09:13"];
    for o in 0..3 {
        for s in 0..3 {
            let a = find(&c, o, s);
            assert_eq!(a.title, HEADLINES[s], "{}", a.path);
            assert_eq!(a.date.as_deref(), Some(expected[s]), "{}", a.path);
            assert_eq!(a.source.as_deref(), Some(OUTLETS[o].0), "{}", a.path);
            let body: String = a.body_segments().map(|b| a.slice(b.start, b.end)).collect();
            assert!(body.trim_start().starts_with(STORIES[s][o]), "{}: {body}", a.path);
        }
    }
}

#[test]
fn one_article_per_outlet_learns_nothing_and_keeps_its_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("S-0");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(folder.join("01_wahat-news.com.txt"), page(0, 0)).expect("write");
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    let a = &c.articles[0];
    assert_eq!(kinds_of(a, STORIES[0][0]), [SegmentKind::Body]);
    assert_eq!(a.source.as_deref(), Some("wahat-news.com"));
    assert_eq!(a.date.as_deref(), Some("2017-12-27"));
}

#[test]
fn implausible_page_dates_are_not_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "تاريخ النشر : 12 . 03 . 1985\nنص الخبر عن حدث وقع في 5 مايو 2016 في المدينة القديمة وما زال التحقيق جاريا.\nتاريخ 01 . 01 . 2999\n";
    std::fs::write(dir.path().join("01_wahat-news.com.txt"), text).expect("write");
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    assert_eq!(c.articles[0].date, None);
}

/// A long login block two sister outlets print on every page: its words would be the key words of every page and
/// make unrelated stories look alike; key words come from each page's own text.
const SISTER_LOGIN: &str = "تسجيل الدخول إلى حسابك البريد الإلكتروني كلمة المرور نسيت كلمة المرور إنشاء حساب جديد \
تم إرسال رسالة تأكيد إلى بريدك الإلكتروني تم تغيير كلمة المرور بنجاح لقد تعذر إرسال الرسالة حاول مرة أخرى \
تسجيل الخروج إعدادات الحساب البريد الإلكتروني غير مؤكد تحتاج إلى تأكيد بريدك الإلكتروني قبل تسجيل الدخول";

#[test]
fn a_login_block_of_sister_outlets_is_chrome_on_pages_about_different_stories() {
    let dir = tempfile::tempdir().expect("temp dir");
    for s in 0..3 {
        let folder = dir.path().join(format!("S-{s}"));
        std::fs::create_dir_all(&folder).expect("folder");
        for o in 0..3 {
            let name = format!("{:02}_{}.txt", o + 1, OUTLETS[o].0);
            std::fs::write(folder.join(name), page(o, s)).expect("write");
        }
        for (n, sister) in ["sawt-almadina.com", "sawt-almadina.fm"].iter().enumerate() {
            let text = format!(
                "{SISTER_LOGIN}\n{}\n{}\n{}\n",
                HEADLINES[s],
                STORIES[s][n],
                DETAILS[s][(n + 1) % 3]
            );
            std::fs::write(folder.join(format!("{:02}_{sister}.txt", n + 4)), text).expect("write");
        }
    }
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    for a in c.articles.iter().filter(|a| a.path.contains("sawt-almadina")) {
        assert_eq!(kinds_of(a, SISTER_LOGIN), [SegmentKind::Boilerplate], "{}", a.path);
        let s: usize = a
            .path
            .split("S-")
            .nth(1)
            .and_then(|r| r[..1].parse().ok())
            .expect("story");
        // The headline's words come back in the lede: still the whole headline line is the title.
        assert_eq!(a.title, HEADLINES[s], "{}", a.path);
        let n = usize::from(a.path.ends_with(".fm.txt"));
        assert_eq!(kinds_of(a, STORIES[s][n]), [SegmentKind::Body], "{}", a.path);
    }
}

#[test]
fn a_wire_paragraph_quoted_by_most_outlets_of_one_story_stays_body() {
    // One folder, one story, eight outlets: six quote the same agency paragraph, each tells the rest in its words.
    let wire = "وقالت وزارة الدفاع في بيان إن الغارة استهدفت ليلة الثامن والعشرين من الشهر الماضي مركز قيادة \
كان يعقد فيه اجتماع لقادة التنظيم لبحث طرق الخروج من المدينة عبر الممر الجنوبي .";
    let dir = tempfile::tempdir().expect("temp dir");
    for o in 0..8 {
        let own = format!(
            "أفاد مراسلنا في المدينة رقم {o} أن سكان الأحياء الجنوبية سمعوا دوي انفجارات متتالية . \
وذكر شهود أن طائرات حلقت فوق الممر الجنوبي لساعات في اليوم {o} من الأسبوع ."
        );
        let text = if o < 6 {
            format!("غارة على مركز قيادة التنظيم\n{own}\n{wire}\n")
        } else {
            format!("غارة على مركز قيادة التنظيم\n{own}\n")
        };
        std::fs::write(dir.path().join(format!("{:02}_outlet{o}.com.txt", o + 1)), text).expect("write");
    }
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    for a in c.articles.iter().filter(|a| a.text.contains(wire)) {
        assert_eq!(kinds_of(a, wire), [SegmentKind::Body], "{}", a.path);
    }
}

/// An outlet quotes one statement in two reports, one about the event the statement is about and one about another
/// story: to the outlet's own articles it is text printed on pages about different things, the mark of chrome. But
/// other outlets print it too, on pages telling the same story as the first report, so there it is the story's text
/// and stays body.
#[test]
fn a_statement_an_outlet_quotes_in_two_reports_stays_body_where_others_tell_its_story() {
    let statement = "وقالت وزارة الدفاع في بيان إن الغارة استهدفت ليلة الثامن والعشرين من الشهر الماضي مركز قيادة \
كان يعقد فيه اجتماع لقادة التنظيم لبحث طرق الخروج من المدينة عبر الممر الجنوبي .";
    // Story 0: the strike (every outlet, in its own words, quoting the statement); story 1: an arrest elsewhere,
    // which outlet 0 follows with the statement as background.
    let strike = [
        "رجحت وزارة الدفاع الروسية مقتل زعيم التنظيم أبو بكر البغدادي في غارة جوية على مشارف الرقة الجنوبية .",
        "أعلنت وزارة الدفاع الروسية أنها تتحقق من مقتل أبو بكر البغدادي زعيم التنظيم في غارة على الرقة .",
        "قالت موسكو إن غارة روسية على الرقة ربما قتلت أبو بكر البغدادي زعيم التنظيم المتشدد .",
    ];
    let arrest = [
        "اعتقل مسلحو التنظيم أبو قتيبة المقرب من قيادته في بلدة تلعفر غرب الموصل بعد خطبة الجمعة .",
        "ذكرت مصادر محلية أن أبو قتيبة اعتقل في منزله بأطراف تلعفر غرب الموصل دون مقاومة .",
        "أفاد سكان في تلعفر أن عناصر التنظيم اقتادوا أبو قتيبة من منزله غرب الموصل إلى جهة مجهولة .",
    ];
    // More of each report in each outlet's words (its own text must be long enough to say what it is about).
    let strike_more = [
        "وأضافت الوزارة أن طائرات سوخوي نفذت الغارة بعد رصد تحركات قادة التنظيم قرب الرقة لأيام ، وأن المعلومات عن مصير \
البغدادي ما زالت قيد التحقق عبر قنوات مختلفة ، فيما لم يصدر عن التنظيم أي تعليق على إعلان الوزارة حتى الآن .",
        "وأشارت الوزارة إلى أن الطائرات الروسية استهدفت اجتماعا لقادة التنظيم على المشارف الجنوبية للرقة ، وأن مصير \
البغدادي لم يتأكد بعد ، بينما شكك مسؤولون أمريكيون في الرواية الروسية وقالوا إنهم لا يملكون ما يؤكدها .",
        "ولم تؤكد واشنطن مقتل البغدادي ، وقال التحالف إنه لا يستطيع التحقق من الإعلان الروسي عن الغارة على الرقة ، \
في حين ذكر ناشطون أن الطائرات الروسية قصفت مواقع عدة جنوب الرقة خلال الأسبوع الماضي .",
    ];
    let arrest_more = [
        "وكان أبو قتيبة قد ألمح في خطبة الجمعة في أحد مساجد تلعفر إلى موت زعيم التنظيم ، فاعتقلته مفارز التنظيم في اليوم \
التالي ، ونشر التنظيم بيانا في أرجاء تلعفر يحدد عقوبة الجلد لكل من يتحدث عن موت زعيمه .",
        "وأضافت المصادر أن خطبة أبو قتيبة في تلعفر أثارت جدلا واسعا بين عناصر التنظيم ، وأن مفارز التنظيم طوقت منزله \
قبل اعتقاله ، كما نشر التنظيم بيانا مقتضبا في تلعفر يتوعد من يتحدث عن مصير زعيمه بالجلد .",
        "وقال السكان إن بيانا للتنظيم وزع في شوارع تلعفر يقضي بجلد كل من يتحدث عن موت زعيم التنظيم ، بعد يوم من خطبة \
أبو قتيبة التي لمح فيها إلى ذلك وأثارت جدلا بين عناصر التنظيم في المدينة .",
    ];
    let outlets = ["wahat-news.com", "sada-aljanoub.net", "madar.tv"];
    let dir = tempfile::tempdir().expect("temp dir");
    let stories = [
        (strike, strike_more, "غارة على الرقة"),
        (arrest, arrest_more, "اعتقال في تلعفر"),
    ];
    for (s, (told, more, title)) in stories.iter().enumerate() {
        let folder = dir.path().join(format!("S-{s}"));
        std::fs::create_dir_all(&folder).expect("folder");
        for (o, outlet) in outlets.iter().enumerate() {
            let quoted = s == 0 || o == 0;
            let text = format!(
                "{title}\n{}\n{}\n{}\n",
                told[o],
                more[o],
                if quoted { statement } else { "" }
            );
            std::fs::write(folder.join(format!("{:02}_{outlet}.txt", o + 1)), text).expect("write");
        }
    }
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    let report = c
        .articles
        .iter()
        .find(|a| a.path.ends_with("S-0/01_wahat-news.com.txt"))
        .expect("the outlet's report of the strike");
    assert_eq!(kinds_of(report, statement), [SegmentKind::Body], "{}", report.path);
}

#[test]
fn a_phrase_an_article_repeats_across_sentences_is_not_a_headline_printed_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "قالت وزارة الدفاع إن لديها معلومات عن مقتل زعيم التنظيم أبو بكر البغدادي في غارة على الرقة .\n\
وأوضحت الوزارة في بيان أن الغارة نفذت ليلا ضد مركز قيادة كان يعقد فيه اجتماع لقادة التنظيم .\n\
وأضاف البيان أن زعيم التنظيم أبو بكر البغدادي كان حاضرا في الاجتماع بحسب المعلومات الأولية .\n";
    std::fs::write(dir.path().join("01_wahat-news.com.txt"), text).expect("write");
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    let a = &c.articles[0];
    assert_ne!(a.title, "زعيم التنظيم أبو بكر البغدادي");
    assert_eq!(
        kinds_of(a, "وأوضحت الوزارة في بيان أن الغارة نفذت ليلا"),
        [SegmentKind::Body]
    );
}

/// Scraped text spaces its punctuation, so a quoted sentence ends `… " .`: those ends still say that prose lies between
/// two prints of a phrase, which is then no headline printed twice (the page's opening paragraphs stay body).
#[test]
fn a_phrase_repeated_between_quoted_sentences_is_not_a_headline_printed_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "وأورد الإعلام العراقي نقلا عن مصدر محلي , بأن التنظيم أعلن في بيان مقتضب عن مقتل زعيمه وتحدث عن قرب \
إعلان اسم \" خليفته الجديد \" , مشيرا إلى أن التنظيم دعا مسلحيه إلى \" الثبات في المعاقل \" .\n\
وقال المصدر , إن \" التنظيم نشر بيانا مقتضبا عبر ماكنته الإعلامية في مركز القضاء يؤكد مقتل زعيمه دون تحديد أي تفاصيل \
أخرى \" .\n\
وأضاف المصدر , إن \" التنظيم ذكر في بيانه قرب إعلان اسم خليفته الجديد ودعا مسلحيه إلى الثبات \" .\n";
    std::fs::write(dir.path().join("03_elkhabar-news.com.txt"), text).expect("write");
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    let a = &c.articles[0];
    assert!(!a.title.contains("خليفته الجديد"), "{}", a.title);
    assert_eq!(
        kinds_of(a, "التنظيم نشر بيانا مقتضبا عبر ماكنته الإعلامية"),
        [SegmentKind::Body]
    );
}

/// A scraper printed one quoted sentence twice on consecutive lines. The longer run is that sentence, but the quote
/// it closes (`… الأردن " .`) ends a paragraph between its prints: the headline printed twice at the top stays the
/// title, and the sentence stays body.
#[test]
fn a_sentence_the_scraper_printed_twice_is_no_headline() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "تسريبات حول معبر نصيب الحدودي مع الأردن . . قد يرفع علم النظام - شبكة الأنباء تسريبات حول معبر نصيب \
الحدودي مع الأردن . . قد يرفع علم النظام سربت مصادر إعلامية , اليوم الخميس , أنباء عن مفاوضات متعددة الأطراف .\n\
وقال مصدر عسكري إن \" مصادر أردنية بدأت تطلب من بعض الفصائل أن توافق على رفع العلم الرسمي في المعبر \" .\n\
وستتم , بحسب المصدر ذاته , \" إدارة المعبر والمنطقة الحرة عبر موظفين سوريين حياديين ترسلهم الحكومة , ويبقى أمن \
المعبر والحدود بيد قوات المعارضة التي يوافق عليها الأردن \" .\n\
وستتم , بحسب المصدر \" إدارة المعبر والمنطقة الحرة عبر موظفين سوريين حياديين ترسلهم الحكومة , ويبقى أمن \
المعبر والحدود بيد قوات المعارضة التي يوافق عليها الأردن \" .\n\
وكانت روسيا وأمريكا والأردن قد توافقت مؤخرا على اتفاق لوقف إطلاق النار في الجنوب .\n";
    std::fs::write(dir.path().join("01_shabaka-news.org.txt"), text).expect("write");
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    let a = &c.articles[0];
    assert!(a.title.starts_with("تسريبات حول معبر نصيب"), "{}", a.title);
    assert_eq!(
        kinds_of(a, "وستتم , بحسب المصدر ذاته , \" إدارة المعبر والمنطقة الحرة"),
        [SegmentKind::Body]
    );
}

/// The lede restates the headline's first words inside its sentence, after «إن»: that is no second print of the
/// headline, and the lede's opening (who said it) stays body instead of becoming header.
#[test]
fn a_lede_restating_the_headline_after_a_function_word_is_no_second_print() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = "آخر الأخبار ضربات جوية روسية تقتل 21 في شرق سوريا أخبار دولية الأربعاء 06 - 12 - 2017 الساعة 7 : 09 م \
قال المرصد السوري لحقوق الإنسان , اليوم الأربعاء , إن ضربات جوية روسية قتلت 21 شخصا في قرية على الجانب الشرقي من \
نهر الفرات في شرق سوريا .\n\
وأضاف المرصد أن الضربات في محافظة دير الزور جاءت لدعم قوات سوريا الديمقراطية في هجومها على التنظيم .\n";
    std::fs::write(dir.path().join("01_sharq-news.com.txt"), text).expect("write");
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    let a = &c.articles[0];
    assert_ne!(a.title, "ضربات جوية روسية");
    assert_eq!(
        kinds_of(
            a,
            "قال المرصد السوري لحقوق الإنسان , اليوم الأربعاء , إن ضربات جوية روسية قتلت 21 شخصا"
        ),
        [SegmentKind::Body]
    );
}

/// An outlet that opens every page with its menu before the headline: the menu is boilerplate and no title starts
/// with it. Another outlet's two pages that happen to open alike keep their words (too few pages to tell).
#[test]
fn an_outlets_page_opening_is_not_part_of_its_titles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let headlines = [
        "اتفاق جديد بين روسيا والنظام في طرطوس",
        "تقرير أوكراني يكشف كيف يتعامل الكرملين مع مرتزقته",
        "إسقاط طائرة حربية للنظام في منطقة البادية السورية",
    ];
    for (n, h) in headlines.iter().enumerate() {
        let folder = dir.path().join(format!("S-{n}"));
        std::fs::create_dir_all(&folder).expect("folder");
        let text = format!(
            "البرامج الحلقات البرامج الحلقات {h}\nقالت مصادر محلية اليوم إن {h} بحسب ما أفادت شبكة محلية في المنطقة .\n"
        );
        std::fs::write(folder.join("01_menu-news.net.txt"), text).expect("write");
        let pair = format!("أخبار اليوم {h}\nوأضافت المصادر أن المفاوضات مستمرة منذ أيام بين الطرفين .\n");
        if n < 2 {
            std::fs::write(folder.join("02_pair-news.net.txt"), pair).expect("write");
        }
        // A series' titles open alike too, and only a number follows: they keep their words.
        let series = format!("مقال رقم {}\nوأضافت المصادر أن {h} في الأيام الماضية .\n", n + 1);
        std::fs::write(folder.join("03_series-news.net.txt"), series).expect("write");
    }
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    for a in c.articles.iter().filter(|a| a.path.contains("menu-news")) {
        assert!(!a.title.contains("البرامج"), "{}", a.title);
        assert!(headlines.iter().any(|h| a.title.starts_with(h)), "{}", a.title);
        assert_eq!(
            kinds_of(a, "البرامج الحلقات البرامج الحلقات"),
            [SegmentKind::Boilerplate]
        );
    }
    for a in c.articles.iter().filter(|a| a.path.contains("pair-news")) {
        assert!(a.title.starts_with("أخبار اليوم"), "{}", a.title);
    }
    for a in c.articles.iter().filter(|a| a.path.contains("series-news")) {
        assert!(a.title.starts_with("مقال رقم"), "{}", a.title);
    }
}

#[test]
fn a_search_box_label_is_no_source_a_byline_after_an_outlet_name_is_cut_and_a_speaker_yields_to_the_domain() {
    let dir = tempfile::tempdir().expect("temp dir");
    let search =
        "Search this site : أعلنت الحكومة استئناف المفاوضات مع النقابات بعد توقف دام شهرين بسبب الخلاف على الأجور .\n";
    let byline = "صدى الجنوب أونلاين بقلم : أعلنت الحكومة استئناف المفاوضات مع النقابات بعد توقف دام شهرين .\n";
    std::fs::write(dir.path().join("01_wahat-news.com.txt"), search).expect("write");
    std::fs::write(dir.path().join("02_sada-aljanoub.net.txt"), byline).expect("write");
    // A name before a colon that no outlet word marks: a speaker as likely as a site. The file's domain wins; a file
    // that names no outlet keeps the name.
    let speaker = "سامي الحداد : لن نتوقف عن المطالبة بزيادة الأجور حتى توافق الحكومة على مطالب النقابات كلها .\n";
    let page = format!("النقابات تهدد بالإضراب\n{speaker}");
    std::fs::write(dir.path().join("03_madar.tv.txt"), &page).expect("write");
    std::fs::write(dir.path().join("notes.txt"), format!("{page}وتجتمع النقابات غدا .\n")).expect("write");
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    let source = |name: &str| {
        c.articles
            .iter()
            .find(|a| a.path.ends_with(name))
            .and_then(|a| a.source.clone())
    };
    assert_eq!(source("01_wahat-news.com.txt").as_deref(), Some("wahat-news.com"));
    assert_eq!(source("02_sada-aljanoub.net.txt").as_deref(), Some("صدى الجنوب أونلاين"));
    assert_eq!(source("03_madar.tv.txt").as_deref(), Some("madar.tv"));
    assert_eq!(source("notes.txt").as_deref(), Some("سامي الحداد"));
}

#[test]
fn a_title_taken_from_the_first_line_skips_the_stamp_that_opens_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = format!(
        "عمان 9 09 : 49 الأحد 21 كانون الثاني 2018 - 5 جمادى الأولى 1439 {} {}\n{}\n",
        STORIES[0][0], STORIES[0][1], DETAILS[0][0]
    );
    std::fs::write(dir.path().join("01_wahat-news.com.txt"), text).expect("write");
    let c = corpus::load_paths(&[dir.path().to_path_buf()], &Progress::new());
    let a = &c.articles[0];
    assert!(a.title.starts_with("أعلنت الحكومة استئناف"), "{}", a.title);
    assert_eq!(a.date.as_deref(), Some("2018-01-21"));
}

#[test]
fn titles_lose_the_markup_scraps_around_them() {
    use qarin::corpus::header::tidy_title;
    assert_eq!(
        tidy_title("\" \" \" البنتاغون : أكثر من 120 غارة"),
        "\" البنتاغون : أكثر من 120 غارة"
    );
    assert_eq!(
        tidy_title("| | روسيا ترجح مقتل البغدادي | |"),
        "روسيا ترجح مقتل البغدادي"
    );
    assert_eq!(tidy_title("\" داعش \" يعلن مقتل قائده"), "\" داعش \" يعلن مقتل قائده");
    assert_eq!(tidy_title("عنوان عادي"), "عنوان عادي");
    assert_eq!(tidy_title("\" \""), "\" \"");
}
