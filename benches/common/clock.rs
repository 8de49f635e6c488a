//! The benches' clock: wall time, or the thread's CPU time with `GONGWEN_BENCH_CLOCK=cpu`, which
//! other jobs on a shared machine disturb much less (they still share its caches and cores).
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::Criterion;
use std::time::Duration;

/// Wall time, or the thread's CPU time (`GONGWEN_BENCH_CLOCK=cpu`).
pub struct Clock {
    cpu: bool,
}

impl Clock {
    fn now(&self) -> Duration {
        if self.cpu {
            let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
            // SAFETY: clock_gettime only writes the timespec it is given.
            unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
            Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
        } else {
            static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
            START.get_or_init(std::time::Instant::now).elapsed()
        }
    }
}

impl Measurement for Clock {
    type Intermediate = Duration;
    type Value = Duration;
    fn start(&self) -> Duration {
        self.now()
    }
    fn end(&self, started: Duration) -> Duration {
        self.now().saturating_sub(started)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        static WALL: WallTime = WallTime;
        WALL.formatter()
    }
}

pub fn config() -> Criterion<Clock> {
    Criterion::default().with_measurement(Clock { cpu: std::env::var("GONGWEN_BENCH_CLOCK").is_ok_and(|v| v == "cpu") })
}
