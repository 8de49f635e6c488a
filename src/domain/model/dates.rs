//! A date as the clerk types it, whatever the browser's own language: year, month and day in
//! Chinese order (`2024年3月5日`, `2024-3-5`, `2024.3.5`, `2024/3/5`, `2024 3 5`, full-width
//! digits too), and as the report writes it: `2024年3月5日` (GB/T 9704 §7.3.5: Arabic figures,
//! no leading zeros).

/// `(year, month, day)` from what was typed, or why it is not a date, in Chinese.
pub fn parse(text: &str) -> Result<(u32, u32, u32), String> {
    let mut numbers = Vec::new();
    let mut current = String::new();
    let mut tail = String::new();
    for c in text.trim().chars() {
        let digit = match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        };
        match digit {
            Some(d) if numbers.len() < 3 => current.push(d),
            Some(_) => return Err(ORDER.into()),
            None if "年月日-./ －．／。、".contains(c) => {
                if !current.is_empty() {
                    numbers.push(std::mem::take(&mut current));
                }
            }
            None => tail.push(c),
        }
    }
    if !current.is_empty() {
        numbers.push(current);
    }
    let [y, m, d] = numbers.as_slice() else { return Err(ORDER.into()) };
    if !tail.is_empty() {
        return Err(ORDER.into());
    }
    if y.len() != 4 {
        return Err("年份请写四位数字，如“2024年3月5日”。".into());
    }
    let number = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
    let (y, m, d) = (number(y), number(m), number(d));
    if !(1900..=2100).contains(&y) {
        return Err(format!("{y}年不像是成文的年份，请核对。"));
    }
    if !(1..=12).contains(&m) {
        return Err("月份要在1到12之间。".into());
    }
    let days = days_in(y, m);
    if !(1..=days).contains(&d) {
        return Err(format!("{y}年{m}月只有{days}天，没有{d}日。"));
    }
    Ok((y, m, d))
}

const ORDER: &str = "日期请按年、月、日的顺序写，如“2024年3月5日”或“2024-3-5”。";

/// `2024年3月5日`.
pub fn format((y, m, d): (u32, u32, u32)) -> String {
    format!("{y}年{m}月{d}日")
}

/// What a typed date becomes in the report, if it is a date.
pub fn normalize(text: &str) -> Option<String> {
    parse(text).ok().map(format)
}

fn days_in(y: u32, m: u32) -> u32 {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_of_typing_a_date_gives_the_report_s_form() {
        // (typed, written in the report)
        let table = [
            ("2024年3月5日", "2024年3月5日"),
            ("2024-3-5", "2024年3月5日"),
            ("2024-03-05", "2024年3月5日"),
            ("2024.3.5", "2024年3月5日"),
            ("2024/3/5", "2024年3月5日"),
            ("2024 3 5", "2024年3月5日"),
            (" 2024年03月05日 ", "2024年3月5日"),
            ("２０２４年３月５日", "2024年3月5日"),
            ("2024年3月5", "2024年3月5日"),
            ("2024年2月29日", "2024年2月29日"),
            ("2000-2-29", "2000年2月29日"),
        ];
        for (typed, written) in table {
            assert_eq!(normalize(typed).as_deref(), Some(written), "{typed}");
        }
    }

    #[test]
    fn impossible_dates_get_a_chinese_reason() {
        // (typed, a piece of the message)
        let table = [
            ("2023年2月29日", "2023年2月只有28天，没有29日"),
            ("1900-2-29", "只有28天"),
            ("2024-4-31", "2024年4月只有30天"),
            ("2024-13-1", "月份要在1到12之间"),
            ("2024-0-1", "月份要在1到12之间"),
            ("2024-1-0", "没有0日"),
            ("24-3-5", "四位数字"),
            ("3/5/2024", "四位数字"),
            ("3005-1-1", "不像是成文的年份"),
            ("2024年3月", "顺序"),
            ("", "顺序"),
            ("二〇二四年三月五日", "顺序"),
            ("2024-3-5-6", "顺序"),
            ("2024年3月5日上午", "顺序"),
        ];
        for (typed, piece) in table {
            let err = parse(typed).expect_err(typed);
            assert!(err.contains(piece), "{typed}: {err}");
        }
    }
}
