//! Two tabs (or two copies of the page) on one draft: what this tab knows of the open draft
//! (`Base`), what it does when the store changed under it (`follow`), its autosave
//! (compare-and-swap, `library_store::save`), and what the clerk is shown when both changed
//! (`differences`). Plain data over `KeyValue`: the page only reads the browser's `storage`
//! events and dispatches what comes out.
use std::rc::Rc;

use crate::domain::model::draft::Draft;
use crate::domain::model::fields::fields;
use crate::domain::model::template::Template;
use crate::domain::output::render::title;
use crate::domain::store::library::{Library, MAX_TITLE};
use crate::domain::store::library_store::{read, refresh, save, KeyValue, Templates, Written};
use crate::domain::store::revision::{check, Check, Rev};
use crate::domain::store::saved::{to_json, Saved};

/// The open draft as this tab last read or wrote it: the base of its next save, and of the
/// question whether it has edits the store does not hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Base {
    pub id: String,
    pub rev: Rev,
    pub draft: Rc<Draft>,
    /// Just reloaded from another window's write: until this tab changes the text, it writes
    /// nothing (not even its own step), so a window that only follows never races the one typing.
    pub following: bool,
    /// `rev` is this tab's own write of text it changed (not one it read, nor a mere step change):
    /// its text may be stored nowhere else.
    pub mine: bool,
}

impl Base {
    /// A draft just put on screen, at the revision the store lists it with (0 when unlisted: a
    /// new draft not stored yet).
    pub fn listed(kv: &impl KeyValue, library: &mut Library, id: &str, draft: Rc<Draft>) -> Base {
        refresh(kv, library);
        let rev = library.get(id).map(|e| e.rev.clone()).unwrap_or_default();
        Base::read(id, rev, draft)
    }

    /// A draft this tab has just read from the store at `rev` (opened, or taken from elsewhere).
    pub fn read(id: &str, rev: Rev, draft: Rc<Draft>) -> Base {
        Base { id: id.to_string(), rev, draft, following: false, mine: false }
    }

    /// Another window's write this tab has just reloaded: it writes nothing until its clerk types.
    pub fn followed(id: &str, rev: Rev, draft: Rc<Draft>) -> Base {
        Base { following: true, ..Base::read(id, rev, draft) }
    }
}

/// What changed elsewhere, seen from this tab.
#[derive(Clone, Debug, PartialEq)]
pub enum Elsewhere {
    /// Nothing this tab shows (the list may have changed: show it again).
    Unchanged,
    /// Written elsewhere with the very text this tab shows: only the revision is new.
    Same(Rev),
    /// Changed elsewhere while this tab had no edit of its own: show the stored one.
    Reload { saved: Saved, rev: Rev },
    /// Changed both here and elsewhere: the clerk chooses. `theirs` is `None` when this build
    /// cannot read what the other tab wrote (a newer version of the page).
    Conflict { theirs: Option<Saved>, rev: Rev },
    /// Deleted elsewhere: this tab's copy is all that is left on screen.
    Deleted,
}

/// The store changed (another tab's `storage` event, or a save that was refused): read the list
/// again and compare the open draft with what is stored. `here` is the draft on screen.
pub fn follow(kv: &impl KeyValue, templates: &impl Templates, library: &mut Library, base: &Base, here: &Draft) -> Elsewhere {
    refresh(kv, library);
    let pending = library.deleted.as_ref().is_some_and(|d| d.entry.id == base.id);
    match check(library.get(&base.id).map(|e| &e.rev), pending, &base.rev) {
        Check::Free => Elsewhere::Unchanged,
        Check::Deleted => Elsewhere::Deleted,
        Check::Changed(rev) => match read(kv, templates, &base.id) {
            Ok(saved) if saved.draft == *here => Elsewhere::Same(rev),
            // A tab whose last write was its own reloads only a write built on that one. A write
            // beside it (made from a copy of the store that had not heard of this tab's yet: the
            // browser syncs tabs' storage a few milliseconds late, and the last write wins) would
            // drop this tab's text, so the clerk is asked.
            Ok(saved) if *here == *base.draft && !(base.mine && !rev.descends_from(&base.rev)) => Elsewhere::Reload { saved, rev },
            Ok(saved) => Elsewhere::Conflict { theirs: Some(saved), rev },
            Err(_) => Elsewhere::Conflict { theirs: None, rev },
        },
    }
}

/// The autosave of the draft on screen (`draft`, at `step`) into `base.id`. `Ok(None)`: stored
/// (or stored already); `Ok(Some(_))`: nothing was written because the draft changed or went
/// elsewhere (never `Unchanged` or `Same`). `Err`: the store refused the write.
#[allow(clippy::too_many_arguments)]
pub fn autosave(
    kv: &impl KeyValue,
    templates: &impl Templates,
    library: &mut Library,
    base: &mut Base,
    draft: &Rc<Draft>,
    step: &str,
    report_title: Option<String>,
    now: f64,
    writer: &str,
) -> Result<Option<Elsewhere>, String> {
    if base.following && *base.draft == **draft {
        return Ok(None);
    }
    base.following = false;
    let json = to_json(draft, step);
    // Twice at most: a write elsewhere of the same text only moves the base on.
    for _ in 0..2 {
        let changed = (*base.draft != **draft).then_some(now);
        match save(kv, library, &base.id, &json, report_title.clone(), changed, &base.rev, writer)? {
            Written::Stored(rev) => {
                // Only a write that changed the text is worth a question if it is overwritten;
                // one that only moved the step (as a tab does after reloading) is not.
                base.mine |= rev != base.rev && *base.draft != **draft;
                base.rev = rev;
                base.draft = draft.clone();
                return Ok(None);
            }
            Written::ChangedElsewhere(_) | Written::DeletedElsewhere => match follow(kv, templates, library, base, draft) {
                Elsewhere::Same(rev) => {
                    base.rev = rev;
                    base.mine = false;
                }
                Elsewhere::Unchanged => return Ok(None),
                other => return Ok(Some(other)),
            },
        }
    }
    Ok(None)
}

/// The name this tab's version is kept under when the clerk keeps both.
pub fn kept_name(title: &str) -> String {
    let suffix = "（本窗口的版本）";
    let room = MAX_TITLE - suffix.chars().count();
    format!("{}{suffix}", title.chars().take(room).collect::<String>())
}

/// One place where the two versions differ, named as the form names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    pub label: String,
    pub here: String,
    pub there: String,
}

/// Where this tab's draft and the other version differ: the title, every text field in the
/// order it is printed (an item only one of them has shows as empty in the other), and the
/// pieces not yet placed.
pub fn differences(template: &Template, here: &Draft, there: &Draft) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut differ = |label: String, a: String, b: String| {
        if a != b {
            out.push(Difference { label, here: a, there: b });
        }
    };
    differ("标题".to_string(), title(template, here), title(template, there));
    let mut seen = std::collections::BTreeSet::new();
    for f in fields(template, here).into_iter().chain(fields(template, there)) {
        if seen.insert(f.key.clone()) {
            differ(f.label, here.text(&f.key), there.text(&f.key));
        }
    }
    differ("未归类内容".to_string(), here.unplaced.join("\n"), there.unplaced.join("\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::template::xuanren;
    use crate::domain::store::library::Name;
    use crate::domain::store::library_store::{create, delete, draft_key, open, undo_delete, INDEX_KEY};
    use crate::domain::store::memory::Memory;

    const NOW: f64 = 1_790_000_000_000.0;

    /// One tab: its list, its open draft's base, its id and what it shows.
    struct Tab {
        library: Library,
        base: Base,
        writer: &'static str,
        draft: Rc<Draft>,
    }

    impl Tab {
        /// A tab opened now: the draft open last time.
        fn open(kv: &Memory, writer: &'static str) -> Tab {
            let t = xuanren();
            let o = open(kv, &t, NOW);
            let mut library = o.library;
            let draft = Rc::new(o.saved.draft);
            let base = Base::listed(kv, &mut library, &o.id, draft.clone());
            Tab { library, base, writer, draft }
        }

        fn type_opening(&mut self, text: &str) {
            let mut d = (*self.draft).clone();
            d.set_text("opening", text.to_string());
            self.draft = Rc::new(d);
        }

        fn autosave(&mut self, kv: &Memory) -> Option<Elsewhere> {
            let t = xuanren();
            autosave(kv, &t, &mut self.library, &mut self.base, &self.draft, "opening", None, NOW, self.writer).expect("no store error")
        }

        fn follow(&mut self, kv: &Memory) -> Elsewhere {
            follow(kv, &xuanren(), &mut self.library, &self.base, &self.draft)
        }

        /// What `Reload` makes the page do: show the stored draft, at its revision.
        fn reload(&mut self, saved: Saved, rev: Rev) {
            let draft = Rc::new(saved.draft);
            self.base = Base::followed(&self.base.id, rev, draft.clone());
            self.draft = draft;
        }
    }

    /// A tab's view of the store that the browser has not brought up to date yet.
    fn stale_copy(kv: &Memory) -> Memory {
        Memory { map: std::cell::RefCell::new(kv.map.borrow().clone()), failing: Default::default() }
    }

    /// What the browser does with a stale view's writes: they land on the store, last one wins.
    fn land(stale: &Memory, kv: &Memory) {
        let landed: Vec<(String, String)> = stale.map.borrow().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        for (k, v) in landed {
            kv.map.borrow_mut().insert(k, v);
        }
    }

    fn stored_opening(kv: &Memory, id: &str) -> String {
        read(kv, &xuanren(), id).map(|s| s.draft.text("opening")).unwrap_or_default()
    }

    /// The issue's report: tab B open, then tab A, on the same draft; A writes, then B acts.
    /// Whether B heard of A's write (`storage` event) or not, A's text is never overwritten.
    #[test]
    fn the_second_tab_follows_or_is_refused_never_overwrites() {
        for b_heard in [true, false] {
            let kv = Memory::default();
            let mut b = Tab::open(&kv, "b");
            assert_eq!(b.autosave(&kv), None);
            let mut a = Tab::open(&kv, "a");
            assert_eq!(a.base.id, b.base.id, "both on the one draft");
            a.type_opening("甲写的开头");
            assert_eq!(a.autosave(&kv), None);
            if b_heard {
                // B had no edit of its own: it shows A's text, then types on top of it.
                let Elsewhere::Reload { saved, rev } = b.follow(&kv) else { panic!("B should reload") };
                assert_eq!(saved.draft.text("opening"), "甲写的开头");
                b.reload(saved, rev);
                b.type_opening("甲写的开头。乙");
                assert_eq!(b.autosave(&kv), None);
                assert_eq!(stored_opening(&kv, &a.base.id), "甲写的开头。乙");
            } else {
                // B types on its old copy: refused; A's text stays stored, B's is offered.
                b.type_opening("乙");
                let got = b.autosave(&kv);
                assert!(
                    matches!(&got, Some(Elsewhere::Conflict { theirs: Some(s), .. }) if s.draft.text("opening") == "甲写的开头"),
                    "{got:?}"
                );
                assert_eq!(stored_opening(&kv, &a.base.id), "甲写的开头");
                assert_eq!(b.draft.text("opening"), "乙", "B's text is still on B's screen");
            }
        }
    }

    /// A tab that has just followed another's write and only moves its step writes nothing, so
    /// the tab still typing is never told the draft changed under it; once it types, it saves.
    #[test]
    fn a_tab_that_only_follows_writes_nothing_until_it_types() {
        let kv = Memory::default();
        let mut a = Tab::open(&kv, "a");
        let mut b = Tab::open(&kv, "b");
        a.type_opening("先");
        assert_eq!(a.autosave(&kv), None);
        let Elsewhere::Reload { saved, rev } = b.follow(&kv) else { panic!("B should reload") };
        b.reload(saved, rev);
        let before = kv.value(INDEX_KEY);
        let t = xuanren();
        let moved = autosave(&kv, &t, &mut b.library, &mut b.base, &b.draft.clone(), "measures", None, NOW, "b");
        assert_eq!((moved, kv.value(INDEX_KEY)), (Ok(None), before), "a step alone is not written while following");
        a.type_opening("先写");
        assert_eq!(a.autosave(&kv), None, "A saves on, unasked");
        assert!(matches!(b.follow(&kv), Elsewhere::Reload { .. }));
        b.reload(read(&kv, &t, &b.base.id).expect("stored"), b.library.get(&b.base.id).map(|e| e.rev.clone()).unwrap_or_default());
        b.type_opening("先写。乙");
        assert_eq!(b.autosave(&kv), None);
        assert_eq!(stored_opening(&kv, &a.base.id), "先写。乙", "once B types, B saves");
    }

    /// The race a browser allows: each tab reads a copy of the store that the browser brings up
    /// to date a few milliseconds late, and the write that lands last wins. B saves from a copy
    /// that has not heard of A's write yet, and B's lands after A's. A, with no edit since its own
    /// save, is asked rather than reloaded, so A's text is never dropped; a write that B builds
    /// on A's, once it has heard of it, is taken quietly.
    #[test]
    fn a_write_from_a_stale_copy_landing_after_this_tabs_is_asked_about_not_reloaded() {
        let kv = Memory::default();
        let mut a = Tab::open(&kv, "a");
        a.type_opening("甲的第一稿");
        assert_eq!(a.autosave(&kv), None);
        let mut b = Tab::open(&kv, "b");
        let stale = stale_copy(&kv);
        a.type_opening("甲写的开头");
        assert_eq!(a.autosave(&kv), None);
        b.type_opening("乙写的开头");
        assert_eq!(b.autosave(&stale), None, "B's copy has not heard of A's write");
        land(&stale, &kv);
        let got = a.follow(&kv);
        assert!(matches!(&got, Elsewhere::Conflict { theirs: Some(s), .. } if s.draft.text("opening") == "乙写的开头"), "{got:?}");
        assert_eq!(a.draft.text("opening"), "甲写的开头", "A's text is still on A's screen, to keep as a new draft");

        // Built on A's write: taken without a question.
        let kv = Memory::default();
        let mut a = Tab::open(&kv, "a");
        let mut b = Tab::open(&kv, "b");
        a.type_opening("甲");
        assert_eq!(a.autosave(&kv), None);
        let Elsewhere::Reload { saved, rev } = b.follow(&kv) else { panic!("B should reload") };
        b.reload(saved, rev);
        b.type_opening("甲。乙");
        assert_eq!(b.autosave(&kv), None);
        assert!(matches!(a.follow(&kv), Elsewhere::Reload { .. }), "a write on top of A's own is no conflict");

        // Many quick writes on top of B's, heard of only once they are all stored: still taken.
        let kv = Memory::default();
        let mut b = Tab::open(&kv, "b");
        b.type_opening("乙");
        assert_eq!(b.autosave(&kv), None);
        let mut a = Tab::open(&kv, "a");
        for typed in ["乙。甲", "乙。甲一", "乙。甲一二", "乙。甲一二三", "乙。甲一二三四"] {
            a.type_opening(typed);
            assert_eq!(a.autosave(&kv), None);
        }
        let got = b.follow(&kv);
        assert!(matches!(&got, Elsewhere::Reload { saved, .. } if saved.draft.text("opening") == "乙。甲一二三四"), "{got:?}");

        // B's own last write only moved its step, and A's writes from a stale copy replaced it:
        // no text of B's is lost, so B reloads without a question (two_tabs in the page).
        let kv = Memory::default();
        let mut a = Tab::open(&kv, "a");
        let mut b = Tab::open(&kv, "b");
        a.type_opening("先");
        assert_eq!(a.autosave(&kv), None);
        let Elsewhere::Reload { saved, rev } = b.follow(&kv) else { panic!("B should reload") };
        b.reload(saved, rev);
        let stale = stale_copy(&kv);
        let t = xuanren();
        let step_only = autosave(&kv, &t, &mut b.library, &mut b.base, &b.draft.clone(), "measures", None, NOW, "b");
        assert_eq!(step_only, Ok(None));
        a.type_opening("先写的开头语");
        assert_eq!(a.autosave(&stale), None, "A's copy has not heard of B's step");
        land(&stale, &kv);
        let got = b.follow(&kv);
        assert!(matches!(&got, Elsewhere::Reload { saved, .. } if saved.draft.text("opening") == "先写的开头语"), "{got:?}");
    }

    /// A step change alone in a tab that missed the other's write: it takes the other's text.
    #[test]
    fn a_tab_without_edits_of_its_own_is_refused_into_a_reload() {
        let kv = Memory::default();
        let mut b = Tab::open(&kv, "b");
        let mut a = Tab::open(&kv, "a");
        a.type_opening("甲");
        a.autosave(&kv);
        let t = xuanren();
        let got = autosave(&kv, &t, &mut b.library, &mut b.base, &b.draft.clone(), "measures", None, NOW, "b").expect("ok");
        assert!(matches!(got, Some(Elsewhere::Reload { .. })), "{got:?}");
        assert_eq!(stored_opening(&kv, &a.base.id), "甲");
    }

    /// The three orders of two tabs' saves: A then B, B then A (each hearing of the other), and
    /// both before either heard: the first stands, the second is asked.
    #[test]
    fn every_order_of_two_saves_keeps_both_texts() {
        for order in ["ab", "ba", "both"] {
            let kv = Memory::default();
            let mut a = Tab::open(&kv, "a");
            let mut b = Tab::open(&kv, "b");
            let id = a.base.id.clone();
            let (first, second) = if order == "ba" { (&mut b, &mut a) } else { (&mut a, &mut b) };
            first.type_opening("先写的");
            if order == "both" {
                second.type_opening("后写的");
            }
            assert_eq!(first.autosave(&kv), None);
            if order != "both" {
                let Elsewhere::Reload { saved, rev } = second.follow(&kv) else { panic!("{order}: should reload") };
                second.reload(saved, rev);
                second.type_opening("先写的，后写的");
                assert_eq!(second.autosave(&kv), None, "{order}");
                assert_eq!(stored_opening(&kv, &id), "先写的，后写的", "{order}");
                // And the first tab follows the second.
                assert!(matches!(first.follow(&kv), Elsewhere::Reload { .. }), "{order}");
                continue;
            }
            let got = second.follow(&kv);
            let Elsewhere::Conflict { theirs: Some(theirs), .. } = got else { panic!("both: {got:?}") };
            assert_eq!(stored_opening(&kv, &id), "先写的");
            // Kept as a new draft: both texts are stored.
            let kept = create(&kv, &mut second.library, &to_json(&second.draft, "opening"), Name::Given(kept_name("未命名草稿")), NOW)
                .expect("kept");
            assert_eq!(stored_opening(&kv, &kept), "后写的");
            assert_eq!(stored_opening(&kv, &id), "先写的");
            assert_eq!(theirs.draft.text("opening"), "先写的");
            assert_eq!(second.library.get(&kept).map(|e| e.title.as_str()), Some("未命名草稿（本窗口的版本）"));
        }
    }

    #[test]
    fn two_tabs_on_two_drafts_keep_each_others_list() {
        let kv = Memory::default();
        let mut a = Tab::open(&kv, "a");
        assert_eq!(a.autosave(&kv), None, "the page stores a new draft as it shows it");
        let mut b = Tab::open(&kv, "b");
        // B starts a second draft and names it; A goes on typing in the first.
        let second =
            create(&kv, &mut b.library, &to_json(&Draft::new(&xuanren()), "title"), Name::Given("乙的".into()), NOW).expect("created");
        b.base = Base::listed(&kv, &mut b.library, &second, Rc::new(Draft::new(&xuanren())));
        b.type_opening("乙的开头");
        assert_eq!(b.autosave(&kv), None);
        a.type_opening("甲的开头");
        assert_eq!(a.follow(&kv), Elsewhere::Unchanged);
        assert_eq!(a.autosave(&kv), None);
        let listed: Library = Library::from_json(&kv.value(INDEX_KEY).unwrap_or_default()).expect("a list");
        assert_eq!(listed.drafts.len(), 2, "A's write kept B's new draft listed");
        assert_eq!(listed.get(&second).map(|e| e.title.as_str()), Some("乙的"));
        assert_eq!((stored_opening(&kv, &a.base.id), stored_opening(&kv, &second)), ("甲的开头".into(), "乙的开头".into()));
    }

    #[test]
    fn a_draft_deleted_elsewhere_is_never_written_back_silently() {
        let kv = Memory::default();
        let mut a = Tab::open(&kv, "a");
        a.autosave(&kv);
        let other = create(&kv, &mut a.library, &to_json(&Draft::new(&xuanren()), "title"), Name::Report(None), NOW).expect("created");
        let mut b = Tab::open(&kv, "b");
        assert_eq!(b.base.id, other);
        b.autosave(&kv);
        // A deletes the draft B is on; B is told, whether it hears or types first.
        delete(&kv, &mut a.library, &other).expect("deleted");
        assert_eq!(b.follow(&kv), Elsewhere::Deleted);
        b.type_opening("乙还在写");
        assert_eq!(b.autosave(&kv), Some(Elsewhere::Deleted));
        assert!(b.library.get(&other).is_none(), "not listed again behind A's back");
        // B keeps its copy as a draft of its own.
        let kept = create(&kv, &mut b.library, &to_json(&b.draft, "opening"), Name::Given("乙的稿".into()), NOW).expect("kept");
        assert_eq!(stored_opening(&kv, &kept), "乙还在写");
        // Undone in A: B's base is listed again at its revision, so B may write.
        undo_delete(&kv, &mut a.library).expect("undone");
        assert_eq!(b.follow(&kv), Elsewhere::Unchanged);
        // Deleted for good (a newer deletion purges it): still deleted, not a new draft.
        delete(&kv, &mut a.library, &other).expect("deleted");
        delete(&kv, &mut a.library, &kept).expect("deleted");
        assert_eq!(kv.value(&draft_key(&other)), None);
        assert_eq!(b.follow(&kv), Elsewhere::Deleted);
    }

    #[test]
    fn a_write_of_the_same_text_elsewhere_is_taken_quietly() {
        let kv = Memory::default();
        let mut a = Tab::open(&kv, "a");
        let mut b = Tab::open(&kv, "b");
        a.type_opening("同样的");
        b.type_opening("同样的");
        a.autosave(&kv);
        assert!(matches!(b.follow(&kv), Elsewhere::Same(_)));
        assert_eq!(b.autosave(&kv), None, "B writes on top without a question");
    }

    #[test]
    fn a_draft_stored_before_revisions_opens_and_saves_as_revision_0() {
        let t = xuanren();
        let old_list = r#"{"version":1,"drafts":[{"id":"dold","title":"去年的","changed":5.0}],"active":"dold"}"#;
        let mut d = Draft::new(&t);
        d.set_text("opening", "去年的开头".into());
        let (key, json) = (draft_key("dold"), to_json(&d, "opening"));
        let kv = Memory::with(&[(INDEX_KEY, old_list), (key.as_str(), json.as_str())]);
        let mut a = Tab::open(&kv, "a");
        assert_eq!((a.base.id.as_str(), a.base.rev.is_zero()), ("dold", true));
        assert_eq!(a.draft.text("opening"), "去年的开头");
        a.type_opening("今年的开头");
        assert_eq!(a.autosave(&kv), None);
        assert_eq!(a.base.rev, Rev::new(1, "a"));
    }

    #[test]
    fn differences_name_each_field_that_differs() {
        let t = xuanren();
        let mut here = Draft::example(&t);
        let mut there = here.clone();
        assert!(differences(&t, &here, &there).is_empty());
        here.set_text("opening", "这里的开头".into());
        there.set_slot("unit", "高新区党工委".into());
        let item = there.add_item(&t, "problems");
        there.set_text(&crate::domain::model::draft::key::item("problems", item, "heading"), "新加的问题".into());
        let got = differences(&t, &here, &there);
        let labels: Vec<&str> = got.iter().map(|d| d.label.as_str()).collect();
        assert!(labels.contains(&"标题") && labels.contains(&"开头语"), "{labels:?}");
        let opening = got.iter().find(|d| d.label == "开头语").expect("the opening");
        assert_eq!(opening.here, "这里的开头");
        assert_eq!(opening.there, there.text("opening"));
        let added = got.iter().find(|d| d.there == "新加的问题").expect("the added item");
        assert_eq!(added.here, "", "{added:?}");
        assert!(kept_name(&"字".repeat(200)).chars().count() <= MAX_TITLE);
        assert_eq!(kept_name("初稿"), "初稿（本窗口的版本）");
    }
}
