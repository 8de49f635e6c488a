//! Placeholders left in the text: `*名`, `**镇`, `##市委`, `×××同志`, `XX省`, `20XX年`,
//! `xx月xx日`, `□`, `___`, `20__年`, `【待补】`, `【单位名称】`, `〔年份〕`, `[填写内容]`, `{请输入}`,
//! `（数字）`, `201x 年` (a space before the unit), `TBD`,
//! blank brackets `（　　）`, circles `○○镇`, a single `X` where a number is expected: before a
//! unit or measure word (`X名`, `X张`, `X票`, `X级`, `X篇`, `x%`, `x万元`), after `第`
//! (`第X巡察组`), on both sides of a ratio (`X:X的差额比例`), or for a digit of a Chinese
//! numeral (`X四五` for 十四五).
//!
//! Not placeholders (the traps): `〇` in years (also the look-alike `○`: `二○二三年`), `3×4`,
//! `某发〔2026〕5号`, `X` inside Latin words, `X光`, `5＋5`, `某某` used to anonymise, `第一`,
//! `一是`, `3#楼` (a number sign), `main()`, and names of policies and programmes written with
//! ×/X (`“数据要素×”行动`, `数据要素×智能制造`, `“415X”产业集群`, `“555X”`: a letter after
//! digits, or a sign closing a quoted name).
//!
//! The table at the bottom shows what fires and what must not; read it first.
use super::scan::ends_with;
use super::{Category, Finding, Severity};
use crate::domain::model::text::{is_han, Span};

pub const RULE: &str = "placeholder";

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

/// `check` over the text's characters: the driver collects them once for every family.
/// The characters a placeholder can start with (`check_chars` looks at nothing else).
#[inline(always)]
pub(super) fn may_start(c: char) -> bool {
    matches!(
        c,
        '*' | '＊'
            | '#'
            | '＃'
            | '×'
            | 'X'
            | 'x'
            | 'Ｘ'
            | 'ｘ'
            | '□'
            | '○'
            | '〇'
            | '_'
            | '＿'
            | 'T'
            | '【'
            | '['
            | '［'
            | '{'
            | '｛'
            | '〖'
            | '（'
            | '('
            | '〔'
    )
}

pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let found = match c {
            '*' | '＊' => Some(run(&chars, i, |c| matches!(c, '*' | '＊'))),
            '#' | '＃' => hash_run(&chars, i),
            '×' => times_run(&chars, i),
            'X' | 'x' | 'Ｘ' | 'ｘ' => x_run(&chars, i),
            '□' => Some(run(&chars, i, |c| c == '□')),
            '○' | '〇' => circle_run(&chars, i),
            '_' | '＿' => underscore_run(&chars, i),
            'T' => latin_word(&chars, i, &["TBD", "TODO"]),
            '【' | '[' | '［' | '{' | '｛' | '〖' | '（' | '(' | '〔' => bracketed(&chars, i),
            _ => None,
        };
        match found {
            Some(end) => {
                let start = leading_digits(&chars, i);
                let span = Span::new(start, end);
                out.push(finding(&chars, span));
                i = end;
            }
            None => i += 1,
        }
    }
}

/// End of the run of characters matching `pred` that starts at `i`.
fn run(chars: &[char], i: usize, pred: impl Fn(char) -> bool) -> usize {
    let mut j = i;
    while j < chars.len() && pred(chars[j]) {
        j += 1;
    }
    j
}

/// `20XX年`, `20**年`: the digits before a masked year belong to the placeholder.
fn leading_digits(chars: &[char], i: usize) -> usize {
    let mut s = i;
    while s > 0 && chars[s - 1].is_ascii_digit() && matches!(chars[i], '*' | '＊' | 'X' | 'x' | 'Ｘ' | 'ｘ' | '×' | '_' | '＿' | '□')
    {
        s -= 1;
    }
    s
}

fn before(chars: &[char], i: usize) -> Option<char> {
    i.checked_sub(1).map(|j| chars[j])
}

fn hash_run(chars: &[char], i: usize) -> Option<usize> {
    let end = run(chars, i, |c| matches!(c, '#' | '＃'));
    if end - i == 1 && before(chars, i).is_some_and(|c| c.is_ascii_digit()) {
        return None; // 3#楼: a number sign
    }
    let near_text = |c: Option<char>| c.is_some_and(|c| is_han(c) || c.is_ascii_digit());
    (near_text(before(chars, i)) || near_text(chars.get(end).copied())).then_some(end)
}

/// `×××同志` is a placeholder; `3×4` (digits on both sides) is a product; `数据要素×` (the
/// national “数据要素×” action, also unquoted: `数据要素×智能制造`) and a lone sign closing a
/// quoted name (`“……×”`) are names.
fn times_run(chars: &[char], i: usize) -> Option<usize> {
    let end = run(chars, i, |c| c == '×');
    let digit_before = before(chars, i).is_some_and(|c| c.is_ascii_digit());
    let digit_after = chars.get(end).is_some_and(|c| c.is_ascii_digit());
    // `划“×”`: the cross itself, quoted alone (a ballot's instructions).
    let quoted_alone = before(chars, i).is_some_and(|c| matches!(c, '“' | '"')) && chars.get(end).is_some_and(|&c| matches!(c, '”' | '"'));
    if end - i == 1 && ((digit_before && digit_after) || quoted_alone || closes_a_name(chars, i, end) || ends_with(chars, i, "数据要素"))
    {
        return None;
    }
    Some(end)
}

/// A single sign right before a closing quote, after text: the end of a quoted name
/// (`“数据要素×”`, `“415X”`, `“1+N+X”`), not a blank to fill.
fn closes_a_name(chars: &[char], i: usize, end: usize) -> bool {
    end - i == 1
        && i > 0
        && !matches!(chars[i - 1], '“' | '"' | '「' | '《')
        && chars.get(end).is_some_and(|&c| matches!(c, '”' | '"' | '」' | '》'))
}

fn is_x(c: char) -> bool {
    matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ')
}

/// Units and measure words a count stands before (`X名`, `X张`, `x万元`, `X%`), and the digits
/// of a Chinese numeral (`X四五`).
const UNITS: &str = "年月日号省市县区镇乡村局委厅办部处科名人个次届批期条项位家组轮张票级篇份台套件辆座间册本场户亩吨元角万亿千百倍岁周天%％一二三四五六七八九十两";

#[inline(always)]
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Runs of X: `XX省`, `20XX年`, `xx月`. A run inside a Latin word (`Excel`, `XXL`) is left
/// alone; a single `X` only counts where a number or place name is clearly expected, so that
/// `X光` and `3x4` stay quiet.
fn x_run(chars: &[char], i: usize) -> Option<usize> {
    let end = run(chars, i, |c| matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ'));
    let prev = before(chars, i);
    let next = chars.get(end).copied();
    if prev.is_some_and(is_latin) || next.is_some_and(is_latin) {
        return None;
    }
    if end - i >= 2 {
        return Some(end);
    }
    let digit_before = prev.is_some_and(|c| c.is_ascii_digit());
    let digit_after = next.is_some_and(|c| c.is_ascii_digit());
    if digit_before && digit_after {
        return None; // 3x4
    }
    // After digits, an X is part of a name (“415X”产业集群) unless a unit follows (3X名).
    // `201x 年`: a space may stand between the masked digit and its unit.
    let unit_after = next.is_some_and(|c| UNITS.contains(c))
        || (digit_before && next == Some(' ') && chars.get(end + 1).is_some_and(|&c| UNITS.contains(c)));
    // X:X, the two sides of a ratio.
    let colon = |c: Option<char>| c.is_some_and(|c| matches!(c, ':' | '：' | '∶'));
    let ratio = (colon(next) && chars.get(end + 1).is_some_and(|&c| is_x(c))) || (colon(prev) && i >= 2 && is_x(chars[i - 2]));
    let name_after = chars.get(end..end + 2).is_some_and(|w| w == ['同', '志']);
    (unit_after || ratio || name_after || prev == Some('第')).then_some(end)
}

/// `○○镇`, `〇〇同志`: circles used as a mask. Next to a Chinese numeral they are the digit
/// zero of a year or number (`二〇二三年`, and the common look-alike `二○二三年`).
fn circle_run(chars: &[char], i: usize) -> Option<usize> {
    let end = run(chars, i, |c| matches!(c, '○' | '〇'));
    // `打“〇”`: the circle itself, quoted alone (a ballot's instructions).
    let quoted_alone = before(chars, i).is_some_and(|c| matches!(c, '“' | '"')) && chars.get(end).is_some_and(|&c| matches!(c, '”' | '"'));
    if quoted_alone && end - i == 1 {
        return None;
    }
    let numeral = |c: Option<char>| c.is_some_and(|c| "一二三四五六七八九十零两".contains(c) || c.is_ascii_digit());
    (!numeral(before(chars, i)) && !numeral(chars.get(end).copied())).then_some(end)
}

fn underscore_run(chars: &[char], i: usize) -> Option<usize> {
    let end = run(chars, i, |c| matches!(c, '_' | '＿'));
    let full_width = chars[i..end].contains(&'＿');
    let near_han = before(chars, i).is_some_and(is_han) || chars.get(end).is_some_and(|&c| is_han(c));
    (end - i >= 2 || full_width || near_han).then_some(end)
}

/// A whole upper-case Latin word from `words` starting at `i`.
fn latin_word(chars: &[char], i: usize, words: &[&str]) -> Option<usize> {
    if before(chars, i).is_some_and(is_latin) {
        return None;
    }
    let end = run(chars, i, is_latin);
    let word: String = chars[i..end].iter().collect();
    words.contains(&word.as_str()).then_some(end)
}

/// Words that, alone in brackets, are an instruction to the drafter rather than text.
const INSTRUCTION_WORDS: &[&str] = &[
    "数字",
    "人数",
    "数量",
    "姓名",
    "名字",
    "名称",
    "单位",
    "单位名称",
    "日期",
    "时间",
    "年份",
    "地名",
    "地点",
    "金额",
    "内容",
    "具体内容",
    "具体数字",
    "具体时间",
    "具体日期",
];
const INSTRUCTION_MARKS: &[&str] = &["待补", "待填", "待定", "待核", "待确认", "填写", "填入", "输入", "补充"];

/// `【待补】`, `[填写内容]`, `{请输入}`, `（数字）`: a bracket pair whose content tells the
/// drafter what to write. Ordinary brackets (`（一）`, `（党组）`, `〔2023〕`) are left alone.
fn bracketed(chars: &[char], i: usize) -> Option<usize> {
    let close = match chars[i] {
        '【' => '】',
        '[' => ']',
        '［' => '］',
        '{' => '}',
        '｛' => '｝',
        '〖' => '〗',
        '（' => '）',
        '(' => ')',
        '〔' => '〕',
        _ => return None,
    };
    let len = chars[i + 1..].iter().take(21).position(|&c| c == close)?;
    let end = i + 1 + len + 1;
    let content: String = chars[i + 1..i + 1 + len].iter().collect();
    let content = content.trim();
    let is_braces = matches!(chars[i], '{' | '｛');
    // `示范区（单位）`, `先进集体（单位）`: after a place or body, `（单位）` names what else the
    // word covers, as `县（市）` does; it is no blank.
    let alternative = content == "单位" && before(chars, i).is_some_and(|c| "区县市镇乡村组所站局委厅办部处科室校院业体队点".contains(c));
    let asks = content.starts_with('请')
        || content.starts_with("此处")
        || INSTRUCTION_MARKS.iter().any(|m| content.contains(m))
        || (INSTRUCTION_WORDS.contains(&content) && !alternative);
    let masked = !content.is_empty() && content.chars().all(|c| matches!(c, '*' | '＊' | '×' | 'X' | 'x' | '□' | '_' | '＿' | '○'));
    let square = matches!(chars[i], '【' | '[' | '［' | '〖');
    // `（　　）名`: a blank to fill in. `main()` after a Latin word is code, not a blank.
    let blank = content.is_empty() && !(square || before(chars, i).is_some_and(|c| c.is_ascii_alphanumeric()));
    (is_braces || asks || masked || (square && content.is_empty()) || blank).then_some(end)
}

/// Build the finding, with a message that says what kind of value belongs there.
fn finding(chars: &[char], span: Span) -> Finding {
    let text: String = chars[span.start..span.end].iter().collect();
    let next = chars.get(span.end).copied();
    let next2: String = chars[span.end..].iter().take(2).collect();
    let what = if next.is_some_and(|c| "名人个次位项条件篇家所批期张票份台套万亿元%％".contains(c)) {
        "请填入具体数字，如“3名”或“两名”"
    } else if next.is_some_and(|c| "镇乡村街县区市省州".contains(c)) {
        "请填入地名"
    } else if next == Some('年') {
        "请填入四位数字的年份，如“2022年”"
    } else if next.is_some_and(|c| c == '月' || c == '日') {
        "请填入具体日期，如“2024年3月5日”"
    } else if next2 == "同志" {
        "请填入姓名"
    } else {
        "请填入实际内容"
    };
    Finding {
        rule: RULE,
        category: Category::Placeholder,
        severity: Severity::Error,
        message: format!("“{text}”是还没填的占位符：{what}。"),
        span,
        text,
        replacement: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        check(text, &mut out);
        out.into_iter().map(|f| (f.span.start, f.span.end, f.text)).collect()
    }

    /// Texts that must fire, with the exact flagged substrings in order.
    const HITS: &[(&str, &[&str])] = &[
        ("有计划组织*名干部参加培训", &["*"]),
        ("选派1名科级年轻干部到**镇挂职锻炼", &["**"]),
        ("##市委组织部", &["##"]),
        ("×××同志连续两年被列为人选", &["×××"]),
        ("召开××会议", &["××"]),
        ("XX省XX市", &["XX", "XX"]),
        ("现将**党工委领导班子20XX年以来", &["**", "20XX"]),
        ("于xx月xx日召开", &["xx", "xx"]),
        // Issue #23: word placeholders in 〔〕 and 【】, and a masked digit before a space.
        ("根据X委〔年份〕XX号文件精神", &["X", "〔年份〕", "XX"]),
        ("结合【单位名称】实际", &["【单位名称】"]),
        ("由【单位名称】负责牵头，201x 年底前完成", &["【单位名称】", "201x"]),
        ("2018年×月×日", &["×", "×"]),
        ("共有＊名同志", &["＊"]),
        ("选派□名干部", &["□"]),
        ("到___镇挂职", &["___"]),
        ("到＿＿镇挂职", &["＿＿"]),
        ("共【待补】人", &["【待补】"]),
        ("[填写内容]", &["[填写内容]"]),
        ("{请输入}", &["{请输入}"]),
        ("选派（数字）名干部", &["（数字）"]),
        ("数据TBD", &["TBD"]),
        ("市委第×巡察组：", &["×"]),
        ("20**年以来", &["20**"]),
        ("由（单位名称）负责", &["（单位名称）"]),
        ("X镇挂职", &["X"]),
        ("（  ）名干部参加挂职锻炼", &["（  ）"]),
        ("召开会议（　　）次", &["（　　）"]),
        ("共（）人", &["（）"]),
        ("选派○○名干部到〇〇镇", &["○○", "〇〇"]),
        ("20__年以来", &["20__"]),
        ("市委第X巡察组", &["X"]),
        ("覆盖率达X%", &["X"]),
        ("共发出选票X张，收回X张", &["X", "X"]),
        ("得赞成票X票", &["X"]),
        ("获评X级奖励", &["X"]),
        ("发表理论文章X篇", &["X"]),
        ("增长x%", &["x"]),
        ("投入资金x万元", &["x"]),
        ("按照X:X的差额比例进行考察", &["X", "X"]),
        ("科学编制“X四五”规划", &["X"]),
        ("选派3X名干部", &["3X"]),
        ("X同志获得赞成票X票", &["X", "X"]),
    ];

    /// Texts that must not fire: the traps.
    const MISSES: &[&str] = &[
        "二〇二三年三月",
        "面积为3×4平方米",
        "某发〔2026〕5号文件",
        "某发〔2026〕5号文件，党委（党组）〔2024〕",
        "2019年到2020年 x 轴",
        "学习Excel和XXL尺码",
        "创新建立“5＋5”工作机制",
        "某某同志",
        "第一，一是强化领导班子建设。",
        "《党委（党组）讨论决定干部任免事项守则》",
        "（一）强组织建设，厚植干部培养基础",
        "县（市）、乡镇双向互挂",
        "接受X光检查",
        "3x4的表格",
        "file_name",
        "TBDX is a word",
        "2022年以来，选派1名干部到某镇挂职",
        "二○二三年三月",
        "二〇〇八年",
        "在3#楼会议室召开",
        "调用main()函数",
        "乡镇（街道）、村（社区）",
        "第XII届",
        "实施“数据要素×”行动",
        "数据要素×智能制造、数据要素×智慧农业",
        "发展“人工智能+”",
        "打造“415X”先进制造业集群",
        "加快打造“555X”产业集群",
        "415X产业集群",
        "构建“1+N+X”政策体系",
        "推荐人选按2.50:1的比例差额考察",
        "iPhone X:新品",
        "不同意的在候选人姓名下方的空格内划“×”",
        "赞成的画“○”，弃权的打“〇”",
        "全国民族团结进步模范、示范区（单位）数量均居第一方阵",
        "评选先进集体（单位）",
    ];

    #[test]
    fn hits_fire_at_their_exact_spans() {
        for (text, expected) in HITS {
            let got: Vec<String> = spans(text).into_iter().map(|s| s.2).collect();
            assert_eq!(&got, expected, "in {text:?}");
        }
    }

    #[test]
    fn traps_do_not_fire() {
        for text in MISSES {
            assert_eq!(spans(text), vec![], "false alarm in {text:?}");
        }
    }

    #[test]
    fn spans_count_characters() {
        assert_eq!(spans("现将**党工委领导班子20XX年以来"), vec![(2, 4, "**".to_string()), (11, 15, "20XX".to_string())]);
    }

    #[test]
    fn messages_say_what_to_fill_in() {
        let mut out = Vec::new();
        check("到**镇，*名，20XX年，×××同志", &mut out);
        let msgs: Vec<&str> = out.iter().map(|f| f.message.as_str()).collect();
        assert!(msgs[0].contains("地名"), "{msgs:?}");
        assert!(msgs[1].contains("数字"), "{msgs:?}");
        assert!(msgs[2].contains("年份"), "{msgs:?}");
        assert!(msgs[3].contains("姓名"), "{msgs:?}");
    }

    #[test]
    fn seed_report_masks_are_all_found() {
        let seed = include_str!("../../../tests/fixtures/seed-report.txt");
        let mut out = Vec::new();
        check(seed, &mut out);
        let texts: Vec<&str> = out.iter().map(|f| f.text.as_str()).collect();
        // Two `*` counts, five `**` towns/name, one `*` 科级 count in the seed body.
        assert_eq!(texts, vec!["*", "*", "**", "**", "**", "*", "**", "**"]);
    }
}
