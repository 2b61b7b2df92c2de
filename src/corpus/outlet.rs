//! Which outlet published an article: the key the corpus-level chrome pass groups articles by, and the `source`
//! shown when neither the metadata nor the text names one.
//!
//! Order of evidence: the URL's domain (metadata), then a domain-like name in the file name (`07_aljazeera.net.txt`
//! → `aljazeera.net`) or in a folder name (`bbc.com/…`), then the source the metadata or the text states. A domain
//! is general knowledge of how scrapers name files, not a list of outlets: any `label.label` ending in letters.

use crate::word_list::WordList;

/// Generic top-level domains; two-letter country codes need no list.
static GENERIC_TLDS: WordList = WordList::new(include_str!("../../assets/words/segment/generic_tlds.txt"));

/// The host of `url` without `www.` (`https://www.example.com/a` → `example.com`), when it is domain-like.
pub fn domain_of_url(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?;
    domain_like(host)
}

/// `host` lower-cased and without `www.` when it looks like a domain: at least two dot-separated labels of ASCII
/// letters, digits and hyphens, the last (the top-level domain) of at least two letters.
fn domain_like(host: &str) -> Option<String> {
    let host = host.trim().trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || host.len() > 253 {
        return None;
    }
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let tld = labels.last()?;
    let tld_ok = tld.bytes().all(|b| b.is_ascii_alphabetic()) && (tld.len() == 2 || GENERIC_TLDS.contains(tld));
    if !labels.iter().all(label_ok) || !tld_ok {
        return None;
    }
    Some(host.to_string())
}

/// Extensions of article files: stripped from a file name before it is read as a domain.
const FILE_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "json", "jsonl", "ndjson", "csv", "tsv", "md",
];

/// The domain a file or folder name carries: `07_aljazeera.net.txt` → `aljazeera.net`, `bbc.com` → `bbc.com`,
/// `012-alarabiya.net` → `alarabiya.net`. A leading number and separator (the scraper's order) is dropped, and a
/// file's extension.
fn domain_of_name(name: &str, is_file: bool) -> Option<String> {
    let name = name.trim_start_matches(|c: char| c.is_ascii_digit());
    let name = name.trim_start_matches(['_', '-', ' ', '.']);
    let name = match name.rsplit_once('.') {
        Some((stem, ext)) if is_file && FILE_EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e)) => stem,
        _ => name,
    };
    domain_like(name)
}

/// The outlet domain named by a path: the file name first, then the folders from the nearest up.
pub fn domain_of_path(path: &str) -> Option<String> {
    let path = path.strip_prefix("builtin:").unwrap_or(path);
    path.rsplit(['/', '\\'])
        .filter(|part| !part.is_empty() && *part != "." && *part != "..")
        .enumerate()
        .find_map(|(n, part)| domain_of_name(part, n == 0))
}

/// The key articles are grouped by to learn an outlet's chrome: URL domain, path domain, else the stated source
/// folded to lower case; `None` when nothing says (such an article is its own outlet).
pub fn outlet_key(url: Option<&str>, path: &str, source: Option<&str>) -> Option<String> {
    url.and_then(domain_of_url)
        .or_else(|| domain_of_path(path))
        .or_else(|| source.map(|s| s.trim().to_lowercase()).filter(|s| !s.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_from_names_and_urls() {
        let cases: &[(&str, Option<&str>)] = &[
            ("/x/R-1/07_aljazeera.net.txt", Some("aljazeera.net")),
            ("/x/R-1/12_arabic.cnn.com.txt", Some("arabic.cnn.com")),
            ("/x/bbc.com/article-3.txt", Some("bbc.com")),
            ("/x/news/000.txt", None),
            ("/x/notes.v2/a.txt", None),
            ("/x/a.txt", None),
            ("/x/report.final.json", None),
            ("builtin:001.txt", None),
            ("C:\\data\\03_www.Example.org.html", Some("example.org")),
        ];
        for (path, expected) in cases {
            assert_eq!(domain_of_path(path).as_deref(), *expected, "{path}");
        }
        assert_eq!(
            domain_of_url("https://www.news.example.com:443/a?b").as_deref(),
            Some("news.example.com")
        );
        assert_eq!(domain_of_url("not a url"), None);
        assert_eq!(outlet_key(None, "/a/b.txt", Some(" وكالة ")).as_deref(), Some("وكالة"));
    }
}
