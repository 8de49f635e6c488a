//! The desk: everything about drafts that is not the text being written — 我的草稿 (`Library`),
//! the draft open in this tab, the report types loaded (`Loaded`), what this tab knows of the
//! open draft (`Base`), the choice waiting when another window changed it, and what the clerk is
//! told — as one state changed only by `Desk::apply`. Every decision of 打开, 新建, 导入, 删除,
//! 撤销, 清除 and of following another window is made here, over `KeyValue`, and tested natively;
//! the page asks the browser (confirm, files, templates fetched) first and sends the answer in a
//! `Do`. What the desk wants on screen comes back as a `Show` for the editor.
use std::rc::Rc;

use crate::domain::model::draft::Draft;
use crate::domain::model::gallery::{builtin_index, may_add};
use crate::domain::model::template::Template;
use crate::domain::store::concurrent::{autosave, follow, kept_name, Base, Elsewhere};
use crate::domain::store::copies::{self, Namespaced};
use crate::domain::store::library::{report_title, Library, Name};
use crate::domain::store::library_store::{self as store, KeyValue};
use crate::domain::store::revision::Rev;
use crate::domain::store::saved::{to_json, Saved, VERSION};
use crate::domain::store::template_store::{self, Loaded};

/// The outline's first step (where a new draft starts).
const TITLE_STEP: &str = crate::domain::model::fields::TITLE_STEP;

/// A line the clerk is told: is it a problem, and the sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub problem: bool,
    pub text: String,
}

impl Notice {
    pub fn ok(text: impl Into<String>) -> Option<Notice> {
        Some(Notice { problem: false, text: text.into() })
    }
    pub fn problem(text: impl Into<String>) -> Option<Notice> {
        Some(Notice { problem: true, text: text.into() })
    }
}

/// The open draft changed elsewhere while this tab had changes of its own, or was deleted
/// elsewhere: the autosave waits for the clerk's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub id: String,
    pub title: String,
    /// The other version (`None`: deleted, or written by a newer version of the page).
    pub theirs: Option<Rc<Saved>>,
    pub deleted: bool,
}

/// What the gallery of report types shows besides the types.
#[derive(Clone, Debug, PartialEq)]
pub enum GalleryView {
    Shown,
    /// A chosen type's template is loading.
    Busy,
    /// 模板制作 is loading (its own module, fetched when it first opens).
    OpeningWorkshop,
    /// Why the type or the template file chosen was not opened.
    Refused(String),
}

/// The desk's dialogs: which are open, and what each says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dialogs {
    /// 我的草稿 is open.
    pub drafts: bool,
    /// The outcome of 我的草稿's last action.
    pub drafts_message: Option<Notice>,
    pub gallery: Option<GalleryView>,
    /// 导入旧报告 is open: `Some(None)`, or `Some(Some(why))` when the last report sent was not
    /// brought in (the dialog keeps its text).
    pub import: Option<Option<String>>,
    /// The import waits for its report type's template.
    pub import_waiting: bool,
    /// 模板制作 is open, on what it started from.
    pub workshop: Option<WorkshopStart>,
}

/// What 模板制作 starts from: a blank page for a model report, or the report type whose template
/// it changes (a built-in or a unit's one as a copy, a 本机模板 in place). The workshop, its own
/// module, gets that template itself (`workshop_start.rs`).
#[derive(Clone, Debug, PartialEq)]
pub enum WorkshopStart {
    Blank,
    From { id: String, copy: bool },
}

/// Where a draft file, an imported report or the example went.
#[derive(Clone, Debug, PartialEq)]
pub enum Placed {
    /// Into the open draft, which held nothing that could be lost.
    Here,
    /// Into a new draft, listed and open; `was` is the title of the draft that was open (saved).
    New { was: String },
    /// Into a new draft that could not be stored (the storage warning offers to download it);
    /// the draft that was open is saved and listed as `was`.
    Unsaved { was: String },
}

/// What is brought in, for what the clerk is told.
#[derive(Clone, Debug, PartialEq)]
pub enum Incoming {
    /// 填入示例.
    Example,
    /// 打开草稿文件: the file's name, and what else to say (damaged bytes, a draft moved to
    /// 未归类内容), which makes the notice a problem.
    File { file: String, more: String },
    /// 导入旧报告: what follows the sentence (figures carried, pieces left unplaced, damage);
    /// `damaged`: the file had damaged bytes.
    Import { more: String, damaged: bool },
}

/// The draft on screen, as the editor holds it.
pub struct Screen<'a> {
    pub template: &'a Rc<Template>,
    pub draft: &'a Rc<Draft>,
    pub step: &'a str,
}

/// A draft for the editor to show (the draft open now, or another).
#[derive(Clone, Debug, PartialEq)]
pub struct Show {
    pub id: String,
    pub saved: Saved,
    pub template: Rc<Template>,
}

/// What the clerk (or the browser, for the page) did to the desk.
#[derive(Clone, Debug)]
pub enum Do {
    /// Save the draft on screen (the editor changed it, or the page has just started).
    Autosave,
    /// Another window wrote the store (a `storage` event on the list).
    StorageChanged,
    ShowDrafts,
    CloseDrafts,
    /// 新建草稿: the gallery of report types.
    ShowGallery,
    CloseGallery,
    /// 用范文制作新模板 or 修改模板 (from the gallery, which closes); `Err`: the template to change
    /// could not be loaded (said in the gallery).
    OpenWorkshop(Result<WorkshopStart, String>),
    CloseWorkshop,
    /// The workshop kept a template in this browser: it is loaded, and the gallery shows it.
    TemplateKept(Rc<Template>),
    /// A chosen report type's template is loading.
    GalleryBusy,
    /// 模板制作 is opening on this start (its module loading; the gallery says so until it is
    /// on screen, then gives way: `CloseGallery`; or it could not open: `OpenWorkshop(Err)`).
    OpeningWorkshop(WorkshopStart),
    ShowImport,
    CloseImport,
    /// An import waits for its report type's template.
    ImportWaiting,
    /// The report could not be imported (its type's template could not be had): why, in the
    /// dialog, which keeps the text.
    ImportRefused(String),
    /// 我的草稿's 打开: a draft, with its report type's template (or why it could not be had).
    OpenDraft {
        id: String,
        template: Result<Rc<Template>, String>,
    },
    /// A draft's template is loading (said in 我的草稿).
    Loading,
    /// A report type chosen in the gallery, its template loaded (or why not).
    New {
        template: Result<Rc<Template>, String>,
    },
    /// 打开模板文件: the file's name and bytes (or why they could not be read).
    OpenTemplateFile {
        file: String,
        bytes: Result<Vec<u8>, String>,
    },
    /// 删除本机模板 (asked first).
    RemoveTemplate(String),
    /// A draft file, an imported report or the example, of `template`: into the open draft when
    /// that loses nothing, else into a new draft (`Placed`).
    BringIn {
        saved: Saved,
        name: Name,
        template: Rc<Template>,
        incoming: Incoming,
    },
    /// 我的草稿's 删除 (asked first), 撤销, 复制, 重命名.
    Delete(String),
    UndoDelete,
    Duplicate(String),
    Rename {
        id: String,
        name: String,
    },
    /// 清除本机保存 (asked first): all drafts, or the open one.
    Purge {
        all: bool,
    },
    /// 从其他副本导入: the drafts of another copy of the single file, by its key prefix.
    ImportCopy(String),
    /// The conflict's choices: keep this window's version as a draft of its own; take the other
    /// window's version; let a deleted draft go (asked first).
    Keep,
    TakeTheirs,
    LetGo,
    /// Tell the clerk (an outcome the page had: a download refused, the text copied), or nothing.
    Say(Option<Notice>),
    /// The same in 我的草稿.
    SayInDrafts(Option<Notice>),
}

/// The desk. `open` is the id of the draft on screen: only the desk changes it, with the `Show`
/// that puts that draft on screen, so a draft is never saved under another's id.
#[derive(Clone, Debug)]
pub struct Desk {
    pub open: String,
    pub library: Library,
    pub loaded: Loaded,
    /// The open draft as this tab last read or wrote it (`None` until the first save).
    pub base: Option<Base>,
    pub conflict: Option<Conflict>,
    /// This tab's id in the revisions it writes.
    pub writer: String,
    /// The page's notice.
    pub notice: Option<Notice>,
    /// Why the last autosave failed (the page offers the download).
    pub storage_problem: Option<String>,
    pub dialogs: Dialogs,
}

/// Whether putting `incoming` (a draft file, an imported report, the example) in place of the
/// open `draft` loses nothing: the draft is untouched, or already holds just that.
pub fn replaces_nothing(template: &Template, draft: &Draft, incoming: &Draft) -> bool {
    *draft == *incoming || is_untouched(template, draft)
}

/// Whether the draft is still the empty one a new start gives.
pub fn is_untouched(template: &Template, draft: &Draft) -> bool {
    *draft == Draft::new(template)
}

/// What the clerk is told after `thing` (“草稿.json”, 旧报告, 示例) was brought in by `verb`
/// (打开, 导入): (is it a problem, message).
pub fn placed_notice(placed: &Result<Placed, String>, thing: &str, verb: &str) -> (bool, String) {
    match placed {
        Ok(Placed::Here) => (false, format!("已{verb}{thing}。")),
        Ok(Placed::New { was }) => (false, format!("已把{thing}作为新草稿{verb}；原来的“{was}”仍在“我的草稿”里。")),
        Ok(Placed::Unsaved { was }) => (
            true,
            format!("已把{thing}作为新草稿{verb}，但本机没能保存它，请先用“保存草稿文件”把它下载下来。原来的“{was}”仍在“我的草稿”里。"),
        ),
        Err(why) => (
            true,
            format!(
                "没有{verb}{thing}：正在编辑的草稿没能保存（{}），换成新草稿会丢失它。请先用“保存草稿文件”把它下载下来；下载后点“清空”，就可以{verb}{thing}。",
                why.trim_end_matches('。')
            ),
        ),
    }
}

/// The stores the desk works on: the drafts (this page's keys) and the whole store (kept
/// templates, other copies' drafts).
pub struct Stores<'a, D: KeyValue, R: KeyValue> {
    pub drafts: &'a D,
    pub root: &'a R,
}

impl Desk {
    pub fn new(open: String, library: Library, loaded: Loaded, writer: String) -> Desk {
        Desk { open, library, loaded, base: None, conflict: None, writer, notice: None, storage_problem: None, dialogs: Dialogs::default() }
    }

    /// The stored version on screen (its id and revision), as far as this tab knows: none while
    /// a conflict waits or before the draft is first stored.
    pub fn shown_version(&self) -> Option<(&str, &Rev)> {
        if self.conflict.is_some() {
            return None;
        }
        let (id, rev) = match &self.base {
            Some(base) => (base.id.as_str(), &base.rev),
            None => (self.open.as_str(), &self.library.get(&self.open)?.rev),
        };
        (!rev.is_zero()).then_some((id, rev))
    }

    /// The open draft's title as 我的草稿 lists it.
    pub fn title(&self, screen: &Screen) -> String {
        self.library.title_of(&self.open, report_title(screen.template, screen.draft))
    }

    /// Carry out `what` with the draft on `screen`; `Some` when another draft (or another
    /// version of this one) is to be shown. `now` is the clock's time (ms).
    pub fn apply<D: KeyValue, R: KeyValue>(&mut self, kv: &Stores<D, R>, screen: &Screen, what: Do, now: f64) -> Option<Show> {
        let d = kv.drafts;
        match what {
            Do::Autosave => return self.autosave(d, screen, now),
            Do::StorageChanged => {
                let known = self.base.clone().filter(|b| b.id == self.open);
                let elsewhere = match known {
                    Some(b) => follow(d, &self.loaded, &mut self.library, &b, screen.draft),
                    None => {
                        store::refresh(d, &mut self.library);
                        Elsewhere::Unchanged
                    }
                };
                return self.elsewhere(elsewhere, screen);
            }
            Do::ShowDrafts => {
                self.dialogs.drafts = true;
                self.dialogs.drafts_message = None;
            }
            Do::CloseDrafts => self.dialogs.drafts = false,
            Do::ShowGallery => self.dialogs.gallery = Some(GalleryView::Shown),
            Do::CloseGallery => self.dialogs.gallery = None,
            Do::OpenWorkshop(Ok(start)) => {
                self.dialogs.gallery = None;
                self.dialogs.workshop = Some(start);
            }
            Do::OpenWorkshop(Err(why)) => {
                self.dialogs.gallery = Some(GalleryView::Refused(why));
                self.dialogs.workshop = None;
            }
            Do::CloseWorkshop => self.dialogs.workshop = None,
            Do::TemplateKept(template) => {
                self.loaded.add(template);
                self.dialogs.workshop = None;
                self.dialogs.gallery = Some(GalleryView::Shown);
            }
            Do::GalleryBusy => self.dialogs.gallery = Some(GalleryView::Busy),
            Do::OpeningWorkshop(start) => {
                self.dialogs.gallery = Some(GalleryView::OpeningWorkshop);
                self.dialogs.workshop = Some(start);
            }
            Do::ShowImport => self.dialogs.import = Some(None),
            Do::CloseImport => {
                self.dialogs.import = None;
                self.dialogs.import_waiting = false;
            }
            Do::ImportWaiting => self.dialogs.import_waiting = true,
            Do::ImportRefused(why) => {
                self.dialogs.import = Some(Some(why));
                self.dialogs.import_waiting = false;
            }
            Do::Loading => self.dialogs.drafts_message = Notice::ok("正在载入这份草稿的报告模板……"),
            Do::OpenDraft { id, template } => return self.open_draft(d, screen, id, template, now),
            Do::New { template } => {
                let name = template.as_ref().map(|t| t.name.clone()).unwrap_or_default();
                let made = template.and_then(|t| self.save_open(d, screen, now).and_then(|()| self.start_new(d, screen, t, now)));
                match made {
                    Ok(show) => return self.made(format!("已新建一份“{name}”。"), show),
                    Err(msg) => self.dialogs.gallery = Some(GalleryView::Refused(format!("{msg}现在的草稿没有改动。"))),
                }
            }
            Do::OpenTemplateFile { file, bytes } => {
                let made = bytes.and_then(|bytes| self.open_template(kv, screen, &file, &bytes, now));
                match made {
                    Ok((name, show)) => return self.made(format!("已打开模板文件“{file}”，新建了一份“{name}”。"), show),
                    Err(msg) => {
                        let msg = format!("{msg}已写的草稿都没有改动。");
                        if self.dialogs.gallery.is_some() {
                            self.dialogs.gallery = Some(GalleryView::Refused(msg));
                        } else {
                            self.notice = Notice::problem(msg);
                        }
                    }
                }
            }
            Do::RemoveTemplate(id) => {
                template_store::remove(kv.root, &id);
                self.loaded.remove(&id);
                self.dialogs.gallery = Some(GalleryView::Shown);
            }
            Do::BringIn { saved, name, template, incoming } => {
                return self.bring_in_and_say(d, screen, saved, name, template, incoming, now)
            }
            Do::Delete(id) => return self.delete(d, screen, &id, now),
            Do::UndoDelete => {
                self.dialogs.drafts_message = match store::undo_delete(d, &mut self.library) {
                    Ok(entry) => entry.and_then(|e| Notice::ok(format!("已恢复“{}”。", e.title))),
                    Err(msg) => Notice::problem(format!("没能恢复：{msg}")),
                }
            }
            Do::Duplicate(id) => {
                // The open draft is copied as it is on screen.
                let saved = if id == self.open { self.save_open(d, screen, now) } else { Ok(()) };
                let copied = saved.and_then(|()| store::duplicate(d, &mut self.library, &id, now));
                self.dialogs.drafts_message = match copied {
                    Ok(entry) => Notice::ok(format!("已复制为“{}”。", entry.title)),
                    Err(msg) => Notice::problem(format!("没能复制：{msg}")),
                };
            }
            Do::Rename { id, name } => {
                self.dialogs.drafts_message = match store::rename(d, &mut self.library, &id, &name) {
                    Ok(()) => None,
                    Err(msg) => Notice::problem(format!("没能改名：{msg}")),
                }
            }
            Do::Purge { all } => return self.purge(d, screen, all, now),
            Do::ImportCopy(prefix) => {
                let from = Namespaced { inner: kv.root, prefix };
                self.dialogs.drafts_message = match copies::import(&from, d, &mut self.library, now) {
                    Ok(names) if names.is_empty() => Notice::ok("那份副本的草稿这里都已经有了，没有再导入。"),
                    Ok(names) => Notice::ok(format!(
                        "已导入 {} 份草稿：{}。",
                        names.len(),
                        names.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>().join("、")
                    )),
                    Err(msg) => Notice::problem(format!("没能导入：{msg}")),
                };
            }
            Do::Keep => return self.keep(d, screen, now),
            Do::TakeTheirs => {
                let known = self.base.clone();
                let now = known.map(|b| follow(d, &self.loaded, &mut self.library, &b, screen.draft));
                match now {
                    Some(Elsewhere::Conflict { theirs: Some(saved), rev }) => {
                        return self.elsewhere(Elsewhere::Reload { saved, rev }, screen)
                    }
                    Some(Elsewhere::Conflict { .. }) | None => {
                        self.notice = Notice::problem("另一处的版本无法在这里打开，请选“保存为新草稿”。")
                    }
                    Some(other) => {
                        self.conflict = None;
                        return self.elsewhere(other, screen);
                    }
                }
            }
            Do::LetGo => {
                self.conflict = None;
                match self.go_elsewhere(d, screen, now) {
                    Ok(show) => return Some(show),
                    Err(msg) => self.notice = Notice::problem(msg),
                }
            }
            Do::Say(notice) => self.notice = notice,
            Do::SayInDrafts(notice) => self.dialogs.drafts_message = notice,
        }
        None
    }

    /// Autosave the draft on screen, synchronously: nothing is waiting to be saved when the tab
    /// is closed or killed. The time in the list changes only when the text did. The save is
    /// compare-and-swap (`concurrent::autosave`): a draft changed or deleted in another window
    /// since this one last read it is not overwritten, and the clerk is asked.
    fn autosave(&mut self, kv: &impl KeyValue, screen: &Screen, now: f64) -> Option<Show> {
        if self.base.as_ref().is_none_or(|b| b.id != self.open) {
            self.base = Some(Base::listed(kv, &mut self.library, &self.open, screen.draft.clone()));
        }
        if self.conflict.as_ref().is_some_and(|c| c.id == self.open) {
            return None;
        }
        let base = self.base.as_mut()?;
        let title = report_title(screen.template, screen.draft);
        let result = autosave(kv, &self.loaded, &mut self.library, base, screen.draft, screen.step, title, now, &self.writer);
        match result {
            Ok(None) => self.storage_problem = None,
            Ok(Some(elsewhere)) => {
                self.storage_problem = None;
                return self.elsewhere(elsewhere, screen);
            }
            Err(msg) => self.storage_problem = Some(msg),
        }
        None
    }

    /// What changed elsewhere, shown: a reload (this tab had no changes of its own) keeps the
    /// step on screen and says so; a conflict or a deletion waits for the clerk's choice.
    fn elsewhere(&mut self, elsewhere: Elsewhere, screen: &Screen) -> Option<Show> {
        let title = self.title(screen);
        let id = self.open.clone();
        match elsewhere {
            Elsewhere::Unchanged => {}
            Elsewhere::Same(rev) => {
                if let Some(b) = self.base.as_mut() {
                    b.rev = rev;
                }
            }
            Elsewhere::Reload { saved, rev } => {
                let template = self.loaded.get(&saved.draft.template).unwrap_or_else(|| screen.template.clone());
                let saved = Saved { step: screen.step.to_string(), ..saved };
                self.base = Some(Base::followed(&id, rev, Rc::new(saved.draft.clone())));
                self.conflict = None;
                self.notice = Notice::ok(format!("草稿“{title}”已在另一个窗口中修改，已更新为最新内容。"));
                return Some(Show { id, saved, template });
            }
            Elsewhere::Conflict { theirs, .. } => self.conflict = Some(Conflict { id, title, theirs: theirs.map(Rc::new), deleted: false }),
            Elsewhere::Deleted => self.conflict = Some(Conflict { id, title, theirs: None, deleted: true }),
        }
        None
    }

    /// Save the open draft before the page goes on to another; `Err` (why, for the clerk) keeps
    /// the page on it.
    fn save_open(&mut self, kv: &impl KeyValue, screen: &Screen, now: f64) -> Result<(), String> {
        if self.base.as_ref().is_none_or(|b| b.id != self.open) {
            self.base = Some(Base::listed(kv, &mut self.library, &self.open, screen.draft.clone()));
        }
        let Some(base) = self.base.as_mut() else { return Ok(()) };
        let title = report_title(screen.template, screen.draft);
        let saved = autosave(kv, &self.loaded, &mut self.library, base, screen.draft, screen.step, title, now, &self.writer);
        match saved {
            // Changed elsewhere while this tab had no changes of its own: what is stored is all
            // there is to keep, so the page may go on to another draft.
            Ok(None | Some(Elsewhere::Reload { .. })) => Ok(()),
            Ok(Some(elsewhere)) => {
                self.elsewhere(elsewhere, screen);
                Err("这份草稿在另一个窗口中也修改或删除了，请先在页面上方的提示里选择怎样处理。".to_string())
            }
            Err(msg) => Err(msg),
        }
        .map_err(|msg| format!("现在这份草稿没能保存，所以留在这份上：{msg}请先用“保存草稿文件”把它下载下来。"))
    }

    /// Put a stored draft on screen; its title, or why it cannot be read.
    fn switch_to(&mut self, kv: &impl KeyValue, screen: &Screen, id: &str) -> Result<(String, Show), String> {
        let saved = store::read(kv, &self.loaded, id).map_err(|why| format!("这份草稿无法打开：{why}它原样保留在本机，没有改动。"))?;
        let template = self.loaded.get(&saved.draft.template).unwrap_or_else(|| screen.template.clone());
        let title = self.library.title_of(id, report_title(&template, &saved.draft));
        self.library.active = id.to_string();
        let rev = self.library.get(id).map(|e| e.rev.clone()).unwrap_or_default();
        self.base = Some(Base::read(id, rev, Rc::new(saved.draft.clone())));
        Ok((title, self.show(id.to_string(), saved, template)))
    }

    fn show(&mut self, id: String, saved: Saved, template: Rc<Template>) -> Show {
        self.open = id.clone();
        Show { id, saved, template }
    }

    /// A new, empty draft of a report type, listed and open. The open draft is saved first by
    /// the caller; an untouched one (nothing to lose) is turned into the new type in place, so
    /// that choosing a type first leaves no empty draft behind.
    fn start_new(&mut self, kv: &impl KeyValue, screen: &Screen, template: Rc<Template>, now: f64) -> Result<Show, String> {
        self.loaded.add(template.clone());
        let saved = Saved { version: VERSION, draft: Draft::new(&template), step: TITLE_STEP.to_string() };
        if is_untouched(screen.template, screen.draft) && self.library.get(&self.open).is_some_and(|e| !e.renamed) {
            return Ok(self.show(self.open.clone(), saved, template));
        }
        let json = to_json(&saved.draft, TITLE_STEP);
        let id = store::create(kv, &mut self.library, &json, Name::Report(None), now).map_err(|msg| format!("没能新建草稿：{msg}"))?;
        Ok(self.show(id, saved, template))
    }

    /// Go on with the newest draft that can be read, else a new one (after a deletion).
    fn go_elsewhere(&mut self, kv: &impl KeyValue, screen: &Screen, now: f64) -> Result<Show, String> {
        let ids: Vec<String> = self.library.drafts.iter().map(|e| e.id.clone()).collect();
        for id in ids {
            if let Ok((_, show)) = self.switch_to(kv, screen, &id) {
                return Ok(show);
            }
        }
        let first = self.loaded.list[0].clone();
        self.start_new(kv, screen, first, now)
    }

    /// After a type is chosen or a template file opened: the new draft, the dialogs closed.
    fn made(&mut self, what: String, show: Show) -> Option<Show> {
        self.dialogs.drafts = false;
        self.dialogs.gallery = None;
        self.notice = Notice::ok(format!("{what}原来的草稿在“我的草稿”里。"));
        Some(show)
    }

    /// A draft of a type not loaded yet waited for its template; if it could not be loaded,
    /// the page stays on the open draft and the other is kept as it is.
    fn open_draft(
        &mut self,
        kv: &impl KeyValue,
        screen: &Screen,
        id: String,
        template: Result<Rc<Template>, String>,
        now: f64,
    ) -> Option<Show> {
        if id == self.open {
            self.dialogs.drafts = false;
            return None;
        }
        if let Err(msg) = self.save_open(kv, screen, now) {
            self.dialogs.drafts_message = Notice::problem(msg);
            return None;
        }
        let ready = template.map_err(|why| format!("这份草稿无法打开：{why}它原样保留在本机，没有改动。"));
        match ready.and_then(|t| {
            self.loaded.add(t);
            self.switch_to(kv, screen, &id)
        }) {
            Ok((title, show)) => {
                self.dialogs.drafts_message = None;
                self.dialogs.drafts = false;
                self.notice = Notice::ok(format!("已打开“{title}”。"));
                Some(show)
            }
            Err(msg) => {
                self.dialogs.drafts_message = Notice::problem(msg);
                None
            }
        }
    }

    /// 打开模板文件: a template checked, kept in this browser (so its drafts open after a
    /// reload) and a new draft of it. A template that is refused changes nothing.
    fn open_template<D: KeyValue, R: KeyValue>(
        &mut self,
        kv: &Stores<D, R>,
        screen: &Screen,
        file: &str,
        bytes: &[u8],
        now: f64,
    ) -> Result<(String, Show), String> {
        let refused = |why: String| format!("没有打开模板文件“{file}”：{}。", why.trim_end_matches('。'));
        let t = Template::from_bytes(bytes).map_err(|e| refused(e.to_string()))?;
        // from_bytes has checked that the bytes are UTF-8.
        let text = String::from_utf8_lossy(bytes);
        may_add(&t, &builtin_index()).map_err(refused)?;
        self.save_open(kv.drafts, screen, now)?;
        template_store::save(kv.root, &t, &text).map_err(refused)?;
        let t = Rc::new(t);
        let name = t.name.clone();
        Ok((name, self.start_new(kv.drafts, screen, t, now)?))
    }

    /// Never replaces what the clerk wrote: into the open draft only when that loses nothing,
    /// else into a new draft, like 新建草稿, after the open one is saved (if it cannot be, the
    /// page stays on it). If the new draft cannot be stored, it is shown all the same, unsaved,
    /// with the storage warning and its download: the draft that was open is safe in the list.
    pub fn bring_in(
        &mut self,
        kv: &impl KeyValue,
        screen: &Screen,
        saved: Saved,
        name: Name,
        template: Rc<Template>,
        now: f64,
    ) -> Result<(Placed, Show), String> {
        self.loaded.add(template.clone());
        if replaces_nothing(screen.template, screen.draft, &saved.draft) {
            self.library.adopt(&self.open, name);
            return Ok((Placed::Here, self.show(self.open.clone(), saved, template)));
        }
        self.save_open(kv, screen, now)?;
        let was = self.title(screen);
        let created = store::create(kv, &mut self.library, &to_json(&saved.draft, &saved.step), name, now);
        let (id, placed) = match created {
            Ok(id) => (id, Placed::New { was }),
            Err(_) => (store::new_id(kv, &self.library, now), Placed::Unsaved { was }),
        };
        Ok((placed, self.show(id, saved, template)))
    }

    #[allow(clippy::too_many_arguments)]
    fn bring_in_and_say(
        &mut self,
        kv: &impl KeyValue,
        screen: &Screen,
        saved: Saved,
        name: Name,
        template: Rc<Template>,
        incoming: Incoming,
        now: f64,
    ) -> Option<Show> {
        let placed = self.bring_in(kv, screen, saved, name, template, now);
        let (placed, show) = match placed {
            Ok((placed, show)) => (Ok(placed), Some(show)),
            Err(why) => (Err(why), None),
        };
        match incoming {
            Incoming::Example => {
                self.notice = match placed {
                    Ok(Placed::Here) => None,
                    placed => {
                        let (problem, text) = placed_notice(&placed, "示例", "打开");
                        Some(Notice { problem, text })
                    }
                }
            }
            Incoming::File { file, more } => {
                let (problem, text) = placed_notice(&placed, &format!("“{file}”"), "打开");
                self.notice = Some(Notice { problem: problem || !more.is_empty(), text: format!("{text}{more}") });
            }
            Incoming::Import { more, damaged } => {
                let (problem, text) = placed_notice(&placed, "旧报告", "导入");
                self.dialogs.import_waiting = false;
                if placed.is_err() {
                    // The dialog stays open, with the text.
                    self.dialogs.import = Some(Some(text));
                } else {
                    self.dialogs.import = None;
                    self.notice = Some(Notice { problem: problem || damaged, text: format!("{text}{more}") });
                }
            }
        }
        show
    }

    fn delete(&mut self, kv: &impl KeyValue, screen: &Screen, id: &str, now: f64) -> Option<Show> {
        let was_open = id == self.open;
        let saved = if was_open { self.save_open(kv, screen, now) } else { Ok(()) };
        if let Err(msg) = saved.and_then(|()| store::delete(kv, &mut self.library, id)) {
            self.dialogs.drafts_message = Notice::problem(format!("没有删除：{msg}"));
            return None;
        }
        self.dialogs.drafts_message = None;
        if !was_open {
            return None;
        }
        match self.go_elsewhere(kv, screen, now) {
            Ok(show) => Some(show),
            Err(msg) => {
                self.dialogs.drafts_message = Notice::problem(msg);
                None
            }
        }
    }

    fn purge(&mut self, kv: &impl KeyValue, screen: &Screen, all: bool, now: f64) -> Option<Show> {
        let title = self.title(screen);
        let cleared = if all {
            store::purge_all(kv, &mut self.library);
            Ok(())
        } else {
            store::purge(kv, &mut self.library, &self.open.clone())
        };
        let what = if all { "全部草稿".to_string() } else { format!("“{title}”") };
        let show = cleared.and_then(|()| self.go_elsewhere(kv, screen, now));
        self.dialogs.drafts_message = match &show {
            Ok(_) => Notice::ok(format!("已清除这个浏览器里保存的{what}。")),
            Err(msg) => Notice::problem(format!("没能清除：{msg}")),
        };
        show.ok()
    }

    /// 保存为新草稿 (keep this window's version): a deleted draft under its name, a changed one as
    /// 「…（本窗口的版本）」 beside the other.
    fn keep(&mut self, kv: &impl KeyValue, screen: &Screen, now: f64) -> Option<Show> {
        let c = self.conflict.clone()?;
        let name = if c.deleted { c.title.clone() } else { kept_name(&c.title) };
        let saved = Saved { version: VERSION, draft: (**screen.draft).clone(), step: screen.step.to_string() };
        let json = to_json(&saved.draft, &saved.step);
        match store::create(kv, &mut self.library, &json, Name::Given(name.clone()), now) {
            Ok(id) => {
                self.conflict = None;
                self.notice = Notice::ok(format!("已把这个窗口里的版本保存为草稿“{name}”。"));
                Some(self.show(id, saved, screen.template.clone()))
            }
            Err(msg) => {
                self.notice = Notice::problem(format!("没能保存：{msg}请先用“保存草稿文件”把它下载下来。"));
                None
            }
        }
    }
}

#[cfg(test)]
#[path = "desk_tests.rs"]
mod tests;
