//! When a draft was last changed, as a clerk reads it: 今天 14:05, 昨天 09:12, 2026年11月3日.
//! Times are milliseconds since 1970 (the browser's clock); the caller gives the offset of local
//! time from UTC, so this stays a pure function.

const MS_PER_MINUTE: f64 = 60_000.0;
const MS_PER_DAY: f64 = 86_400_000.0;

/// `then` seen from `now`, both in ms since the epoch; `offset_minutes` is local time minus UTC
/// (China: +480). A missing or impossible time reads 时间不详.
pub fn changed_label(now: f64, then: f64, offset_minutes: i32) -> String {
    if !then.is_finite() || then <= 0.0 || !now.is_finite() {
        return "时间不详".to_string();
    }
    let offset = f64::from(offset_minutes) * MS_PER_MINUTE;
    let (now_local, then_local) = (now + offset, then + offset);
    let (now_day, then_day) = ((now_local / MS_PER_DAY).floor(), (then_local / MS_PER_DAY).floor());
    let minutes = ((then_local - then_day * MS_PER_DAY) / MS_PER_MINUTE).floor() as i64;
    let clock = format!("{:02}:{:02}", minutes / 60, minutes % 60);
    if then_day == now_day {
        format!("今天 {clock}")
    } else if then_day == now_day - 1.0 {
        format!("昨天 {clock}")
    } else {
        let (y, m, d) = civil_from_days(then_day as i64);
        format!("{y}年{m}月{d}日")
    }
}

/// Year, month, day of a day count since 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Milliseconds for a Beijing wall-clock time (UTC+8).
    fn beijing(y: i64, m: u32, d: u32, h: u32, min: u32) -> f64 {
        // Days from civil (the inverse of civil_from_days), then back to UTC.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = i64::from((m + 9) % 12);
        let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        (days as f64) * MS_PER_DAY + f64::from(h * 60 + min) * MS_PER_MINUTE - 480.0 * MS_PER_MINUTE
    }

    #[test]
    fn reads_as_today_yesterday_or_a_date() {
        let now = beijing(2026, 11, 5, 9, 30);
        let cases = [
            (beijing(2026, 11, 5, 14, 5), "今天 14:05"), // later today (another machine's clock)
            (beijing(2026, 11, 5, 0, 0), "今天 00:00"),
            (beijing(2026, 11, 4, 23, 59), "昨天 23:59"),
            (beijing(2026, 11, 4, 9, 12), "昨天 09:12"),
            (beijing(2026, 11, 3, 23, 59), "2026年11月3日"),
            (beijing(2025, 12, 31, 8, 0), "2025年12月31日"),
            (beijing(2024, 2, 29, 12, 0), "2024年2月29日"),
            (beijing(2026, 11, 6, 8, 0), "2026年11月6日"), // tomorrow: a clock set wrong
            (0.0, "时间不详"),
            (f64::NAN, "时间不详"),
        ];
        for (then, want) in cases {
            assert_eq!(changed_label(now, then, 480), want, "{then}");
        }
    }

    #[test]
    fn the_day_changes_at_local_midnight_not_utc_midnight() {
        // 09:00 in Beijing is 01:00 UTC the same day; 01:00 in Beijing is 17:00 UTC the day before.
        let now = beijing(2026, 11, 5, 9, 0);
        let then = beijing(2026, 11, 5, 1, 0);
        assert_eq!(changed_label(now, then, 480), "今天 01:00");
        assert_eq!(changed_label(now, then, 0), "昨天 17:00");
    }

    #[test]
    fn dates_before_1970_and_across_centuries() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(10_957), (2000, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
