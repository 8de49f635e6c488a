//! Splitting a finished report, given as plain text, into its parts: title, 主送机关, `一、`
//! section headings, `（一）` sub-headings, body paragraphs, 特此报告, 落款 and date.
//!
//! One line is one paragraph (how Word, WPS and Notepad save a `.txt`). The split only looks at
//! the shape of each line and where it stands, so it is a guess, but a cautious one: a line is
//! called a title, addressee, signature or date only where a report puts one, and everything
//! else is body. The command line (`gongwen check`) uses it, and so can an import of last
//! year's report. The table at the bottom shows how lines are read.

/// What one line of a report is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// An empty (or all-blank) line.
    Blank,
    /// `关于……的报告`, before the addressee.
    Title,
    /// 主送机关: `市委第×巡察组：`.
    Addressee,
    /// `一、总体情况` is section 1; `十二、` is 12.
    Section(usize),
    /// `（一）强组织建设……` is sub-heading 1 (the heading sentence may run on into body text).
    SubHeading(usize),
    /// Everything else: 开头语, paragraphs, `一是……二是……`.
    Body,
    /// `特此报告。`
    Closing,
    /// 落款: the unit's name, after 特此报告 or just above the date.
    Signature,
    /// 成文日期: `2024年3月5日`, `二〇二四年三月五日`, or a placeholder such as `20XX年X月X日`.
    Date,
}

impl LineKind {
    /// A stable id for machine output: `section`, `sub_heading`, `body`, ….
    pub fn id(self) -> &'static str {
        match self {
            LineKind::Blank => "blank",
            LineKind::Title => "title",
            LineKind::Addressee => "addressee",
            LineKind::Section(_) => "section",
            LineKind::SubHeading(_) => "sub_heading",
            LineKind::Body => "body",
            LineKind::Closing => "closing",
            LineKind::Signature => "signature",
            LineKind::Date => "date",
        }
    }

    /// The part's Chinese name, as a clerk calls it.
    pub fn label(self) -> &'static str {
        match self {
            LineKind::Blank => "空行",
            LineKind::Title => "标题",
            LineKind::Addressee => "主送机关",
            LineKind::Section(_) => "一级标题",
            LineKind::SubHeading(_) => "二级标题",
            LineKind::Body => "正文",
            LineKind::Closing => "结束语",
            LineKind::Signature => "落款",
            LineKind::Date => "成文日期",
        }
    }
}

/// One line of the text, with where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'a> {
    /// 0-based line number.
    pub index: usize,
    /// Character offset of the line's first character in the whole text.
    pub start: usize,
    /// The line without its line break.
    pub text: &'a str,
    pub kind: LineKind,
}

/// The lines of `text` (breaks: `\n`, `\r\n` or a lone `\r`), each with its kind.
///
/// A text ending in a line break has no empty last line; an empty text has no lines.
pub fn split(text: &str) -> Vec<Line<'_>> {
    lines_of(raw_lines(text))
}

/// `split`, given where the text's breaks are: `(character offset, byte offset)` of every `\n`
/// and `\r`, in order (the check collects them while it decodes the characters, so the text is
/// not read a second time to find its lines). Gives exactly what `split` gives.
pub fn split_at_breaks<'a>(text: &'a str, breaks: &[(usize, usize)]) -> Vec<Line<'a>> {
    let bytes = text.as_bytes();
    let mut raw = Vec::with_capacity(breaks.len() + 1);
    let (mut line_byte, mut line_char) = (0, 0);
    let mut k = 0;
    while k < breaks.len() {
        let (c, b) = breaks[k];
        raw.push((line_char, &text[line_byte..b]));
        let (mut next_char, mut next_byte) = (c + 1, b + 1);
        // `\r\n` is one break.
        if bytes[b] == b'\r' && breaks.get(k + 1) == Some(&(c + 1, b + 1)) && bytes[b + 1] == b'\n' {
            next_char += 1;
            next_byte += 1;
            k += 1;
        }
        line_byte = next_byte;
        line_char = next_char;
        k += 1;
    }
    if line_byte < text.len() {
        raw.push((line_char, &text[line_byte..]));
    }
    lines_of(raw)
}

fn lines_of(raw: Vec<(usize, &str)>) -> Vec<Line<'_>> {
    let mut lines: Vec<Line<'_>> =
        raw.into_iter().enumerate().map(|(index, (start, text))| Line { index, start, text, kind: shape(text) }).collect();
    mark_front(&mut lines);
    mark_tail(&mut lines);
    lines
}

/// `(character offset, line)` for each line. It reads bytes, not characters: a line break's
/// byte never occurs inside another character's UTF-8 encoding, and the characters are counted
/// by their first bytes (every byte but the `10xxxxxx` continuation bytes).
fn raw_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let (mut line_byte, mut line_char, mut chars_seen) = (0, 0, 0);
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b & 0xC0 != 0x80 {
            chars_seen += 1;
        }
        if b == b'\n' || b == b'\r' {
            out.push((line_char, &text[line_byte..at]));
            let mut next_byte = at + 1;
            if b == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                chars_seen += 1;
                next_byte += 1;
            }
            line_byte = next_byte;
            line_char = chars_seen;
            at = next_byte;
            continue;
        }
        at += 1;
    }
    if line_byte < text.len() {
        out.push((line_char, &text[line_byte..]));
    }
    out
}

/// What a line is by its own shape: blank, a heading, 特此报告, a date, or (for now) body.
fn shape(line: &str) -> LineKind {
    let t = line.trim();
    if t.is_empty() {
        LineKind::Blank
    } else if let Some(n) = section_number(t) {
        LineKind::Section(n)
    } else if let Some(n) = sub_number(t) {
        LineKind::SubHeading(n)
    } else if t.starts_with("特此报告") {
        LineKind::Closing
    } else if is_date(t) {
        LineKind::Date
    } else {
        LineKind::Body
    }
}

/// What a report's title ends in, when no addressee follows it: 报告 (and 述职报告), 对照检查材料,
/// 工作总结和下年工作打算.
const TITLE_WORDS: [&str; 4] = ["报告", "材料", "总结", "打算"];

/// Title and addressee: only among the first two non-blank lines, before any heading.
fn mark_front(lines: &mut [Line<'_>]) {
    let mut front = lines.iter_mut().filter(|l| l.kind != LineKind::Blank).take(2);
    let Some(first) = front.next() else { return };
    if first.kind != LineKind::Body {
        return;
    }
    if is_addressee(first.text) {
        first.kind = LineKind::Addressee;
        return;
    }
    let Some(second) = front.next() else { return };
    if second.kind == LineKind::Body && is_addressee(second.text) && looks_like_title(first.text) {
        first.kind = LineKind::Title;
        second.kind = LineKind::Addressee;
    } else if looks_like_title(first.text) && TITLE_WORDS.iter().any(|w| first.text.contains(w)) {
        first.kind = LineKind::Title;
    }
}

/// 落款: the short, unpunctuated lines after 特此报告 or just above a final date, or the last
/// line of a report that ends without either after a finished sentence.
fn mark_tail(lines: &mut [Line<'_>]) {
    let content: Vec<usize> = lines.iter().filter(|l| l.kind != LineKind::Blank).map(|l| l.index).collect();
    let Some(&last) = content.last() else { return };
    // Walk back over a final date, then over the signature lines above it.
    let mut k = content.len();
    if lines[last].kind == LineKind::Date {
        k -= 1;
    }
    let mut candidates = Vec::new();
    while k > 0 && lines[content[k - 1]].kind == LineKind::Body && is_signature_like(lines[content[k - 1]].text) {
        candidates.push(content[k - 1]);
        k -= 1;
    }
    let before = if k > 0 { Some(&lines[content[k - 1]]) } else { None };
    let accepted = match before {
        // After 特此报告 everything short is 落款.
        Some(l) if l.kind == LineKind::Closing => true,
        // Above a date, or the report's last line after a finished paragraph.
        Some(l) => {
            let dated = lines[last].kind == LineKind::Date;
            !candidates.is_empty() && (dated || (candidates.len() == 1 && ends_a_sentence(l.text)))
        }
        None => false,
    };
    if accepted {
        for i in candidates {
            lines[i].kind = LineKind::Signature;
        }
    }
}

const NUMERALS: &str = "〇零一二三四五六七八九十百两";

/// `一、` → 1, `十二、` → 12 (also with `.` or `，` instead of `、`, which other rules flag).
fn section_number(t: &str) -> Option<usize> {
    let digits: String = t.chars().take_while(|c| NUMERALS.contains(*c)).collect();
    let rest = &t[digits.len()..];
    if digits.is_empty() || !rest.starts_with(['、', '．', '.']) {
        return None;
    }
    chinese_number(&digits)
}

/// `（一）` or `(一)` → 1.
fn sub_number(t: &str) -> Option<usize> {
    let rest = t.strip_prefix(['（', '('])?;
    let digits: String = rest.chars().take_while(|c| NUMERALS.contains(*c)).collect();
    if digits.is_empty() || !rest[digits.len()..].starts_with(['）', ')']) {
        return None;
    }
    chinese_number(&digits)
}

/// A Chinese numeral up to 九十九: `一`, `十`, `十二`, `二十`, `二十三`.
fn chinese_number(s: &str) -> Option<usize> {
    let digit = |c: char| "〇一二三四五六七八九".find(c).map(|byte| byte / '一'.len_utf8());
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c).filter(|&d| d > 0),
        ['十', u] => digit(*u).filter(|&d| d > 0).map(|d| 10 + d),
        [t, '十'] => digit(*t).filter(|&d| d > 1).map(|d| d * 10),
        [t, '十', u] => Some(digit(*t).filter(|&d| d > 1)? * 10 + digit(*u).filter(|&d| d > 0)?),
        _ => None,
    }
}

/// A line that is only a date: digits (Arabic, full-width or Chinese) or placeholder marks,
/// with 年, 月 and 日 in that order: `2024年3月5日`, `二〇二四年三月五日`, `20XX年X月X日`.
fn is_date(t: &str) -> bool {
    let figure = |c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二三四五六七八九十".contains(c) || "XxＸｘ×*＊□ 　".contains(c)
    };
    // A date starts with a figure and ends with 年, 月 or 日: most lines are ruled out at once.
    if !t.chars().next().is_some_and(figure) || !t.ends_with(['年', '月', '日']) {
        return false;
    }
    let mut parts = t.split(['年', '月', '日']);
    let (Some(y), Some(m), Some(d), Some(""), None) = (parts.next(), parts.next(), parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let ok = |s: &str, max: usize| s.chars().count() <= max && s.chars().all(figure);
    let y_len = y.trim().chars().count();
    (2..=4).contains(&y_len) && ok(y.trim(), 4) && ok(m, 4) && ok(d, 4)
}

/// `市委第×巡察组：`: ends with a colon, short, no sentence inside, not `现将……如下：`.
fn is_addressee(text: &str) -> bool {
    let t = text.trim();
    t.ends_with(['：', ':'])
        && t.chars().count() <= 40
        && !t.contains(['。', '；', ';'])
        && !t.contains("如下")
        && !t.starts_with("现将")
        && !t.starts_with("根据")
}

/// `关于……的报告`: short, no sentence punctuation, no colon.
fn looks_like_title(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 60 && !t.contains(['。', '，', '：', ':', '；', ';', '！', '？'])
}

/// A 落款 line: short, with no sentence punctuation (a unit name, possibly two words).
fn is_signature_like(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 30 && !t.contains(['。', '，', ',', '：', ':', '；', ';', '！', '？', '、'])
}

fn ends_a_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['。', '！', '？', '”', '.'])
}

#[cfg(test)]
mod tests {
    #[test]
    fn split_at_breaks_gives_what_split_gives() {
        let texts =
            ["", "\n", "一\r\n二\r三\n\n四", "关于报告\r\n\r\n市委：\r\n一、总体情况\r\n特此报告。\r\n", "a\r\r\nb\n\r", "末行无换行"];
        for text in texts {
            let breaks: Vec<(usize, usize)> =
                text.char_indices().enumerate().filter(|(_, (_, c))| matches!(c, '\n' | '\r')).map(|(ci, (bi, _))| (ci, bi)).collect();
            assert_eq!(split_at_breaks(text, &breaks), split(text), "{text:?}");
        }
    }

    use super::*;
    use LineKind::*;

    fn kinds(text: &str) -> Vec<LineKind> {
        split(text).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn a_whole_report() {
        let text = "关于党工委领导班子2022年以来选人用人工作情况的报告\n\
                    市委第三巡察组：\n\
                    现将党工委领导班子2022年以来选人用人工作情况报告如下：\n\
                    一、总体情况\n\
                    党工委深入贯彻……。\n\
                    （一）强组织建设，厚植干部培养基础\n\
                    一是强化领导班子建设。二是落实干部培养责任。\n\
                    二、存在的主要问题\n\
                    \n\
                    十二、今后整改措施和努力方向\n\
                    特此报告。\n\
                    中共某某党工委\n\
                    某某局\n\
                    2024年3月5日\n";
        assert_eq!(
            kinds(text),
            [
                Title,
                Addressee,
                Body,
                Section(1),
                Body,
                SubHeading(1),
                Body,
                Section(2),
                Blank,
                Section(12),
                Closing,
                Signature,
                Signature,
                Date
            ]
        );
    }

    #[test]
    fn one_line_at_a_time() {
        // (text, kind) for a line standing inside a report's body.
        let table = [
            ("一、总体情况", Section(1)),
            ("三、今后整改措施和努力方向", Section(3)),
            ("十、其他", Section(10)),
            ("二十一、其他", Section(21)),
            ("二.问题", Section(2)),
            ("（一）强组织建设，厚植干部培养基础", SubHeading(1)),
            ("(四)立担当管理", SubHeading(4)),
            ("（十一）其他", SubHeading(11)),
            ("（一）牢牢把握总体要求。坚决贯彻党的二十大精神", SubHeading(1)),
            ("一是组织人事干部队伍建设有待加强。", Body),
            ("一把手负总责", Body),
            ("十分重视", Body),
            ("（数字）名干部", Body),
            ("（党组）讨论决定", Body),
            ("特此报告。", Closing),
            ("特此报告", Closing),
            ("2024年3月5日", Date),
            ("  2024年3月5日  ", Date),
            ("二〇二四年三月五日", Date),
            ("２０２４年３月５日", Date),
            ("20XX年X月X日", Date),
            ("2024年 月 日", Date),
            ("2022年以来，选派1名干部到**镇挂职", Body),
            ("2024年3月5日召开会议。", Body),
            ("年月日", Body),
            ("", Blank),
            ("　　", Blank),
        ];
        for (line, want) in table {
            let text = format!("现将情况报告如下：\n{line}\n工作做得不够。");
            assert_eq!(kinds(&text)[1], want, "{line:?}");
        }
    }

    #[test]
    fn front_matter() {
        // (text, kinds)
        let table: [(&str, &[LineKind]); 7] = [
            ("v市委巡察组：\n现将报告如下：\n一、总体情况", &[Addressee, Body, Section(1)]),
            ("关于选人用人工作情况的报告\n市委巡察组：", &[Title, Addressee]),
            ("关于选人用人工作情况的报告\n现将报告如下：", &[Title, Body]),
            ("\n\n市委巡察组:\n", &[Blank, Blank, Addressee]),
            ("现将党工委领导班子2022年以来选人用人工作情况报告如下：", &[Body]),
            ("党工委深入贯彻……。\n市委巡察组：", &[Body, Body]),
            ("一、总体情况\n市委巡察组：", &[Section(1), Body]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want, "{text:?}");
        }
    }

    #[test]
    fn tail_matter() {
        // (text, kinds)
        let table: [(&str, &[LineKind]); 8] = [
            ("工作做得不够。\n特此报告。\n党工委\n2024年3月5日", &[Body, Closing, Signature, Date]),
            ("工作做得不够。\n特此报告。\n党工委", &[Body, Closing, Signature]),
            ("工作做得不够。\n党工委\n2024年3月5日", &[Body, Signature, Date]),
            ("工作做得不够。\n党工委", &[Body, Signature]),
            ("工作做得不够。\n特此报告。\n\n党工委\n\n2024年3月5日\n\n", &[Body, Closing, Blank, Signature, Blank, Date, Blank]),
            ("工作做得不够。\n特此报告。", &[Body, Closing]),
            ("工作做得不够。\n2024年3月5日", &[Body, Date]),
            // Two short lines at the end without 特此报告 or a date are not taken for a 落款.
            ("工作做得不够。\n党工委\n办公室", &[Body, Body, Body]),
        ];
        for (text, want) in table {
            assert_eq!(kinds(text), want, "{text:?}");
        }
        // A body that ends mid-sentence does not end in a 落款.
        assert_eq!(kinds("一、总体情况\n打牢基础"), [Section(1), Body]);
        // A long last paragraph is body (the seed ends like this).
        assert_eq!(kinds("一、总体情况\n大胆向市委推荐使用。"), [Section(1), Body]);
    }

    #[test]
    fn line_breaks_and_character_offsets() {
        let lines = split("甲乙\r\n丙\r丁\n\n戊");
        let got: Vec<(usize, usize, &str)> = lines.iter().map(|l| (l.index, l.start, l.text)).collect();
        assert_eq!(got, [(0, 0, "甲乙"), (1, 4, "丙"), (2, 6, "丁"), (3, 8, ""), (4, 9, "戊")]);
        assert_eq!(split("甲\n").len(), 1);
        assert!(split("").is_empty());
    }

    #[test]
    fn the_seed_report() {
        let seed = include_str!("../../../tests/fixtures/seed-report.txt");
        let lines = split(seed);
        let of = |k: LineKind| lines.iter().filter(|l| l.kind == k).count();
        assert_eq!(lines[0].kind, Addressee);
        assert_eq!(lines[1].kind, Body);
        let sections: Vec<usize> = lines.iter().filter_map(|l| if let Section(n) = l.kind { Some(n) } else { None }).collect();
        assert_eq!(sections, [1, 2, 3]);
        assert_eq!(of(SubHeading(1)), 2);
        assert_eq!(of(SubHeading(4)), 1);
        assert_eq!((of(Title), of(Closing), of(Signature), of(Date)), (0, 0, 0, 0));
    }
}
