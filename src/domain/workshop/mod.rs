//! The template workshop's first step: a finished model report (plain text) becomes a proposed
//! format-2 template (`derive`). The model's structure gives the parts (`shape`), its figures
//! and names the key figures (`slots`, `figures`), the headings the hints (`hints`); sums, rates
//! and year + 1 that the model's figures show are proposed as relations, each marked as a guess
//! in its figure's hint. The proposal is checked the way the page checks it: its example,
//! rendered, gives the model back paragraph for paragraph (a section whose items the page would
//! print otherwise keeps its paragraphs as written), its relations hold on the example, and the
//! file passes `Template::from_json`.
//!
//! A room after `output`: it reads text as `input` does, and renders and checks its own proposal.
pub mod edit;
mod figures;
mod hints;
pub mod marks;
mod relations;
mod shape;
mod slots;
#[cfg(test)]
mod tests;

use crate::domain::model::draft::Draft;
use crate::domain::model::numbering;
use crate::domain::model::template::{
    Genre, ItemExample, ItemField, ItemLayout, ItemsSpec, Part, PartKind, PointExample, PointsSpec, SlotKind, Template, FORMAT, TITLE_BREAK,
};
use crate::domain::output::layout::ParaKind;
use crate::domain::output::render::paragraphs;
use shape::{Layout, Section, Shape};
use slots::Slots;

/// A proposed template: the template, its file (format 2, pretty JSON, with the title's `|`),
/// and what was guessed, in Chinese, for whoever checks the proposal.
#[derive(Clone, Debug)]
pub struct Derived {
    pub template: Template,
    pub json: String,
    pub notes: Vec<String>,
}

/// Why no template can be made from a text, in Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Longer models are refused rather than worked on for long (the longest published reports
/// in `tests/corpus` have about 35,000 characters).
const MAX_CHARS: usize = 200_000;

/// The model as the template's example gives it back: its non-empty lines, trimmed, with the
/// page's own numbering forms (`normal_numbering`). What `derive`'s round trip is measured on.
pub fn model_paragraphs(text: &str) -> Vec<String> {
    let text = prepare(text);
    text.lines().map(shape::clean).filter(|l| !l.is_empty()).map(normal_numbering).collect()
}

/// The report's paragraphs as the template's example renders them (the title on one line).
pub fn rendered_paragraphs(template: &Template, draft: &Draft) -> Vec<String> {
    paragraphs(template, draft).into_iter().map(|p| normal_numbering(&p.text)).filter(|t| !t.is_empty()).collect()
}

/// The page's forms of the numbers a model may write otherwise: `(一)` → `（一）`, `一.` and
/// `一．` → `一、`.
fn normal_numbering(line: &str) -> String {
    let t = line.trim();
    let numerals: String = t.chars().take_while(|c| "一二三四五六七八九十".contains(*c)).collect();
    if !numerals.is_empty() {
        if let Some(rest) = t[numerals.len()..].strip_prefix(['.', '．']) {
            return format!("{numerals}、{rest}");
        }
    }
    if let Some(rest) = t.strip_prefix('(') {
        if let Some((n, after)) = rest.split_once(')') {
            if !n.is_empty() && n.chars().all(|c| "一二三四五六七八九十".contains(c)) {
                return format!("（{n}）{after}");
            }
        }
    }
    t.to_string()
}

/// Text pasted from a web page: tags taken out (a block's end a line break), the common
/// entities decoded. Other text is left as it is.
fn prepare(text: &str) -> String {
    let tags = text.matches('<').count();
    let looks_html = tags >= 3 && ["<p", "<div", "<br", "<span", "<html", "<body", "<P", "<DIV", "<BR"].iter().any(|t| text.contains(t));
    if !looks_html {
        return text.to_string();
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim_start_matches('/').to_ascii_lowercase();
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if matches!(name.as_str(), "p" | "div" | "br" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "title") {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    // Script and style bodies are not report text: drop lines that look like code.
    let out = out.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    out.lines().filter(|l| !l.contains(['{', '}', ';']) || l.chars().any(crate::domain::model::text::is_han)).collect::<Vec<_>>().join("\n")
}

/// A template proposed from a model report.
pub fn derive(text: &str) -> Result<Derived, Refused> {
    let mut notes = Vec::new();
    let prepared = prepare(text);
    if prepared != text {
        notes.push("范文像是从网页复制的，已去掉网页代码（<p>、<br> 等），只用其中的文字。".to_string());
    }
    let text = prepared.as_str();
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    if chars == 0 {
        return Err(Refused("范文是空的：请粘贴或打开一份写好的报告（纯文本），再生成模板。".to_string()));
    }
    if text.chars().count() > MAX_CHARS {
        return Err(Refused(format!("范文太长（超过 {MAX_CHARS} 字），不像一份报告：请只粘贴一份报告的全文。")));
    }
    let han = text.chars().filter(|&c| crate::domain::model::text::is_han(c)).count();
    if han * 3 < chars || han < 10 {
        return Err(Refused("范文里几乎没有汉字，不像一份中文公文报告：请粘贴一份写好的中文报告（如去年的同类报告）。".to_string()));
    }
    let mut shape = shape::read(text);
    fold_sections_past_the_bound(&mut shape, &mut notes);
    let genre = genre_of(&shape);
    let slots = key_figures(&shape, genre, &mut notes);
    let mut template = build(&shape, genre, &slots);
    // Sections the page would print otherwise: without item fields first, then as paragraphs.
    let wrong = sections_not_given_back(&template, &shape);
    let with_fields: Vec<usize> = wrong.iter().copied().filter(|&i| !shape.sections[i].fields.is_empty()).collect();
    if !with_fields.is_empty() {
        for &i in &with_fields {
            shape::lay_out(&mut shape.sections[i], false);
        }
        template = build(&shape, genre, &slots);
    }
    let wrong = sections_not_given_back(&template, &shape);
    if !wrong.is_empty() {
        for &i in &wrong {
            let s = &mut shape.sections[i];
            s.layout = None;
            s.lead = s.lines.clone();
            s.items.clear();
            s.fields.clear();
            notes.push(format!(
                "第{}部分“{}”的分条写法与本程序的编号方式不同，保留为整段的例文，请管理员按需要改为分条。",
                numbering::chinese(i + 1),
                s.heading
            ));
        }
        template = build(&shape, genre, &slots);
    }
    relations::guess(&mut template, &shape, &slots, &mut notes);
    // A heading is printed as written (no key figures in it): a year there stays last year's.
    for (i, s) in shape.sections.iter().enumerate() {
        if let Some(f) = figures::find(&s.heading).first() {
            notes.push(format!(
                "第{}部分的标题“{}”里有“{}”：标题里不能放关键数字，每年要由管理员改写模板里的这个标题。",
                numbering::chinese(i + 1),
                s.heading,
                &s.heading[f.start..f.end]
            ));
        }
    }
    if shape.title.is_none() {
        notes.push("范文没有标题（第一行不像“关于……的报告”），模板的标题空着，请管理员补上 title。".to_string());
    }
    if shape.sections.is_empty() {
        notes.push("范文没有“一、”“二、”这样的标题，全文作为一段开头语；请管理员按需要分成几个部分。".to_string());
    }
    let json = to_json(&template);
    let template = Template::from_json(&json).map_err(|e| Refused(format!("生成的模板没有通过检查（{e}），请把范文发给维护人员。")))?;
    Ok(Derived { template, json, notes })
}

/// The most `一、` sections a template is made with: the bound on parts less the others a report
/// has (主送机关, 开头语, 结束语, 落款, 成文日期, and room to split).
pub const MAX_SECTIONS: usize = crate::domain::model::limits::MAX_PARTS - 8;

/// Sections past `MAX_SECTIONS` go, as written, into the last one kept, which becomes plain text
/// (the template would otherwise be refused for its parts): nothing of the model is lost, and
/// the administrator is told.
fn fold_sections_past_the_bound(shape: &mut Shape, notes: &mut Vec<String>) {
    let all = shape.sections.len();
    if all <= MAX_SECTIONS {
        return;
    }
    let extra = shape.sections.split_off(MAX_SECTIONS);
    let Some(last) = shape.sections.last_mut() else { return };
    for (k, s) in extra.into_iter().enumerate() {
        last.lines.push(format!("{}{}", numbering::section(MAX_SECTIONS + k + 1), s.heading));
        last.lines.extend(s.lines);
    }
    last.layout = None;
    last.lead = last.lines.clone();
    last.items.clear();
    last.fields.clear();
    notes.push(format!(
        "范文分出了 {all} 个“一、”这样的部分，一个模板最多 {MAX_SECTIONS} 个：第 {} 部分起的内容原样并在第 {MAX_SECTIONS} 部分的例文里，请管理员按需要删减或合并。",
        MAX_SECTIONS + 1
    ));
}

/// The genre: personal when signed with a person's name; meeting material when it opens with
/// a 称呼 or has no 主送机关 and does not end `特此报告`; else an upward report.
fn genre_of(shape: &Shape) -> Genre {
    if shape.signature.iter().any(|s| is_person_name(s)) {
        return Genre::Personal;
    }
    let closing = shape.closing.as_deref().unwrap_or("");
    if closing.contains("特此报告") {
        return Genre::Report;
    }
    match &shape.addressee {
        Some(a) if !is_salutation(a) && !closing.contains("评议") && !closing.contains("审议") => Genre::Report,
        _ => Genre::Meeting,
    }
}

/// `同志们：`, `各位领导、同志们：`.
fn is_salutation(line: &str) -> bool {
    ["同志", "各位", "代表", "们："].iter().any(|w| line.contains(w))
}

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";
/// Characters of a unit's name, never of a person's.
const UNIT_CHARS: &str = "委局会组部办府院厅室处司区县市省村镇乡队站所校社团协联科股署中党支";

/// `王丽`: two to four Chinese characters, a common surname first, no character of a unit.
fn is_person_name(line: &str) -> bool {
    let n = line.chars().count();
    (2..=4).contains(&n)
        && line.chars().all(crate::domain::model::text::is_han)
        && line.chars().next().is_some_and(|c| SURNAMES.contains(c))
        && !line.chars().skip(1).any(|c| UNIT_CHARS.contains(c))
}

/// The key figures: who signs (unit or person, and the person's post from the title), the
/// round (`第三巡察组`), and every figure of the model in order.
fn key_figures(shape: &Shape, genre: Genre, notes: &mut Vec<String>) -> Slots {
    let mut slots = Slots::default();
    let title = shape.title.clone().unwrap_or_default();
    let texts = all_texts(shape);
    for (k, line) in shape.signature.iter().enumerate() {
        if genre == Genre::Personal && is_person_name(line) {
            let hint = format!("写述职人的姓名（范文中为“{line}”），标题和署名都会用到它。");
            slots.add_named(slots::spec("name", "姓名", SlotKind::Name, line, hint), "", "");
            if let Some(at) = title.find(line.as_str()).filter(|&at| at > 0) {
                let post = title[..at].trim_start_matches("关于");
                if (2..=24).contains(&post.chars().count()) {
                    let hint = format!("写述职人的职务（范文中为“{post}”）。");
                    slots.add_named(slots::spec("post", "职务", SlotKind::Text, post, hint), "", "");
                    if let Some(unit) = short_unit(post, &texts) {
                        let hint = format!("写本单位的规范简称（范文中为“{unit}”），正文里都会用到它。");
                        slots.add_named(slots::spec("unit", "单位名称", SlotKind::Text, &unit, hint), "", "");
                    }
                }
            }
        } else if k == 0 && line.chars().count() >= 2 {
            let hint = format!("写本单位（或领导班子）的规范名称（范文中为“{line}”），标题、正文和落款都会用到它。");
            match short_unit(line, &texts).filter(|short| short != line) {
                Some(short) => {
                    slots.add_named(slots::spec("unit_full", "单位全称", SlotKind::Text, line, hint), "", "");
                    let hint = format!("写本单位的规范简称（范文中为“{short}”），正文里都会用到它。");
                    slots.add_named(slots::spec("unit", "单位简称", SlotKind::Text, &short, hint), "", "");
                }
                None => slots.add_named(slots::spec("unit", "单位名称", SlotKind::Text, line, hint), "", ""),
            }
        } else if line.chars().count() >= 2 {
            let hint = format!("写落款第{}行的名称（范文中为“{line}”）。", k + 1);
            slots.add_named(slots::spec(&format!("unit{}", k + 1), "单位名称（落款另一行）", SlotKind::Text, line, hint), "", "");
        }
    }
    if genre == Genre::Report {
        let others: Vec<&str> = texts.iter().copied().filter(|t| Some(*t) != shape.addressee.as_deref()).collect();
        if let Some(superior) = shape.addressee.as_deref().and_then(|a| superior(a, &others)) {
            let hint = format!("写报告呈送的上级机关（范文中为“{superior}”），主送机关和正文都会用到它。");
            slots.add_named(slots::spec("superior", "上级机关", SlotKind::Text, &superior, hint), "", "");
        }
    }
    if let Some((value, after)) = round_of(&title) {
        let hint = format!("写巡察（巡视）的轮次或组别（范文中为“第{value}{after}”的“{value}”）。");
        slots.add_named(slots::spec("round", "轮次（组别）", SlotKind::Text, &value, hint), "第", &after);
    }
    // Figures in the order the model shows them; the report's year is the title's first year.
    let date_line = shape
        .date
        .as_deref()
        .and_then(|d| figures::find(d).into_iter().find(|f| f.kind == figures::FigureKind::Date && f.start == 0 && f.end == d.len()))
        .map(|f| f.value);
    // A title year followed by 以来 is where the period starts, not the year reported on.
    let anchor = figures::find(&title).into_iter().find(|f| f.kind == figures::FigureKind::Year).map(|f| {
        let since = title[f.end..].starts_with("年以来");
        (f.value, since)
    });
    for text in texts {
        for f in figures::find(text) {
            slots.add_figure(text, &f, date_line.as_deref(), anchor.as_ref().map(|(v, since)| (v.as_str(), *since)));
        }
    }
    let figures = slots.specs.iter().filter(|s| s.kind != SlotKind::Text && s.kind != SlotKind::Name).count();
    if figures > 0 {
        notes.push(format!(
            "范文中的 {figures} 个数字、年份和日期成了关键数字，名称取自它前后的文字（如“选派＿＿名干部”），请管理员改成好懂的名称。"
        ));
    }
    slots
}

/// Party bodies a unit's short name ends with (`开发区党工委`).
const PARTY_BODIES: [&str; 7] = ["党工委", "党委", "党组", "工委", "管委会", "党支部", "党总支"];

/// The unit's short name in the text: a piece of `full` (two to eight characters) followed by a
/// party body (`江州经济开发区工作委员会` → `开发区党工委`), written at least twice; the most
/// frequent, then the longest.
fn short_unit(full: &str, texts: &[&str]) -> Option<String> {
    let full = full.trim_start_matches("中共");
    let mut candidates: Vec<String> = Vec::new();
    for text in texts {
        for body in PARTY_BODIES {
            for (at, _) in text.match_indices(body) {
                let before: Vec<char> = text[..at].chars().rev().take(8).collect();
                for len in 2..=before.len() {
                    let piece: String = before[..len].iter().rev().collect();
                    let candidate = format!("{piece}{body}");
                    if full.contains(piece.as_str()) && !candidates.contains(&candidate) {
                        candidates.push(candidate);
                    }
                }
            }
        }
    }
    let count = |c: &str| texts.iter().map(|t| t.matches(c).count()).sum::<usize>();
    candidates
        .into_iter()
        .map(|c| (count(&c), c.chars().count(), c))
        .filter(|(n, _, _)| *n >= 2)
        .max_by_key(|(n, len, _)| (*n, *len))
        .map(|(_, _, c)| c)
}

/// The superior named in the 主送机关 (`中共江州市委：` → `江州市委`): the longest start of it that
/// ends like a body's name and is written elsewhere in the report too.
fn superior(addressee: &str, others: &[&str]) -> Option<String> {
    let a = addressee.trim_end_matches(['：', ':']);
    let a = a.strip_prefix("中共").unwrap_or(a);
    let chars: Vec<char> = a.chars().collect();
    (3..=chars.len())
        .rev()
        .map(|len| chars[..len].iter().collect::<String>())
        .find(|start| start.ends_with(|c: char| "委府部局厅办会组处室院".contains(c)) && others.iter().any(|t| t.contains(start.as_str())))
}

/// `第三巡察组` in a title: (`三`, `巡察组`).
fn round_of(title: &str) -> Option<(String, String)> {
    const AFTER: [&str; 6] = ["巡察组", "巡视组", "轮", "批", "届", "次"];
    let at = title.find('第')?;
    let rest = &title[at + '第'.len_utf8()..];
    let value: String = rest.chars().take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c)).collect();
    let after = AFTER.iter().find(|a| rest[value.len()..].starts_with(**a))?;
    (!value.is_empty()).then(|| (value, after.to_string()))
}

/// Every text of the model, in order.
fn all_texts(shape: &Shape) -> Vec<&str> {
    let mut out: Vec<&str> = shape.title.iter().chain(&shape.addressee).chain(&shape.opening).map(String::as_str).collect();
    for s in &shape.sections {
        out.push(&s.heading);
        out.extend(s.lines.iter().map(String::as_str));
    }
    out.extend(shape.closing.iter().chain(&shape.signature).chain(&shape.date).map(String::as_str));
    out
}

/// The title as a pattern with its break points (`|`) where the built-in titles have them:
/// before 关于, after the unit or person, after 领导班子, after a year (`{report_year}年度`), after
/// 巡察组, and before 情况的报告 when what is left is long.
fn title_pattern(title: &str, slots: &Slots) -> String {
    let pattern = slots.pattern(&title.replace(TITLE_BREAK, "｜"));
    let mut breaks: Vec<usize> = Vec::new();
    let pieces = crate::domain::model::pattern::pieces(&pattern);
    let mut at = 0;
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            crate::domain::model::pattern::Piece::Slot(id) => {
                at += id.len() + 2;
                let is_name =
                    |id: &str| slots.specs.iter().any(|s| s.id == id && matches!(s.kind, SlotKind::Text | SlotKind::Name)) && id != "round";
                // After the unit or the person, unless another name follows (`{post}{name}`).
                let next_is_name = matches!(pieces.get(i + 1), Some(crate::domain::model::pattern::Piece::Slot(next)) if is_name(next));
                if is_name(id) && !next_is_name && i + 1 < pieces.len() {
                    breaks.push(at);
                }
            }
            crate::domain::model::pattern::Piece::Text(t) => {
                let start = at;
                for word in ["关于"] {
                    if let Some(k) = t.find(word) {
                        breaks.push(start + k);
                    }
                }
                for word in ["领导班子", "巡察组", "巡视组"] {
                    if let Some(k) = t.find(word) {
                        breaks.push(start + k + word.len());
                    }
                }
                // After a year: `{report_year}年度`, `年以来`, `年`.
                let after_year = i > 0
                    && matches!(pieces[i - 1], crate::domain::model::pattern::Piece::Slot(id) if slots.specs.iter().any(|s| s.id == id && s.kind == SlotKind::Year));
                if after_year {
                    let len = ["年度", "年以来", "年"].iter().find(|w| t.starts_with(**w)).map_or(0, |w| w.len());
                    if len > 0 {
                        breaks.push(start + len);
                    }
                }
                at += t.len();
            }
        }
    }
    breaks.retain(|&b| b > 0 && b < pattern.len());
    breaks.sort_unstable();
    breaks.dedup();
    // What is left after the last break: long, it breaks before 情况的报告.
    let last = breaks.last().copied().unwrap_or(0);
    let tail = &pattern[last..];
    if tail.chars().count() > 12 && !tail.contains('{') {
        if let Some(k) = tail.find("情况的报告").filter(|&k| tail[..k].chars().count() >= 4) {
            breaks.push(last + k);
        }
    }
    let mut out = pattern.clone();
    for &b in breaks.iter().rev() {
        if out.is_char_boundary(b) {
            out.insert(b, TITLE_BREAK);
        }
    }
    out
}

/// The template's name: the title's words after the unit and years (`选人用人工作情况报告`).
fn name_of(shape: &Shape, slots: &Slots) -> String {
    let Some(title) = &shape.title else { return "由范文生成的报告模板".to_string() };
    let pattern = slots.pattern(title);
    let tail = pattern.rsplit('}').next().unwrap_or(&pattern);
    let tail = ["年度", "年以来", "年"].iter().find_map(|w| tail.strip_prefix(w)).unwrap_or(tail);
    let tail = tail.trim_start_matches("关于").replace("情况的报告", "情况报告");
    if tail.chars().count() >= 2 {
        tail
    } else {
        title.clone()
    }
}

/// The template from the model's structure and key figures.
fn build(shape: &Shape, genre: Genre, slots: &Slots) -> Template {
    let title = shape.title.as_deref().map_or(String::new(), |t| title_pattern(t, slots));
    let mut parts = Vec::new();
    let simple = |id: &str, kind, label: &str, hint: &str, example: String, required| Part {
        id: id.to_string(),
        kind,
        label: label.to_string(),
        hint: hint.to_string(),
        example,
        required,
        heading: String::new(),
        items: None,
    };
    if let Some(a) = &shape.addressee {
        let salutation = genre != Genre::Report && is_salutation(a);
        let (label, hint) = if salutation { ("称呼", hints::SALUTATION) } else { ("主送机关", hints::ADDRESSEE) };
        parts.push(simple("addressee", PartKind::Addressee, label, hint, slots.pattern(a), !salutation));
    }
    if !shape.opening.is_empty() {
        parts.push(simple("opening", PartKind::Paragraph, "开头语", hints::OPENING, lines_pattern(&shape.opening, slots), true));
    }
    for (i, s) in shape.sections.iter().enumerate() {
        let id = section_id(&parts, s, i);
        parts.push(section(s, i, id, slots));
    }
    if let Some(c) = &shape.closing {
        let hint = if genre == Genre::Report { hints::CLOSING_REPORT } else { hints::CLOSING_OTHER };
        parts.push(simple("closing", PartKind::Closing, "结束语", hint, slots.pattern(c), true));
    }
    if !shape.signature.is_empty() {
        let (label, hint) = if genre == Genre::Personal { ("署名", hints::SIGNATURE_NAME) } else { ("落款", hints::SIGNATURE_UNIT) };
        parts.push(simple("signature", PartKind::Signature, label, hint, lines_pattern(&shape.signature, slots), true));
    }
    if let Some(d) = &shape.date {
        parts.push(simple(
            "date",
            PartKind::Date,
            if genre == Genre::Report { "成文日期" } else { "日期" },
            hints::DATE,
            slots.pattern(d),
            true,
        ));
    }
    link_measures_to_problems(&mut parts);
    let title_year =
        slots.specs.iter().find(|s| s.id == "report_year" && crate::domain::model::pattern::slot_ids(&title).contains(&"report_year"));
    let name = name_of(shape, slots);
    Template {
        format: FORMAT,
        id: format!("custom-{:08x}", fnv(shape.title.as_deref().unwrap_or(&name))),
        summary: format!("由范文《{}》生成的模板，请写明什么时候写这种报告。", shape.title.as_deref().unwrap_or(&name)),
        name,
        genre,
        title: title.replace(TITLE_BREAK, ""),
        title_breaks: Vec::new(),
        title_year: title_year.map(|s| s.id.clone()),
        slots: slots.specs.clone(),
        relations: Vec::new(),
        parts,
    }
    .with_title_pattern(title)
}

/// Measures (or plans) after a section of problems answer them (`answers`), as the model's
/// order suggests: the n-th measure the n-th problem, the last measure every problem left.
fn link_measures_to_problems(parts: &mut [Part]) {
    let item_count = |p: &Part| p.items.as_ref().map_or(0, |i| i.examples.len());
    let Some(problems) = parts.iter().position(|p| p.id.starts_with("problems") && item_count(p) > 0) else { return };
    let Some(measures) = (problems + 1..parts.len())
        .find(|&i| (parts[i].id.starts_with("measures") || parts[i].id.starts_with("plans")) && item_count(&parts[i]) > 0)
    else {
        return;
    };
    let (target, n) = (parts[problems].id.clone(), item_count(&parts[problems]));
    let Some(items) = parts[measures].items.as_mut() else { return };
    let m = items.examples.len();
    items.answers = Some(target);
    items.answers_hint = "勾选这一条针对的问题（由范文按顺序推测：第几条对应第几个问题，请核对）。".to_string();
    for (i, ex) in items.examples.iter_mut().enumerate() {
        ex.answers = if i + 1 == m { (i.min(n)..n).collect() } else { (i < n).then_some(i).into_iter().collect() };
        if ex.answers.is_empty() && i < n {
            ex.answers.push(i);
        }
    }
}

trait WithTitle {
    fn with_title_pattern(self, pattern: String) -> Self;
}

impl WithTitle for Template {
    /// The title's break points from its pattern (`|`), as `Template::from_json` takes them out.
    fn with_title_pattern(mut self, pattern: String) -> Self {
        let mut title = pattern;
        self.title_breaks.clear();
        while let Some(at) = title.find(TITLE_BREAK) {
            title.remove(at);
            self.title_breaks.push(at);
        }
        self.title = title;
        self
    }
}

fn fnv(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

fn lines_pattern(lines: &[String], slots: &Slots) -> String {
    lines.iter().map(|l| slots.pattern(l)).collect::<Vec<_>>().join("\n")
}

/// A section's id: its kind's (`problems`), else `section3`; never one taken.
fn section_id(parts: &[Part], s: &Section, i: usize) -> String {
    let base = hints::kind_of(&s.heading).map_or_else(|| format!("section{}", i + 1), |k| k.id.to_string());
    if parts.iter().any(|p| p.id == base) {
        format!("{base}{}", i + 1)
    } else {
        base
    }
}

fn section(s: &Section, i: usize, id: String, slots: &Slots) -> Part {
    let kind = hints::kind_of(&s.heading);
    let label: String = s.heading.chars().take(24).collect();
    let items = s.layout.map(|layout| {
        let (layout, heading_hint) = match layout {
            Layout::Subsection => (ItemLayout::Subsection, hints::SUB_HEADING),
            Layout::Measure => (ItemLayout::Measure, hints::MEASURE_HEADING),
            Layout::Point => (ItemLayout::Point, hints::POINT_HEADING),
        };
        let most_points = s.items.iter().map(|it| it.points.len()).max().unwrap_or(0);
        ItemsSpec {
            layout,
            label: kind.map_or("条", |k| k.item).to_string(),
            heading_hint: kind.map_or(heading_hint, |k| k.heading_hint).to_string(),
            body_hint: kind.map_or(hints::ITEM_BODY, |k| k.body_hint).to_string(),
            min: 1,
            max: (s.items.len() + 2).max(8),
            answers: None,
            answers_hint: String::new(),
            points: (most_points > 0).then(|| PointsSpec {
                topic_hint: hints::POINT_TOPIC.to_string(),
                body_hint: hints::POINT_BODY.to_string(),
                min: 0,
                max: (most_points + 2).max(6),
            }),
            fields: s
                .fields
                .iter()
                .enumerate()
                .map(|(k, lead)| {
                    let label = lead.trim_end_matches('：').to_string();
                    // Required only where every item of the model has it (a finished problem has no deadline).
                    let required = s.items.iter().all(|it| it.fields.iter().any(|(l, _)| l == lead));
                    let hint = format!("写{label}，成文时这一段以“{lead}”开头。");
                    ItemField { id: format!("field{}", k + 1), label, lead: lead.clone(), hint, required, unless: None }
                })
                .collect(),
            examples: s
                .items
                .iter()
                .map(|it| ItemExample {
                    heading: slots.pattern(&it.heading),
                    body: slots.pattern(&it.body),
                    points: it.points.iter().map(|(t, b)| PointExample { topic: slots.pattern(t), body: slots.pattern(b) }).collect(),
                    answers: Vec::new(),
                    fields: it
                        .fields
                        .iter()
                        .filter_map(|(lead, text)| {
                            let k = s.fields.iter().position(|l| l == lead)?;
                            Some((format!("field{}", k + 1), slots.pattern(text)))
                        })
                        .collect(),
                })
                .collect(),
        }
    });
    Part {
        id,
        kind: PartKind::Section,
        label: format!("{}{label}", numbering::section(i + 1)),
        hint: kind.map_or("", |k| k.hint).to_string(),
        example: lines_pattern(&s.lead, slots),
        required: true,
        heading: s.heading.clone(),
        items,
    }
}

/// The sections whose rendered example is not the model's lines under their heading.
fn sections_not_given_back(template: &Template, shape: &Shape) -> Vec<usize> {
    let rendered = paragraphs(template, &Draft::example(template));
    let mut wrong = Vec::new();
    let sections = template.parts.iter().filter(|p| p.kind == PartKind::Section);
    for (i, (part, s)) in sections.zip(&shape.sections).enumerate() {
        let got: Vec<String> =
            rendered.iter().filter(|p| p.part == part.id && p.kind != ParaKind::Heading1).map(|p| normal_numbering(&p.text)).collect();
        let want: Vec<String> = s.lines.iter().map(|l| normal_numbering(l)).collect();
        if got != want {
            wrong.push(i);
        }
    }
    wrong
}

/// The file: the template as JSON, with the title's break points, without the `null`s of
/// absent optional fields.
pub fn to_json(template: &Template) -> String {
    let mut t = template.clone();
    let mut title = t.title.clone();
    for &at in t.title_breaks.iter().rev() {
        if title.is_char_boundary(at) {
            title.insert(at, TITLE_BREAK);
        }
    }
    t.title = title;
    let pretty = serde_json::to_string_pretty(&t).unwrap_or_default();
    let mut out: Vec<&str> = Vec::new();
    let mut strip_comma = false;
    for line in pretty.lines() {
        let bare = line.trim_end_matches(',').trim();
        if bare.starts_with('"') && bare.ends_with("\": null") {
            if !line.ends_with(',') {
                strip_comma = true;
            }
            continue;
        }
        if strip_comma {
            if let Some(last) = out.last_mut() {
                *last = last.strip_suffix(',').unwrap_or(last);
            }
            strip_comma = false;
        }
        out.push(line);
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}
