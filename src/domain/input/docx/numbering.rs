//! Word's automatic numbering, resolved to what Word shows: `numbering.xml`'s abstract
//! definitions (per level: start, format, level text such as `%1、` or `（%1）`, restarts), the
//! numbering instances that use them (with their overrides), and paragraph styles that carry a
//! numbering (`styles.xml`).
//!
//! Counting follows Word: instances of one abstract definition continue one sequence, except
//! where an instance overrides a level's start, which restarts that level at its first use; a
//! level restarts when a higher level is used (unless its `lvlRestart` says otherwise).
use super::xml::{attr, val, Pull, Step};
use super::Refusal;
use std::collections::BTreeMap;

const LEVELS: usize = 9;

#[derive(Clone, Debug, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// `lvlRestart`: restarts when a level above this 1-based one is used; 0: never.
    restart: Option<usize>,
    /// `isLgl`: every number in the text in Arabic digits.
    legal: bool,
    /// The paragraph style tied to this level (`w:pStyle` in the level).
    style: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Instance {
    id: String,
    abstract_id: String,
    /// Per level: a new start (`startOverride`) and a whole new level definition (`w:lvl`).
    starts: [Option<u32>; LEVELS],
    levels: [Option<Level>; LEVELS],
    /// Used already: its start overrides apply at its first use only.
    used: bool,
}

#[derive(Debug)]
struct Abstract {
    id: String,
    levels: Vec<Level>,
    count: Count,
}

/// The count of one abstract definition so far.
#[derive(Clone, Copy, Debug, Default)]
struct Count {
    value: [u32; LEVELS],
    /// A level is counting: its next paragraph adds one; otherwise it starts at its start.
    counting: [bool; LEVELS],
}

/// Lists, each with an index by id of one map type (one map's code in the reader module; a
/// hostile file with a million definitions is still looked up in logarithmic time).
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: Vec<Abstract>,
    instances: Vec<Instance>,
    /// Paragraph styles: their numbering, and what they are based on.
    styles: Vec<StyleNum>,
    abstract_at: BTreeMap<String, usize>,
    instance_at: BTreeMap<String, usize>,
    style_at: BTreeMap<String, usize>,
}

/// The first place of each id.
fn index<'a>(ids: impl Iterator<Item = &'a String>) -> BTreeMap<String, usize> {
    let mut map = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        map.entry(id.clone()).or_insert(i);
    }
    map
}

/// The longest level text kept (Word's own are a few characters; a hostile one could be
/// megabytes, repeated on every paragraph).
const MAX_LEVEL_TEXT: usize = 64;

#[derive(Debug, Default)]
struct StyleNum {
    id: String,
    num_id: Option<String>,
    level: Option<usize>,
    based_on: Option<String>,
}

fn level_index(v: Option<String>) -> Option<usize> {
    v.and_then(|v| v.trim().parse::<usize>().ok()).filter(|&l| l < LEVELS)
}

impl Numbering {
    /// Reads `numbering.xml` (if the file has one) and `styles.xml` (if any).
    pub fn read(numbering: Option<&str>, styles: Option<&str>) -> Result<Numbering, Refusal> {
        let mut n = Numbering::default();
        if let Some(xml) = numbering {
            n.read_numbering(xml)?;
        }
        if let Some(xml) = styles {
            n.read_styles(xml)?;
        }
        n.abstract_at = index(n.abstracts.iter().map(|a| &a.id));
        n.instance_at = index(n.instances.iter().map(|i| &i.id));
        n.style_at = index(n.styles.iter().map(|s| &s.id));
        Ok(n)
    }

    fn read_numbering(&mut self, xml: &str) -> Result<(), Refusal> {
        let mut pull = Pull::new(xml);
        // Where we are: an abstract definition's id, an instance's id, an override's level,
        // the level being read.
        let (mut abstract_id, mut num_id): (Option<String>, Option<String>) = (None, None);
        let mut override_level: Option<usize> = None;
        let mut level: Option<(usize, Level)> = None;
        loop {
            match pull.next()? {
                Step::End => return Ok(()),
                Step::Text(_) => {}
                Step::Open(e) => match e.name().as_ref() {
                    b"w:abstractNum" => abstract_id = attr(&e, b"w:abstractNumId"),
                    b"w:num" => {
                        num_id = attr(&e, b"w:numId");
                        if let Some(id) = &num_id {
                            self.instances.push(Instance { id: id.clone(), ..Instance::default() });
                        }
                    }
                    b"w:abstractNumId" => {
                        if let (Some(instance), Some(v)) = (self.instances.last_mut().filter(|_| num_id.is_some()), val(&e)) {
                            instance.abstract_id = v;
                        }
                    }
                    b"w:lvlOverride" => override_level = level_index(attr(&e, b"w:ilvl")),
                    b"w:startOverride" => {
                        if let (Some(instance), Some(l)) = (self.instances.last_mut().filter(|_| num_id.is_some()), override_level) {
                            instance.starts[l] = val(&e).and_then(|v| v.parse().ok());
                        }
                    }
                    b"w:lvl" => {
                        let at = level_index(attr(&e, b"w:ilvl")).or(override_level);
                        level = at.map(|l| (l, Level { start: 1, format: "decimal".into(), ..Level::default() }));
                    }
                    name => {
                        if let Some((_, lvl)) = &mut level {
                            match name {
                                b"w:start" => lvl.start = val(&e).and_then(|v| v.parse().ok()).unwrap_or(1),
                                b"w:numFmt" => lvl.format = val(&e).unwrap_or_default(),
                                b"w:lvlText" => lvl.text = val(&e).unwrap_or_default().chars().take(MAX_LEVEL_TEXT).collect(),
                                b"w:lvlRestart" => lvl.restart = val(&e).and_then(|v| v.parse().ok()),
                                b"w:isLgl" => lvl.legal = super::xml::is_on(&e),
                                b"w:pStyle" => lvl.style = val(&e),
                                _ => {}
                            }
                        }
                    }
                },
                Step::Close(e) => match &*e {
                    b"w:abstractNum" => abstract_id = None,
                    b"w:num" => num_id = None,
                    b"w:lvlOverride" => override_level = None,
                    b"w:lvl" => {
                        if let Some((l, lvl)) = level.take() {
                            if let Some(instance) = self.instances.last_mut().filter(|_| num_id.is_some()) {
                                instance.levels[l] = Some(lvl);
                            } else if let Some(id) = &abstract_id {
                                if self.abstracts.last().is_none_or(|a| &a.id != id) {
                                    let levels = vec![Level::default(); LEVELS];
                                    self.abstracts.push(Abstract { id: id.clone(), levels, count: Count::default() });
                                }
                                if let Some(a) = self.abstracts.last_mut() {
                                    a.levels[l] = lvl;
                                }
                            }
                        }
                    }
                    _ => {}
                },
            }
        }
    }

    fn read_styles(&mut self, xml: &str) -> Result<(), Refusal> {
        let mut pull = Pull::new(xml);
        let mut style: Option<(String, StyleNum)> = None;
        // Changes tracked to a style keep its old properties: not read.
        let mut skip = 0usize;
        loop {
            match pull.next()? {
                Step::End => return Ok(()),
                Step::Text(_) => {}
                Step::Open(e) => {
                    if skip > 0 {
                        skip += 1;
                        continue;
                    }
                    match e.name().as_ref() {
                        b"w:pPrChange" | b"w:rPrChange" => skip = 1,
                        b"w:style" => {
                            let paragraph = attr(&e, b"w:type").is_none_or(|t| t == "paragraph");
                            style =
                                attr(&e, b"w:styleId").filter(|_| paragraph).map(|id| (id.clone(), StyleNum { id, ..StyleNum::default() }));
                        }
                        b"w:basedOn" => {
                            if let Some((_, s)) = &mut style {
                                s.based_on = val(&e);
                            }
                        }
                        b"w:numId" => {
                            if let Some((_, s)) = &mut style {
                                s.num_id = val(&e);
                            }
                        }
                        b"w:ilvl" => {
                            if let Some((_, s)) = &mut style {
                                s.level = level_index(val(&e));
                            }
                        }
                        _ => {}
                    }
                }
                Step::Close(e) => {
                    let name: &[u8] = &e;
                    if skip > 0 {
                        skip -= 1;
                    } else if name == b"w:style" {
                        if let Some((_, s)) = style.take() {
                            self.styles.push(s);
                        }
                    }
                }
            }
        }
    }

    /// The numbering a paragraph style gives (through the styles it is based on), if any.
    pub fn of_style(&self, style: &str) -> Option<(String, Option<usize>)> {
        let mut id = style;
        let mut level = None;
        // A chain of styles based on each other is short; a loop in it ends here.
        for _ in 0..16 {
            let s = self.styles.get(*self.style_at.get(id)?)?;
            level = level.or(s.level);
            if let Some(num) = &s.num_id {
                return Some((num.clone(), level));
            }
            id = s.based_on.as_deref()?;
        }
        None
    }

    /// The label Word shows on the next paragraph of instance `num_id` at `level` (`None`:
    /// the level tied to paragraph style `style`, else the first), counted.
    pub fn label(&mut self, num_id: &str, level: Option<usize>, style: Option<&str>) -> String {
        let Some(&i) = self.instance_at.get(num_id) else { return String::new() };
        let Some(&a) = self.abstract_at.get(&self.instances[i].abstract_id) else { return String::new() };
        let first_use = !std::mem::replace(&mut self.instances[i].used, true);
        let instance = &self.instances[i];
        let Abstract { levels, count, .. } = &mut self.abstracts[a];
        let levels = &*levels;
        let level =
            level.or_else(|| style.and_then(|s| levels.iter().position(|l| l.style.as_deref() == Some(s)))).unwrap_or(0).min(LEVELS - 1);
        let def = |l: usize| instance.levels[l].as_ref().or_else(|| levels.get(l)).cloned().unwrap_or_default();
        let start = |l: usize| instance.starts[l].unwrap_or_else(|| def(l).start);
        if first_use {
            for l in (0..LEVELS).filter(|&l| instance.starts[l].is_some()) {
                count.counting[l] = false;
            }
        }
        count.value[level] = if count.counting[level] { count.value[level].saturating_add(1) } else { start(level) };
        count.counting[level] = true;
        for deeper in level + 1..LEVELS {
            let restart_below = def(deeper).restart.unwrap_or(deeper);
            if level < restart_below {
                count.counting[deeper] = false;
            }
        }
        let this = def(level);
        if this.format == "bullet" {
            // A bullet is a symbol-font glyph; a 公文 has none, and the text reads without it.
            return String::new();
        }
        let mut out = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d));
            match (c, digit) {
                ('%', Some(d)) => {
                    chars.next();
                    let l = d as usize - 1;
                    let n = if count.counting[l] { count.value[l] } else { start(l) };
                    let format = if this.legal { "decimal".to_string() } else { def(l).format };
                    out.push_str(&format_number(n, &format));
                }
                _ => out.push(c),
            }
        }
        out
    }
}

const CHINESE_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// `n` in a numbering format of Word's (`w:numFmt`); formats this does not know in Arabic digits.
pub fn format_number(n: u32, format: &str) -> String {
    let from = |first: u32, count: u32| (1..=count).contains(&n).then(|| char::from_u32(first + n - 1)).flatten();
    let one_of = |set: &[char]| set[(n.max(1) as usize - 1) % set.len()].to_string();
    let or_decimal = |c: Option<char>, otherwise: String| c.map_or(otherwise, String::from);
    match format {
        "none" | "bullet" => String::new(),
        "chineseCounting" | "japaneseCounting" | "taiwaneseCounting" | "koreanCounting" => {
            chinese_counting(n, &CHINESE_DIGITS, ['十', '百', '千'])
        }
        "chineseCountingThousand" => chinese_counting(n, &['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'], ['十', '百', '千']),
        "chineseLegalSimplified" | "japaneseLegal" => {
            chinese_counting(n, &['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'], ['拾', '佰', '仟'])
        }
        "ideographDigital" | "taiwaneseDigital" | "koreanDigital" | "japaneseDigitalTenThousand" => {
            n.to_string().chars().map(|d| CHINESE_DIGITS[d.to_digit(10).unwrap_or(0) as usize]).collect()
        }
        "ideographTraditional" => one_of(&['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']),
        "ideographZodiac" => one_of(&['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥']),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" | "ideographEnclosedCircle" => or_decimal(from(0x2460, 20), n.to_string()),
        "decimalEnclosedParen" => or_decimal(from(0x2474, 20), format!("({n})")),
        "decimalEnclosedFullstop" => or_decimal(from(0x2488, 20), format!("{n}.")),
        "decimalFullWidth" | "decimalFullWidth2" => {
            n.to_string().chars().filter_map(|d| char::from_u32(d as u32 - '0' as u32 + 0xFF10)).collect()
        }
        "decimalZero" => format!("{n:02}"),
        "upperLetter" | "lowerLetter" => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let n = n.max(1) - 1;
            let letter = char::from(base + (n % 26) as u8);
            std::iter::repeat_n(letter, (n / 26 + 1).min(100) as usize).collect()
        }
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_ascii_lowercase(),
        _ => n.to_string(),
    }
}

/// 1 → 一, 10 → 十, 15 → 十五, 20 → 二十, 101 → 一百〇一 (一百零一 with `零` as the zero), 1010 →
/// 一千〇一十; from 10,000 on, Arabic digits.
fn chinese_counting(n: u32, digits: &[char; 10], units: [char; 3]) -> String {
    if n >= 10_000 {
        return n.to_string();
    }
    if n < 10 {
        return digits[n as usize].to_string();
    }
    let parts = [(n / 1000, Some(units[2])), (n / 100 % 10, Some(units[1])), (n / 10 % 10, Some(units[0])), (n % 10, None)];
    let mut out = String::new();
    let mut zero_pending = false;
    for (i, (d, unit)) in parts.into_iter().enumerate() {
        if d == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending {
            out.push(digits[0]);
            zero_pending = false;
        }
        // 十五, not 一十五, when the tens lead.
        let leading_ten = i == 2 && out.is_empty() && d == 1;
        if !leading_ten {
            out.push(digits[d as usize]);
        }
        if let Some(u) = unit {
            out.push(u);
        }
    }
    out
}

fn roman(mut n: u32) -> String {
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}
