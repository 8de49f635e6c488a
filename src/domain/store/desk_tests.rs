//! The desk over the in-memory store: each test is a tab (the desk and the draft its editor
//! shows) doing what the clerk does, checked against what is stored and what is shown.
use super::*;
use crate::domain::model::template::xuanren;
use crate::domain::store::library_store::{draft_key, INDEX_KEY};
use crate::domain::store::memory::Memory;

const NOW: f64 = 1_790_000_000_000.0;

/// One tab: its desk, and the draft on screen as the editor holds it.
struct Tab {
    desk: Desk,
    template: Rc<Template>,
    draft: Rc<Draft>,
    step: String,
}

impl Tab {
    /// The page's start: the list opened, the open draft shown and saved once.
    fn boot(kv: &Memory, writer: &str) -> Tab {
        let loaded = Loaded::new(xuanren());
        let opened = store::open(kv, &loaded, NOW);
        let template = loaded.get(&opened.saved.draft.template).unwrap_or_else(|| loaded.list[0].clone());
        let desk = Desk::new(opened.id, opened.library, loaded, writer.to_string());
        let mut tab = Tab { desk, template, draft: Rc::new(opened.saved.draft), step: opened.saved.step };
        tab.run(kv, Do::Autosave);
        tab
    }

    /// What the page does with `what`: the desk decides; a draft it shows goes on screen, and is
    /// saved as any change is.
    fn run(&mut self, kv: &Memory, what: Do) {
        let shown = {
            let screen = Screen { template: &self.template, draft: &self.draft, step: &self.step };
            self.desk.apply(&Stores { drafts: kv, root: kv }, &screen, what, NOW)
        };
        if let Some(show) = shown {
            assert_eq!(show.id, self.desk.open, "the desk shows the draft it has open");
            self.template = show.template;
            self.draft = Rc::new(show.saved.draft);
            self.step = show.saved.step;
            self.run(kv, Do::Autosave);
        }
    }

    /// The clerk types into a field.
    fn type_in(&mut self, kv: &Memory, key: &str, text: &str) {
        let mut draft = (*self.draft).clone();
        draft.set_text(key, text.to_string());
        self.draft = Rc::new(draft);
        self.run(kv, Do::Autosave);
    }

    fn stored_opening(&self, kv: &Memory, id: &str) -> String {
        store::read(kv, &self.desk.loaded, id).map(|s| s.draft.text("opening")).unwrap_or_default()
    }

    fn titles(&self) -> Vec<String> {
        self.desk.library.drafts.iter().map(|e| e.title.clone()).collect()
    }

    fn notice(&self) -> String {
        self.desk.notice.as_ref().map(|n| n.text.clone()).unwrap_or_default()
    }

    fn drafts_message(&self) -> String {
        self.desk.dialogs.drafts_message.as_ref().map(|n| n.text.clone()).unwrap_or_default()
    }
}

fn example() -> Saved {
    Saved { version: VERSION, draft: Draft::example(&xuanren()), step: TITLE_STEP.to_string() }
}

fn bring_example(tab: &mut Tab, kv: &Memory) {
    let template = tab.desk.loaded.list[0].clone();
    tab.run(kv, Do::BringIn { saved: example(), name: Name::Given("示例".into()), template, incoming: Incoming::Example });
}

fn other_type() -> Rc<Template> {
    Rc::new(Template { id: "own".into(), name: "本单位报告".into(), ..xuanren() })
}

#[test]
fn the_first_start_lists_one_draft_and_keeps_what_is_typed() {
    let kv = Memory::default();
    let mut tab = Tab::boot(&kv, "a");
    assert_eq!(tab.desk.library.drafts.len(), 1);
    tab.type_in(&kv, "opening", "现将");
    assert_eq!(tab.stored_opening(&kv, &tab.desk.open.clone()), "现将");
    assert_eq!(tab.desk.storage_problem, None);
    let again = Tab::boot(&kv, "b");
    assert_eq!((again.desk.open.as_str(), again.draft.text("opening").as_str()), (tab.desk.open.as_str(), "现将"));
}

#[test]
fn new_turns_an_untouched_draft_into_the_type_chosen_and_keeps_a_written_one() {
    let kv = Memory::default();
    let mut tab = Tab::boot(&kv, "a");
    let first = tab.desk.open.clone();
    tab.run(&kv, Do::ShowDrafts);
    tab.run(&kv, Do::ShowGallery);
    tab.run(&kv, Do::New { template: Ok(other_type()) });
    assert_eq!((tab.desk.open.as_str(), tab.template.id.as_str()), (first.as_str(), "own"), "nothing to lose: the same draft");
    assert_eq!(tab.desk.library.drafts.len(), 1);
    assert_eq!((tab.desk.dialogs.drafts, tab.desk.dialogs.gallery.clone()), (false, None), "the dialogs close");
    assert_eq!(tab.notice(), "已新建一份“本单位报告”。原来的草稿在“我的草稿”里。");

    tab.type_in(&kv, "opening", "甲");
    tab.run(&kv, Do::New { template: Ok(Rc::new(xuanren())) });
    assert_ne!(tab.desk.open, first);
    assert_eq!(tab.desk.library.drafts.len(), 2);
    assert_eq!(tab.stored_opening(&kv, &first), "甲", "the written draft is saved and listed");
    assert!(tab.draft.text("opening").is_empty());

    // A template that could not be had changes nothing, and the gallery says why.
    let open = tab.desk.open.clone();
    tab.run(&kv, Do::ShowGallery);
    tab.run(&kv, Do::New { template: Err("报告模板“甲”没能载入（服务器回答 404）。".into()) });
    assert_eq!(tab.desk.open, open);
    assert_eq!(tab.desk.dialogs.gallery, Some(GalleryView::Refused("报告模板“甲”没能载入（服务器回答 404）。现在的草稿没有改动。".into())));
}

#[test]
fn opening_another_draft_saves_this_one_and_shows_that_one() {
    let kv = Memory::default();
    let mut tab = Tab::boot(&kv, "a");
    let first = tab.desk.open.clone();
    tab.type_in(&kv, "opening", "甲");
    tab.run(&kv, Do::New { template: Ok(Rc::new(xuanren())) });
    let second = tab.desk.open.clone();
    tab.type_in(&kv, "opening", "乙");
    tab.run(&kv, Do::ShowDrafts);
    tab.run(&kv, Do::OpenDraft { id: first.clone(), template: Ok(Rc::new(xuanren())) });
    assert_eq!((tab.desk.open.as_str(), tab.draft.text("opening").as_str()), (first.as_str(), "甲"));
    assert_eq!(tab.stored_opening(&kv, &second), "乙");
    assert!(!tab.desk.dialogs.drafts, "the panel closes");
    assert!(tab.notice().starts_with("已打开“"), "{}", tab.notice());

    // Its template could not be had: the page stays, the panel says why.
    tab.run(&kv, Do::ShowDrafts);
    tab.run(&kv, Do::OpenDraft { id: second.clone(), template: Err("这里找不到它的报告模板。".into()) });
    assert_eq!(tab.desk.open, first);
    assert!(tab.desk.dialogs.drafts);
    assert_eq!(tab.drafts_message(), "这份草稿无法打开：这里找不到它的报告模板。它原样保留在本机，没有改动。");

    // The open one: the panel only closes.
    tab.run(&kv, Do::OpenDraft { id: first.clone(), template: Ok(Rc::new(xuanren())) });
    assert!(!tab.desk.dialogs.drafts);
}

#[test]
fn the_example_or_an_import_goes_into_an_empty_draft_and_beside_a_written_one() {
    let kv = Memory::default();
    let mut tab = Tab::boot(&kv, "a");
    let first = tab.desk.open.clone();
    bring_example(&mut tab, &kv);
    assert_eq!(tab.desk.open, first, "an empty draft takes it");
    assert_eq!(*tab.draft, example().draft);
    assert_eq!(tab.desk.notice, None);
    assert_eq!(tab.titles().len(), 1);
    let was = tab.titles()[0].clone();
    bring_example(&mut tab, &kv);
    assert_eq!((tab.desk.open.as_str(), tab.desk.library.drafts.len()), (first.as_str(), 1), "the same again loses nothing");

    tab.type_in(&kv, "opening", "改过的开头");
    tab.run(&kv, Do::ShowImport);
    let mut imported = Draft::new(&xuanren());
    imported.set_text("opening", "去年的开头".into());
    let saved = Saved { version: VERSION, draft: imported, step: TITLE_STEP.into() };
    let incoming = Incoming::Import { more: "请逐项核对，把去年的数字换成今年的。".into(), damaged: false };
    tab.run(&kv, Do::BringIn { saved, name: Name::Given("导入的旧报告".into()), template: Rc::new(xuanren()), incoming });
    assert_ne!(tab.desk.open, first, "a written draft is never replaced");
    assert_eq!(tab.draft.text("opening"), "去年的开头");
    assert_eq!(tab.stored_opening(&kv, &first), "改过的开头");
    assert_eq!(tab.desk.dialogs.import, None, "the dialog closes");
    assert_eq!(tab.notice(), format!("已把旧报告作为新草稿导入；原来的“{was}”仍在“我的草稿”里。请逐项核对，把去年的数字换成今年的。"));
    assert_eq!(tab.desk.library.drafts.len(), 2);
}

#[test]
fn a_draft_file_of_another_type_opens_with_its_template_loaded() {
    let kv = Memory::default();
    let mut tab = Tab::boot(&kv, "a");
    let saved = Saved { version: VERSION, draft: Draft::new(&other_type()), step: TITLE_STEP.into() };
    let incoming = Incoming::File { file: "本单位.json".into(), more: String::new() };
    tab.run(&kv, Do::BringIn { saved, name: Name::Given("本单位".into()), template: other_type(), incoming });
    assert_eq!(tab.template.id, "own");
    assert!(tab.desk.loaded.get("own").is_some());
    assert_eq!(tab.notice(), "已打开“本单位.json”。");
    assert_eq!(tab.desk.notice.as_ref().map(|n| n.problem), Some(false));
}

#[test]
fn delete_goes_on_with_the_newest_draft_and_undo_brings_it_back() {
    let kv = Memory::default();
    let mut tab = Tab::boot(&kv, "a");
    let first = tab.desk.open.clone();
    tab.type_in(&kv, "opening", "甲");
    tab.run(&kv, Do::New { template: Ok(Rc::new(xuanren())) });
    let second = tab.desk.open.clone();
    tab.type_in(&kv, "opening", "乙");
    tab.run(&kv, Do::Delete(second.clone()));
    assert_eq!((tab.desk.open.as_str(), tab.draft.text("opening").as_str()), (first.as_str(), "甲"));
    assert_eq!(tab.desk.library.drafts.len(), 1);
    assert_eq!(tab.desk.library.deleted.as_ref().map(|d| d.entry.id.as_str()), Some(second.as_str()));
    tab.run(&kv, Do::UndoDelete);
    assert_eq!(tab.desk.library.drafts.len(), 2);
    assert_eq!(tab.stored_opening(&kv, &second), "乙", "deleted with what was on screen, restored with it");
    assert!(tab.drafts_message().starts_with("已恢复“"), "{}", tab.drafts_message());

    // The last one deleted: a new empty draft.
    tab.run(&kv, Do::Delete(second));
    tab.run(&kv, Do::Delete(first.clone()));
    assert_eq!(tab.desk.library.drafts.len(), 1);
    assert_ne!(tab.desk.open, first);
    assert!(is_untouched(&tab.template, &tab.draft));
}

#[test]
fn duplicate_rename_and_purge() {
    let kv = Memory::default();
    let mut tab = Tab::boot(&kv, "a");
    let first = tab.desk.open.clone();
    tab.type_in(&kv, "opening", "甲");
    tab.run(&kv, Do::Duplicate(first.clone()));
    assert_eq!(tab.desk.library.drafts.len(), 2);
    assert!(tab.drafts_message().starts_with("已复制为“"), "{}", tab.drafts_message());
    tab.run(&kv, Do::Rename { id: first.clone(), name: "我的报告".into() });
    assert_eq!(tab.desk.library.get(&first).map(|e| e.title.as_str()), Some("我的报告"));
    tab.run(&kv, Do::Purge { all: false });
    assert_eq!(tab.drafts_message(), "已清除这个浏览器里保存的“我的报告”。");
    assert!(kv.value(&draft_key(&first)).is_none());
    assert_ne!(tab.desk.open, first);
    assert_eq!(tab.draft.text("opening"), "甲", "the copy is open now");
    tab.run(&kv, Do::Purge { all: true });
    assert_eq!(tab.desk.library.drafts.len(), 1, "a new empty draft");
    assert!(is_untouched(&tab.template, &tab.draft));
}

#[test]
fn a_full_store_never_loses_the_open_draft() {
    let kv = Memory::default();
    let mut tab = Tab::boot(&kv, "a");
    let first = tab.desk.open.clone();
    tab.type_in(&kv, "opening", "甲");
    kv.fail(Some("gongwen.draft."));
    tab.type_in(&kv, "opening", "甲乙");
    assert_eq!(tab.desk.storage_problem.as_deref(), Some("存储空间已满。"));
    // Nothing else may replace it while it is not saved.
    tab.run(&kv, Do::New { template: Ok(Rc::new(xuanren())) });
    assert_eq!(tab.desk.open, first);
    assert!(matches!(&tab.desk.dialogs.gallery, Some(GalleryView::Refused(m)) if m.starts_with("现在这份草稿没能保存，所以留在这份上：")));
    bring_example(&mut tab, &kv);
    assert_eq!((tab.desk.open.as_str(), tab.draft.text("opening").as_str()), (first.as_str(), "甲乙"));
    assert!(tab.notice().starts_with("没有打开示例：正在编辑的草稿没能保存"), "{}", tab.notice());
    tab.run(&kv, Do::ShowDrafts);
    tab.run(&kv, Do::Delete(first.clone()));
    assert_eq!(tab.desk.open, first);
    assert!(tab.drafts_message().starts_with("没有删除："), "{}", tab.drafts_message());

    // Saved again: the example goes into a new draft; if only that cannot be stored, it is
    // shown unsaved, and the storage warning says so.
    kv.fail(None);
    tab.run(&kv, Do::Autosave);
    assert_eq!(tab.desk.storage_problem, None);
    assert_eq!(tab.stored_opening(&kv, &first), "甲乙");
    kv.fail(Some("gongwen.drafts"));
    bring_example(&mut tab, &kv);
    assert_ne!(tab.desk.open, first);
    assert_eq!(*tab.draft, example().draft);
    assert!(tab.notice().starts_with("已把示例作为新草稿打开，但本机没能保存它"), "{}", tab.notice());
    assert!(tab.desk.storage_problem.is_some());
}

#[test]
fn another_window_s_write_is_followed_or_asked_about() {
    let kv = Memory::default();
    let mut a = Tab::boot(&kv, "a");
    let mut b = Tab::boot(&kv, "b");
    assert_eq!(a.desk.open, b.desk.open);
    a.type_in(&kv, "opening", "甲");
    b.run(&kv, Do::StorageChanged);
    assert_eq!(b.draft.text("opening"), "甲", "no edit of its own: it follows");
    assert!(b.notice().ends_with("已在另一个窗口中修改，已更新为最新内容。"), "{}", b.notice());
    // Following writes nothing until its own text changes.
    let stored = kv.value(INDEX_KEY);
    b.run(&kv, Do::Autosave);
    assert_eq!(kv.value(INDEX_KEY), stored);

    // Both changed: b is asked, and writes nothing until then.
    a.type_in(&kv, "opening", "甲一");
    b.type_in(&kv, "opening", "甲二");
    assert_eq!(b.desk.conflict.as_ref().map(|c| c.deleted), Some(false));
    assert_eq!(a.stored_opening(&kv, &a.desk.open.clone()), "甲一");
    b.run(&kv, Do::Keep);
    assert_eq!(b.desk.conflict, None);
    assert_ne!(b.desk.open, a.desk.open);
    assert!(b.titles().iter().any(|t| t.ends_with("（本窗口的版本）")), "{:?}", b.titles());
    assert_eq!(b.stored_opening(&kv, &b.desk.open.clone()), "甲二");

    // Taking the other version instead.
    b.run(&kv, Do::OpenDraft { id: a.desk.open.clone(), template: Ok(Rc::new(xuanren())) });
    a.type_in(&kv, "opening", "甲三");
    b.type_in(&kv, "opening", "乙");
    assert!(b.desk.conflict.is_some());
    b.run(&kv, Do::TakeTheirs);
    assert_eq!((b.desk.conflict.clone(), b.draft.text("opening")), (None, "甲三".to_string()));

    // Deleted elsewhere while b shows it: b keeps it on screen and asks; letting it go opens
    // another draft.
    a.run(&kv, Do::Delete(a.desk.open.clone()));
    b.run(&kv, Do::StorageChanged);
    assert_eq!(b.desk.conflict.as_ref().map(|c| c.deleted), Some(true));
    let gone = b.desk.open.clone();
    b.run(&kv, Do::LetGo);
    assert_ne!(b.desk.open, gone);
    assert_eq!(b.desk.conflict, None);
}

#[test]
fn a_template_file_is_kept_and_a_refused_one_changes_nothing() {
    let kv = Memory::default();
    let mut tab = Tab::boot(&kv, "a");
    let open = tab.desk.open.clone();
    let own = crate::domain::model::builtin::embedded_json("xuanren-report").map(|j| j.replace("\"xuanren-report\"", "\"own-kind\""));
    let own = own.expect("the built-in template's file");
    tab.run(&kv, Do::OpenTemplateFile { file: "本单位.json".into(), bytes: Ok(own.into_bytes()) });
    assert_eq!(tab.template.id, "own-kind");
    assert_eq!(tab.desk.open, open, "the empty draft became one of the new type");
    assert!(template_store::load(&kv, "own-kind").is_some(), "kept for the next start");
    assert!(tab.notice().starts_with("已打开模板文件“本单位.json”，新建了一份“"), "{}", tab.notice());

    tab.run(&kv, Do::OpenTemplateFile { file: "坏.json".into(), bytes: Ok(b"{".to_vec()) });
    assert_eq!(tab.template.id, "own-kind");
    assert!(tab.desk.notice.as_ref().is_some_and(|n| n.problem && n.text.starts_with("没有打开模板文件“坏.json”：")));
    tab.run(&kv, Do::RemoveTemplate("own-kind".into()));
    assert!(template_store::load(&kv, "own-kind").is_none());
    assert!(tab.desk.loaded.get("own-kind").is_none());
}

#[test]
fn an_import_that_cannot_be_placed_keeps_the_dialog_and_its_text() {
    let kv = Memory::default();
    let mut tab = Tab::boot(&kv, "a");
    let first = tab.desk.open.clone();
    // Typed while the store is full: not saved.
    kv.fail(Some("gongwen.draft."));
    tab.type_in(&kv, "opening", "甲");
    tab.run(&kv, Do::ShowImport);
    tab.run(&kv, Do::ImportWaiting);
    assert!(tab.desk.dialogs.import_waiting);
    let saved = Saved { version: VERSION, draft: Draft::example(&xuanren()), step: TITLE_STEP.into() };
    let incoming = Incoming::Import { more: String::new(), damaged: false };
    tab.run(&kv, Do::BringIn { saved, name: Name::Given("导入的旧报告".into()), template: Rc::new(xuanren()), incoming });
    assert_eq!(tab.desk.open, first, "the written draft stays");
    assert_eq!(tab.draft.text("opening"), "甲");
    let refused = tab.desk.dialogs.import.clone().flatten().unwrap_or_default();
    assert!(refused.starts_with("没有导入旧报告：正在编辑的草稿没能保存"), "{refused}");
    assert!(!tab.desk.dialogs.import_waiting);
    assert_eq!(tab.desk.notice, None, "said in the dialog, not on the page");

    // A template that could not be had: said in the dialog too; 取消 closes it.
    tab.run(&kv, Do::ImportRefused("没有导入：找不到模板。现在的草稿没有改动。".into()));
    assert_eq!(tab.desk.dialogs.import, Some(Some("没有导入：找不到模板。现在的草稿没有改动。".to_string())));
    tab.run(&kv, Do::CloseImport);
    assert_eq!(tab.desk.dialogs.import, None);
}

#[test]
fn the_workshop_opens_from_the_gallery_and_a_kept_template_comes_back_to_it() {
    let kv = Memory::default();
    let mut tab = Tab::boot(&kv, "a");
    tab.run(&kv, Do::ShowGallery);
    tab.run(&kv, Do::OpenWorkshop(Ok(WorkshopStart::Blank)));
    assert_eq!(
        (tab.desk.dialogs.gallery.clone(), tab.desk.dialogs.workshop.clone()),
        (None, Some(WorkshopStart::Blank)),
        "the gallery gives way"
    );
    tab.run(&kv, Do::CloseWorkshop);
    assert_eq!(tab.desk.dialogs.workshop, None);

    // 修改模板 of a type whose template could not be had, or the workshop's module not loaded:
    // the gallery says so while it loads, then why, and nothing opens.
    tab.run(&kv, Do::ShowGallery);
    let start = WorkshopStart::From { id: "ideology-responsibility".into(), copy: true };
    tab.run(&kv, Do::OpeningWorkshop(start.clone()));
    assert_eq!((tab.desk.dialogs.gallery.clone(), tab.desk.dialogs.workshop.clone()), (Some(GalleryView::OpeningWorkshop), Some(start)));
    tab.run(&kv, Do::OpenWorkshop(Err("报告模板没能载入。".into())));
    assert_eq!(
        (tab.desk.dialogs.gallery.clone(), tab.desk.dialogs.workshop.clone()),
        (Some(GalleryView::Refused("报告模板没能载入。".into())), None)
    );

    // Kept in this browser: loaded, the workshop closed, the gallery shown with it; the draft on
    // screen is untouched.
    let before = tab.draft.clone();
    tab.run(&kv, Do::OpeningWorkshop(WorkshopStart::From { id: other_type().id.clone(), copy: true }));
    tab.run(&kv, Do::CloseGallery);
    assert_eq!((tab.desk.dialogs.gallery.clone(), tab.desk.dialogs.workshop.is_some()), (None, true), "on screen, the gallery gone");
    tab.run(&kv, Do::TemplateKept(other_type()));
    assert!(tab.desk.loaded.get(&other_type().id).is_some());
    assert_eq!((tab.desk.dialogs.workshop.clone(), tab.desk.dialogs.gallery.clone()), (None, Some(GalleryView::Shown)));
    assert_eq!(tab.draft, before);
}

#[test]
fn the_version_on_screen_is_the_stored_one_and_none_while_a_conflict_waits() {
    let kv = Memory::default();
    let mut a = Tab::boot(&kv, "wa");
    let mut b = Tab::boot(&kv, "wb");
    a.type_in(&kv, "opening", "甲");
    let listed = |t: &Tab| t.desk.library.get(&t.desk.open).map(|e| e.rev.clone());
    let (id, rev) = a.desk.shown_version().map(|(i, r)| (i.to_string(), r.clone())).expect("a stored draft on screen");
    assert_eq!((id, Some(rev)), (a.desk.open.clone(), listed(&a)), "what the list says is stored");
    // A desk that has written nothing yet names the version its list gave it.
    let fresh = Desk::new(a.desk.open.clone(), a.desk.library.clone(), Loaded::new(xuanren()), "wc".into());
    assert_eq!(fresh.shown_version().map(|(_, r)| r.clone()), listed(&a));
    // While the clerk must choose between two versions, no version is named.
    a.type_in(&kv, "opening", "甲一");
    b.type_in(&kv, "opening", "甲二");
    assert!(b.desk.conflict.is_some());
    assert_eq!(b.desk.shown_version(), None);
}
