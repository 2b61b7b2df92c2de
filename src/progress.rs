//! Progress and cancellation shared between a worker thread and whoever watches it (the UI, the CLI).
//! Lives at the top because every layer's long-running entry point takes one.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Counters a long task updates and a watcher reads; all methods take `&self` so one `Arc<Progress>` is shared.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
    stage: Mutex<String>,
}

impl Progress {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts a named stage of `total` steps (e.g. "loading", 120 files).
    pub fn begin(&self, stage: &str, total: usize) {
        if let Ok(mut s) = self.stage.lock() {
            stage.clone_into(&mut s);
        }
        self.total.store(total, Ordering::Relaxed);
        self.done.store(0, Ordering::Relaxed);
    }

    pub fn advance(&self, steps: usize) {
        self.done.fetch_add(steps, Ordering::Relaxed);
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// (stage name, steps done, steps in the stage).
    pub fn snapshot(&self) -> (String, usize, usize) {
        let stage = self.stage.lock().map(|s| s.clone()).unwrap_or_default();
        (
            stage,
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// Fraction of the current stage done, 0.0 when the stage has no known size.
    pub fn fraction(&self) -> f32 {
        let (_, done, total) = self.snapshot();
        if total == 0 {
            0.0
        } else {
            (done as f32 / total as f32).min(1.0)
        }
    }
}
