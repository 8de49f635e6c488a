//! The figures of a model report that become key figures: dates (`2025年10月15日`), years
//! (`2025年`), percentages (`83.3%`), amounts (`41.7亿元`, `12平方米`) and counts (`18个`,
//! `56人次`), found on Arabic digits only (`一是`, `三张清单` are words, not figures). A figure
//! inside 《》 or “” (a document's name, a slogan such as “5＋5”), after 第 (an ordinal), or
//! before 岁 (an age limit) is part of the wording and stays as it is.
//!
//! The same figure is one key figure: same kind and value, and for counts and amounts the same
//! measure word (`27名` and `27卷` are two figures that happen to agree).

/// What kind of figure, as the slot kinds of the template (`SlotKind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FigureKind {
    Date,
    Year,
    Percent,
    Amount,
    Count,
}

/// One figure found in a text: where (byte offsets of the value), its kind, value and
/// measure word (`个`, `亿元`; empty for dates, years and percentages).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    pub kind: FigureKind,
    pub value: String,
    pub measure: &'static str,
}

/// Measure words after an amount (longest first, so `亿元` wins over `亿`).
const AMOUNT_WORDS: &[&str] = &[
    "平方公里",
    "平方米",
    "立方米",
    "万千瓦时",
    "千瓦时",
    "万千瓦",
    "千瓦",
    "亿元",
    "万元",
    "千元",
    "公里",
    "千米",
    "千克",
    "公斤",
    "公顷",
    "万吨",
    "标箱",
    "亿",
    "万",
    "元",
    "亩",
    "吨",
    "米",
    "倍",
];
/// Measure words after a count (longest first).
const COUNT_WORDS: &[&str] = &[
    "人次", "场次", "户次", "余人", "余个", "余次", "余项", "余件", "个", "名", "人", "次", "项", "件", "篇", "份", "条", "批", "场", "家",
    "户", "所", "处", "起", "卷", "期", "天", "本", "部", "支", "座", "台", "辆", "套", "门", "节", "堂", "轮", "类", "间", "笔", "单",
    "封", "位", "种", "架", "艘", "多", "余",
];

/// Every figure of `text`, in order.
pub fn find(text: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // Depth inside 《》 and “”: figures there are part of a name or a quotation.
    let (mut book, mut quote) = (0usize, 0usize);
    let mut at = 0;
    while at < text.len() {
        let Some(c) = text[at..].chars().next() else { break };
        match c {
            '《' => book += 1,
            '》' => book = book.saturating_sub(1),
            '“' => quote += 1,
            '”' => quote = quote.saturating_sub(1),
            _ => {}
        }
        if !c.is_ascii_digit() {
            at += c.len_utf8();
            continue;
        }
        // A run of digits with `.` or `,` between digits.
        let start = at;
        let mut end = at;
        while end < text.len() {
            let b = bytes[end];
            let between = (b == b'.' || b == b',') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) && end > start;
            if b.is_ascii_digit() || between {
                end += 1;
            } else {
                break;
            }
        }
        let before = text[..start].chars().next_back();
        let glued =
            before.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, '.' | '＋' | '+' | '-' | '－' | '第' | '/' | '_' | '%'));
        if book == 0 && quote == 0 && !glued {
            if let Some(f) = figure_at(text, start, end) {
                at = f.end;
                out.push(f);
                continue;
            }
        }
        at = end;
    }
    out
}

/// The figure whose digits are `text[start..end]`, if what follows makes it one.
fn figure_at(text: &str, start: usize, end: usize) -> Option<Figure> {
    let value = &text[start..end];
    let rest = &text[end..];
    let make = |kind, value: &str, end, measure| Some(Figure { start, end, kind, value: value.to_string(), measure });
    if rest.starts_with(['＋', '+', '-', '－', '/', '岁']) {
        return None;
    }
    let four_digit_year = value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()) && ("1900".."2100").contains(&value);
    if four_digit_year && rest.starts_with('年') {
        if let Some(date_end) = date_after_year(text, end) {
            return make(FigureKind::Date, &text[start..date_end], date_end, "");
        }
        return make(FigureKind::Year, value, end, "");
    }
    if rest.starts_with(['%', '％']) {
        return make(FigureKind::Percent, value, end, "");
    }
    let plain = value.bytes().all(|b| b.is_ascii_digit());
    if let Some(word) = AMOUNT_WORDS.iter().find(|w| rest.starts_with(**w)) {
        return make(FigureKind::Amount, value, end, word);
    }
    if let Some(word) = COUNT_WORDS.iter().find(|w| rest.starts_with(**w)) {
        let kind = if plain && value.len() <= 9 { FigureKind::Count } else { FigureKind::Amount };
        return make(kind, value, end, word);
    }
    None
}

/// After `2025年` at `year_end`: `10月15日` (month 1–12, day 1–31) makes a date; its end.
fn date_after_year(text: &str, year_end: usize) -> Option<usize> {
    let rest = text.get(year_end + '年'.len_utf8()..)?;
    let month_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let month: u32 = rest.get(..month_len)?.parse().ok()?;
    let rest = rest.get(month_len..)?.strip_prefix('月')?;
    let day_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let day: u32 = rest.get(..day_len)?.parse().ok()?;
    rest.get(day_len..)?.strip_prefix('日')?;
    ((1..=12).contains(&month) && (1..=31).contains(&day) && month_len <= 2 && day_len <= 2)
        .then(|| year_end + '年'.len_utf8() + month_len + '月'.len_utf8() + day_len + '日'.len_utf8())
}

/// A short phrase around a figure for its label: up to eight characters before it and four after
/// its measure word, within the clause, the figure shown as `＿＿`: `选派＿＿名年轻干部`.
pub fn context(text: &str, f: &Figure) -> String {
    let stop = |c: char| c.is_ascii_digit() || "，。；：、！？（）()《》“”‘’ ,.;:{}".contains(c);
    let before: Vec<char> = text[..f.start].chars().rev().take_while(|&c| !stop(c)).take(8).collect();
    let before: String = before.into_iter().rev().collect();
    let after_start = f.end + f.measure.len();
    let after: String = text.get(after_start..).unwrap_or_default().chars().take_while(|&c| !stop(c)).take(4).collect();
    format!("{before}＿＿{}{after}", f.measure)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(FigureKind, String, &'static str)> {
        find(text).into_iter().map(|f| (f.kind, f.value, f.measure)).collect()
    }

    #[test]
    fn table() {
        use FigureKind::*;
        type Found<'a> = &'a [(FigureKind, &'a str, &'a str)];
        let table: &[(&str, Found)] = &[
            (
                "截至2025年10月10日，反馈的4个方面18个问题已完成整改15个",
                &[(Date, "2025年10月10日", ""), (Count, "4", "个"), (Count, "18", "个"), (Count, "15", "个")],
            ),
            ("整改完成率83.3%，建立完善制度9项", &[(Percent, "83.3", ""), (Count, "9", "项")]),
            ("实现总产值86.4亿元，同比增长9.2％", &[(Amount, "86.4", "亿元"), (Percent, "9.2", "")]),
            ("2022年以来，开展谈心谈话56人次", &[(Year, "2022", ""), (Count, "56", "人次")]),
            ("办公用房使用面积12平方米", &[(Amount, "12", "平方米")]),
            // Words, names, quotations, ordinals, ages, months alone: not figures.
            ("创新建立“5＋5”工作机制，一是三张清单", &[]),
            ("制定《2024年工作要点》", &[]),
            ("35岁以下干部8名", &[(Count, "8", "名")]),
            ("第3季度，任职满5年的，3月底前", &[]),
            ("2026年3月底前", &[(Year, "2026", "")]),
            ("共1,200人", &[(Amount, "1,200", "人")]),
            ("13年3月5日", &[]),
            ("v2.0版本", &[]),
        ];
        for (text, want) in table {
            let want: Vec<(FigureKind, String, &str)> = want.iter().map(|(k, v, m)| (*k, v.to_string(), *m)).collect();
            assert_eq!(found(text), want, "{text}");
        }
    }

    #[test]
    fn a_label_shows_the_figure_in_its_clause() {
        let text = "选派12名年轻干部到基层一线挂职";
        let f = &find(text)[0];
        assert_eq!(context(text, f), "选派＿＿名年轻干部");
    }
}
