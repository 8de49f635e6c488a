//! Key figures: what each kind of slot accepts, and the date format.
use super::template::SlotKind;

/// Why a key figure's value is not acceptable, in Chinese; `None` when it is fine (or empty:
/// an empty figure is reported where it is used, by the checks).
pub fn problem(kind: SlotKind, value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    match kind {
        SlotKind::Count => {
            let arabic = v.chars().all(|c| c.is_ascii_digit());
            let chinese = v.chars().all(|c| "零〇一二两三四五六七八九十百千".contains(c));
            if !(arabic || chinese) {
                return Some("请填写人数或次数，用阿拉伯数字（如“3”）或汉字（如“三”“两”）。".into());
            }
            if arabic && v.len() > 1 && v.starts_with('0') {
                return Some("数字前面不要加“0”。".into());
            }
            if arabic && v.len() > 6 {
                return Some("这个数字太大了，请核对。".into());
            }
            None
        }
        SlotKind::Year => {
            let ok = v.chars().count() == 4 && v.chars().all(|c| c.is_ascii_digit()) && (v.starts_with("19") || v.starts_with("20"));
            (!ok).then(|| "年份请写四位数字，如“2022”。".into())
        }
        SlotKind::Date => chinese_date_parts(v).is_none().then(|| "日期请写成“2024年3月5日”的形式。".into()),
        SlotKind::Text | SlotKind::Name | SlotKind::Place => {
            let mut found = Vec::new();
            super::check::placeholder::check(v, &mut found);
            (!found.is_empty()).then(|| "这里还是占位符，请填写实际内容。".into())
        }
    }
}

/// `2024-03-05` (what a date picker gives) → `2024年3月5日`.
pub fn iso_to_chinese(iso: &str) -> Option<String> {
    let mut it = iso.trim().splitn(3, '-');
    let y: u32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    valid(y, m, d).then(|| format!("{y}年{m}月{d}日"))
}

/// `2024年3月5日` → `2024-03-05`, for the date picker.
pub fn chinese_to_iso(text: &str) -> Option<String> {
    let (y, m, d) = chinese_date_parts(text)?;
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn chinese_date_parts(text: &str) -> Option<(u32, u32, u32)> {
    let (y, rest) = text.trim().split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let digits = |s: &str| !s.is_empty() && !s.starts_with('0') && s.chars().all(|c| c.is_ascii_digit());
    if !(y.len() == 4 && digits(y) && digits(m) && digits(d)) {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    valid(y, m, d).then_some((y, m, d))
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_arabic_or_chinese_numerals() {
        for ok in ["3", "12", "三", "两", "十二", ""] {
            assert_eq!(problem(SlotKind::Count, ok), None, "{ok}");
        }
        for bad in ["3名", "-1", "1.5", "03", "abc", "99999999999999999999"] {
            assert!(problem(SlotKind::Count, bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn years_are_four_digits() {
        assert_eq!(problem(SlotKind::Year, "2022"), None);
        for bad in ["22", "20XX", "二〇二二", "3022"] {
            assert!(problem(SlotKind::Year, bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn dates_convert_both_ways() {
        assert_eq!(iso_to_chinese("2024-03-05").as_deref(), Some("2024年3月5日"));
        assert_eq!(chinese_to_iso("2024年3月5日").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_to_chinese("2023-02-29"), None);
        assert_eq!(iso_to_chinese(""), None);
        assert!(problem(SlotKind::Date, "2024年03月05日").is_some(), "no leading zeros");
        assert_eq!(problem(SlotKind::Date, "2024年2月29日"), None);
    }

    #[test]
    fn names_and_places_must_not_be_placeholders() {
        assert!(problem(SlotKind::Place, "**").is_some());
        assert!(problem(SlotKind::Name, "×××").is_some());
        assert_eq!(problem(SlotKind::Name, "李明"), None);
    }
}
