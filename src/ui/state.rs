//! The app's one store: the draft on screen, its findings, the current step and the last
//! undoable removal, and the desk (`domain::store::desk`: 我的草稿, which draft is open, the
//! templates loaded, what the clerk is told), changed only through `Action`s. Every change of
//! the draft or the step is rechecked and autosaved by the desk in the same step, but for typing:
//! a keystroke leaves the findings `stale` and the draft `unsaved`; the page rechecks it right
//! after the keystroke's frame is painted and saves it soon after (`ui::autosave`: when the
//! browser is idle, within a second, and at once when the page is hidden or left), so the frame
//! that shows the typed character is not spent checking and writing a 20,000-character draft
//! (issue #24). Anything else done first rechecks and saves.
use std::rc::Rc;
use yew::Reducible;

use super::shared::Shared;
use crate::domain::check::{check_draft_cached, Context, FieldFinding, Finding, TextCache};
use crate::domain::model::draft::{Draft, Removed};
use crate::domain::model::template::{xuanren, Template};
use crate::domain::model::text::{replace_chars, Span};
use crate::domain::store::desk::{self, Desk, Do, Screen, Show, Stores};
use crate::domain::store::template_store::Loaded;

/// The outline's first step: the title and the figures it is made of (not a template part).
pub use crate::domain::model::fields::TITLE_STEP;
/// The outline's last step: what is still missing or wrong, and the downloads (not a template part).
pub const DONE_STEP: &str = "done";

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub template: Rc<Template>,
    /// 我的草稿, the open draft's id (where the autosave writes: only the desk changes it, in
    /// the same step as the draft, so a draft is never saved under another's id), the templates
    /// loaded, the dialogs and notices.
    pub desk: Shared<Desk>,
    pub draft: Rc<Draft>,
    /// `check_draft_with(template, draft, context)`: recomputed (through `cache`) by every action
    /// that edits the draft; after typing, by `Action::Settle` (until then `stale`).
    pub findings: Rc<Vec<FieldFinding>>,
    /// The outline step on screen.
    pub step: String,
    /// The last removal, with a description, until it is undone or another one replaces it.
    pub undo: Option<(String, Removed)>,
    /// A field to focus after the next render (set by a jump from the findings panel).
    pub focus: Option<FocusRequest>,
    /// What the checks need to know (the current year, from the browser's clock).
    pub context: Context,
    /// The last pass's findings by field text: an edit rechecks only the field it changed.
    pub cache: Shared<TextCache>,
    /// Typed but not yet autosaved (`Action::SetText`, `SetSlot`): `Action::SaveTyped` saves it,
    /// and so does any other action, before it does anything else.
    pub unsaved: bool,
    /// Typed since `findings` were computed (and the preview drawn, `ui::workspace`):
    /// `Action::Settle` rechecks, and so does any other action first. `checked_findings` is
    /// always the current draft's.
    pub stale: bool,
}

/// Put the cursor in a field, on a span. `seq` makes a repeated jump to the same place a new
/// request.
#[derive(Clone, Debug, PartialEq)]
pub struct FocusRequest {
    pub key: String,
    pub span: Span,
    pub seq: u64,
}

pub enum Action {
    /// The clerk changed a field (never sent while an IME composition is in progress).
    SetText {
        key: String,
        text: String,
    },
    /// The clerk typed a key figure.
    SetSlot {
        id: String,
        value: String,
    },
    /// Start a field from the template's example sentence (its figures stay to be typed).
    UseExample {
        key: String,
        pattern: String,
    },
    /// Switch a slotted sentence to free text, keeping the figures.
    MakeFree {
        key: String,
    },
    Goto(String),
    AddItem {
        section: String,
    },
    RemoveItem {
        section: String,
        item: u64,
    },
    MoveItem {
        section: String,
        item: u64,
        delta: isize,
    },
    AddPoint {
        section: String,
        item: u64,
    },
    RemovePoint {
        section: String,
        item: u64,
        point: u64,
    },
    MovePoint {
        section: String,
        item: u64,
        point: u64,
        delta: isize,
    },
    /// Link (or unlink) an item to an item it answers (a measure to a problem).
    SetAnswer {
        section: String,
        item: u64,
        answered: u64,
        on: bool,
    },
    Undo,
    /// Go to a field's step and put the cursor on a span in it.
    Jump {
        key: String,
        part: String,
        span: Span,
    },
    /// Apply a finding's mechanical fix. A slotted sentence becomes free text first.
    ApplyFix {
        key: String,
        span: Span,
        replacement: String,
    },
    /// Apply every fix of one rule at once (全部改为 last year's years).
    FixAll {
        rule: &'static str,
    },
    /// Start again from an empty draft (the UI asks first).
    Clear,
    /// Put a draft file, an imported report or the example into the open draft: only when that
    /// loses nothing (`AppState::replaces_nothing`); otherwise it goes into a new draft (`Open`).
    Load(crate::domain::store::saved::Saved),
    /// Switch to another draft of 我的草稿 (the desk has saved the open one first), of its own
    /// report type: the state's template becomes `template`.
    Open {
        id: String,
        saved: crate::domain::store::saved::Saved,
        template: Rc<Template>,
    },
    /// Move an unplaced piece of imported text to the end of a field.
    Place {
        index: usize,
        key: String,
    },
    /// Something done to the desk (`Desk::apply`): what it shows next is put on screen.
    Desk(Do),
    /// Save what was typed, if anything is unsaved (`ui::autosave`: the browser idle, or the
    /// page hidden or left); otherwise nothing changes.
    SaveTyped,
    /// Recheck what was typed, if the findings are stale (`ui::autosave`: once the keystroke's
    /// frame is painted); otherwise nothing changes.
    Settle,
    /// The page is being left: keep its screen for the next visit's first screen
    /// (`xtask/js/restore.js`), named by the stored version it shows — only when everything is
    /// saved and no conflict waits. Nothing in the state changes.
    KeepScreen,
}

impl AppState {
    pub fn new(template: Template) -> Self {
        let draft = Draft::new(&template);
        Self::with_draft(Rc::new(template), draft, TITLE_STEP.to_string())
    }

    /// The same state checked in another context (the browser's year).
    pub fn in_context(self, context: Context) -> Self {
        let (findings, cache) = check_draft_cached(&self.template, &self.draft, &context, &self.cache);
        AppState { context, findings: Rc::new(findings), cache: Shared(Rc::new(cache)), ..self }
    }

    /// The state a saved draft describes (an unknown step falls back to the first).
    pub fn restored(template: Rc<Template>, saved: crate::domain::store::saved::Saved) -> Self {
        let known = saved.step == TITLE_STEP || saved.step == DONE_STEP || template.part(&saved.step).is_some();
        let step = if known { saved.step } else { TITLE_STEP.to_string() };
        Self::with_draft(template, saved.draft, step)
    }

    fn with_draft(template: Rc<Template>, draft: Draft, step: String) -> Self {
        let context = Context::default();
        let (findings, cache) = check_draft_cached(&template, &draft, &context, &TextCache::default());
        let (findings, cache) = (Rc::new(findings), Shared(Rc::new(cache)));
        let desk = Shared(Rc::new(Desk::new(String::new(), Default::default(), Loaded { list: vec![template.clone()] }, String::new())));
        AppState {
            template,
            desk,
            draft: Rc::new(draft),
            findings,
            step,
            undo: None,
            focus: None,
            context,
            cache,
            unsaved: false,
            stale: false,
        }
    }

    /// The open draft's id in 我的草稿.
    pub fn draft_id(&self) -> &str {
        &self.desk.open
    }

    /// The same state with the desk `desk` (the page's start).
    pub fn with_desk(self, desk: Desk) -> Self {
        AppState { desk: Shared(Rc::new(desk)), ..self }
    }

    /// The draft on screen, as the desk sees it.
    pub fn screen(&self) -> Screen<'_> {
        Screen { template: &self.template, draft: &self.draft, step: &self.step }
    }

    /// A draft the desk shows, on screen (its own template; undo does not cross drafts).
    fn shown(&self, show: Show, desk: Desk) -> Self {
        let s = AppState::restored(show.template, show.saved).in_context(self.context);
        AppState { desk: Shared(Rc::new(desk)), ..s }
    }

    /// Let the desk carry out `what`, then save what is on screen if it changed: one step.
    fn with_desk_doing(self: Rc<Self>, what: Do) -> Rc<Self> {
        let (drafts, root) = (super::storage::drafts(), super::storage::Local);
        let stores = Stores { drafts: &drafts, root: &root };
        let now = super::browser::now();
        let mut desk = (*self.desk).clone();
        let mut next = self.clone();
        let mut what = Some(what);
        // A draft shown is saved at once; that save may itself show another window's version
        // (which is then only followed: it writes nothing). Twice at most.
        for _ in 0..3 {
            let Some(w) = what.take() else { break };
            match desk.apply(&stores, &next.screen(), w, now) {
                Some(show) => {
                    next = Rc::new(next.shown(show, desk.clone()));
                    what = Some(Do::Autosave);
                }
                None => break,
            }
        }
        Rc::new(AppState { desk: Shared(Rc::new(desk)), unsaved: false, ..(*next).clone() })
    }

    /// The same state with a new draft, rechecked; the step and undo are kept.
    fn edited(&self, draft: Draft) -> Self {
        let (findings, cache) = check_draft_cached(&self.template, &draft, &self.context, &self.cache);
        AppState { draft: Rc::new(draft), findings: Rc::new(findings), cache: Shared(Rc::new(cache)), stale: false, ..self.clone() }
    }

    /// The same state with a typed draft: checked and saved later (`stale`, `unsaved`).
    fn typed(&self, draft: Draft) -> Self {
        AppState { draft: Rc::new(draft), stale: true, unsaved: true, ..self.clone() }
    }

    /// The same state with its findings rechecked.
    fn settled(&self) -> Self {
        let (findings, cache) = check_draft_cached(&self.template, &self.draft, &self.context, &self.cache);
        AppState { findings: Rc::new(findings), cache: Shared(Rc::new(cache)), stale: false, ..self.clone() }
    }

    /// The findings of the draft as it is now, stale or not (what a download asks about).
    pub fn checked_findings(&self) -> Rc<Vec<FieldFinding>> {
        if self.stale {
            self.settled().findings
        } else {
            self.findings.clone()
        }
    }

    /// Findings inside one field's text, in text order. Findings about a field as a whole
    /// (an empty required field) have no span: they are shown in the outline and the summary,
    /// so a new, empty draft does not greet the clerk with warnings in every box.
    pub fn findings_in(&self, key: &str) -> Vec<Finding> {
        crate::domain::check::inside_field(&self.findings, key)
    }

    /// Whether the draft is still the empty one a new start gives.
    pub fn is_untouched(&self) -> bool {
        desk::is_untouched(&self.template, &self.draft)
    }

    /// Whether putting `incoming` (a draft file, an imported report, the example) in place of
    /// the open draft loses nothing (`desk::replaces_nothing`). Otherwise the desk puts it into a
    /// new draft.
    pub fn replaces_nothing(&self, incoming: &Draft) -> bool {
        desk::replaces_nothing(&self.template, &self.draft, incoming)
    }

    /// The outline's step ids, in order.
    pub fn step_ids(&self) -> Vec<String> {
        let parts = self.template.parts.iter().map(|p| p.id.clone());
        std::iter::once(TITLE_STEP.to_string()).chain(parts).chain([DONE_STEP.to_string()]).collect()
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new(xuanren())
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Settle => return if self.stale { Rc::new(self.settled()) } else { self },
            Action::SaveTyped => return if self.unsaved { self.with_desk_doing(Do::Autosave) } else { self },
            Action::KeepScreen => {
                if let (false, Some((id, rev))) = (self.unsaved, self.desk.shown_version()) {
                    super::browser::keep_screen(id, &rev.0);
                }
                return self;
            }
            _ => {}
        }
        let typing = matches!(action, Action::SetText { .. } | Action::SetSlot { .. });
        // What was typed is checked and saved before anything else is done: the fixes, the desk
        // and the store then see what they saw when every keystroke was checked and saved at once.
        let mut this = self;
        if this.stale && !typing {
            this = Rc::new(this.settled());
        }
        if this.unsaved && !typing && !matches!(action, Action::Desk(Do::Autosave)) {
            this = this.with_desk_doing(Do::Autosave);
        }
        if let Action::Desk(what) = action {
            return this.with_desk_doing(what);
        }
        let next = this.clone().edit(action);
        let changed = !Rc::ptr_eq(&next.draft, &this.draft) || next.step != this.step || next.draft_id() != this.draft_id();
        if !changed || typing {
            return next;
        }
        next.with_desk_doing(Do::Autosave)
    }
}

impl AppState {
    /// What an action does to the draft and the step, with nothing saved and no desk: the
    /// workshop's 预览（以起草人身份）, a form to try that leaves 我的草稿 alone.
    pub fn tried(self: Rc<Self>, action: Action) -> Rc<Self> {
        if matches!(action, Action::Desk(_)) {
            return self;
        }
        self.edit(action)
    }

    /// What an action does to the draft and the step.
    fn edit(self: Rc<Self>, action: Action) -> Rc<Self> {
        let t = self.template.clone();
        let mut desk = match &action {
            Action::Open { id, .. } => Shared(Rc::new(Desk { open: id.clone(), ..(*self.desk).clone() })),
            _ => self.desk.clone(),
        };
        let mut draft = (*self.draft).clone();
        let next = match action {
            Action::SetText { key, text } => {
                if draft.text(&key) == text && matches!(draft.field(&key), Some(crate::domain::model::draft::Field::Free { .. })) {
                    return self;
                }
                // Past `MAX_FIELD_CHARS` the rest goes to 未归类内容, in sight, not into the box;
                // past `MAX_DRAFT_CHARS` in all, what does not fit stays out. Either way the
                // clerk is told.
                use crate::domain::model::bounds::{cut_notice, rest_aside_notice, set_text_within, Fit};
                let told = match set_text_within(&mut draft, &key, text) {
                    Fit::Whole => None,
                    Fit::RestAside => Some(rest_aside_notice()),
                    Fit::Cut { dropped } => Some(cut_notice(dropped)),
                };
                if let Some(told) = told {
                    desk = Shared(Rc::new(Desk { notice: crate::domain::store::desk::Notice::problem(told), ..(*self.desk).clone() }));
                }
                self.typed(draft)
            }
            Action::SetSlot { id, value } => {
                draft.set_slot(&id, value);
                self.typed(draft)
            }
            Action::UseExample { key, pattern } => {
                draft.use_pattern(&key, pattern);
                self.edited(draft)
            }
            Action::MakeFree { key } => {
                draft.make_free(&key);
                self.edited(draft)
            }
            Action::Goto(step) => AppState { step, focus: None, ..(*self).clone() },
            Action::Jump { key, part, span } => {
                let seq = self.focus.as_ref().map_or(0, |f| f.seq + 1);
                AppState { step: part, focus: Some(FocusRequest { key, span, seq }), ..(*self).clone() }
            }
            Action::ApplyFix { key, span, replacement } => {
                draft.make_free(&key);
                let fixed = replace_chars(&draft.text(&key), span, &replacement);
                draft.set_text(&key, fixed);
                self.edited(draft)
            }
            Action::FixAll { rule } => {
                // Backwards: a field's findings are in text order, so a later fix never moves an
                // earlier span.
                let fixes = self.findings.iter().rev().filter(|f| f.finding.rule == rule);
                let mut changed = false;
                for f in fixes {
                    let Some(replacement) = &f.finding.replacement else { continue };
                    draft.make_free(&f.key);
                    let fixed = replace_chars(&draft.text(&f.key), f.finding.span, replacement);
                    draft.set_text(&f.key, fixed);
                    changed = true;
                }
                if !changed {
                    return self;
                }
                self.edited(draft)
            }
            Action::AddItem { section } => {
                draft.add_item(&t, &section);
                self.edited(draft)
            }
            Action::RemoveItem { section, item } => {
                let label = t.part(&section).and_then(|p| p.items.as_ref()).map_or("一项", |i| i.label.as_str()).to_string();
                let Some(removed) = draft.remove_item(&section, item) else { return self };
                let mut s = self.edited(draft);
                s.undo = Some((format!("已删除一个{label}。"), removed));
                s
            }
            Action::RemovePoint { section, item, point } => {
                let Some(removed) = draft.remove_point(&section, item, point) else { return self };
                let mut s = self.edited(draft);
                s.undo = Some(("已删除一个要点。".to_string(), removed));
                s
            }
            Action::MoveItem { section, item, delta } => {
                if !draft.move_item(&section, item, delta) {
                    return self;
                }
                self.edited(draft)
            }
            Action::AddPoint { section, item } => {
                draft.add_point(&section, item);
                self.edited(draft)
            }
            Action::MovePoint { section, item, point, delta } => {
                if !draft.move_point(&section, item, point, delta) {
                    return self;
                }
                self.edited(draft)
            }
            Action::SetAnswer { section, item, answered, on } => {
                draft.set_answer(&section, item, answered, on);
                self.edited(draft)
            }
            Action::Undo => {
                let Some((_, removed)) = self.undo.clone() else { return self };
                draft.restore(removed);
                let mut s = self.edited(draft);
                s.undo = None;
                s
            }
            Action::Load(saved) => AppState::restored(t, saved).in_context(self.context),
            Action::Open { saved, template, .. } => AppState::restored(template, saved).in_context(self.context),
            Action::Place { index, key } => {
                if index >= draft.unplaced.len() {
                    return self;
                }
                let piece = draft.unplaced.remove(index);
                draft.make_free(&key);
                let old = draft.text(&key);
                let new = if old.trim().is_empty() { piece } else { format!("{old}\n{piece}") };
                draft.set_text(&key, new);
                self.edited(draft)
            }
            Action::Clear => AppState::with_draft(t.clone(), Draft::new(&t), TITLE_STEP.to_string()).in_context(self.context),
            Action::Desk(_) | Action::SaveTyped | Action::Settle | Action::KeepScreen => return self,
        };
        Rc::new(AppState { desk, ..next })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::store::saved::{Saved, VERSION};

    impl AppState {
        fn with_id(self, id: &str) -> Self {
            let desk = Desk { open: id.to_string(), ..(*self.desk).clone() };
            self.with_desk(desk)
        }
    }

    /// What 填入示例 does to an untouched draft.
    fn fill_example() -> Action {
        Action::Load(Saved { version: VERSION, draft: Draft::example(&xuanren()), step: TITLE_STEP.into() })
    }

    #[test]
    fn editing_a_field_rechecks_the_draft() {
        let s = Rc::new(AppState::default());
        assert!(s.findings.iter().all(|f| f.finding.span.is_empty() || f.finding.rule == "missing-slot"));
        let s = s.reduce(Action::SetText { key: "addressee".into(), text: "**巡察组：".into() });
        assert!(s.stale && s.findings_in("addressee").is_empty(), "checked after the keystroke's frame");
        assert_eq!(s.checked_findings().iter().filter(|f| f.key == "addressee").count(), 1, "a download asks about what is typed");
        let s = s.reduce(Action::Settle);
        assert!(!s.stale);
        let f = s.findings_in("addressee");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "**");
        let s = s.reduce(fill_example());
        let errors: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.finding.rule == "placeholder" || f.finding.category == crate::domain::check::Category::Missing)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn remove_and_undo_restores_the_draft() {
        let s = Rc::new(AppState::default()).reduce(fill_example());
        let before = s.draft.clone();
        let item = s.draft.items("problems")[1].id;
        let s = s.reduce(Action::RemoveItem { section: "problems".into(), item });
        assert_eq!(s.draft.items("problems").len(), 2);
        assert_eq!(s.undo.as_ref().map(|u| u.0.as_str()), Some("已删除一个问题。"));
        let s = s.reduce(Action::Undo);
        assert_eq!(*s.draft, *before);
        assert!(s.undo.is_none());
    }

    #[test]
    fn a_fix_is_applied_in_place() {
        let s = Rc::new(AppState::default()).reduce(Action::SetText { key: "opening".into(), text: "现将情况.报告如下".into() });
        let s = s.reduce(Action::ApplyFix { key: "opening".into(), span: Span::new(4, 5), replacement: "。".into() });
        assert_eq!(s.draft.text("opening"), "现将情况。报告如下");
    }

    #[test]
    fn a_jump_goes_to_the_step_and_asks_for_focus() {
        let s =
            Rc::new(AppState::default()).reduce(Action::Jump { key: "problems".into(), part: "problems".into(), span: Span::new(1, 2) });
        assert_eq!(s.step, "problems");
        let first = s.focus.clone().expect("a focus request");
        let s = s.reduce(Action::Jump { key: "problems".into(), part: "problems".into(), span: Span::new(1, 2) });
        assert_ne!(s.focus.as_ref().map(|f| f.seq), Some(first.seq), "a repeated jump is a new request");
    }

    #[test]
    fn last_years_years_are_flagged_once_the_year_changes_and_replaced_all_at_once() {
        let t = xuanren();
        let old = "关于市财政局党组领导班子2023年以来选人用人工作情况的报告\n2023年以来，党组认真贯彻，现将情况报告如下：\n一、总体情况\n（一）强化培训\n2023年，选派12名干部参训，较2022年增加3名。2023年底完成轮训。";
        let imported = crate::domain::input::import_report::into_draft(&t, old);
        let s = Rc::new(AppState::default()).reduce(Action::Load(Saved { version: VERSION, draft: imported, step: TITLE_STEP.into() }));
        let stale = |s: &AppState| s.findings.iter().filter(|f| f.finding.rule == "stale_year").count();
        assert_eq!(stale(&s), 0);
        let s = s.reduce(Action::SetSlot { id: "start_year".into(), value: "2024".into() }).reduce(Action::Settle);
        assert_eq!(stale(&s), 3);
        let s = s.reduce(Action::FixAll { rule: "stale_year" });
        assert_eq!(stale(&s), 0);
        let text = crate::domain::output::render::plain_text(&t, &s.draft);
        assert!(text.contains("2024年以来，党组认真贯彻"), "{text}");
        assert!(text.contains("2024年，选派12名干部参训，较2022年增加3名。2024年底完成轮训。"), "{text}");
    }
    #[test]
    fn unplaced_text_is_moved_into_a_field_not_lost() {
        let t = xuanren();
        let imported = crate::domain::input::import_report::into_draft(&t, "现将情况报告如下：\n另一段");
        let s = Rc::new(AppState::default()).reduce(Action::Load(Saved { version: VERSION, draft: imported, step: TITLE_STEP.into() }));
        assert_eq!(s.draft.unplaced, vec!["另一段"]);
        let s = s.reduce(Action::Place { index: 0, key: "opening".into() });
        assert!(s.draft.unplaced.is_empty());
        assert_eq!(s.draft.text("opening"), "现将情况报告如下：\n另一段");
        let same = s.clone().reduce(Action::Place { index: 5, key: "opening".into() });
        assert_eq!(same.draft, s.draft, "a stale index changes nothing");
    }

    #[test]
    fn a_text_past_a_boxs_bound_is_kept_aside_and_the_clerk_is_told() {
        use crate::domain::model::limits::MAX_FIELD_CHARS;
        let s = Rc::new(AppState::default());
        let s = s.reduce(Action::SetText { key: "opening".into(), text: "甲".repeat(MAX_FIELD_CHARS) });
        assert_eq!(s.desk.notice, None, "up to the bound, nothing is said");
        let s = s.reduce(Action::SetText { key: "opening".into(), text: format!("{}乙丙", "甲".repeat(MAX_FIELD_CHARS)) });
        assert_eq!(s.draft.text("opening").chars().count(), MAX_FIELD_CHARS);
        assert_eq!(s.draft.unplaced, vec!["乙丙".to_string()]);
        let notice = s.desk.notice.clone().expect("the clerk is told");
        assert!(notice.problem && notice.text.contains("2 万字") && notice.text.contains("未归类内容"), "{notice:?}");
    }

    #[test]
    fn only_opening_another_draft_changes_the_draft_id() {
        let t = xuanren();
        let s = Rc::new(AppState::default().with_id("da"));
        let saved = crate::domain::store::saved::Saved { version: 1, draft: Draft::example(&t), step: "measures".into() };
        let replacing =
            [fill_example(), Action::Clear, Action::Load(saved.clone()), Action::SetText { key: "opening".into(), text: "现将".into() }];
        for action in replacing {
            assert_eq!(s.clone().reduce(action).draft_id(), "da");
        }
        let s = s.reduce(Action::SetText { key: "opening".into(), text: "现将".into() });
        let item = s.draft.items("problems")[0].id;
        let s = s.reduce(Action::RemoveItem { section: "problems".into(), item });
        assert!(s.undo.is_some());
        let s = s.reduce(Action::Open { id: "db".into(), saved: saved.clone(), template: Rc::new(t.clone()) });
        assert_eq!((s.draft_id(), s.step.as_str()), ("db", "measures"));
        assert_eq!(*s.draft, saved.draft);
        assert!(s.undo.is_none(), "a removal in one draft is never undone into another");
    }

    #[test]
    fn only_an_untouched_draft_or_the_same_content_is_replaced_in_place() {
        let t = xuanren();
        let s = Rc::new(AppState::default());
        let example = Draft::example(&t);
        assert!(s.replaces_nothing(&example), "a new, empty draft");
        let s = s.reduce(Action::Goto("measures".into()));
        assert!(s.replaces_nothing(&example), "moving to another step is no content");
        let typed = s.clone().reduce(Action::SetText { key: "opening".into(), text: "现将".into() });
        assert!(!typed.replaces_nothing(&example));
        assert!(!typed.replaces_nothing(&Draft::new(&t)), "an empty draft file does not replace typed text either");
        let filled = s.reduce(fill_example());
        assert!(filled.replaces_nothing(&example), "the example again: nothing would be lost");
        let changed = filled.reduce(Action::SetSlot { id: "unit".into(), value: "高新区党工委".into() });
        assert!(!changed.replaces_nothing(&example));
    }

    #[test]
    fn opening_a_draft_of_another_type_switches_the_template() {
        let own = Template { id: "own".into(), name: "本单位报告".into(), ..xuanren() };
        let mut draft = Draft::new(&own);
        draft.set_text("opening", "乙".into());
        let s = Rc::new(AppState::default().with_id("da")).reduce(Action::SetText { key: "opening".into(), text: "甲".into() });
        let saved = Saved { version: VERSION, draft: draft.clone(), step: "opening".into() };
        let s = s.reduce(Action::Open { id: "db".into(), saved, template: Rc::new(own.clone()) });
        assert_eq!((s.template.id.as_str(), s.draft_id()), ("own", "db"));
        assert_eq!(*s.draft, draft);
        assert!(!s.is_untouched());
        let back = Saved { version: VERSION, draft: Draft::new(&xuanren()), step: TITLE_STEP.into() };
        let s = s.reduce(Action::Open { id: "da".into(), saved: back, template: Rc::new(xuanren()) });
        assert_eq!(s.template.id, "xuanren-report");
        assert!(s.is_untouched());
    }

    #[test]
    fn the_last_step_is_done_and_is_restored() {
        let s = AppState::default();
        assert_eq!(s.step_ids().last().map(String::as_str), Some(DONE_STEP));
        let saved = Saved { version: VERSION, draft: Draft::new(&xuanren()), step: DONE_STEP.into() };
        assert_eq!(AppState::restored(Rc::new(xuanren()), saved).step, DONE_STEP);
    }

    #[test]
    fn typing_is_saved_later_and_before_anything_else() {
        // Natively there is no store: a save attempted says so (`storage_problem`), one not
        // attempted says nothing.
        let tried = |s: &AppState| s.desk.storage_problem.is_some();
        let s = Rc::new(AppState::default());
        let s = s.reduce(Action::SetText { key: "opening".into(), text: "现将".into() });
        assert!(s.unsaved && !tried(&s), "a keystroke waits for its save");
        let settled = s.clone().reduce(Action::Settle);
        assert!(!settled.stale && settled.unsaved && !tried(&settled), "rechecking saves nothing");
        assert!(Rc::ptr_eq(&settled.clone().reduce(Action::Settle), &settled), "nothing stale: nothing happens");
        let s = s.reduce(Action::SetSlot { id: "unit".into(), value: "高新区党工委".into() });
        assert!(s.unsaved && !tried(&s));
        let saved = s.clone().reduce(Action::SaveTyped);
        assert!(!saved.unsaved && tried(&saved), "the idle moment or leaving the page saves it");
        assert_eq!(saved.draft, s.draft);
        let same = saved.clone().reduce(Action::SaveTyped);
        assert!(Rc::ptr_eq(&same, &saved), "nothing unsaved: nothing happens");
        for other in [Action::Goto("measures".into()), Action::AddItem { section: "problems".into() }, Action::Desk(Do::ShowDrafts)] {
            let next = s.clone().reduce(other);
            assert!(!next.unsaved && !next.stale && tried(&next), "anything else checks and saves what was typed first");
            assert_eq!(next.draft.text("opening"), "现将");
        }
    }

    #[test]
    fn navigating_keeps_everything() {
        let s = Rc::new(AppState::default()).reduce(Action::SetText { key: "opening".into(), text: "现将".into() });
        let draft = s.draft.clone();
        let s = s.reduce(Action::Goto("measures".into())).reduce(Action::Goto("opening".into()));
        assert_eq!(s.draft, draft);
        assert_eq!(s.step, "opening");
    }
}
