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

/// The site a domain belongs to: its registrable domain under the Public Suffix List (`mideast.liveuamap.com` and
/// `syria.liveuamap.com` → `liveuamap.com`, `gate.ahram.org.eg` → `ahram.org.eg`), so that one publisher's sections
/// and editions are one outlet; where the list keeps hosts apart (`name.blogspot.com`) they stay apart. A domain
/// the list cannot read stays as it is.
pub fn site_of(domain: &str) -> String {
    psl::domain_str(domain).unwrap_or(domain).to_string()
}

/// The key articles are grouped by as one outlet (chrome learning, claims never matched within an outlet, stories):
/// the site of the URL's domain or of the path's domain, else the stated source folded to lower case; `None` when
/// nothing says (such an article is its own outlet).
pub fn outlet_key(url: Option<&str>, path: &str, source: Option<&str>) -> Option<String> {
    url.and_then(domain_of_url)
        .or_else(|| domain_of_path(path))
        .map(|d| site_of(&d))
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

    #[test]
    fn sections_of_one_site_are_one_outlet_and_hosted_blogs_are_not() {
        let key = |path: &str| outlet_key(None, path, None);
        assert_eq!(
            key("/x/R-1/03_mideast.liveuamap.com.txt").as_deref(),
            Some("liveuamap.com")
        );
        assert_eq!(
            key("/x/R-2/11_syria.liveuamap.com.txt").as_deref(),
            Some("liveuamap.com")
        );
        assert_eq!(key("/x/R-1/01_gate.ahram.org.eg.txt").as_deref(), Some("ahram.org.eg"));
        assert_eq!(key("/x/R-1/02_okaz.com.sa.txt").as_deref(), Some("okaz.com.sa"));
        assert_eq!(
            outlet_key(Some("https://arabic.rt.com/middle_east/1"), "a.txt", None).as_deref(),
            Some("rt.com")
        );
        // The list keeps a blog host's subdomains apart: two blogs are two outlets.
        assert_ne!(
            key("/x/R-1/04_one.blogspot.com.txt"),
            key("/x/R-1/05_two.blogspot.com.txt")
        );
    }
}
