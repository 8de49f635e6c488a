//! Wording a proofreader marks that is neither a confusable character nor a fixed phrase one
//! character off (issue #23, the slips labelled `other`): two words in the place of one (`现就将`,
//! `开展完成`, `实施构建`), a word cut short at a clause start (`；关单位`), a set phrase split by
//! `了` (`查漏了补缺`), a term of the genre cut (`审计“半篇文章”`), two `及` joining one list
//! (`问题及点位及区委`), a collocation the dictionary marks as pejorative (`膨胀发展`).
//!
//! Every entry names its source and the reason it is wrong; an entry fires only in the context it
//! names, so that the right text in another sense stays quiet (`现就将于明年实施`, `机关单位`,
//! `后半篇文章`, `以及`, `涉及`).
//!
//! Rule `usage`, a **warning** (policy on `check::Severity`): each form is very likely wrong, but
//! a sentence can be read another way. The fix is the right wording where there is one.
use super::scan::{at, before, ends_with, finding, is_cn_numeral, starts_with};
use super::{Category, Finding, Severity};
use crate::domain::model::text::{is_han, Span};

pub const RULE: &str = "usage";

#[derive(Clone, Copy)]
enum When {
    Always,
    /// At a clause start (after a mark or at the text's start): the word before it is cut.
    ClauseStart,
    /// Unless the character before is one of these.
    NotAfter(&'static str),
    /// Unless one of these words follows.
    NotBefore(&'static [&'static str]),
    /// A `及` joining items when another `及` joined items of the same clause just before it.
    SecondJi,
    /// `及和`: the 及 joins items (not the end of `涉及`, `普及`).
    JiHe,
    /// Only after one of these words.
    After(&'static [&'static str]),
    /// `余` before a unit with no number before it (`征地余亩`): the number is missing.
    NoNumber,
    /// Only when this word follows within the clause, at most ten characters on (`掀起……氛围`).
    FollowedBy(&'static str),
    /// `明确以……的主题`: a `以……为` frame whose `为` became `的` (no `为` between, none after).
    YiDe,
}

type Entry = super::word_list::Entry<When>;

/// An entry of this family: every one is a warning; `source` says why the wording is wrong and
/// where that is written (`word_list`).
const fn e(wrong: &'static str, right: &'static str, when: When, source: &'static str) -> Entry {
    super::word_list::entry(wrong, right, when, Severity::Warning, source)
}

const TWO_VERBS: &str = "两个动词带一个宾语，留一个（吕叔湘《现代汉语八百词》、张志公《现代汉语》“搭配不当·成分多余”）";

const YI_WEI: &str = "“以……为……”格式（明确以……为主题、坚持以……为重点）：“为”误作“的”（吕叔湘《现代汉语八百词》“以”条）";

#[rustfmt::skip]
const ENTRIES: &[Entry] = &[
    e("现就将", "现将", When::NotBefore(&["于", "要", "在", "会", "来"]), "两个介词叠用：“现就××问题报告如下”或“现将××报告如下”（党政机关公文惯用语）"),
    e("开展完成", "完成", When::Always, TWO_VERBS),
    e("实施构建", "构建", When::Always, TWO_VERBS),
    e("进行开展", "开展", When::Always, TWO_VERBS),
    e("开展进行", "开展", When::Always, TWO_VERBS),
    e("关单位", "有关单位", When::ClauseStart, "“关单位”不成词：句首缺“有”或“相”（有关单位、相关单位）"),
    e("关部门", "有关部门", When::ClauseStart, "“关部门”不成词：句首缺“有”或“相”（有关部门、相关部门）"),
    e("半篇文章", "后半篇文章", When::NotAfter("前后上下这两一"), "巡视巡察整改的提法是“后半篇文章”（中央巡视工作领导小组：做好巡视整改“后半篇文章”）"),
    e("查漏了补缺", "查漏补缺", When::Always, "成语“查漏补缺”不拆开加“了”（现代汉语词典（第7版））"),
    e("立行了立改", "立行立改", When::Always, "固定说法“立行立改”不拆开加“了”"),
    e("攻坚了克难", "攻坚克难", When::Always, "成语“攻坚克难”不拆开加“了”"),
    e("凝心了聚力", "凝心聚力", When::Always, "固定说法“凝心聚力”不拆开加“了”"),
    e("膨胀发展", "快速发展", When::Always, "现代汉语词典（第7版）“膨胀”：比喻事物扩大增长（多用于贬义：通货膨胀、机构膨胀），不与“发展”搭配称赞成绩"),
    e("工作情况下半年", "工作情况和下半年", When::Always, "半年总结的惯用标题“上半年工作情况和下半年工作打算”：两项之间缺“和”"),
    e("、派、工商联", "、各民主党派、工商联", When::Always, "政府工作报告致谢的惯用列举“各民主党派、工商联、无党派人士”：“派”前缺“各民主党”"),
    e("及和", "及", When::JiHe, "两个连词叠用（7个乡镇及和10个村）：留一个（吕叔湘《现代汉语八百词》“及”“和”条）"),
    e("由的", "由", When::NotAfter("理自缘事来因经原不任听无"), "介词“由”后面直接接起点（比重由19:37:44优化为……），多了“的”"),
    e("。并", "，并", When::NotBefore(&["且"]), "连词“并”连接两个谓语，不开头一个句子：前一个句号截断了句子（并就……作出部署），改为逗号"),
    e("习关于", "习近平总书记关于", When::After(&["落实", "贯彻", "践行", "领会"]), "领导人的姓名不能截断：贯彻落实习近平总书记关于……的重要指示批示精神（党政机关公文规范）"),
    e("余", "", When::NoNumber, "“余”用在数词后面表示零头（十余亩、万余户）；前面没有数字，是数字漏写了（现代汉语词典（第7版）“余”条）"),
    e("掀起", "营造", When::FollowedBy("氛围"), "搭配：掀起……热潮、营造……氛围（现代汉语词典（第7版）“掀起”“营造”条）"),
    e("的主题", "为主题", When::YiDe, YI_WEI),
    e("的主线", "为主线", When::YiDe, YI_WEI),
    e("的重点", "为重点", When::YiDe, YI_WEI),
    e("的抓手", "为抓手", When::YiDe, YI_WEI),
    e("及", "、", When::SecondJi, "一个列举里连用两个“及”（甲及乙及丙）：前面的改为“、”或“和”（吕叔湘《现代汉语八百词》“及”条：连接并列成分，多用于最后两项之间）"),
];

/// `及` starting a word rather than joining items (`及时`, `及早`, `及格`…).
const JI_WORD_NEXT: &str = "时早格至第物冠笄门锋";
/// `及` ending a word (`以及`, `涉及`, `普及`, `危及`…): not a 及 joining items.
const JI_WORD_PREV: &str = "以涉普危顾波殃不企触提论惠遍累推旁言兼来溯追所力莫未鞭";

/// Verbs that open a `以……为……` frame (`明确以……为主题`).
const FRAME_VERBS: &[&str] = &["明确", "确定", "确立", "坚持", "突出", "紧扣", "始终"];

/// Units that `余` stands before after a number (`10余亩`, `万余户`).
const UNITS: &str = "亩人个家次项户元吨处件篇条场所名位批座栋间";
/// Words ending in `余` that are no approximation (`其余`, `业余`, `剩余`, `结余`…).
const REMAINDER: &str = "其业剩结盈节残多富宽空有之课茶饭";

/// The words this rule looks for (`hits` name them by their index here).
pub(super) fn words_looked_for() -> Vec<&'static str> {
    ENTRIES.iter().map(|e| e.wrong).collect()
}

pub fn check(text: &str, out: &mut Vec<Finding>) {
    // The checker finds the words in its one search for all word rules (`check::word_rules`);
    // this entry point, for the tests and the benchmarks, keeps its own.
    static WORDS: std::sync::OnceLock<super::scan::Anchored> = std::sync::OnceLock::new();
    let search = WORDS.get_or_init(|| super::scan::Anchored::new(&words_looked_for()));
    let chars = super::scan::chars_of(text);
    let mut hits = Vec::new();
    search.each_match(&chars, |k, start| hits.push((k, start)));
    report(&chars, hits, out);
}

/// The findings for the places `(entry, start)` where the words were found, in text order.
pub(super) fn report(chars: &[char], hits: Vec<(usize, usize)>, out: &mut Vec<Finding>) {
    for (k, start) in hits {
        let entry = &ENTRIES[k];
        let end = start + entry.wrong.chars().count();
        if !wrong_here(chars, start, end, entry.when) {
            continue;
        }
        let (w, r) = (entry.wrong, entry.right);
        let msg = match entry.when {
            When::SecondJi => "一个列举里连用了两个“及”：前面的“及”宜改为“、”或“和”，只在最后两项之间用“及”。".to_string(),
            When::ClauseStart => format!("“{w}”不成词，像是缺了字：应为“{r}”（或“相{w}”）。"),
            When::NoNumber => "“余”前面缺少数字（如“10余亩”），请补上。".to_string(),
            When::FollowedBy(word) => format!("“{w}”与“{word}”不搭配：营造……氛围，或掀起……热潮。"),
            When::After(_) => format!("这里像是截断了：应为“{r}”。"),
            _ => format!("“{w}”用词不当，应为“{r}”。"),
        };
        let fix = (!r.is_empty()).then(|| r.to_string());
        out.push(finding(RULE, Category::Wording, entry.severity, chars, Span::new(start, end), msg, fix));
    }
}

fn is_ji_conjunction(chars: &[char], i: usize) -> bool {
    chars[i] == '及'
        && !before(chars, i).is_some_and(|c| JI_WORD_PREV.contains(c))
        && !at(chars, i + 1).is_some_and(|c| JI_WORD_NEXT.contains(c))
}

fn wrong_here(chars: &[char], start: usize, end: usize, when: When) -> bool {
    match when {
        When::Always => true,
        When::ClauseStart => before(chars, start).is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric()),
        When::NotAfter(set) => !before(chars, start).is_some_and(|c| set.contains(c)),
        When::NotBefore(words) => !words.iter().any(|w| starts_with(chars, end, w)),
        When::JiHe => is_ji_conjunction(chars, start),
        When::After(words) => words.iter().any(|w| ends_with(chars, start, w)),
        When::NoNumber => {
            at(chars, end).is_some_and(|c| UNITS.contains(c))
                && before(chars, start).is_some_and(|c| is_han(c) && !is_cn_numeral(c) && !REMAINDER.contains(c))
        }
        When::FollowedBy(word) => {
            let clause = chars[end..].iter().take(12).take_while(|&&c| is_han(c)).count();
            (0..=clause.saturating_sub(word.chars().count())).any(|k| starts_with(chars, end + k, word))
        }
        When::YiDe => {
            if at(chars, end).is_some_and(|c| c == '为' || c == '是') {
                return false;
            }
            // Back over the clause (quotes included) to a 以 after a verb of choosing; a 为 on the way
            // means the frame is whole.
            let mut i = start;
            while i > 0 && start - i < 24 && !matches!(chars[i - 1], '，' | '。' | '；' | '：' | '\n' | '为') {
                i -= 1;
                if chars[i] == '以' && FRAME_VERBS.iter().any(|w| ends_with(chars, i, w)) {
                    return true;
                }
            }
            false
        }
        When::SecondJi => {
            // Another joining 及 within the same run of Chinese characters, at most 12 back.
            if !is_ji_conjunction(chars, start) {
                return false;
            }
            let mut i = start;
            while i > 0 && start - i < 12 && is_han(chars[i - 1]) {
                i -= 1;
                if i + 1 < start && is_ji_conjunction(chars, i) {
                    return true;
                }
            }
            false
        }
    }
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
        // held6 (guanshanwenku.com 镇2023上半年工作开展情况).
        ("全镇上下凝心聚力，现就将上半年工作进展情况汇报如下：", &[(RULE, "现就将", Some("现将"))]),
        // haowendang.cn 街道社区发展办工作总结.
        ("开展完成村（社区）建制调整改革，创新实施构建“三社联动”治理模式", &[(RULE, "开展完成", Some("完成")), (RULE, "实施构建", Some("构建"))]),
        ("认真进行开展自查自纠", &[(RULE, "进行开展", Some("开展"))]),
        // ruijin.gov.cn 审计查出问题整改情况的报告.
        ("确保每个问题整改落实到位；关单位和部门认真研究", &[(RULE, "关单位", Some("有关单位"))]),
        ("关部门要加强监管", &[(RULE, "关部门", Some("有关部门"))]),
        ("做好审计“半篇文章”。", &[(RULE, "半篇文章", Some("后半篇文章"))]),
        // rzbsdt.cn 支部书记述职汇报会.
        ("进一步查漏了补缺，开拓了思路", &[(RULE, "查漏了补缺", Some("查漏补缺"))]),
        // gwyoo.com 乡镇上半年工作情况总结.
        ("促进了镇域经济的膨胀发展。", &[(RULE, "膨胀发展", Some("快速发展"))]),
        ("下面将我镇上半年工作情况下半年工作打算作一简要汇报。", &[(RULE, "工作情况下半年", Some("工作情况和下半年"))]),
        // meizhang.com 县政府报告.
        ("武警官兵、派、工商联、各人民团体", &[(RULE, "、派、工商联", Some("、各民主党派、工商联"))]),
        // tlqh.gov.cn 关于昌盛路环境整治工作“回头看”的通报.
        ("结合督查中发现的问题及点位及区委、区政府领导批示", &[(RULE, "及", Some("、"))]),
        // held2 (baoji.qinfeng.gov.cn; xdscy.com), held3 (nayishi.com 工作总结), held5 (ksagri.cn 党建述职报告;
        // stzg.china.com.cn 街道党建工作总结会议).
        ("对6个部门、7个乡镇及和10个村级党组织开展整改", &[(RULE, "及和", Some("及"))]),
        ("贯彻落实习关于审计整改工作的重要指示批示精神", &[(RULE, "习关于", Some("习近平总书记关于"))]),
        ("一、二、三产比重由的19:37:44优化为17:48:35", &[(RULE, "由的", Some("由"))]),
        ("园区累计征地余亩，固定资产投入7000万元", &[(RULE, "余", None)]),
        ("以党建联盟结对进行多方式方法的学习，掀起学习氛围。", &[(RULE, "掀起", Some("营造"))]),
        ("对述职情况进行总结点评。并就2025年工作作出部署", &[(RULE, "。并", Some("，并"))]),
        // held6 (220.171.42.138 昌吉市残联专题民主生活会).
        ("明确以学习和践行“三严三实”的主题，聚焦对党忠诚", &[(RULE, "的主题", Some("为主题"))]),
    ];

    const MISSES: &[&str] = &[
        "现就将于明年实施的办法作如下说明。",
        "现就有关事项通知如下：现将有关情况报告如下：",
        "组织开展并完成自查，完成开展情况统计。",
        "机关单位、有关单位和相关部门参加，各有关部门要配合。",
        "做好巡视整改“后半篇文章”，写好前半篇文章。",
        "查漏补缺了三次。",
        "实现经济快速发展，防止机构膨胀。",
        "在这种情况下半年任务更重。",
        "各民主党派、工商联和无党派人士",
        "以及党员干部及时了解情况，涉及群众利益及其他事项",
        "党委及纪委，以及政府及部门",
        "危及安全及环境",
        "涉及和影响群众利益，普及和推广",
        "理由的说明，自由的人，缘由的追问",
        "。并且要求，并就有关工作作出部署",
        "学习关于乡村振兴的文件，落实习近平总书记关于",
        "其余人员，业余时间，剩余10亩，惠及10万余户，200余人，结余万元",
        "掀起学习热潮，营造浓厚氛围，掀起了高潮。浓厚的氛围",
        "明确以学习践行为主题，坚持以本次活动的主题为引领，改革开放以来党的全部理论和实践的主题，以此次会议的主题是",
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
    fn every_entry_names_its_source_and_a_fix() {
        for entry in ENTRIES {
            assert!(entry.source.chars().count() >= 6, "{} has no source", entry.wrong);
            assert_ne!(entry.wrong, entry.right);
        }
    }
}
