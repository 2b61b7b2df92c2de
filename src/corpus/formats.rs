//! Article formats: plain text, HTML, JSON (object or array), JSON Lines and CSV, recognised by content as well as
//! by extension. Structured formats give one [`Record`] per article with the metadata fields scrapers use.
//!
//! One bad record does not cost the good ones: a malformed JSON Lines line, a CSV row of the wrong width or a record
//! that is not an article object is skipped with a warning naming its line (or record number); HTML nested deeper
//! than [`MAX_HTML_DEPTH`] is flattened before parsing so that parsing stays linear.

use crate::arabic::dates;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use std::borrow::Cow;

/// The `format` field of the report Qarin writes ([`crate::analysis::Report`]), defined here, the lowest layer that
/// needs it: loading recognises such files as our own outputs, not articles.
pub const REPORT_FORMAT: &str = "qarin-report/1";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Json,
    JsonLines,
    Csv,
}

/// One article read from a file, before segmentation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    pub id: Option<String>,
    pub title: Option<String>,
    pub text: String,
    pub date: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    /// Plain text: the whole text is the article, metadata inline.
    Text,
    Records(Vec<Record>, Vec<String>),
    /// A report written by `qarin analyze`.
    OwnReport,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("malformed {format} at line {line}, column {column}: {message}")]
    Malformed {
        format: &'static str,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    NoArticles(String),
    /// Well-formed data that is not shaped like articles at all (a JSON object with no text field and no list).
    #[error("{0}")]
    NotArticles(String),
}

const TITLE_FIELDS: &[&str] = &["title", "headline", "heading"];
const TEXT_FIELDS: &[&str] = &[
    "text",
    "content",
    "body",
    "article",
    "articlebody",
    "fulltext",
    "maintext",
    "articletext",
    "bodytext",
    "contenttext",
];
const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "publishedat",
    "datepublished",
    "publishdate",
    "pubdate",
    "publicationdate",
    "publishedtime",
    "time",
    "datetime",
    "created",
    "createdat",
];
const SOURCE_FIELDS: &[&str] = &[
    "source",
    "site",
    "outlet",
    "publisher",
    "sitename",
    "sourcename",
    "newspaper",
    "domain",
];
const URL_FIELDS: &[&str] = &["url", "link", "canonicalurl", "href", "permalink"];
const ID_FIELDS: &[&str] = &["id", "guid", "uuid", "articleid", "_id"];

fn field_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Which format `text` is in, from its extension (lower-case, may be empty) and its content.
pub fn detect(ext: &str, text: &str) -> Format {
    let head = text.trim_start_matches('\u{FEFF}').trim_start();
    let head_lower: String = head.chars().take(512).collect::<String>().to_lowercase();
    let looks_html = head_lower.starts_with("<!doctype html")
        || head_lower.starts_with("<html")
        || (head_lower.starts_with('<')
            && ["<body", "<head", "<p>", "<div", "<article", "<meta"]
                .iter()
                .any(|t| head_lower.contains(t)));
    match ext {
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "json" => {
            if looks_jsonl(head) {
                Format::JsonLines
            } else {
                Format::Json
            }
        }
        "jsonl" | "ndjson" => Format::JsonLines,
        "csv" | "tsv" => Format::Csv,
        _ if looks_html => Format::Html,
        _ if head.starts_with('[') || head.starts_with('{') => {
            if looks_jsonl(head) {
                Format::JsonLines
            } else {
                Format::Json
            }
        }
        _ if looks_csv(head) => Format::Csv,
        _ => Format::Text,
    }
}

/// Several lines that each hold a whole JSON object.
fn looks_jsonl(head: &str) -> bool {
    let mut lines = head.lines().map(str::trim).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    let Some(second) = lines.next() else {
        return false;
    };
    first.starts_with('{') && first.ends_with('}') && second.starts_with('{')
}

/// A header line of known field names separated by commas, semicolons or tabs.
fn looks_csv(head: &str) -> bool {
    let Some(first) = head.lines().next() else {
        return false;
    };
    let delim = csv_delimiter(first);
    let fields: Vec<String> = first.split(delim as char).map(field_key).collect();
    fields.len() >= 2 && fields.iter().any(|f| TEXT_FIELDS.contains(&f.as_str()))
}

fn csv_delimiter(header: &str) -> u8 {
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| header.bytes().filter(|&b| b == d).count())
        .unwrap_or(b',')
}

/// Parses `text` (already decoded) in `format`. `explicit_ext` says whether the extension asked for this format: a
/// `.txt` file that merely starts with `{` and is not JSON is read as text, while a broken `.json` is an error.
pub fn parse(format: Format, text: &str, explicit_ext: bool) -> Result<Parsed, FormatError> {
    match format {
        Format::Text => Ok(Parsed::Text),
        Format::Html => {
            let (record, warnings) = parse_html_with_warnings(text);
            Ok(Parsed::Records(vec![record], warnings))
        }
        Format::Json => match parse_json(text) {
            Err(_) if !explicit_ext => Ok(Parsed::Text),
            r => r,
        },
        Format::JsonLines => match parse_json_lines(text) {
            Err(_) if !explicit_ext => Ok(Parsed::Text),
            r => r,
        },
        Format::Csv => parse_csv(text),
    }
}

fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().filter_map(value_text).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        Value::Object(map) => ["name", "title", "text", "value", "#text", "@value"]
            .iter()
            .find_map(|k| map.get(*k).and_then(value_text)),
        _ => None,
    }
}

fn lookup(map: &serde_json::Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        map.iter()
            .find(|(k, _)| field_key(k) == *name)
            .and_then(|(_, v)| value_text(v))
    })
}

/// Why a JSON object or CSV row gave no article.
enum NoRecord {
    NoTextField,
    EmptyText,
}

/// A record from a JSON object or CSV row.
fn record_from_map(map: &serde_json::Map<String, Value>) -> Result<Record, NoRecord> {
    let Some(raw_text) = lookup(map, TEXT_FIELDS) else {
        // A text field that is there but blank is an empty article, not a record of another shape.
        let present = map.keys().any(|k| TEXT_FIELDS.contains(&field_key(k).as_ref()));
        return Err(if present {
            NoRecord::EmptyText
        } else {
            NoRecord::NoTextField
        });
    };
    let text = if looks_like_html_fragment(&raw_text) {
        html_fragment_text(&raw_text)
    } else {
        raw_text
    };
    if text.trim().is_empty() {
        return Err(NoRecord::EmptyText);
    }
    let date = lookup(map, DATE_FIELDS).and_then(|d| normalize_date(&d));
    Ok(Record {
        id: lookup(map, ID_FIELDS),
        title: lookup(map, TITLE_FIELDS),
        text,
        date,
        source: lookup(map, SOURCE_FIELDS),
        url: lookup(map, URL_FIELDS),
    })
}

/// A date field as ISO 8601: any written form [`dates::parse_datetime`] reads, or Unix time in seconds or
/// milliseconds. Anything else is not a date (None) rather than a wrong one.
pub fn normalize_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.len() >= 9 && raw.len() <= 13 && raw.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = raw.parse().ok()?;
        let secs = if raw.len() == 13 { n / 1000 } else { n };
        return Some(unix_to_iso(secs));
    }
    dates::parse_datetime(raw)
}

/// Seconds since 1970 (UTC) → `YYYY-MM-DDTHH:MM:SS` (days-from-civil inverse, Howard Hinnant's algorithm).
fn unix_to_iso(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn is_own_report(map: &serde_json::Map<String, Value>) -> bool {
    map.get("format").and_then(Value::as_str) == Some(REPORT_FORMAT)
}

/// Per-record messages kept in full; beyond this many, one line counts the rest.
const MAX_RECORD_MESSAGES: usize = 10;

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Records from `values`, each with where it sits in the file (`line 3`, `record 3`) for messages. `problems` are
/// records already found unreadable (a malformed line); each bad record is named, good ones are all kept.
fn records_from_values<'a>(
    values: impl Iterator<Item = (String, &'a Value)>,
    what: &str,
    mut problems: Vec<String>,
) -> Result<Parsed, FormatError> {
    let mut records = Vec::new();
    let mut without_text: Vec<String> = Vec::new();
    let mut total = problems.len();
    for (place, v) in values {
        total += 1;
        let Some(map) = v.as_object() else {
            problems.push(format!("{place}: {}, not an article object; skipped", json_kind(v)));
            continue;
        };
        match record_from_map(map) {
            Ok(r) => records.push(r),
            Err(NoRecord::NoTextField) => without_text.push(place),
            Err(NoRecord::EmptyText) => problems.push(format!("{place}: its text field is empty; skipped")),
        }
    }
    let looked_for = TEXT_FIELDS[..4].join("/");
    if records.is_empty() {
        let why = match problems.first() {
            Some(first) if without_text.is_empty() => format!("{} bad record(s); the first, {first}", problems.len()),
            _ => format!("none of its {total} record(s) has a text field (looked for {looked_for})"),
        };
        return Err(FormatError::NoArticles(format!("{what} has no article: {why}")));
    }
    let mut warnings = Vec::new();
    if !without_text.is_empty() {
        let shown: Vec<&str> = without_text.iter().take(5).map(String::as_str).collect();
        let more = if without_text.len() > shown.len() { ", …" } else { "" };
        warnings.push(format!(
            "{} of {total} records have no text field (looked for {looked_for}) and were skipped: {}{more}",
            without_text.len(),
            shown.join(", ")
        ));
    }
    let hidden = problems.len().saturating_sub(MAX_RECORD_MESSAGES);
    problems.truncate(MAX_RECORD_MESSAGES);
    warnings.extend(problems);
    if hidden > 0 {
        warnings.push(format!("{hidden} more bad records skipped"));
    }
    Ok(Parsed::Records(records, warnings))
}

/// serde_json's message without its own " at line L column C" (we say where ourselves).
fn json_message(e: &serde_json::Error) -> String {
    e.to_string().split(" at line").next().unwrap_or("").to_string()
}

fn parse_json(text: &str) -> Result<Parsed, FormatError> {
    let value: Value =
        serde_json::from_str(text.trim_start_matches('\u{FEFF}')).map_err(|e| FormatError::Malformed {
            format: "JSON",
            line: e.line(),
            column: e.column(),
            message: json_message(&e),
        })?;
    match &value {
        Value::Object(map) if is_own_report(map) => Ok(Parsed::OwnReport),
        Value::Object(map) => {
            if lookup(map, TEXT_FIELDS).is_some() {
                return records_from_values(
                    std::iter::once(("the object".to_string(), &value)),
                    "the JSON object",
                    Vec::new(),
                );
            }
            let list = [
                "articles", "items", "data", "results", "posts", "entries", "docs", "records",
            ]
            .iter()
            .find_map(|k| map.iter().find(|(key, _)| field_key(key) == *k))
            .and_then(|(_, v)| v.as_array());
            match list {
                Some(items) => records_from_values(numbered(items), "the JSON file", Vec::new()),
                None => Err(FormatError::NotArticles(format!(
                    "the JSON object has no text field (looked for {}) and no list of articles",
                    TEXT_FIELDS[..4].join("/")
                ))),
            }
        }
        Value::Array(items) => records_from_values(numbered(items), "the JSON array", Vec::new()),
        _ => Err(FormatError::NoArticles(
            "the JSON file holds a single value, not an article object or an array of them".to_string(),
        )),
    }
}

fn numbered(items: &[Value]) -> impl Iterator<Item = (String, &Value)> {
    items.iter().enumerate().map(|(n, v)| (format!("record {}", n + 1), v))
}

/// Each line on its own: a malformed line (a cut last line, say) is reported and the others still load.
fn parse_json_lines(text: &str) -> Result<Parsed, FormatError> {
    let mut values = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{FEFF}');
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => {
                if v.as_object().is_some_and(is_own_report) {
                    return Ok(Parsed::OwnReport);
                }
                values.push((format!("line {}", n + 1), v));
            }
            Err(e) => problems.push(format!(
                "line {}: malformed JSON Lines record at column {}: {}; skipped",
                n + 1,
                e.column(),
                json_message(&e)
            )),
        }
    }
    if values.is_empty()
        && let Some(first) = problems.first()
    {
        return Err(FormatError::NoArticles(format!(
            "the JSON Lines file has no readable record: {first}"
        )));
    }
    records_from_values(
        values.iter().map(|(place, v)| (place.clone(), v)),
        "the JSON Lines file",
        problems,
    )
}

/// Rows of the header's width become records; a row of another width (a stray delimiter, a cut row) is reported
/// with its line and skipped, since its fields may have shifted columns.
fn parse_csv(text: &str) -> Result<Parsed, FormatError> {
    let text = text.trim_start_matches('\u{FEFF}');
    let delim = csv_delimiter(text.lines().next().unwrap_or(""));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| FormatError::Malformed {
            format: "CSV",
            line: e.position().map_or(1, |p| p.line() as usize),
            column: 1,
            message: e.to_string(),
        })?
        .clone();
    let keys: Vec<String> = headers.iter().map(field_key).collect();
    if !keys.iter().any(|k| TEXT_FIELDS.contains(&k.as_str())) {
        return Err(FormatError::NoArticles(format!(
            "the CSV has no text column (looked for {}); its columns are: {}",
            TEXT_FIELDS[..4].join("/"),
            headers.iter().collect::<Vec<_>>().join(", ")
        )));
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for row in reader.records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(format!("line {line}: malformed CSV row: {e}; skipped"));
                continue;
            }
        };
        let line = row.position().map_or(0, |p| p.line() as usize);
        if row.len() != headers.len() {
            problems.push(format!(
                "line {line}: malformed CSV row: {} fields where the header has {}; skipped",
                row.len(),
                headers.len()
            ));
            continue;
        }
        let map: serde_json::Map<String, Value> = headers
            .iter()
            .zip(row.iter())
            .map(|(h, v)| (h.to_string(), Value::String(v.to_string())))
            .collect();
        rows.push((format!("line {line}"), Value::Object(map)));
    }
    records_from_values(
        rows.iter().map(|(place, v)| (place.clone(), v)),
        "the CSV file",
        problems,
    )
}

fn looks_like_html_fragment(s: &str) -> bool {
    ["</p>", "<br", "</div>", "<p>", "</a>"].iter().any(|t| s.contains(t))
}

fn html_fragment_text(s: &str) -> String {
    let (capped, _) = cap_html_depth(s, MAX_HTML_DEPTH);
    let doc = Html::parse_fragment(&capped);
    let mut lines = Vec::new();
    collect_blocks(doc.root_element(), &mut lines);
    lines.join("\n")
}

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn meta_content(doc: &Html, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|s| {
        let selector = sel(s)?;
        doc.select(&selector)
            .find_map(|e| e.value().attr("content").or_else(|| e.value().attr("datetime")))
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
    })
}

fn element_text(e: ElementRef) -> String {
    e.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Walks JSON-LD for the first value of `key` (objects, arrays and `@graph`).
fn json_ld_find(v: &Value, key: &str, depth: usize) -> Option<String> {
    if depth > 16 {
        return None;
    }
    match v {
        Value::Object(map) => map
            .get(key)
            .and_then(value_text)
            .or_else(|| map.values().find_map(|x| json_ld_find(x, key, depth + 1))),
        Value::Array(items) => items.iter().find_map(|x| json_ld_find(x, key, depth + 1)),
        _ => None,
    }
}

/// Elements that are never article text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
    "option", "iframe", "svg", "figure", "input", "textarea", "label", "menu", "dialog", "canvas", "video", "audio",
];
const SKIP_CLASS_PREFIXES: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "sidebar",
    "share",
    "sharing",
    "social",
    "comment",
    "related",
    "breadcrumb",
    "advert",
    "banner",
    "newsletter",
    "cookie",
    "popup",
    "subscribe",
    "widget",
    "promo",
    "tags",
    "meta",
];
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "tr",
    "table",
    "br",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "main",
    "hr",
];

fn skipped(e: &scraper::node::Element) -> bool {
    if SKIP_TAGS.contains(&e.name()) {
        return true;
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    let class_id = format!("{} {}", e.attr("class").unwrap_or(""), e.attr("id").unwrap_or("")).to_lowercase();
    class_id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .any(|t| t == "ad" || t == "ads" || SKIP_CLASS_PREFIXES.iter().any(|p| t.starts_with(p)))
}

/// The text of `root` as lines, one per block element, skipping menus, footers, forms and the like. Iterative,
/// so deeply nested markup cannot overflow the stack.
fn collect_blocks(root: ElementRef, lines: &mut Vec<String>) {
    let mut current = String::new();
    let flush = |current: &mut String, lines: &mut Vec<String>| {
        let line = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            lines.push(line);
        }
        current.clear();
    };
    let root_id = root.id();
    let mut stack = vec![(*root, false)];
    while let Some((node, closing)) = stack.pop() {
        if closing {
            if let Node::Element(e) = node.value()
                && BLOCK_TAGS.contains(&e.name())
            {
                flush(&mut current, lines);
            }
            continue;
        }
        match node.value() {
            Node::Text(t) => {
                current.push_str(t);
                continue;
            }
            Node::Element(e) => {
                if node.id() != root_id && skipped(e) {
                    continue;
                }
                if BLOCK_TAGS.contains(&e.name()) {
                    flush(&mut current, lines);
                }
                stack.push((node, true));
            }
            Node::Document | Node::Fragment => {}
            _ => continue,
        }
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev().map(|c| (c, false)));
    }
    flush(&mut current, lines);
}

/// The element holding the article: `articleBody`, `<article>`, `<main>`, or the element with the most paragraph
/// text directly inside it.
fn main_element(doc: &Html) -> Option<ElementRef<'_>> {
    for s in ["[itemprop=articleBody]", "article", "main", "[role=main]"] {
        if let Some(selector) = sel(s)
            && let Some(e) = doc
                .select(&selector)
                .max_by_key(|e| e.text().map(|t| t.trim().len()).sum::<usize>())
            && e.text().any(|t| !t.trim().is_empty())
        {
            return Some(e);
        }
    }
    let p = sel("p")?;
    let mut best: Option<(_, usize)> = None;
    let mut scores = std::collections::HashMap::new();
    for para in doc.select(&p) {
        if let Some(parent) = para.parent() {
            let len: usize = para.text().map(|t| t.trim().len()).sum();
            let score: &mut usize = scores.entry(parent.id()).or_default();
            *score += len;
            if best.is_none_or(|(_, b)| *score > b) {
                best = Some((parent.id(), *score));
            }
        }
    }
    let (id, _) = best?;
    doc.tree.get(id).and_then(ElementRef::wrap)
}

/// Deepest element nesting handed to the HTML parser. html5ever checks scopes by walking its stack of open
/// elements, so with unbounded nesting each tag costs time in the depth (quadratic in all); real pages stay far
/// below this.
pub const MAX_HTML_DEPTH: usize = 256;

/// Elements that never hold content, and those the parser closes by itself when a sibling opens (`<p>`, `<li>`,
/// table cells…): neither grows the stack of open elements without bound, so neither counts towards the depth.
const UNCOUNTED_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb",
    "rt", "rp", "rtc", "!doctype",
];
/// Elements whose content is raw text up to their end tag (a `<` inside is not a tag).
const RAW_TEXT_TAGS: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
];

fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Index just after the `>` that ends the tag whose name ends at `from`, skipping `>` inside quoted attribute
/// values; the end of the text when there is none.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().skip(from) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return i + 1,
            None => {}
        }
    }
    b.len()
}

/// `text` with the tags nested deeper than `max_depth` left out (their text kept, a space in their place), and
/// whether any were. One linear scan that counts open and end tags the way the parser will nest them, roughly:
/// comments and raw-text elements are skipped, void and self-closing-by-sibling elements not counted.
pub fn cap_html_depth(text: &str, max_depth: usize) -> (Cow<'_, str>, bool) {
    let b = text.as_bytes();
    let mut drops: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0usize;
    while let Some(off) = b.get(i..).and_then(|rest| rest.iter().position(|&c| c == b'<')) {
        let lt = i + off;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find_from(b, lt + 4, b"-->").map_or(b.len(), |p| p + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'!' | b'?'))
            .count();
        if name_len == 0 {
            i = lt + 1; // a lone `<` in text
            continue;
        }
        let name = text[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(b, name_start + name_len);
        let counted = !UNCOUNTED_TAGS.contains(&name.as_str())
            && !name.starts_with(['!', '?'])
            && !RAW_TEXT_TAGS.contains(&name.as_str());
        if closing {
            if counted {
                if depth > max_depth {
                    drops.push((lt, end));
                }
                depth = depth.saturating_sub(1);
            }
            i = end;
            continue;
        }
        if RAW_TEXT_TAGS.contains(&name.as_str()) {
            // Skip to the matching end tag, which the loop then reads as an ordinary (uncounted) end tag.
            let close = format!("</{name}");
            let lower_tail_start = end;
            i = b[lower_tail_start..]
                .windows(close.len())
                .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
                .map_or(b.len(), |p| p + lower_tail_start);
            continue;
        }
        let self_closing = end >= 2 && b[end - 2] == b'/' && b[end - 1] == b'>';
        if counted && !self_closing {
            depth += 1;
            if depth > max_depth {
                drops.push((lt, end));
            }
        }
        i = end;
    }
    if drops.is_empty() {
        return (Cow::Borrowed(text), false);
    }
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (start, end) in drops {
        out.push_str(&text[pos..start]);
        out.push(' ');
        pos = end;
    }
    out.push_str(&text[pos..]);
    (Cow::Owned(out), true)
}

/// The article in an HTML page: title, metadata and main text.
pub fn parse_html(text: &str) -> Record {
    parse_html_with_warnings(text).0
}

fn parse_html_with_warnings(text: &str) -> (Record, Vec<String>) {
    let (capped, flattened) = cap_html_depth(text, MAX_HTML_DEPTH);
    let mut warnings = Vec::new();
    if flattened {
        warnings.push(format!(
            "HTML nested deeper than {MAX_HTML_DEPTH} elements: the deeper tags were ignored (their text is kept)"
        ));
    }
    let doc = Html::parse_document(&capped);
    let json_ld: Vec<Value> = sel("script[type=\"application/ld+json\"]")
        .map(|s| {
            doc.select(&s)
                .filter_map(|e| serde_json::from_str(&e.text().collect::<String>()).ok())
                .collect()
        })
        .unwrap_or_default();
    let h1 = sel("h1").and_then(|s| doc.select(&s).map(element_text).find(|t| !t.is_empty()));
    let title_tag = sel("title").and_then(|s| doc.select(&s).map(element_text).find(|t| !t.is_empty()));
    let og_title = meta_content(&doc, &["meta[property=\"og:title\"]", "meta[name=\"twitter:title\"]"]);
    let json_ld_headline = json_ld.iter().find_map(|v| json_ld_find(v, "headline", 0));
    let site = meta_content(&doc, &["meta[property=\"og:site_name\"]"]);
    // "Headline | Site" / "Headline - Site": the page title carries the site name.
    let title_tag = title_tag.map(|t| {
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some((head, tail)) = t.rsplit_once(sep)
                && (site.as_deref() == Some(tail.trim()) || tail.split_whitespace().count() <= 3)
                && head.split_whitespace().count() >= 2
            {
                return head.trim().to_string();
            }
        }
        t
    });
    let title = h1.or(og_title).or(json_ld_headline).or(title_tag);

    let raw_date = meta_content(
        &doc,
        &[
            "meta[property=\"article:published_time\"]",
            "meta[name=\"article:published_time\"]",
            "meta[itemprop=\"datePublished\"]",
        ],
    )
    .or_else(|| json_ld.iter().find_map(|v| json_ld_find(v, "datePublished", 0)))
    .or_else(|| {
        meta_content(
            &doc,
            &[
                "meta[name=\"pubdate\"]",
                "meta[name=\"publishdate\"]",
                "meta[name=\"date\"]",
                "meta[name=\"DC.date.issued\"]",
                "meta[name=\"parsely-pub-date\"]",
                "time[datetime]",
            ],
        )
    });
    let date = raw_date.and_then(|d| normalize_date(&d));
    let source = meta_content(
        &doc,
        &["meta[property=\"og:site_name\"]", "meta[name=\"application-name\"]"],
    )
    .or_else(|| {
        json_ld.iter().find_map(|v| match v {
            Value::Object(m) => m.get("publisher").and_then(value_text),
            _ => json_ld_find(v, "publisher", 0),
        })
    });
    let url = meta_content(&doc, &["meta[property=\"og:url\"]"]).or_else(|| {
        sel("link[rel=canonical]").and_then(|s| doc.select(&s).find_map(|e| e.value().attr("href")).map(str::to_string))
    });

    let mut lines = Vec::new();
    if let Some(root) = main_element(&doc) {
        collect_blocks(root, &mut lines);
    } else {
        collect_blocks(doc.root_element(), &mut lines);
    }
    // The headline first, as in a plain-text article, unless the main text already starts with it.
    if let Some(t) = &title
        && lines.first() != Some(t)
    {
        lines.retain(|l| l != t);
        lines.insert(0, t.clone());
    }
    let record = Record {
        id: None,
        title,
        text: lines.join("\n\n"),
        date,
        source,
        url,
    };
    (record, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content_and_extension() {
        assert_eq!(detect("txt", "عنوان\nنص"), Format::Text);
        assert_eq!(detect("", "<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(detect("", "[{\"text\":\"x\"}]"), Format::Json);
        assert_eq!(
            detect("json", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n"),
            Format::JsonLines
        );
        assert_eq!(detect("", "title,text,date\na,b,c\n"), Format::Csv);
    }

    #[test]
    fn json_fields_and_errors() {
        let j = r#"[{"headline":"عنوان","content":"نص الخبر.","published_at":"2023-09-20T10:05:00Z","publisher":{"name":"صدى البلد"},"link":"https://x.example/a"}]"#;
        let Parsed::Records(r, _) = parse(Format::Json, j, true).unwrap() else {
            panic!()
        };
        assert_eq!(r[0].title.as_deref(), Some("عنوان"));
        assert_eq!(r[0].date.as_deref(), Some("2023-09-20T10:05:00"));
        assert_eq!(r[0].source.as_deref(), Some("صدى البلد"));
        assert_eq!(r[0].url.as_deref(), Some("https://x.example/a"));
        match parse(Format::Json, "{\n\"text\": \"a\",\n oops\n}", true) {
            Err(FormatError::Malformed { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            parse(Format::Json, r#"{"format":"qarin-report/1","articles":[]}"#, true),
            Ok(Parsed::OwnReport)
        );
    }

    #[test]
    fn date_fields() {
        assert_eq!(normalize_date("1695200000").as_deref(), Some("2023-09-20T08:53:20"));
        assert_eq!(normalize_date("1695200000000").as_deref(), Some("2023-09-20T08:53:20"));
        assert_eq!(
            normalize_date("Wed, 20 Sep 2023 10:05:00 GMT").as_deref(),
            Some("2023-09-20T10:05:00")
        );
        assert_eq!(normalize_date("yesterday"), None);
    }

    #[test]
    fn page_title_without_site_name() {
        let r =
            parse_html("<html><head><title>وزير الدفاع في طهران | الموقع</title></head><body><p>نص.</p></body></html>");
        assert_eq!(r.title.as_deref(), Some("وزير الدفاع في طهران"));
    }

    #[test]
    fn csv_rows_and_bad_row_line() {
        let c = "title,text,source\nعنوان,\"نص، مع فاصلة\",وكالة\n";
        let Parsed::Records(r, _) = parse(Format::Csv, c, true).unwrap() else {
            panic!()
        };
        assert_eq!(r[0].text, "نص، مع فاصلة");
        let Ok(Parsed::Records(r, warnings)) = parse(Format::Csv, "title,text\na,b\nc,d,e\nf,g\n", true) else {
            panic!()
        };
        assert_eq!(r.len(), 2);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].starts_with("line 3: "), "{warnings:?}");
    }

    #[test]
    fn html_main_text_and_metadata() {
        let html = r#"<!DOCTYPE html><html><head><title>عنوان - الموقع</title>
<meta property="og:site_name" content="الموقع">
<meta property="article:published_time" content="2023-09-20T08:00:00+03:00">
</head><body><nav><a>الرئيسية</a><a>سياسة</a></nav>
<article><h1>عنوان الخبر</h1><p>الفقرة الأولى من الخبر.</p><div class="share-buttons">شارك</div><p>الفقرة الثانية.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"#;
        let r = parse_html(html);
        assert_eq!(r.title.as_deref(), Some("عنوان الخبر"));
        assert_eq!(r.source.as_deref(), Some("الموقع"));
        assert_eq!(r.date.as_deref(), Some("2023-09-20T08:00:00"));
        assert_eq!(r.text, "عنوان الخبر\n\nالفقرة الأولى من الخبر.\n\nالفقرة الثانية.");
    }
}
