//! The workshop's adjustments to a proposed template (the page's 模板制作): one state (`Workshop`:
//! the model text, the template being made, the key figures turned into fixed text) and one
//! reducer (`Workshop::apply`) over `Edit`s — rename, merge or split parts, mark them required,
//! a key figure into fixed text and back, labels and hints, genre and 结束语, relations. What is
//! saved is `proposal()`: the template with the fixed figures written in. It is checked live
//! as the page would read the file (`flaws`: `TemplateError`'s place and Chinese message).
//! The marks of the model view are in `marks.rs`.
use super::{derive, to_json, Refused};
use crate::domain::model::draft::Draft;
use crate::domain::model::gallery::entry_of;
use crate::domain::model::numbering;
use crate::domain::model::template::{Genre, ItemField, Part, PartKind, Relation, Template, TITLE_BREAK};
use crate::domain::output::render::plain_text;

/// The workshop's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Workshop {
    /// The model report as pasted or opened (for an existing template: its example, rendered).
    pub model: String,
    /// The template being made, every key figure still in it (fixed ones too: they can come back).
    pub template: Template,
    /// Key figures turned into fixed text (their ids): the saved template writes their example.
    pub fixed: Vec<String>,
    /// What the proposal guessed, for the administrator to check.
    pub notes: Vec<String>,
}

/// One adjustment. Parts are numbered as in `template.parts` (from 0).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The report type's name (the gallery's).
    Name(String),
    /// The gallery's line on when the report is written.
    Summary(String),
    Genre(Genre),
    /// The 结束语 (`特此报告。`); empty: none.
    Closing(String),
    /// A part's name: a section's heading (and its label, numbered), another part's label.
    Rename {
        part: usize,
        name: String,
    },
    Hint {
        part: usize,
        hint: String,
    },
    Required {
        part: usize,
        required: bool,
    },
    /// A part and the one after it become one (two sections, or two paragraphs).
    MergeWithNext(usize),
    /// A section's items from `at` on (or, without items, its lines from `at` on; a paragraph's
    /// lines) become a new part after it.
    Split {
        part: usize,
        at: usize,
    },
    SlotLabel {
        slot: String,
        label: String,
    },
    SlotHint {
        slot: String,
        hint: String,
    },
    /// The key figure becomes fixed text: its example is written wherever it was.
    Fix(String),
    /// A fixed figure becomes a key figure again.
    Unfix(String),
    AddRelation(Relation),
    RemoveRelation(usize),
    /// A section's items: what one is called (`问题`), what its heading, body and points ask for.
    Items {
        part: usize,
        what: ItemWords,
        text: String,
    },
    /// A box in every item of a section (`整改措施：…`): its name, its lead or its hint.
    Field {
        part: usize,
        field: String,
        what: FieldWords,
        text: String,
    },
    FieldRequired {
        part: usize,
        field: String,
        required: bool,
    },
}

/// The words of a section's items an `Edit::Items` changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemWords {
    /// What one item is called (`问题`, `方面`, `措施`).
    Label,
    HeadingHint,
    BodyHint,
    /// Of the points inside each item (`一是……`): what a point's topic asks for.
    TopicHint,
    /// Of the points: what a point's text asks for.
    PointBodyHint,
    /// Of items that answer another section's (measures, problems): how to link them.
    AnswersHint,
}

/// The words of an item box an `Edit::Field` changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldWords {
    Label,
    /// Printed before its text (`整改措施`; the `：` is added when printed).
    Lead,
    Hint,
}

/// A problem of the template as it stands: where (`parts[3].label`, the `TemplateError` place)
/// and what, in Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flaw {
    pub place: String,
    pub message: String,
}

impl Flaw {
    /// The part it is in, if any (`parts[3]…` → 3).
    pub fn part(&self) -> Option<usize> {
        self.place.strip_prefix("parts[")?.split(']').next()?.parse().ok()
    }
}

impl Flaw {
    /// Where it is, for the administrator: in words (`第3部分“二、存在的问题”的分条`), then the
    /// place in the file, then what is wrong.
    pub fn describe(&self, t: &Template) -> String {
        let index = |rest: &str| -> Option<(usize, String)> {
            let (n, tail) = rest.split_once(']')?;
            Some((n.parse().ok()?, tail.to_string()))
        };
        let words = if let Some((i, tail)) = self.place.strip_prefix("parts[").and_then(index) {
            // Its name as shown (a section's without a heading is only its number: none).
            let name = t.parts.get(i).map_or("", |p| if p.kind == PartKind::Section { p.heading.trim() } else { p.label.trim() });
            let label = if name.is_empty() { String::new() } else { format!("“{name}”") };
            let inside = match tail.strip_prefix(".items.fields[").and_then(index) {
                Some((k, _)) => format!("每条里的第{}栏", k + 1),
                None if tail.starts_with(".items") => "的分条".to_string(),
                None => String::new(),
            };
            format!("第{}部分{label}{inside}", i + 1)
        } else if let Some((i, _)) = self.place.strip_prefix("slots[").and_then(index) {
            t.slots.get(i).map_or_else(|| format!("第{}个关键数字", i + 1), |s| format!("关键数字“{}”", s.label))
        } else if let Some((i, _)) = self.place.strip_prefix("relations[").and_then(index) {
            format!("第{}条关系", i + 1)
        } else {
            match self.place.as_str() {
                "name" => "报告类型名称",
                "title" | "title_year" => "标题",
                "parts" => "各部分",
                _ => "",
            }
            .to_string()
        };
        match (words.is_empty(), self.place.is_empty()) {
            (_, true) => self.message.clone(),
            (true, false) => format!("{}：{}", self.place, self.message),
            (false, false) => format!("{words}（{}）：{}", self.place, self.message),
        }
    }
}

impl std::fmt::Display for Flaw {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}：{}", self.place, self.message)
        }
    }
}

impl Workshop {
    /// The workshop on a template proposed from a model report.
    pub fn from_model(model: &str) -> Result<Workshop, Refused> {
        let d = derive(model)?;
        Ok(Workshop { model: model.to_string(), template: d.template, fixed: Vec::new(), notes: d.notes })
    }

    /// The workshop on an existing template, its example as the model. `copy` (a built-in one):
    /// under an id and name of its own, so it never replaces the built-in type.
    pub fn from_template(template: &Template, copy: bool) -> Workshop {
        Workshop::from_template_beside(template, copy, &[])
    }

    /// The same, the copy's id and name also free among `others` (the templates kept in this
    /// browser and any other the page knows: (id, name)): `<id>-own` and `…（本单位）`, else
    /// `<id>-own2` and `…（本单位之二）`, and so on. The built-in ids are always taken.
    pub fn from_template_beside(template: &Template, copy: bool, others: &[(String, String)]) -> Workshop {
        let mut t = template.clone();
        if copy {
            (t.id, t.name) = copy_names(template, others);
        }
        let model = plain_text(template, &Draft::example(template));
        Workshop { model, template: t, fixed: Vec::new(), notes: Vec::new() }
    }

    /// Apply one adjustment; `Err` (in Chinese) leaves the state as it was.
    pub fn apply(&mut self, edit: Edit) -> Result<(), String> {
        let t = &mut self.template;
        let parts = t.parts.len();
        let part_at = |p: usize| if p < parts { Ok(p) } else { Err("没有这一部分。".to_string()) };
        match edit {
            Edit::Name(name) => t.name = name,
            Edit::Summary(s) => t.summary = s,
            Edit::Genre(g) => t.genre = g,
            Edit::Closing(text) => set_closing(t, text.trim()),
            Edit::Rename { part, name } => {
                let p = &mut t.parts[part_at(part)?];
                if p.kind == PartKind::Section {
                    p.heading = name.trim().to_string();
                    p.label = format!("{}{}", number_of(&p.label), p.heading.chars().take(24).collect::<String>());
                } else {
                    p.label = name.trim().to_string();
                }
            }
            Edit::Hint { part, hint } => t.parts[part_at(part)?].hint = hint,
            Edit::Required { part, required } => t.parts[part_at(part)?].required = required,
            Edit::MergeWithNext(part) => {
                part_at(part + 1)?;
                merge(t, part)?;
                renumber(t);
            }
            Edit::Split { part, at } => {
                split(t, part_at(part)?, at)?;
                renumber(t);
            }
            Edit::SlotLabel { slot, label } => slot_mut(t, &slot)?.label = label,
            Edit::SlotHint { slot, hint } => slot_mut(t, &slot)?.hint = hint,
            Edit::Fix(slot) => {
                slot_mut(t, &slot)?;
                if !self.fixed.contains(&slot) {
                    self.fixed.push(slot);
                }
            }
            Edit::Unfix(slot) => self.fixed.retain(|s| *s != slot),
            Edit::AddRelation(r) => {
                if t.relations.contains(&r) {
                    return Err("这条关系已经有了。".to_string());
                }
                t.relations.push(r);
            }
            Edit::RemoveRelation(i) => {
                if i >= t.relations.len() {
                    return Err("没有这一条关系。".to_string());
                }
                t.relations.remove(i);
            }
            Edit::Items { part, what, text } => {
                let p = &mut t.parts[part_at(part)?];
                let label = p.label.clone();
                let items = p.items.as_mut().ok_or_else(|| format!("“{label}”没有分条。"))?;
                if what == ItemWords::AnswersHint && items.answers.is_none() {
                    return Err(format!("“{label}”的各条不对应别的部分的条目。"));
                }
                let points = items.points.as_mut();
                let no_points = || format!("“{label}”的各条里没有“一是……”这样的要点。");
                let slot = match what {
                    ItemWords::AnswersHint => &mut items.answers_hint,
                    ItemWords::Label => &mut items.label,
                    ItemWords::HeadingHint => &mut items.heading_hint,
                    ItemWords::BodyHint => &mut items.body_hint,
                    ItemWords::TopicHint => &mut points.ok_or_else(no_points)?.topic_hint,
                    ItemWords::PointBodyHint => &mut points.ok_or_else(no_points)?.body_hint,
                };
                *slot = if what == ItemWords::Label { text.trim().to_string() } else { text };
            }
            Edit::Field { part, field, what, text } => {
                let f = field_mut(t, part_at(part)?, &field)?;
                match what {
                    FieldWords::Label => f.label = text.trim().to_string(),
                    FieldWords::Lead => f.lead = text.trim().trim_end_matches(['：', ':']).trim().to_string(),
                    FieldWords::Hint => f.hint = text,
                }
            }
            Edit::FieldRequired { part, field, required } => field_mut(t, part_at(part)?, &field)?.required = required,
        }
        Ok(())
    }

    /// The template as it will be saved: each fixed figure's example written in its place, the
    /// figure gone, with the relations that named it.
    pub fn proposal(&self) -> Template {
        let mut t = self.template.clone();
        let mut title = title_with_breaks(&t);
        for id in &self.fixed {
            let Some(slot) = t.slot(id).cloned() else { continue };
            let marker = format!("{{{id}}}");
            title = title.replace(&marker, &slot.example);
            for text in texts_mut(&mut t) {
                if text.contains(&marker) {
                    *text = text.replace(&marker, &slot.example);
                }
            }
            t.slots.retain(|s| s.id != *id);
            t.relations.retain(|r| r.slots().iter().all(|(s, _)| s != id));
            if t.title_year.as_deref() == Some(id) {
                t.title_year = None;
            }
        }
        t.title_breaks.clear();
        while let Some(at) = title.find(TITLE_BREAK) {
            title.remove(at);
            t.title_breaks.push(at);
        }
        t.title = title;
        t
    }

    /// The file to save (format 2, pretty).
    pub fn json(&self) -> String {
        to_json(&self.proposal())
    }

    /// The file's name on the server (`templates/ID.json`).
    pub fn file_name(&self) -> String {
        format!("{}.json", self.template.id)
    }

    /// Its line for the server's `templates/index.json`.
    pub fn index_line(&self) -> String {
        serde_json::to_string(&entry_of(&self.proposal(), &self.file_name())).unwrap_or_default()
    }

    /// What is wrong with the template as it stands, first what the page would refuse the file
    /// for (`Template::from_json`), then names left empty. None: it can be saved.
    pub fn flaws(&self) -> Vec<Flaw> {
        let mut out = Vec::new();
        if let Err(e) = Template::from_json(&self.json()) {
            out.push(Flaw { place: e.place.clone(), message: e.problem.to_string() });
        }
        let empty = |place: String, what: &str| Flaw { place, message: format!("{what}不能空着") };
        if self.template.name.trim().is_empty() {
            out.push(empty("name".into(), "报告类型的名称"));
        }
        for (i, p) in self.template.parts.iter().enumerate() {
            if p.label.trim().is_empty() || (p.kind == PartKind::Section && p.heading.trim().is_empty()) {
                out.push(empty(format!("parts[{i}].label"), "这一部分的名称"));
            }
            let Some(items) = &p.items else { continue };
            if items.label.trim().is_empty() {
                out.push(empty(format!("parts[{i}].items.label"), "每一条叫什么（如“问题”“措施”）"));
            }
            for (k, f) in items.fields.iter().enumerate() {
                if f.label.trim().is_empty() {
                    out.push(empty(format!("parts[{i}].items.fields[{k}].label"), "每条里这一栏的名称"));
                }
            }
        }
        out
    }

    /// The template, checked, ready to keep or download: `Err` names the first flaw.
    pub fn finished(&self) -> Result<(Template, String), String> {
        if let Some(f) = self.flaws().first() {
            return Err(format!("模板还有问题，先改好再保存：{}", f.describe(&self.template)));
        }
        let json = self.json();
        let t = Template::from_json(&json).map_err(|e| format!("模板还有问题，先改好再保存：{e}"))?;
        Ok((t, json))
    }
}

fn field_mut<'a>(t: &'a mut Template, part: usize, id: &str) -> Result<&'a mut ItemField, String> {
    let p = &mut t.parts[part];
    let label = p.label.clone();
    p.items.as_mut().and_then(|i| i.fields.iter_mut().find(|f| f.id == id)).ok_or_else(|| format!("“{label}”的各条里没有这一栏。"))
}

/// A copy's id and name, free among the built-in types and `others` ((id, name)).
fn copy_names(t: &Template, others: &[(String, String)]) -> (String, String) {
    let builtin = crate::domain::model::gallery::builtin_index();
    let taken =
        |id: &str, name: &str| builtin.iter().any(|e| e.id == id || e.name == name) || others.iter().any(|(i, n)| i == id || n == name);
    // A copy of a copy is named after the original.
    let base = t.id.trim_end_matches(|c: char| c.is_ascii_digit()).strip_suffix("-own").unwrap_or(&t.id);
    let name = strip_own(&t.name);
    (1..)
        .map(|n| match n {
            1 => (format!("{base}-own"), format!("{name}（本单位）")),
            n => (format!("{base}-own{n}"), format!("{name}（本单位之{}）", numbering::chinese(n))),
        })
        .find(|(id, name)| !taken(id, name))
        .unwrap_or_default()
}

/// A name without the mark a copy's name carries.
fn strip_own(name: &str) -> &str {
    match name.rfind("（本单位") {
        Some(at) if name.ends_with('）') => &name[..at],
        _ => name,
    }
}

fn slot_mut<'a>(t: &'a mut Template, id: &str) -> Result<&'a mut crate::domain::model::template::SlotSpec, String> {
    t.slots.iter_mut().find(|s| s.id == id).ok_or_else(|| format!("没有关键数字“{id}”。"))
}

/// The title as in the file: with its break points `|`.
fn title_with_breaks(t: &Template) -> String {
    let mut title = t.title.clone();
    for &at in t.title_breaks.iter().rev() {
        if title.is_char_boundary(at) {
            title.insert(at, TITLE_BREAK);
        }
    }
    title
}

/// Every example text of the template but the title (which holds break points).
fn texts_mut(t: &mut Template) -> Vec<&mut String> {
    let mut out = Vec::new();
    for part in &mut t.parts {
        out.push(&mut part.example);
        let Some(items) = &mut part.items else { continue };
        for ex in &mut items.examples {
            out.push(&mut ex.heading);
            out.push(&mut ex.body);
            for pt in &mut ex.points {
                out.push(&mut pt.topic);
                out.push(&mut pt.body);
            }
            out.extend(ex.fields.values_mut());
        }
    }
    out
}

/// A section label's number (`三、`), if it starts with one.
fn number_of(label: &str) -> String {
    let n: String = label.chars().take_while(|c| "一二三四五六七八九十百".contains(*c)).collect();
    if !n.is_empty() && label[n.len()..].starts_with('、') {
        format!("{n}、")
    } else {
        String::new()
    }
}

/// The sections' labels numbered in order again (`一、`, `二、`…), where they carry a number.
fn renumber(t: &mut Template) {
    for (k, p) in t.parts.iter_mut().filter(|p| p.kind == PartKind::Section).enumerate() {
        let old = number_of(&p.label);
        if !old.is_empty() {
            p.label = format!("{}{}", numbering::section(k + 1), &p.label[old.len()..]);
        }
    }
}

/// An id no part has: `base`, else `base2`, `base3`…
fn free_id(t: &Template, base: &str) -> String {
    let taken = |id: &str| t.parts.iter().any(|p| p.id == id);
    if !taken(base) {
        return base.to_string();
    }
    (2..).map(|n| format!("{base}{n}")).find(|id| !taken(id)).unwrap_or_default()
}

fn set_closing(t: &mut Template, text: &str) {
    let at = t.parts.iter().position(|p| p.kind == PartKind::Closing);
    match (at, text.is_empty()) {
        (Some(i), true) => {
            t.parts.remove(i);
        }
        (Some(i), false) => t.parts[i].example = text.to_string(),
        (None, true) => {}
        (None, false) => {
            let before = t.parts.iter().position(|p| matches!(p.kind, PartKind::Signature | PartKind::Date)).unwrap_or(t.parts.len());
            let hint = if t.genre == Genre::Report { super::hints::CLOSING_REPORT } else { super::hints::CLOSING_OTHER };
            let part = Part {
                id: free_id(t, "closing"),
                kind: PartKind::Closing,
                label: "结束语".to_string(),
                hint: hint.to_string(),
                example: text.to_string(),
                required: true,
                heading: String::new(),
                items: None,
            };
            t.parts.insert(before, part);
        }
    }
}

/// Part `p` and the next become one: two paragraphs their lines; two sections their lead lines
/// and items (of one layout: another's item boxes are added by their lead).
fn merge(t: &mut Template, p: usize) -> Result<(), String> {
    let (a, b) = (&t.parts[p], &t.parts[p + 1]);
    if a.kind != b.kind || !matches!(a.kind, PartKind::Section | PartKind::Paragraph) {
        return Err(format!("“{}”和“{}”不能合并：只能合并相邻的两个正文部分（两段正文，或两个“一、”这样的部分）。", a.label, b.label));
    }
    if let (Some(x), Some(y)) = (&a.items, &b.items) {
        if x.layout != y.layout {
            return Err(format!("“{}”和“{}”的分条写法不同（一种是“（一）”分条，一种是“一是”分条），不能合并。", a.label, b.label));
        }
    }
    let b = t.parts.remove(p + 1);
    let a = &mut t.parts[p];
    a.example = [a.example.as_str(), b.example.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("\n");
    if !b.hint.is_empty() && !a.hint.contains(&b.hint) {
        a.hint = format!("{}{}", a.hint, b.hint);
    }
    a.required |= b.required;
    let offset = a.items.as_ref().map_or(0, |i| i.examples.len());
    match (&mut a.items, b.items) {
        (_, None) => {}
        (None, Some(items)) => a.items = Some(items),
        (Some(x), Some(y)) => {
            // The other's boxes by their lead: the same lead is the same box.
            let mut ids = Vec::new();
            for f in &y.fields {
                let id = match x.fields.iter().find(|g| g.lead == f.lead) {
                    Some(g) => g.id.clone(),
                    None => {
                        let id = (1..).map(|n| format!("field{n}")).find(|id| x.field(id).is_none()).unwrap_or_default();
                        x.fields.push(ItemField { id: id.clone(), ..f.clone() });
                        id
                    }
                };
                ids.push((f.id.clone(), id));
            }
            for mut ex in y.examples {
                ex.fields =
                    ex.fields.into_iter().map(|(k, v)| (ids.iter().find(|(o, _)| *o == k).map_or(k, |(_, n)| n.clone()), v)).collect();
                x.examples.push(ex);
            }
            x.max = x.max.max(y.max).max(x.examples.len());
            if x.points.is_none() {
                x.points = y.points;
            }
        }
    }
    // What answered the part merged away answers this one, its items counted after ours.
    let (gone, kept) = (b.id, t.parts[p].id.clone());
    for part in &mut t.parts {
        let Some(items) = &mut part.items else { continue };
        if items.answers.as_deref() == Some(gone.as_str()) {
            items.answers = Some(kept.clone());
            for ex in &mut items.examples {
                ex.answers.iter_mut().for_each(|i| *i += offset);
            }
        }
    }
    Ok(())
}

/// Part `p` split at `at`: a section's items from `at` on (else its lines), or a paragraph's
/// lines, into a new part after it.
fn split(t: &mut Template, p: usize, at: usize) -> Result<(), String> {
    let part = &t.parts[p];
    if !matches!(part.kind, PartKind::Section | PartKind::Paragraph) {
        return Err(format!("“{}”不能拆分：只能拆分正文部分。", part.label));
    }
    let base = if part.kind == PartKind::Section { "section" } else { "paragraph" };
    let id = free_id(t, base);
    let part = &mut t.parts[p];
    let mut new = Part { id, example: String::new(), heading: String::new(), hint: String::new(), items: None, ..part.clone() };
    match &mut part.items {
        Some(items) if items.examples.len() >= 2 => {
            if at == 0 || at >= items.examples.len() {
                return Err(format!("请在第 2 到第 {} 条之间选一处拆分。", items.examples.len()));
            }
            let mut rest = items.clone();
            rest.examples = items.examples.split_off(at);
            // The new part answers nothing; what only its items answered, the last item kept
            // answers now (as a derived template's last measure answers the problems left), so
            // the example still answers every problem.
            rest.answers = None;
            let moved: Vec<usize> = rest.examples.iter_mut().flat_map(|e| std::mem::take(&mut e.answers)).collect();
            if let Some(last) = items.examples.last_mut() {
                for i in moved {
                    if !last.answers.contains(&i) {
                        last.answers.push(i);
                    }
                }
                last.answers.sort_unstable();
            }
            new.items = Some(rest);
        }
        _ => {
            let lines: Vec<&str> = part.example.lines().collect();
            if at == 0 || at >= lines.len() {
                return Err(format!("“{}”只有 {} 段，没有可以拆开的地方。", part.label, lines.len().max(1)));
            }
            new.example = lines[at..].join("\n");
            part.example = lines[..at].join("\n");
        }
    }
    // A section split at an item has no lead paragraph of its own: its lead is not required.
    new.required &= !new.example.is_empty() || new.kind == PartKind::Paragraph;
    if new.kind == PartKind::Section {
        new.heading = "新的部分".to_string();
        new.label = format!("{}新的部分", if number_of(&part.label).is_empty() { "" } else { "一、" });
        new.hint = "写这一部分的内容。".to_string();
    } else {
        new.label = format!("{}（续）", part.label);
        new.hint = part.hint.clone();
    }
    let cut = at;
    let split_id = part.id.clone();
    // Answers to items that moved to the new part are dropped (the administrator links them again).
    for q in &mut t.parts {
        let Some(items) = &mut q.items else { continue };
        if items.answers.as_deref() == Some(split_id.as_str()) {
            items.examples.iter_mut().for_each(|e| e.answers.retain(|&i| i < cut));
        }
    }
    t.parts.insert(p + 1, new);
    Ok(())
}
