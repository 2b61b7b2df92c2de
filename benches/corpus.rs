//! Loading speed: generates 10,000 articles (~30 MB) from the sample corpus into a temporary folder — mostly UTF-8,
//! some Windows-1256 and UTF-16 — and times load + decode + segment + sentence-split (`corpus::load_paths`,
//! corpus-wide line repetition included). Also loads 2,500 and 5,000 to show that time grows linearly.
//!
//! Run: `cargo bench --bench corpus` (release). Target: under 2 s for 10,000 articles on 2 cores.

use qarin::corpus::{self, builtin::SAMPLE_FILES};
use qarin::progress::Progress;
use std::path::Path;
use std::time::Instant;

/// Article `n`: a sample's head lines and a rotating selection of its paragraphs, with a unique headline.
fn article(n: usize) -> String {
    let (_, text) = SAMPLE_FILES[n % SAMPLE_FILES.len()];
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        let keep = i < 3 || (i + n / 5).is_multiple_of(3) || i + 6 >= lines.len();
        if !keep {
            continue;
        }
        out.push_str(line);
        if i == 0 || (i == 2 && line.trim().is_empty()) {
            out.push_str(&format!(" ({n})"));
        }
        out.push('\n');
    }
    out
}

fn generate(dir: &Path, count: usize) -> usize {
    let mut bytes = 0;
    for n in 0..count {
        let text = article(n);
        let sub = dir.join(format!("outlet{:02}", n % 37));
        std::fs::create_dir_all(&sub).expect("create folder");
        let (name, data): (String, Vec<u8>) = match n % 20 {
            0 | 1 => {
                let crlf = text.replace('\n', "\r\n");
                let (enc, _, _) = encoding_rs::WINDOWS_1256.encode(&crlf);
                (format!("{n:05}.txt"), enc.into_owned())
            }
            2 => {
                let mut v = vec![0xFF, 0xFE];
                for u in text.encode_utf16() {
                    v.extend_from_slice(&u.to_le_bytes());
                }
                (format!("{n:05}.txt"), v)
            }
            _ => (format!("{n:05}.txt"), text.into_bytes()),
        };
        bytes += data.len();
        std::fs::write(sub.join(name), data).expect("write article");
    }
    bytes
}

/// CPU seconds used by this process so far (user + system), on Linux; the machine may be shared, so wall time alone
/// says little.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = stat.rsplit_once(") ")?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let threads = rayon::current_num_threads();
    println!("corpus load benchmark ({threads} threads)");
    for &count in &[2_500usize, 5_000, 10_000] {
        let dir = tempfile::tempdir().expect("temp dir");
        let bytes = generate(dir.path(), count);
        let paths = [dir.path().to_path_buf()];
        // Warm the page cache once, then take the best of three runs.
        let _ = corpus::load_paths(&paths, &Progress::new());
        let mut best = f64::MAX;
        let mut best_cpu = f64::MAX;
        let mut result = None;
        for _ in 0..3 {
            let cpu0 = cpu_seconds();
            let t = Instant::now();
            let c = corpus::load_paths(&paths, &Progress::new());
            best = best.min(t.elapsed().as_secs_f64());
            if let (Some(a), Some(b)) = (cpu0, cpu_seconds()) {
                best_cpu = best_cpu.min(b - a);
            }
            result = Some(c);
        }
        let c = result.expect("ran");
        let sentences: usize = c.articles.iter().map(|a| a.sentences.len()).sum();
        let segments: usize = c.articles.iter().map(|a| a.segments.len()).sum();
        println!(
            "{count:>6} files, {:>5.1} MB: {:.3} s wall, {:.2} s CPU ({:.2} s on {threads} idle cores)  ({:.0} MB/s, {:.0} articles/s, {:.1} µs/article) — {} articles, {} segments, {} sentences, {} diagnostics",
            bytes as f64 / 1e6,
            best,
            best_cpu,
            best_cpu / threads as f64,
            bytes as f64 / 1e6 / best,
            count as f64 / best,
            best * 1e6 / count as f64,
            c.articles.len(),
            segments,
            sentences,
            c.diagnostics.len()
        );
    }
}
