//! Confusable words in context: a word written with a character that sounds or looks like the
//! right one (`布署` for 部署, `截止` before a date for 截至, `即要……又要` for 既要……又要).
//!
//! Every entry of `ENTRIES` names its source: 现代汉语词典 (第7版) for the word and its usage note,
//! 《第一批异形词整理表》 for the preferred form of a variant pair, GB/T 15834/15835 where a mark or
//! number is concerned, and the errata columns (咬文嚼字 “年度十大语文差错”) for the misspelt set
//! phrases. An entry fires only in the context it names, so that the right word in another
//! sense stays quiet (`当即`, `即使`, `现象一样`, `采取的措施`, `生活必需的`).
//!
//! Rule `confusable`. Severities (policy on `check::Severity`):
//! - **error**: a form that is no word at all (`布署`, `再接再励`, `必须品`): certainly wrong;
//! - **warning**: a real character used where its twin belongs in this context (`截止2025年底`,
//!   `即…又`, `象…一样`, `做为`, `必需坚持`, `取的成效`): very likely wrong, but the context
//!   test can misread a sentence;
//! - **hint**: a variant the dictionary still lists but 公文 writes otherwise (`其它` → 其他).
//!
//! The fix is the right word whenever the entry names one.
use super::scan::{at, before, finding, is_cn_numeral, Anchored, ByteFilter};
use super::{Category, Finding, Severity};
use crate::domain::model::text::{is_han, Span};

pub const RULE: &str = "confusable";

/// When an entry's word is wrong.
#[derive(Clone, Copy)]
enum When {
    /// Always: the word as written is no word.
    Always,
    /// 截止 directly before a date or time word.
    BeforeTime,
    /// 即 opening a 既……又…… pair.
    JiYou,
    /// 象 in a comparison `象……一样`.
    Likeness,
    /// 做为: unless 为 starts `为人民服务`-like phrases.
    ZuoWei,
    /// 必需 directly before a verb or an adverb (必须 is the adverb).
    BeforeVerb,
    /// 取的 / 获的 before what is gained: `取的成效`.
    Gained,
    /// Only when the next character is one of these (`经过林` before 产业带, 基地, 亩…).
    NextIn(&'static str),
    /// Only when one of these words follows (`做` before 发言, 报告, 对照检查).
    Before(&'static [&'static str]),
    /// `的` between a verb and its complement of degree: `抓的不紧`, `讲的很少` (得).
    Complement,
    /// A degree adverb with `的` before a word: `格外的重视` (格外重视).
    DegreeDe,
    /// An adverbial with `的` before a verb that shows it is one (`不断的涉猎`, `辩证的统一起来`):
    /// 地, unless a verb before makes the whole a noun phrase (`进行认真的梳理`).
    AdverbialDe,
    /// `部份` unless `份额`, `份子` or `份量` begins at its second character (`全部份额`).
    NotShare,
    /// Unless the character before is one of `after` or one of the words `before` follows
    /// (`作法自毙`, `以学生为主体教育`).
    Unless { after: &'static str, before: &'static [&'static str] },
    /// Only after one of these words (`主要作法`; not `工作法治化`, where 作 and 法 are two words).
    After(&'static [&'static str]),
}

type Entry = super::word_list::Entry<When>;
use super::word_list::entry as e;

const XH: &str = "现代汉语词典（第7版）";
const YW: &str = "咬文嚼字 年度十大语文差错 / 现代汉语词典（第7版）";

#[rustfmt::skip]
const ENTRIES: &[Entry] = &[
    e("截止", "截至", When::BeforeTime, Severity::Warning, "现代汉语词典（第7版）：截止 不带宾语（截止到、截止日期），截至 带时间宾语"),
    e("即", "既", When::JiYou, Severity::Warning, "现代汉语词典（第7版）：既……又…… 表并列；即 是“就是、立刻”"),
    e("象", "像", When::Likeness, Severity::Warning, "现代汉语词典（第7版）：像 表比喻、相似（1986年《简化字总表》起 象、像 分用）"),
    e("好象", "好像", When::Always, Severity::Error, XH),
    e("做为", "作为", When::ZuoWei, Severity::Warning, "现代汉语词典（第7版）：作为 是词，“做为”不是"),
    e("必需", "必须", When::BeforeVerb, Severity::Warning, "现代汉语词典（第7版）：必须 是副词（一定要），必需 是动词（不可缺少）"),
    e("必须品", "必需品", When::Always, Severity::Error, XH),
    e("取的", "取得", When::Gained, Severity::Warning, "现代汉语词典（第7版）：取得；的/地/得 用法"),
    e("获的", "获得", When::Gained, Severity::Warning, "现代汉语词典（第7版）：获得；的/地/得 用法"),
    e("其它", "其他", When::Always, Severity::Hint, "现代汉语词典（第7版）：其它 同“其他”，公文通用“其他”"),
    e("布署", "部署", When::Always, Severity::Error, XH),
    e("部暑", "部署", When::Always, Severity::Error, XH),
    e("布暑", "部署", When::Always, Severity::Error, XH),
    e("再接再励", "再接再厉", When::Always, Severity::Error, YW),
    e("一如继往", "一如既往", When::Always, Severity::Error, YW),
    e("既往开来", "继往开来", When::Always, Severity::Error, YW),
    e("按步就班", "按部就班", When::Always, Severity::Error, YW),
    e("迫不急待", "迫不及待", When::Always, Severity::Error, YW),
    e("众志成诚", "众志成城", When::Always, Severity::Error, YW),
    e("走头无路", "走投无路", When::Always, Severity::Error, YW),
    e("默守成规", "墨守成规", When::Always, Severity::Error, YW),
    e("直接了当", "直截了当", When::Always, Severity::Error, YW),
    e("一愁莫展", "一筹莫展", When::Always, Severity::Error, YW),
    e("穿流不息", "川流不息", When::Always, Severity::Error, YW),
    e("震聋发聩", "振聋发聩", When::Always, Severity::Error, YW),
    e("言简意骇", "言简意赅", When::Always, Severity::Error, YW),
    e("功不可末", "功不可没", When::Always, Severity::Error, YW),
    e("始终不逾", "始终不渝", When::Always, Severity::Error, YW),
    e("坚苦奋斗", "艰苦奋斗", When::Always, Severity::Error, YW),
    e("艰苦卓决", "艰苦卓绝", When::Always, Severity::Error, YW),
    e("精兵减政", "精兵简政", When::Always, Severity::Error, YW),
    e("性命悠关", "性命攸关", When::Always, Severity::Error, YW),
    e("凭添", "平添", When::Always, Severity::Error, XH),
    e("坐谈会", "座谈会", When::Always, Severity::Error, XH),
    e("针贬", "针砭", When::Always, Severity::Error, XH),
    e("松驰", "松弛", When::Always, Severity::Error, XH),
    e("侯选人", "候选人", When::Always, Severity::Error, XH),
    e("贯澈", "贯彻", When::Always, Severity::Error, XH),
    e("篷勃", "蓬勃", When::Always, Severity::Error, XH),
    e("防碍", "妨碍", When::Always, Severity::Error, XH),
    e("即然", "既然", When::Always, Severity::Error, XH),
    e("付诸于", "付诸", When::Always, Severity::Hint, "现代汉语词典（第7版）：诸 = 之于，“付诸于”重复"),
    e("签定", "签订", When::Always, Severity::Warning, "现代汉语词典（第7版）：签订（订立条约或合同并签字）；“签定”不是规范词形"),
    e("经过林", "经果林", When::NextIn("产带基亩种面"), Severity::Warning, "林业用语：经果林（经济林和果木林），常见同音误写“经过林”"),
    e("做", "作", When::Before(&["表态发言", "发言", "报告", "对照检查", "检讨", "自我批评", "一简要", "简要", "述职", "交流发言", "专题发言", "重点发言", "工作报告"]), Severity::Hint, "现代汉语词典（第7版）“作”条：作报告、作发言、作检讨（抽象的活动用“作”）"),
    e("的", "得", When::Complement, Severity::Warning, "现代汉语词典（第7版）“得”条：动词后连接表示程度的补语用“得”（抓得紧、讲得很少）"),
    e("格外的", "格外", When::DegreeDe, Severity::Warning, "现代汉语词典（第7版）：格外 是副词，直接修饰动词、形容词（格外重视）"),
    e("十分的", "十分", When::DegreeDe, Severity::Warning, "现代汉语词典（第7版）：十分 是副词（十分重视、十分重要）"),
    e("极其的", "极其", When::DegreeDe, Severity::Warning, "现代汉语词典（第7版）：极其 是副词（极其重要）"),
    e("极为的", "极为", When::DegreeDe, Severity::Warning, "现代汉语词典（第7版）：极为 是副词（极为重要）"),
    e("部份", "部分", When::NotShare, Severity::Warning, "《第一批异形词整理表》（2001）：部分（不写“部份”）"),
    e("涉及到", "涉及", When::Always, Severity::Hint, "现代汉语词典（第7版）：涉及 = 牵涉到、关联到，“涉及到”重复"),
    e("作法", "做法", When::After(&["主要", "具体", "有效", "成功", "典型", "经验", "这种", "这一", "此种", "一些", "创新", "先进", "好的", "的"]), Severity::Hint, "现代汉语词典（第7版）：做法 是处理事情的方法；作法 指作文的方法或施行法术（作法自毙）"),
    e("累积", "累计", When::Before(&["完成", "投资", "发放", "培训", "接待", "办理", "受理", "查处", "帮扶", "走访", "开展", "召开", "实现", "达到", "达"]), Severity::Warning, "现代汉语词典（第7版）：累计 是加起来计算（累计完成投资）；累积 是层层增加、积聚（累积经验）"),
    e("主体教育", "主题教育", When::Unless { after: "为", before: &[] }, Severity::Warning, "中共中央《关于在全党开展“不忘初心、牢记使命”主题教育的意见》（2019）：主题教育"),
    e("遵崇", "尊崇", When::Always, Severity::Error, "现代汉语词典（第7版）：尊崇（尊敬推崇）；《关于新形势下党内政治生活的若干准则》：尊崇党章"),
    e("负总则", "负总责", When::Always, Severity::Error, "现代汉语词典（第7版）：总则 是法规条文的总的原则，不能“负”；负总责 即负全面责任"),
    e("做出", "作出", When::Before(&["部署", "决定", "决策", "安排", "批示", "指示", "规定", "承诺", "贡献", "重要", "重大", "详细", "全面", "具体", "积极", "突出", "更大", "应有"]), Severity::Hint, "现代汉语词典（第7版）“作”条：作出决定、作出贡献（抽象的事用“作”）；党政机关公文通用“作出部署”"),
    e("事件节点", "时间节点", When::After(&["重要", "关键", "各个", "每个", "时序", "规定"]), Severity::Warning, "现代汉语词典（第7版）：节点 指时间上的关键点（重要时间节点）；“重要事件节点”是“时间”的同音误写"),
    e("强入", "深入", When::Before(&["推进", "开展", "贯彻", "学习", "实施", "落实", "调研"]), Severity::Warning, "现代汉语词典（第7版）：深入（深入推进、深入开展）；“强入”不成词"),
    e("报告下：", "报告如下：", When::Always, Severity::Warning, "党政机关公文惯用语：现将有关情况报告如下"),
    e("汇报下：", "汇报如下：", When::Always, Severity::Warning, "党政机关公文惯用语：现将有关情况汇报如下"),
    e("的", "地", When::AdverbialDe, Severity::Warning, "现代汉语词典（第7版）“地”条：用在状语后，修饰动词（不断地提高、辩证地统一起来）"),
];

/// Verbs that take a complement of degree after 得 (`抓得紧`, `落实得不够`).
const COMPLEMENT_VERBS: &str = "抓讲做学干想看说写搞管查改谈办推落用找走跑守把";
const COMPLEMENT_VERBS2: &[&str] = &[
    "落实", "推进", "执行", "贯彻", "研究", "理解", "把握", "掌握", "领会", "认识", "开展", "整改", "学习", "思考", "分析", "剖析", "查找",
    "谋划", "结合", "准备", "联系",
];
/// Adverbials that take 地 before a verb (现代汉语词典 “地”条), and the verbs that show one
/// follows: with a noun after them 的 is right (`不断的努力`, `全面的了解` after 进行).
const ADVERBIALS: &[&str] = &[
    "不断", "逐步", "逐渐", "稳步", "大力", "切实", "辩证", "坚决", "主动", "自觉", "认真", "积极", "深入", "扎实", "持续", "努力", "及时",
    "严格", "彻底", "密切", "广泛", "有效", "充分", "全面", "系统", "科学",
];
const ADVERBIAL_VERBS: &[&str] = &[
    "推进", "推动", "加强", "提高", "提升", "完善", "落实", "开展", "学习", "贯彻", "研究", "解决", "深化", "改进", "涉猎", "熟悉", "统一",
    "结合", "融合", "参与", "投入", "执行", "整改", "实施", "探索", "扩大", "增强", "优化", "掌握", "总结", "把握", "发挥", "克服", "纠正",
    "查找", "督促", "跟进", "引导", "抓好", "做好", "搞好", "调整", "更新", "丰富", "壮大", "涌现", "转变", "适应", "改善", "维护",
];
/// Verbs that make `ADVERBIAL 的 VERB` a noun phrase (`进行全面的了解`, `作出积极的贡献`).
const NOMINAL_BEFORE: &[&str] =
    &["进行", "作出", "做出", "加以", "给予", "予以", "得到", "受到", "实现", "开展了", "进行了", "作了", "做了", "有了"];

/// Words of degree that open the complement (`不紧`, `很少`, `不够扎实`).
const DEGREE: &[&str] = &["还不够", "不够", "还不", "比较", "非常", "十分", "不", "很", "较", "太", "更"];
/// What the complement says, after its word of degree.
const COMPLEMENT_ADJ2: &[&str] = &[
    "到位", "扎实", "彻底", "充分", "全面", "到家", "明显", "及时", "具体", "深入", "透彻", "精准", "严格", "认真", "主动", "积极", "细致",
    "深刻", "有力", "有效",
];
const COMPLEMENT_ADJ1: &str = "紧实深透细够好严准少多快慢全高真硬牢足强大广远";

fn words() -> &'static Anchored {
    static WORDS: std::sync::OnceLock<Anchored> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| Anchored::new(&ENTRIES.iter().map(|e| e.wrong).collect::<Vec<_>>()))
}

pub fn check(text: &str, out: &mut Vec<Finding>) {
    check_chars(&super::scan::chars_of(text), out);
}

pub fn check_chars(chars: &[char], out: &mut Vec<Finding>) {
    let mut hits: Vec<(usize, usize)> = Vec::new();
    words().each_match(chars, |k, start| hits.push((k, start)));
    report(chars, hits, out);
}

/// The words this rule looks for (`hits` name them by their index here).
pub(super) fn words_looked_for() -> Vec<&'static str> {
    ENTRIES.iter().map(|e| e.wrong).collect()
}

/// The findings for the places `(word, start)` where the words were found.
pub(super) fn report(chars: &[char], mut hits: Vec<(usize, usize)>, out: &mut Vec<Finding>) {
    if hits.is_empty() {
        return;
    }
    // A longer entry (好象) wins over a shorter one inside it (象).
    hits.sort_unstable_by_key(|&(k, s)| (s, usize::MAX - ENTRIES[k].wrong.chars().count()));
    let mut covered = 0;
    for (k, start) in hits {
        let entry = &ENTRIES[k];
        let end = start + entry.wrong.chars().count();
        if start < covered || !wrong_here(chars, start, end, entry.when) {
            continue;
        }
        covered = end;
        let msg = message(entry);
        out.push(finding(RULE, Category::Wording, entry.severity, chars, Span::new(start, end), msg, Some(entry.right.to_string())));
    }
}

fn message(entry: &Entry) -> String {
    let (w, r) = (entry.wrong, entry.right);
    match entry.when {
        When::BeforeTime => format!("“{w}”后面不接时间；表示“到某时为止”用“{r}”：“{r}2025年底”“{r}目前”。"),
        When::JiYou => format!("“……又……”前面的关联词是“{r}”（{r}要……又要……），不是“{w}”。"),
        When::Likeness => format!("表示比喻、相像用“{r}”（{r}……一样），不用“{w}”。"),
        When::BeforeVerb => format!("表示“一定要”用副词“{r}”；“{w}”是“不可缺少”（{w}品）。"),
        When::Gained => format!("这里应是“{r}”（{r}成效），不是“{w}”。"),
        When::Complement => "动词后面接表示程度的补语用“得”（抓得不紧、讲得很少），不用“的”。".to_string(),
        When::DegreeDe => format!("“{r}”是副词，后面直接接动词、形容词，不加“的”：“{r}重视”。"),
        When::Before(_) if entry.severity == Severity::Hint => format!("作报告、作发言、作检讨这类抽象的活动，公文中通常写“{r}”。"),
        _ if entry.severity == Severity::Hint => format!("公文中通常写作“{r}”。"),
        _ => format!("“{w}”是错别字，应为“{r}”。"),
    }
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Is `chars[start..end]` (an entry's word) wrong in its context?
fn wrong_here(chars: &[char], start: usize, end: usize, when: When) -> bool {
    let next = at(chars, end);
    let prev = before(chars, start);
    let follows = |words: &[&str]| words.iter().any(|w| super::scan::starts_with(chars, end, w));
    match when {
        When::Always => true,
        When::BeforeTime => {
            next.is_some_and(|c| is_digit(c) || (is_cn_numeral(c) && c != '万'))
                || follows(&[
                    "目前",
                    "当前",
                    "今年",
                    "今天",
                    "今日",
                    "去年",
                    "本月",
                    "本年",
                    "年底",
                    "年末",
                    "上半年",
                    "下半年",
                    "现在",
                    "发稿",
                ])
        }
        When::JiYou => ji_you(chars, start, end),
        When::Likeness => {
            !prev.is_some_and(|c| "形现景对气印抽意表图迹想万星物假具天病偶脉大幻卦兆乱真".contains(c))
                && !next.is_some_and(|c| "征棋牙限素形".contains(c))
                && comparison_follows(chars, end)
        }
        When::ZuoWei => !next.is_some_and(|c| "民人群百基企社党国大".contains(c)),
        When::BeforeVerb => {
            !follows(&["要素", "要件"])
                && follows(&[
                    "要",
                    "坚持",
                    "加强",
                    "把",
                    "始终",
                    "全面",
                    "认真",
                    "严格",
                    "做到",
                    "进一步",
                    "切实",
                    "深入",
                    "高度",
                    "牢固",
                    "坚决",
                    "落实",
                    "按照",
                    "依法",
                    "具备",
                    "遵守",
                    "强化",
                    "建立",
                    "完善",
                    "注重",
                    "抓好",
                    "引起",
                    "警惕",
                    "保持",
                    "正视",
                    "清醒",
                    "得到",
                ])
        }
        When::NextIn(set) => next.is_some_and(|c| set.contains(c)),
        When::Before(words) => follows(words),
        When::Complement => complement(chars, start, end),
        When::DegreeDe => next.is_some_and(is_han) && !follows(&["人", "事", "时", "情况"]),
        When::NotShare => !follows(&["额", "子", "量"]),
        When::After(words) => words.iter().any(|w| super::scan::ends_with(chars, start, w)),
        When::Unless { after, before: words } => !prev.is_some_and(|c| after.contains(c)) && !follows(words),
        When::AdverbialDe => adverbial(chars, start, end),
        When::Gained => {
            !prev.is_some_and(|c| "采争选提听吸汲录夺换谋索窃榨攫收领读抽考博进可截摄捕俘查缴破斩猎".contains(c))
                && follows(&["成效", "成绩", "进展", "突破", "实效", "胜利", "成功", "了", "明显", "显著", "良好", "荣誉", "称号"])
        }
    }
}

/// `抓的不紧`, `讲的很少`, `落实的不够到位`: a verb, 的, a word of degree, what the complement
/// says, and then the clause goes on no further (`做的很多工作` is a 的 before a noun).
fn complement(chars: &[char], start: usize, end: usize) -> bool {
    static DEGREE_FIRSTS: std::sync::OnceLock<ByteFilter> = std::sync::OnceLock::new();
    let firsts = DEGREE_FIRSTS.get_or_init(|| ByteFilter::new(&DEGREE.iter().filter_map(|w| w.chars().next()).collect::<Vec<_>>()));
    if !at(chars, end).is_some_and(|c| firsts.may(c)) {
        return false;
    }
    let verb = before(chars, start).is_some_and(|c| COMPLEMENT_VERBS.contains(c))
        || COMPLEMENT_VERBS2.iter().any(|w| super::scan::ends_with(chars, start, w));
    if !verb {
        return false;
    }
    let Some(degree) = DEGREE.iter().find(|w| super::scan::starts_with(chars, end, w)) else { return false };
    let adj = end + degree.chars().count();
    let len = if COMPLEMENT_ADJ2.iter().any(|w| super::scan::starts_with(chars, adj, w)) {
        2
    } else if at(chars, adj).is_some_and(|c| COMPLEMENT_ADJ1.contains(c)) {
        1
    } else if *degree == "不够" || *degree == "还不够" {
        0
    } else {
        return false;
    };
    at(chars, adj + len).is_none_or(|c| !is_han(c) || "的也还".contains(c))
}

/// `不断的涉猎`, `辩证的统一起来`: an adverbial, 的, then a verb followed by what ends its
/// phrase or goes on with it (`起来`, `了`, `和`, a mark), and no verb before the adverbial that
/// turns the whole into a noun phrase (`进行全面的了解`).
fn adverbial(chars: &[char], start: usize, end: usize) -> bool {
    // The verb first: most 的 have none after them. One lookup on the next character rules
    // out nearly every place before the words are compared.
    static VERB_FIRSTS: std::sync::OnceLock<ByteFilter> = std::sync::OnceLock::new();
    let firsts = VERB_FIRSTS.get_or_init(|| ByteFilter::new(&ADVERBIAL_VERBS.iter().filter_map(|w| w.chars().next()).collect::<Vec<_>>()));
    if !at(chars, end).is_some_and(|c| firsts.may(c)) {
        return false;
    }
    let Some(verb) = ADVERBIAL_VERBS.iter().find(|w| super::scan::starts_with(chars, end, w)) else { return false };
    let Some(adv) = ADVERBIALS.iter().find(|w| super::scan::ends_with(chars, start, w)) else { return false };
    let from = start - adv.chars().count();
    if NOMINAL_BEFORE.iter().any(|w| super::scan::ends_with(chars, from, w)) || before(chars, from) == Some('的') {
        return false;
    }
    let after = end + verb.chars().count();
    let goes_on = ["起来", "下去", "了", "着", "和", "与", "并"].iter().any(|w| super::scan::starts_with(chars, after, w));
    goes_on || at(chars, after).is_none_or(|c| !is_han(c) && !matches!(c, '”' | '》'))
}

/// `一样`, `一般`, `似的`, `那样` closing a comparison within the clause after `from`.
fn comparison_follows(chars: &[char], from: usize) -> bool {
    let mut j = from;
    while j < chars.len() && j < from + 14 && is_han(chars[j]) {
        if ["一样", "一般", "似的", "那样", "这样"].iter().any(|w| super::scan::starts_with(chars, j, w)) {
            return j > from;
        }
        j += 1;
    }
    false
}

/// `即要……又要`, `即充分发扬民主，又善于集中统一`: a 即 that opens a pair closed by 又 in the
/// same sentence. Words ending in 即 (当即, 立即, 随即, 亦即, 意即) and starting with it (即使,
/// 即便, 即将, 即刻, 即日, 即时, 即期, 即席, 即兴) are not.
fn ji_you(chars: &[char], start: usize, end: usize) -> bool {
    let prev = before(chars, start);
    if prev.is_some_and(|c| "当立随旋亦意则也便迹".contains(c)) {
        return false;
    }
    let Some(next) = at(chars, end) else { return false };
    if "使便将刻日时期席兴位景墨".contains(next) {
        return false;
    }
    let clause_start = !prev.is_some_and(is_han);
    let mut j = end + 1;
    while j < chars.len() && j < end + 24 && !matches!(chars[j], '。' | '；' | '！' | '？' | '\n' | '：') {
        if chars[j] == '又' {
            let same_word = at(chars, j + 1) == Some(next) && is_han(next);
            let after_comma = before(chars, j) == Some('，');
            return same_word || (after_comma && clause_start && next != '是');
        }
        j += 1;
    }
    false
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
        // held6 (gaozi365.com 县政府办公室2023年工作总结; mishuwenku.com 区2023年度安全生产和消防工作总结;
        // guanchang.qwyd.net 西和县政府工作报告).
        ("严格按照重要事件节点工作需要", &[(RULE, "事件节点", Some("时间节点"))]),
        ("强入推进十五条硬措施落实", &[(RULE, "强入", Some("深入"))]),
        ("为经济社会发展做出积极贡献的广大干部群众", &[(RULE, "做出", Some("作出"))]),
        ("截止2025年底，全省累计建成5G基站", &[(RULE, "截止", Some("截至"))]),
        ("截止目前，巡察反馈的697个问题已整改688个", &[(RULE, "截止", Some("截至"))]),
        ("即要尽力而为，又要量力而行", &[(RULE, "即", Some("既"))]),
        ("即充分发扬民主，又善于集中统一", &[(RULE, "即", Some("既"))]),
        ("我们即有成绩又有不足", &[(RULE, "即", Some("既"))]),
        ("不断推进其它各方面创新", &[(RULE, "其它", Some("其他"))]),
        ("党中央作出战略布署", &[(RULE, "布署", Some("部署"))]),
        ("象对待生命一样对待生态环境", &[(RULE, "象", Some("像"))]),
        ("头象斗一样大", &[(RULE, "象", Some("像"))]),
        ("好象没有听到", &[(RULE, "好象", Some("好像"))]),
        ("把人民对美好生活的向往做为奋斗目标", &[(RULE, "做为", Some("作为"))]),
        ("必需坚持党的全面领导", &[(RULE, "必需", Some("必须"))]),
        ("发放生活必须品", &[(RULE, "必须品", Some("必需品"))]),
        ("取的明显成效", &[(RULE, "取的", Some("取得"))]),
        ("要再接再励，一如继往抓落实", &[(RULE, "再接再励", Some("再接再厉")), (RULE, "一如继往", Some("一如既往"))]),
        ("全镇共签定招商引资合同19个", &[(RULE, "签定", Some("签订"))]),
        ("为主的经过林产业带3000亩", &[(RULE, "经过林", Some("经果林"))]),
        ("互相提出批评意见并做表态发言", &[(RULE, "做", Some("作"))]),
        ("理论学习抓的不紧。", &[(RULE, "的", Some("得"))]),
        ("个人履职尽责情况讲的很少，落实的不够到位。", &[(RULE, "的", Some("得")), (RULE, "的", Some("得"))]),
        ("市委格外的重视整改工作", &[(RULE, "格外的", Some("格外"))]),
        ("走访部份党员和群众", &[(RULE, "部份", Some("部分"))]),
        ("涉及到的人财物处置到位", &[(RULE, "涉及到", Some("涉及"))]),
        ("不断的学习和熟悉乡村工作情况", &[(RULE, "的", Some("地"))]),
        ("把两者辩证的统一起来。", &[(RULE, "的", Some("地"))]),
        ("要切实的加强和改进党的建设", &[(RULE, "的", Some("地"))]),
        ("下面将有关情况做一简要汇报。", &[(RULE, "做", Some("作"))]),
        ("（二）主要作法和经验", &[(RULE, "作法", Some("做法"))]),
        ("目前已累积完成投资100万元", &[(RULE, "累积", Some("累计"))]),
        ("扎实开展党史学习教育等主体教育", &[(RULE, "主体教育", Some("主题教育"))]),
        ("教育党员遵崇党章，对全局工作负总则", &[(RULE, "遵崇", Some("尊崇")), (RULE, "负总则", Some("负总责"))]),
        ("并就明年工作做出详细部署", &[(RULE, "做出", Some("作出"))]),
        ("现将有关工作情况报告下：", &[(RULE, "报告下：", Some("报告如下："))]),
    ];

    const MISSES: &[&str] = &[
        "梳理重大事件节点，加强入党积极分子培养，加强入户走访。",
        "做出更好的产品，做出样子来，做出新的菜品",
        "截至2025年底，全省累计建成5G基站",
        "报名截止日期为3月5日，截止到目前共收到",
        "既要尽力而为，又要量力而行",
        "当即部署，立即行动，又召开会议",
        "即使困难再大，又有什么关系",
        "两个确立，即确立习近平同志党中央的核心、全党的核心地位",
        "其他各方面创新",
        "像保护眼睛一样保护生态环境",
        "对象一样，现象一样，形象一样",
        "坚持以象征性的方式",
        "作为奋斗目标，多做为民办实事的好事",
        "生活必需的物资，必需品供应充足",
        "采取的措施取得成效，查获的物品",
        "部署",
        "经过林业部门审批，经过林区道路",
        "做好报告的起草，做实事，作报告",
        "我们做的很多工作，存在的不足，造成的不良影响，取得的不俗成绩",
        "抓得不紧，讲得很少",
        "格外重视，十分的人，极其重要",
        "部分党员，全部份额，股东持有的全部份子",
        "涉及群众切身利益",
        "进行了全面的了解、分析研究，作出积极的贡献",
        "不断的努力，认真的态度，持续的改进措施",
        "实现辩证的统一",
        "做好一简要的准备",
        "不断地学习，辩证地统一起来",
        "作法自毙，写作法，主要做法，推进信访工作法治化，民族宗教工作法治化",
        "累积了丰富经验，累计完成投资",
        "坚持以学生为主体教育引导",
        "做出成绩，做出样子，作出部署",
        "报告下一步打算，现将情况报告如下：",
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
    fn severities_follow_the_policy() {
        let sev = |t: &str| {
            let mut out = Vec::new();
            check(t, &mut out);
            out.iter().map(|f| f.severity).collect::<Vec<_>>()
        };
        assert_eq!(sev("战略布署"), [Severity::Error]);
        assert_eq!(sev("截止目前"), [Severity::Warning]);
        assert_eq!(sev("其它工作"), [Severity::Hint]);
    }

    #[test]
    fn every_entry_names_a_source_and_a_different_right_word() {
        for e in ENTRIES {
            assert!(!e.source.is_empty() && e.wrong != e.right, "{}", e.wrong);
        }
    }
}
