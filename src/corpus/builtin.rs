//! The sample corpus, compiled into the binary so `qarin` works from any directory.

/// (file name, content) of each bundled sample article, in path order.
pub const SAMPLE_FILES: [(&str, &str); 5] = [
    (
        "000_02fb1594d630ea6b.txt",
        include_str!("../../assets/corpus/000_02fb1594d630ea6b.txt"),
    ),
    (
        "001_6bd2e69447576664.txt",
        include_str!("../../assets/corpus/001_6bd2e69447576664.txt"),
    ),
    (
        "002_66044156b6c61a51.txt",
        include_str!("../../assets/corpus/002_66044156b6c61a51.txt"),
    ),
    (
        "003_64ed0be7bd66cdba.txt",
        include_str!("../../assets/corpus/003_64ed0be7bd66cdba.txt"),
    ),
    (
        "004_b3eb34c7766d2623.txt",
        include_str!("../../assets/corpus/004_b3eb34c7766d2623.txt"),
    ),
];
