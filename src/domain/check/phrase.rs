//! Fixed 公文 phrases with one character wrong, missing or extra (edit distance 1), or two
//! neighbours swapped:
//! `尊法学法守法用发`, `我为群众办事实`, `习近平新世代中国特色社会主义思想`.
//!
//! How it is found: a phrase of n ≥ 6 characters, cut into a first and a second half; one edit
//! leaves one half intact, so each half is looked for (`scan::Anchored`: by its first two
//! characters), and the text around a found half is compared with the whole phrase. A place is
//! reported only when the phrase itself is not there, the difference is one Han character (not a
//! mark: `我为群众办实”` is the phrase cut short, reported as a missing character), and the text
//! is not another phrase that is right in itself (`ALSO_RIGHT`: `全面从严治警`). A term that a
//! longer word may continue is only reported for a change inside it (`意识形态工作责任清单` is
//! right); the closed sayings (`SAYINGS`) at their ends too.
//!
//! Rule `phrase-typo`, a **warning**: the phrases are fixed, so one character off is very likely a
//! slip, but a sentence can hold a near phrase on purpose. Fix: the phrase. The
//! `formulation` rules' own texts (the “四个意识” list, the thought's name) are theirs: a place they
//! already report is not reported again.
use super::scan::{finding, overlaps, within_distance, Anchored};
use super::{Category, Finding, Severity};
use crate::domain::model::text::{is_han, Span};

pub const RULE: &str = "phrase-typo";

/// Phrases of the Party's and the government's documents and of the genres the desk serves
/// (the 19th and 20th congress reports, 党史学习教育, 民主生活会 and 述职 wording), each at least six
/// characters long.
#[rustfmt::skip]
pub const PHRASES: &[&str] = &[
    "习近平新时代中国特色社会主义思想", "尊法学法守法用法", "我为群众办实事", "全面从严治党", "党风廉政建设",
    "中央八项规定精神", "以人民为中心的发展思想", "不忘初心、牢记使命", "推进国家治理体系和治理能力现代化",
    "坚持稳中求进工作总基调", "完整准确全面贯彻新发展理念", "加快构建新发展格局", "铸牢中华民族共同体意识",
    "全过程人民民主", "推动构建人类命运共同体", "统筹发展和安全", "意识形态工作责任制", "形式主义、官僚主义",
    "批评和自我批评", "惩前毖后、治病救人", "严以修身、严以用权、严以律己", "谋事要实、创业要实、做人要实",
    "政治判断力、政治领悟力、政治执行力", "新时代党的建设总要求", "全面建设社会主义现代化国家", "实现中华民族伟大复兴",
    "为中国人民谋幸福、为中华民族谋复兴", "一张蓝图绘到底", "功成不必在我", "守土有责、守土负责、守土尽责",
    "打铁必须自身硬", "严管就是厚爱", "坚持和加强党的全面领导", "全面从严治党主体责任", "党风廉政建设主体责任",
    "干部选拔任用工作", "民主集中制原则", "急难愁盼问题", "乡村振兴战略", "中国式现代化",
    "习近平总书记重要讲话精神", "党的二十大精神", "不敢腐、不能腐、不想腐", "一体推进不敢腐、不能腐、不想腐",
    "学思想、强党性、重实践、建新功", "学史明理、学史增信、学史崇德、学史力行", "清单化管理、项目化推进",
    "防范化解重大风险", "巩固拓展脱贫攻坚成果", "同乡村振兴有效衔接", "生态文明建设", "绿水青山就是金山银山",
    // 党章 and the congress reports' terms with 社会主义 inside (`社会网主义市场经济`).
    // 统计用语 and 党建 terms (国家统计局 indicator names; 十七届四中全会: 学习型党组织).
    "人均可支配收入", "学习型党组织",
    "中国特色社会主义", "社会主义市场经济", "社会主义核心价值观", "社会主义现代化", "社会主义民主政治", "社会主义法治国家",
];

/// The phrases that are closed sayings: no longer word continues them, so a change at their
/// first or last character is a slip too. The others are terms, changed only inside.
const SAYINGS: &[&str] = &[
    "习近平新时代中国特色社会主义思想",
    "尊法学法守法用法",
    "我为群众办实事",
    "不忘初心、牢记使命",
    "惩前毖后、治病救人",
    "严以修身、严以用权、严以律己",
    "谋事要实、创业要实、做人要实",
    "政治判断力、政治领悟力、政治执行力",
    "为中国人民谋幸福、为中华民族谋复兴",
    "一张蓝图绘到底",
    "功成不必在我",
    "守土有责、守土负责、守土尽责",
    "打铁必须自身硬",
    "严管就是厚爱",
    "不敢腐、不能腐、不想腐",
    "学思想、强党性、重实践、建新功",
    "学史明理、学史增信、学史崇德、学史力行",
    "绿水青山就是金山银山",
];

/// Texts one edit away from a phrase that are right in themselves.
const ALSO_RIGHT: &[&str] = &[
    "全面从严治警",
    "全面从严治军",
    "全面从严治校",
    "全面从严治检",
    "全面从严治院",
    "党风政风建设",
    "全面从严管党",
    "我为企业办实事",
    "我为基层办实事",
];

/// Halves of the phrases long enough to check: (phrase, is it the first half?).
struct Halves {
    terms: Anchored,
    /// Each phrase's characters (decoded once, not at every half found).
    phrases: Vec<Vec<char>>,
    words: Vec<String>,
    of: Vec<(usize, bool)>,
}

fn halves() -> &'static Halves {
    static HALVES: std::sync::OnceLock<Halves> = std::sync::OnceLock::new();
    HALVES.get_or_init(|| {
        let mut words = Vec::new();
        let mut of = Vec::new();
        for (k, p) in PHRASES.iter().enumerate() {
            let c: Vec<char> = p.chars().collect();
            if c.len() < 6 {
                continue;
            }
            let mid = c.len() / 2;
            words.push(c[..mid].iter().collect::<String>());
            of.push((k, true));
            words.push(c[mid..].iter().collect::<String>());
            of.push((k, false));
        }
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let phrases = PHRASES.iter().map(|p| p.chars().collect()).collect();
        Halves { terms: Anchored::new(&refs), phrases, of, words: words.clone() }
    })
}

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    let mut hits: Vec<(usize, usize)> = Vec::new();
    halves().terms.each_match(chars, |k, start| hits.push((k, start)));
    report(chars, hits, out);
}

/// The halves this rule looks for (`hits` name them by their index here).
pub(super) fn words_looked_for() -> Vec<String> {
    halves().words.clone()
}

/// The findings for the places `(half, start)` where the halves were found.
pub(super) fn report(chars: &[char], mut hits: Vec<(usize, usize)>, out: &mut Vec<Finding>) {
    let h = halves();
    if hits.is_empty() {
        return;
    }
    // Longer phrases first: `党风廉政建设主体责任` is reported as itself, not as `党风廉政建设`.
    hits.sort_unstable_by_key(|&(k, start)| (usize::MAX - PHRASES[h.of[k].0].len(), start));
    let mut found: Vec<Finding> = Vec::new();
    for (k, start) in hits {
        let (p, first) = h.of[k];
        let phrase: &[char] = &h.phrases[p];
        let n = phrase.len();
        let mid = n / 2;
        // Windows of n, n - 1 and n + 1 characters that hold the found half where the phrase does.
        let candidates: [Option<Span>; 3] = if first {
            [Some(Span::new(start, start + n)), Some(Span::new(start, start + n - 1)), Some(Span::new(start, start + n + 1))]
        } else {
            let end = start + (n - mid);
            [
                end.checked_sub(n).map(|s| Span::new(s, end)),
                end.checked_sub(n - 1).map(|s| Span::new(s, end)),
                end.checked_sub(n + 1).map(|s| Span::new(s, end)),
            ]
        };
        // The phrase itself, right here: nothing to say.
        let exact = |s: Span| s.end <= chars.len() && chars[s.start..s.end] == phrase[..];
        if candidates.iter().flatten().any(|&s| exact(s)) {
            continue;
        }
        for span in candidates.into_iter().flatten() {
            // A variant shorter than six characters may be a phrase of its own (`中国现代化`).
            if span.end > chars.len() || span.len() < 6 {
                continue;
            }
            let window = &chars[span.start..span.end];
            // Every character of the window is Han or the phrase's own marks; the ends are Han.
            let own = |c: char| is_han(c) || phrase.contains(&c);
            if !window.iter().all(|&c| own(c)) || !is_han(window[0]) || !is_han(window[window.len() - 1]) {
                continue;
            }
            if !within_distance(window, phrase, 1) && !swapped(window, phrase) {
                continue;
            }
            // The whole phrase a few characters away: the place is right (looked at only now, for
            // the few windows one edit away, not for every half found).
            if near_exact(chars, start, phrase) {
                break;
            }
            // A term that a longer word may continue (`意识形态工作责任制` → `意识形态工作责任清单`) is
            // only reported for a change inside it; a saying (`尊法学法守法用法`) at its ends too.
            let edge = window[0] != phrase[0] || window[window.len() - 1] != phrase[n - 1];
            if edge && !SAYINGS.contains(&PHRASES[p]) {
                continue;
            }
            let text: String = window.iter().collect();
            if ALSO_RIGHT.contains(&text.as_str()) || only_a_joining_word(window, phrase) || overlaps(out, span) || overlaps(&found, span) {
                break;
            }
            let right = PHRASES[p];
            let msg = format!("“{text}”与固定提法“{right}”差一个字，请核对。");
            found.push(finding(RULE, Category::Wording, Severity::Warning, chars, span, msg, Some(right.to_string())));
            break;
        }
    }
    out.extend(found);
}

/// Two neighbouring characters swapped (`办事实` for `办实事`): one slip, though two edits.
fn swapped(window: &[char], phrase: &[char]) -> bool {
    if window.len() != phrase.len() {
        return false;
    }
    let diff: Vec<usize> = (0..window.len()).filter(|&k| window[k] != phrase[k]).collect();
    diff.len() == 2 && diff[1] == diff[0] + 1 && window[diff[0]] == phrase[diff[1]] && window[diff[1]] == phrase[diff[0]]
}

/// Does the window differ from the phrase only in a joining word (`和` for `与`, `、` for `和`,
/// a `的` more or less)? `批评与自我批评`, `统筹发展与安全` are the phrase, worded freely.
fn only_a_joining_word(window: &[char], phrase: &[char]) -> bool {
    let joining = |c: char| "和与、及同的之并".contains(c);
    let first = window.iter().zip(phrase).position(|(a, b)| a != b).unwrap_or(window.len().min(phrase.len()));
    match window.len().cmp(&phrase.len()) {
        std::cmp::Ordering::Equal => joining(window[first]) && joining(phrase[first]),
        std::cmp::Ordering::Greater => joining(window[first]),
        std::cmp::Ordering::Less => joining(phrase[first]),
    }
}

/// The whole phrase starts a few characters before or after the half that was found (the
/// half occurs twice, or the phrase overlaps a window): then the place is right.
fn near_exact(chars: &[char], start: usize, phrase: &[char]) -> bool {
    let n = phrase.len();
    (start.saturating_sub(n + 1)..=start + 1)
        .any(|s| s + n <= chars.len() && chars[s..s + n] == phrase[..] && s <= start + n && s + n >= start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::check::table::{self, Expected, Found};

    fn found(text: &str) -> Found {
        table::found(check, text)
    }

    #[rustfmt::skip]
    const HITS: &[(&str, Expected)] = &[
        ("带头尊法学法守法守法，任何组织", &[(RULE, "尊法学法守法守法", Some("尊法学法守法用法"))]),
        ("努力使尊法学法守法用发在全社会蔚然成风", &[(RULE, "尊法学法守法用发", Some("尊法学法守法用法"))]),
        ("深入开展“我为群众办事实”实践活动", &[(RULE, "我为群众办事实", Some("我为群众办实事"))]),
        ("扎实开展“我为群众办实”实践活动", &[(RULE, "我为群众办实", Some("我为群众办实事"))]),
        ("学习习近平新世代中国特色社会主义思想", &[(RULE, "习近平新世代中国特色社会主义思想", Some("习近平新时代中国特色社会主义思想"))]),
        ("落实党风廉正建设主体责任", &[(RULE, "党风廉正建设主体责任", Some("党风廉政建设主体责任"))]),
        ("坚持以人民未中心的发展思想", &[(RULE, "以人民未中心的发展思想", Some("以人民为中心的发展思想"))]),
        ("农民人均可支配性收入达5946元", &[(RULE, "人均可支配性收入", Some("人均可支配收入"))]),
        ("推进学习型党委织建设", &[(RULE, "学习型党委织", Some("学习型党组织"))]),
        ("坚持和发展中国特色社会网主义", &[(RULE, "中国特色社会网主义", Some("中国特色社会主义"))]),
    ];

    const MISSES: &[&str] = &[
        "带头尊法学法守法用法，任何组织",
        "深入开展“我为群众办实事”实践活动",
        "全面从严治警，全面从严治党",
        "开展“我为企业办实事”活动",
        "习近平新时代中国特色社会主义思想",
        "推动高质量发展，推动经济高质量发展",
        "党风廉政建设和反腐败工作",
        "以人民为中心的发展思想",
        "批评与自我批评，统筹发展与安全，形式主义和官僚主义，全面从严治军",
        "推进中国现代化建设",
        "落实意识形态工作责任清单，压实意识形态工作责任",
        "坚持以人民为中心的发展思路",
        "建设学习型党委，学习型党支部，城镇居民人均可支配收入",
        "有中国特色的社会主义，社会主义现代化强国",
    ];

    #[test]
    fn hits_fire_at_their_exact_spans() {
        table::assert_hits(found, HITS);
    }

    #[test]
    fn traps_do_not_fire() {
        table::assert_misses(found, MISSES);
    }

    #[test]
    fn phrases_are_long_enough() {
        for p in PHRASES {
            assert!(p.chars().count() >= 6, "{p}");
        }
    }
}
