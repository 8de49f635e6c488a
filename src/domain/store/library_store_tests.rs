use super::*;
use crate::domain::model::template::xuanren;
use crate::domain::store::saved::to_json;
use std::collections::BTreeMap;

use crate::domain::store::memory::Memory;

/// An autosave by the only tab there is: from the revision stored (what that tab last wrote).
fn save(kv: &Memory, library: &mut Library, id: &str, json: &str, title: Option<String>, changed: Option<f64>) -> Result<(), String> {
    refresh(kv, library);
    let base = library.get(id).map(|e| e.rev.clone()).unwrap_or_default();
    match super::save(kv, library, id, json, title, changed, &base, "solo")? {
        Written::Stored(_) => Ok(()),
        other => Err(format!("{other:?}")),
    }
}

const NOW: f64 = 1_790_000_000_000.0;

fn example_json(step: &str) -> String {
    let t = xuanren();
    to_json(&Draft::example(&t), step)
}

fn with_opening(text: &str) -> String {
    let t = xuanren();
    let mut d = Draft::new(&t);
    d.set_text("opening", text.to_string());
    to_json(&d, "opening")
}

fn titles(l: &Library) -> Vec<&str> {
    l.drafts.iter().map(|e| e.title.as_str()).collect()
}

#[test]
fn a_first_start_opens_one_new_empty_draft() {
    let (kv, t) = (Memory::default(), xuanren());
    let o = open(&kv, &t, NOW);
    assert!(o.notices.is_empty(), "{:?}", o.notices);
    assert_eq!(titles(&o.library), [UNTITLED]);
    assert_eq!(o.library.active, o.id);
    assert_eq!(o.saved.draft, Draft::new(&t));
    let mut library = o.library;
    save(&kv, &mut library, &o.id, &to_json(&o.saved.draft, "title"), None, None).expect("saved");
    let again = open(&kv, &t, NOW + 1.0);
    assert_eq!((again.id, again.library), (o.id, library), "the same draft after a reload");
}

#[test]
fn the_old_autosave_becomes_the_first_draft_with_its_text_intact() {
    let t = xuanren();
    let old = example_json("problems");
    let kv = Memory::with(&[(OLD_KEY, &old)]);
    let o = open(&kv, &t, NOW);
    assert!(o.notices.is_empty(), "{:?}", o.notices);
    assert_eq!(titles(&o.library), ["关于党工委领导班子2022年以来选人用人工作情况的报告"]);
    assert_eq!((o.library.active.as_str(), o.saved.step.as_str()), (o.id.as_str(), "problems"));
    assert_eq!(kv.value(&draft_key(&o.id)), Some(old), "copied character for character");
    assert_eq!(kv.value(OLD_KEY), None, "the old key is gone once the copy is written");
    assert_eq!(kv.value(INDEX_KEY).map(|i| Library::from_json(&i)), Some(Ok(o.library.clone())));
    // A second start finds nothing more to move.
    let again = open(&kv, &t, NOW + 1.0);
    assert_eq!((again.id, again.library), (o.id, o.library));
}

#[test]
fn the_old_autosave_joins_an_existing_list_as_the_open_draft() {
    let t = xuanren();
    let kv = Memory::default();
    let mut library = open(&kv, &t, NOW).library;
    let first = create(&kv, &mut library, &with_opening("另一份"), Name::Report(None), NOW).expect("created");
    kv.set(OLD_KEY, &with_opening("旧的那份")).expect("set");
    let o = open(&kv, &t, NOW + 5.0);
    assert_eq!(o.library.drafts.len(), 2);
    assert_eq!(o.saved.draft.text("opening"), "旧的那份");
    assert_ne!(o.id, first);
    assert_eq!(o.library.drafts[0].id, o.id, "listed first");
}

#[test]
fn when_the_copy_cannot_be_written_the_old_key_stays_and_the_draft_still_opens() {
    let t = xuanren();
    let old = with_opening("上周写的");
    let kv = Memory::with(&[(OLD_KEY, &old)]);
    kv.fail(Some("gongwen."));
    let o = open(&kv, &t, NOW);
    assert_eq!(o.saved.draft.text("opening"), "上周写的");
    assert!(o.notices.iter().any(|n| n.contains("下载草稿文件")), "{:?}", o.notices);
    assert_eq!(kv.value(OLD_KEY), Some(old.clone()));

    // The draft was written but the list was not: the next start finds the copy and only
    // removes the old key, without making a second copy.
    kv.fail(Some(INDEX_KEY));
    let o = open(&kv, &t, NOW);
    assert_eq!(kv.value(OLD_KEY), Some(old.clone()), "kept: the list is not written yet");
    kv.fail(None);
    let again = open(&kv, &t, NOW + 1.0);
    assert_eq!(again.library.drafts.len(), 1, "{:?}", again.library);
    assert_eq!(again.id, o.id);
    assert_eq!(kv.value(&draft_key(&again.id)), Some(old));
    assert_eq!(kv.value(OLD_KEY), None);
}

#[test]
fn an_unreadable_old_autosave_is_kept_aside_as_before() {
    let t = xuanren();
    let broken = r#"{"version":1,"draft":{"templ"#;
    let kv = Memory::with(&[(OLD_KEY, broken)]);
    let o = open(&kv, &t, NOW);
    assert_eq!(kv.value(OLD_BACKUP_KEY).as_deref(), Some(broken));
    assert_eq!(kv.value(OLD_KEY), None);
    assert_eq!(o.notices.len(), 1);
    assert!(o.notices[0].contains("无法读取") && o.notices[0].contains("备份") && o.notices[0].contains("空白草稿"), "{:?}", o.notices);
    // When even the backup cannot be written, the old key is left alone.
    let kv = Memory::with(&[(OLD_KEY, broken)]);
    kv.fail(Some(OLD_BACKUP_KEY));
    let o = open(&kv, &t, NOW);
    assert_eq!(kv.value(OLD_KEY).as_deref(), Some(broken));
    assert!(o.notices[0].contains("原样保留"), "{:?}", o.notices);
}

#[test]
fn a_broken_list_is_rebuilt_from_the_stored_drafts_and_kept_aside() {
    let t = xuanren();
    let kv = Memory::default();
    let mut library = open(&kv, &t, NOW).library;
    let a = create(&kv, &mut library, &with_opening("甲"), Name::Report(None), NOW).expect("a");
    let b = create(
        &kv,
        &mut library,
        &example_json("opening"),
        Name::Report(crate::domain::store::library::report_title(&t, &Draft::example(&t))),
        NOW + 1.0,
    )
    .expect("b");
    kv.set(INDEX_KEY, "{\"version\":1,\"drafts\":[{\"id\"").expect("break it");
    let o = open(&kv, &t, NOW + 2.0);
    assert_eq!(o.notices.len(), 1);
    assert!(o.notices[0].contains("草稿列表无法读取") && o.notices[0].contains("备份"), "{:?}", o.notices);
    assert_eq!(kv.value(INDEX_BACKUP_KEY).as_deref(), Some("{\"version\":1,\"drafts\":[{\"id\""));
    let ids: Vec<&str> = o.library.drafts.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, [b.as_str(), a.as_str()], "every stored draft, newest first");
    assert_eq!(titles(&o.library), ["关于党工委领导班子2022年以来选人用人工作情况的报告", UNTITLED]);
    assert_eq!(read(&kv, &t, &a).map(|s| s.draft.text("opening")), Ok("甲".to_string()));
}

#[test]
fn the_list_follows_what_is_stored() {
    let t = xuanren();
    let kv = Memory::default();
    let mut library = open(&kv, &t, NOW).library;
    let a = create(&kv, &mut library, &with_opening("甲"), Name::Report(None), NOW).expect("a");
    let b = create(&kv, &mut library, &with_opening("乙"), Name::Report(None), NOW).expect("b");
    // A draft stored without being listed (another tab, a list that could not be written) is
    // listed again; an entry whose text is gone is dropped; other keys are no drafts.
    kv.set(&draft_key("dorphan"), &with_opening("丙")).expect("set");
    kv.remove(&draft_key(&a));
    kv.set("gongwen.draft.unreadable", "x").expect("set");
    let o = open(&kv, &t, NOW + 1.0);
    let ids: Vec<&str> = o.library.drafts.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, [b.as_str(), "dorphan"]);
    assert_eq!(o.library.drafts[1].changed, 0.0, "its time is unknown");
}

#[test]
fn an_unreadable_draft_is_left_as_it_is_and_another_one_opens() {
    let t = xuanren();
    let kv = Memory::default();
    let mut library = open(&kv, &t, NOW).library;
    let a = create(&kv, &mut library, &with_opening("甲"), Name::Report(None), NOW).expect("a");
    let b = create(&kv, &mut library, &with_opening("乙"), Name::Report(None), NOW + 1.0).expect("b");
    let newer = with_opening("乙").replacen("\"version\":1", "\"version\":4", 1);
    kv.set(&draft_key(&b), &newer).expect("set");
    let o = open(&kv, &t, NOW + 2.0);
    assert_eq!((o.id.as_str(), o.saved.draft.text("opening").as_str()), (a.as_str(), "甲"));
    assert!(o.notices.iter().any(|n| n.contains("较新版本") && n.contains("原样保留")), "{:?}", o.notices);
    assert_eq!(kv.value(&draft_key(&b)), Some(newer), "untouched");
    assert!(o.library.get(&b).is_some(), "still listed");
}

#[test]
fn rename_copy_delete_and_undo_are_all_stored() {
    let t = xuanren();
    let kv = Memory::default();
    let o = open(&kv, &t, NOW);
    let mut library = o.library;
    save(&kv, &mut library, &o.id, &with_opening("甲"), None, Some(NOW)).expect("saved");
    rename(&kv, &mut library, &o.id, "  第一稿 ").expect("renamed");
    assert!(rename(&kv, &mut library, &o.id, " ").is_err());
    let copy = duplicate(&kv, &mut library, &o.id, NOW + 1.0).expect("copied");
    assert_eq!(copy.title, "第一稿（副本）");
    assert_eq!(kv.value(&draft_key(&copy.id)), kv.value(&draft_key(&o.id)));
    assert_eq!(titles(&library), ["第一稿（副本）", "第一稿"]);

    delete(&kv, &mut library, &o.id).expect("deleted");
    assert_eq!(titles(&library), ["第一稿（副本）"]);
    assert!(kv.value(&draft_key(&o.id)).is_some(), "kept for undo");
    let reopened = open(&kv, &t, NOW + 2.0);
    assert_eq!(reopened.library.drafts, library.drafts, "a reload keeps the deletion");
    assert_eq!(undo_delete(&kv, &mut library).map(|e| e.map(|e| e.id)), Ok(Some(o.id.clone())));
    assert_eq!(titles(&library), ["第一稿（副本）", "第一稿"]);

    // Deleting one and then another: the first is gone for good, the second can be undone.
    delete(&kv, &mut library, &o.id).expect("deleted");
    delete(&kv, &mut library, &copy.id).expect("deleted");
    assert_eq!(kv.value(&draft_key(&o.id)), None);
    assert!(kv.value(&draft_key(&copy.id)).is_some());
    assert_eq!(open(&kv, &t, NOW + 3.0).library.drafts.len(), 1, "a new empty draft, nothing else");
}

#[test]
fn a_draft_brought_in_is_stored_under_its_name_and_keeps_it() {
    let t = xuanren();
    let kv = Memory::default();
    let o = open(&kv, &t, NOW);
    let mut library = o.library;
    save(&kv, &mut library, &o.id, &with_opening("甲"), None, Some(NOW)).expect("saved");
    let a = create(&kv, &mut library, &with_opening("乙"), Name::Given("张三的初稿".into()), NOW + 1.0).expect("created");
    assert_eq!(library.active, a);
    // The autosave that follows keeps the name although the text changes.
    save(&kv, &mut library, &a, &example_json("opening"), report_title(&t, &Draft::example(&t)), Some(NOW + 2.0)).expect("saved");
    let reopened = open(&kv, &t, NOW + 3.0);
    assert_eq!((reopened.id.as_str(), titles(&reopened.library)), (a.as_str(), vec!["张三的初稿", UNTITLED]));
    assert_eq!(read(&kv, &t, &o.id).map(|s| s.draft.text("opening")), Ok("甲".to_string()), "the first draft is intact");

    // When it cannot be stored, the id the page then shows it under is still free.
    kv.fail(Some("gongwen.draft."));
    assert!(create(&kv, &mut library, &with_opening("丙"), Name::Report(None), NOW + 4.0).is_err());
    let unsaved = new_id(&kv, &library, NOW + 4.0);
    assert!(!library.knows(&unsaved) && kv.value(&draft_key(&unsaved)).is_none());
    assert_ne!(unsaved, a);
}

#[test]
fn an_operation_that_cannot_be_written_changes_nothing() {
    let t = xuanren();
    let kv = Memory::default();
    let o = open(&kv, &t, NOW);
    let mut library = o.library;
    save(&kv, &mut library, &o.id, &with_opening("甲"), None, Some(NOW)).expect("saved");
    let a = create(&kv, &mut library, &with_opening("乙"), Name::Report(None), NOW).expect("created");
    delete(&kv, &mut library, &a).expect("deleted");
    let (before, stored) = (library.clone(), kv.map.borrow().clone());
    kv.fail(Some(INDEX_KEY));
    assert!(create(&kv, &mut library, &with_opening("丙"), Name::Report(None), NOW).is_err());
    assert!(duplicate(&kv, &mut library, &o.id, NOW).is_err());
    assert!(rename(&kv, &mut library, &o.id, "新名").is_err());
    assert!(delete(&kv, &mut library, &o.id).is_err());
    assert!(undo_delete(&kv, &mut library).is_err());
    assert_eq!(library, before);
    assert_eq!(*kv.map.borrow(), stored, "no stray key left behind");
    kv.fail(Some("gongwen.draft."));
    let msg = save(&kv, &mut library, &o.id, &with_opening("甲乙"), None, Some(NOW)).expect_err("full");
    assert_eq!(msg, "存储空间已满。");
}

/// Many random operations: after each one, a fresh start sees exactly the list in memory, and
/// every draft ever made is listed, or is the deletion that can be undone, or was replaced by a
/// newer deletion.
#[test]
fn random_operations_never_lose_a_draft() {
    let t = xuanren();
    let kv = Memory::default();
    let o = open(&kv, &t, NOW);
    let mut library = o.library;
    let mut open_id = o.id;
    save(&kv, &mut library, &open_id, &with_opening("0"), None, None).expect("saved");
    let mut texts: BTreeMap<String, String> = BTreeMap::from([(open_id.clone(), with_opening("0"))]);
    let mut purged: Vec<String> = Vec::new();
    let mut seed: u64 = 0x1ab_2026;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for round in 0..300 {
        let now = NOW + f64::from(round);
        let listed: Vec<String> = library.drafts.iter().map(|e| e.id.clone()).collect();
        let pick = listed[next(listed.len())].clone();
        match next(6) {
            0 => {
                let json = with_opening(&format!("新{round}"));
                open_id = create(&kv, &mut library, &json, Name::Report(None), now).expect("created");
                texts.insert(open_id.clone(), json);
            }
            1 => {
                let copy = duplicate(&kv, &mut library, &pick, now).expect("copied");
                texts.insert(copy.id, texts[&pick].clone());
            }
            2 if listed.len() > 1 => {
                let old = library.deleted.as_ref().map(|d| d.entry.id.clone());
                delete(&kv, &mut library, &pick).expect("deleted");
                purged.extend(old);
                // The page opens another draft when the open one is deleted, and saves it.
                if pick == open_id {
                    open_id = library.drafts[0].id.clone();
                    save(&kv, &mut library, &open_id, &texts[&open_id], None, None).expect("saved");
                }
            }
            3 => {
                undo_delete(&kv, &mut library).expect("undone");
            }
            4 => rename(&kv, &mut library, &pick, &format!("名{round}")).expect("renamed"),
            _ => {
                let json = with_opening(&format!("改{round}"));
                save(&kv, &mut library, &open_id, &json, None, Some(now)).expect("saved");
                texts.insert(open_id.clone(), json);
            }
        }
        let again = open(&kv, &t, now);
        assert_eq!(again.library, library, "round {round}");
        assert_eq!(again.id, open_id, "round {round}");
        for (id, text) in &texts {
            if purged.contains(id) {
                assert!(!library.knows(id) && kv.value(&draft_key(id)).is_none(), "round {round}: {id}");
            } else {
                assert!(library.knows(id), "round {round}: {id} lost");
                assert_eq!(kv.value(&draft_key(id)).as_ref(), Some(text), "round {round}: {id}");
            }
        }
    }
    assert!(!purged.is_empty() && library.drafts.len() > 3, "the run did delete and keep drafts");
}

#[test]
fn clearing_removes_a_draft_or_all_for_good_and_keeps_templates() {
    let t = xuanren();
    let kv = Memory::default();
    let o = open(&kv, &t, NOW);
    let mut library = o.library;
    save(&kv, &mut library, &o.id, &with_opening("甲"), None, Some(NOW)).expect("saved");
    let b = create(&kv, &mut library, &with_opening("乙"), Name::Report(None), NOW).expect("b");
    let c = create(&kv, &mut library, &with_opening("丙"), Name::Report(None), NOW).expect("c");
    delete(&kv, &mut library, &c).expect("deleted");
    kv.set("gongwen.template.own", "{}").expect("a kept template");
    let snapshot = gongwen_shared::SNAPSHOT_KEY;
    kv.set(snapshot, "{\"html\":\"乙\"}").expect("a screen kept for the next visit");
    purge(&kv, &mut library, &b).expect("cleared");
    assert_eq!((kv.value(&draft_key(&b)), kv.value(snapshot)), (None, None), "nothing of it is left");
    assert!(library.get(&b).is_none() && library.active.is_empty());
    assert_eq!(open(&kv, &t, NOW).library.drafts.len(), 1, "the other one stays");
    purge(&kv, &mut library, &c).expect("the deleted one too");
    assert!(library.deleted.is_none() && kv.value(&draft_key(&c)).is_none());
    kv.set(snapshot, "{\"html\":\"甲\"}").expect("a screen kept for the next visit");
    purge_all(&kv, &mut library);
    assert_eq!(kv.keys().expect("keys"), ["gongwen.template.own"]);
    assert_eq!(library, Library::new());
}
