//! Generated ordinals: `一、` for sections, `（一）` for sub-sections and measures, `一是` for
//! points. Clerks never type them.

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. Beyond 99 the Arabic number is used.
pub fn chinese(n: usize) -> String {
    const D: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => D[0].to_string(),
        1..=9 => D[n].to_string(),
        10..=19 => format!("十{}", if n % 10 == 0 { "" } else { D[n % 10] }),
        20..=99 => format!("{}十{}", D[n / 10], if n % 10 == 0 { "" } else { D[n % 10] }),
        // 一百零五, 一百一十, 一百二十三: after 百 the tens keep their 一, and a missing ten is 零.
        100..=999 => {
            let rest = match n % 100 {
                0 => String::new(),
                r @ 1..=9 => format!("零{}", D[r]),
                r => format!("{}十{}", D[r / 10], if r % 10 == 0 { "" } else { D[r % 10] }),
            };
            format!("{}百{rest}", D[n / 100])
        }
        _ => n.to_string(),
    }
}

/// `一、` (1-based).
pub fn section(n: usize) -> String {
    format!("{}、", chinese(n))
}

/// `（一）` (1-based).
pub fn sub(n: usize) -> String {
    format!("（{}）", chinese(n))
}

/// `一是` (1-based).
pub fn point(n: usize) -> String {
    format!("{}是", chinese(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let table = [
            (1, "一"),
            (5, "五"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (35, "三十五"),
            (99, "九十九"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (123, "一百二十三"),
            (200, "二百"),
            (999, "九百九十九"),
            (1000, "1000"),
        ];
        for (n, s) in table {
            assert_eq!(chinese(n), s);
        }
        for n in 1..1000 {
            assert_eq!(super::super::quantity::chinese_value(chinese(n).chars()), Some(n as u64), "{n} read back");
        }
        assert_eq!(section(3), "三、");
        assert_eq!(sub(2), "（二）");
        assert_eq!(point(4), "四是");
    }
}
