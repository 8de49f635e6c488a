//! A stray Latin letter glued to Chinese text: `v市委巡察组：` (the reference report's own), a
//! key pressed while the input method was switched to Latin (`市委w巡察组`).
//!
//! What fires (`latin-stray`, warning): a single Latin letter — no other letter or digit
//! next to it — glued to a Han character on one side, with Chinese text or the line's edge on
//! the other. A lower-case letter fires wherever it is so glued; an upper-case one only at the
//! start of a line (`V市委巡察组`), since inside a sentence it is usually meant (`A股`, `维生素C`).
//! Fix: delete the letter, offered where that is clearly right — a lower-case letter before a
//! Han character, at the start of a line or after Chinese text (`v市委` → `市委`). Elsewhere
//! (`市委v`) only the clerk knows whether a word was cut off.
//!
//! Not findings: words and abbreviations (`PPT`, `GDP`, `APP`, `QQ`, `Excel`, `Word`, `5G`,
//! `x86`, `IPv6`: two or more letters or digits together), a letter standing alone between
//! spaces, letters in known terms (`A股`, `B超`, `T恤`, `U盘`, `K线`, `C位`, `Z世代`, `A级`,
//! `B类`), letters listed or compared (`A、B两类`, `A和B`), `e`/`i` prefixes of services
//! (`e政务`, `i深圳`), and `X`/`x`, left to the placeholder rule (`X光`, `X名`).
//!
//! The table at the bottom shows what fires and what must not.
use super::scan::{at, before, finding, is_cjk_punct, is_latin};
use super::{Category, Finding, Severity};
use crate::domain::model::text::{is_han, Span};

pub const STRAY: &str = "latin-stray";

/// Han characters that make a term with a single letter before them (`A股`, `B超`, `C位`).
const TERM_AFTER: &str = "股超光恤盘线版币位型字形级类区座栋楼号岗角档端世";
/// Words that join letters as items (`A、B两类`, `A和B`, `A或B`).
const JOINERS: &str = "、和与或及至到比";

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

/// `check` over a text's characters (`check::check_chars` collects them once for every family).
pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    for (i, &c) in chars.iter().enumerate() {
        if !is_latin(c) || matches!(c, 'X' | 'x' | 'Ｘ' | 'ｘ' | 'e' | 'i' | 'ｅ' | 'ｉ') {
            continue;
        }
        let (prev, next) = (before(chars, i), at(chars, i + 1));
        let word = |c: Option<char>| {
            c.is_some_and(|c| {
                (c.is_alphanumeric() && !is_han(c)) || matches!(c, '.' | '-' | '_' | '/' | '@' | '+' | '#' | '&' | '\'' | '’')
            })
        };
        if word(prev) || word(next) {
            continue; // part of a word, a code or an address
        }
        let han = |c: Option<char>| c.is_some_and(is_han);
        let edge = |c: Option<char>| c.is_none_or(|c| matches!(c, '\n' | '\r'));
        let chinese = |c: Option<char>| han(c) || c.is_some_and(|c| is_cjk_punct(c) && !JOINERS.contains(c));
        let joined = |c: Option<char>| c.is_some_and(|c| JOINERS.contains(c));
        let glued = (han(next) && (edge(prev) || chinese(prev))) || (han(prev) && (edge(next) || chinese(next)));
        let term = next.is_some_and(|n| TERM_AFTER.contains(n));
        let upper = c.is_uppercase();
        if !glued || term || joined(prev) || joined(next) || (upper && !(edge(prev) && han(next))) {
            continue;
        }
        let clearly_stray = !upper && han(next) && (edge(prev) || chinese(prev));
        let message = if clearly_stray {
            format!("“{c}”是夹在中文里的拉丁字母，多半是输入法多打的，请删除。")
        } else {
            format!("中文里夹着一个拉丁字母“{c}”，请确认是不是多打了或少打了字。")
        };
        let fix = clearly_stray.then(String::new);
        out.push(finding(STRAY, Category::Character, Severity::Warning, chars, Span::new(i, i + 1), message, fix));
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::{assert_hits, assert_misses, found, Expected};
    use super::*;

    const HITS: &[(&str, Expected)] = &[
        // The reference report's addressee.
        ("v市委巡察组：", &[(STRAY, "v", Some(""))]),
        ("V市委巡察组：", &[(STRAY, "V", None)]),
        ("市委w巡察组：", &[(STRAY, "w", Some(""))]),
        ("坚持党管干部原则。s加强干部培养。", &[(STRAY, "s", Some(""))]),
        ("选派干部到基层锻炼a", &[(STRAY, "a", None)]),
        ("选派干部到基层锻炼d。", &[(STRAY, "d", None)]),
        ("（一）q强组织建设", &[(STRAY, "q", Some(""))]),
        ("市委ｖ巡察组", &[(STRAY, "ｖ", Some(""))]),
    ];

    const MISSES: &[&str] = &[
        "组织干部制作PPT课件",
        "GDP增长5.2%",
        "开发政务APP",
        "推进5G网络建设",
        "通过QQ群通知",
        "学习Excel和Word操作",
        "支持x86架构",
        "推动IPv6规模部署",
        "A股上市公司",
        "开展B超检查",
        "购买T恤",
        "禁止使用U盘",
        "维生素C",
        "站C位",
        "Z世代青年",
        "创建国家4A级旅游景区",
        "A级纳税人",
        "分为A、B两类",
        "A和B两个方案",
        "接受X光检查",
        "选派X名干部",
        "建设e政务平台",
        "使用 Word 文档",
        "第 a 项",
        "PM2.5浓度下降",
        "Wi-Fi全覆盖",
        "C++课程",
        "市委巡察组：",
        "邮箱zzb@a.cn",
        "方案A",
        "甲乙两级",
        "",
    ];

    #[test]
    fn table() {
        assert_hits(|t| found(check, t), HITS);
        assert_misses(|t| found(check, t), MISSES);
    }

    #[test]
    fn the_fix_leaves_the_chinese_text() {
        let text = "v市委巡察组：";
        let mut out = Vec::new();
        check(text, &mut out);
        let fixed = crate::domain::model::text::replace_chars(text, out[0].span, out[0].replacement.as_deref().unwrap_or("?"));
        assert_eq!(fixed, "市委巡察组：");
    }
}
