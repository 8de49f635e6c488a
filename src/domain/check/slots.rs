//! Key figures: what each kind of slot accepts (dates: `dates`).
use crate::domain::model::template::SlotKind;

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
        SlotKind::Number => {
            let ok = crate::domain::model::quantity::read(kind, v).is_some();
            (!ok).then(|| "请填写数字，如“12”“3.5”“1,200”。".into())
        }
        SlotKind::Percent => {
            let ok = crate::domain::model::quantity::read(kind, v).is_some();
            (!ok).then(|| "请填写百分数，如“92.5”或“92.5%”。".into())
        }
        SlotKind::Year => {
            let ok = v.chars().count() == 4 && v.chars().all(|c| c.is_ascii_digit()) && (v.starts_with("19") || v.starts_with("20"));
            (!ok).then(|| "年份请写四位数字，如“2022”。".into())
        }
        // Typed in any of the forms `dates::parse` reads; the box writes it as the report does.
        SlotKind::Date => crate::domain::model::dates::parse(v).err(),
        SlotKind::Text | SlotKind::Name | SlotKind::Place => {
            let mut found = Vec::new();
            super::placeholder::check(v, &mut found);
            (!found.is_empty()).then(|| "这里还是占位符，请填写实际内容。".into())
        }
    }
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
    fn figures_and_percentages() {
        for ok in ["12", "3.5", "1,200", "十二"] {
            assert_eq!(problem(SlotKind::Number, ok), None, "{ok}");
        }
        for ok in ["92.5", "92.5%", "100％"] {
            assert_eq!(problem(SlotKind::Percent, ok), None, "{ok}");
        }
        for bad in ["约12", "3.", "1,20", "12个"] {
            assert!(problem(SlotKind::Number, bad).is_some(), "{bad}");
        }
        assert!(problem(SlotKind::Percent, "九成").is_some());
    }

    #[test]
    fn years_are_four_digits() {
        assert_eq!(problem(SlotKind::Year, "2022"), None);
        for bad in ["22", "20XX", "二〇二二", "3022"] {
            assert!(problem(SlotKind::Year, bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn dates_are_read_in_chinese_order() {
        assert_eq!(problem(SlotKind::Date, "2024年2月29日"), None);
        assert_eq!(problem(SlotKind::Date, "2024-3-5"), None, "the box rewrites it as 2024年3月5日");
        let why = problem(SlotKind::Date, "2023年2月29日").expect("no such day");
        assert!(why.contains("只有28天"), "{why}");
    }

    #[test]
    fn names_and_places_must_not_be_placeholders() {
        assert!(problem(SlotKind::Place, "**").is_some());
        assert!(problem(SlotKind::Name, "×××").is_some());
        assert_eq!(problem(SlotKind::Name, "李明"), None);
    }
}
