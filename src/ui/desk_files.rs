//! What the header's 填入示例, 打开草稿文件, 打开模板文件, 导入旧报告 and 保存草稿文件 do in the
//! browser: read the file or load the report type's template, then hand the result to the desk
//! (`Do::BringIn`, `Do::OpenTemplateFile`), which decides where it goes and what is said.
use std::rc::Rc;
use yew::prelude::*;

use super::browser;
use super::import_dialog::ImportRequest;
use super::state::{Action, AppState, TITLE_STEP};
use super::templates;
use crate::domain::input::decode::{damage_notice, decode_utf8_file};
use crate::domain::model::draft::Draft;
use crate::domain::model::gallery::Choice;
use crate::domain::model::template::Template;
use crate::domain::output::render::file_stem;
use crate::domain::store::desk::{Do, Incoming, Notice};
use crate::domain::store::draft_file;
use crate::domain::store::library::{incoming_name, name_from_file, report_title, Name, EXAMPLE_NAME, IMPORTED_NAME};
use crate::domain::store::saved::{template_of, to_json, Saved, VERSION};

pub type Store = UseReducerHandle<AppState>;

/// The desk's dispatch.
pub fn desk(state: &Store) -> Callback<Do> {
    let state = state.clone();
    Callback::from(move |what: Do| state.dispatch(Action::Desk(what)))
}

/// 填入示例: in the clerk's unit (the figures typed so far stay, the examples fill the rest);
/// never replacing what the clerk wrote (see `Desk::bring_in`).
pub fn fill_example(state: &Store) -> Callback<MouseEvent> {
    let (state, desk) = (state.clone(), desk(state));
    Callback::from(move |_: MouseEvent| {
        let draft = Draft::example_in(&state.template, &state.draft.slots);
        let saved = Saved { version: VERSION, draft, step: state.step.clone() };
        let (name, template) = (Name::Given(EXAMPLE_NAME.to_string()), state.template.clone());
        desk.emit(Do::BringIn { saved, name, template, incoming: Incoming::Example });
    })
}

/// 保存草稿文件: the draft on screen as a file, named after its title; a refusal is said on the
/// page, or in 我的草稿 (`in_drafts`).
pub fn save_draft_file<E: 'static>(state: &Store, in_drafts: bool) -> Callback<E> {
    let (state, desk) = (state.clone(), desk(state));
    Callback::from(move |_: E| {
        let json = to_json(&state.draft, &state.step);
        let name = format!("{}（草稿）.json", file_stem(&state.template, &state.draft));
        if let Err(msg) = browser::download(&name, "application/json", json.as_bytes()) {
            desk.emit(if in_drafts { Do::SayInDrafts(Notice::problem(msg)) } else { Do::Say(Notice::problem(msg)) });
        }
    })
}

/// The template of a report type, then `then` with it (or why it could not be had).
pub fn with_template(state: &Store, choices: &Rc<Vec<Choice>>, kind: String, then: impl FnOnce(Result<Rc<Template>, String>) + 'static) {
    let ready = templates::ensure(state.desk.loaded.clone(), choices.clone(), kind);
    wasm_bindgen_futures::spawn_local(async move { then(ready.await) });
}

/// 打开草稿文件: a draft file of another report type opens with its template, loaded first.
pub fn open_draft_file(state: &Store, choices: &Rc<Vec<Choice>>) -> Callback<Event> {
    let (state, choices) = (state.clone(), choices.clone());
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let file = browser::chosen_file_name(&input).unwrap_or_default();
        let (state, choices) = (state.clone(), choices.clone());
        let done = Callback::from(move |read: Result<Vec<u8>, String>| {
            let desk = desk(&state);
            let read = read.and_then(|bytes| draft_file::size_ok(bytes.len()).map(|()| decode_utf8_file(&bytes)));
            let (text, damaged) = match read {
                Ok(read) => read,
                Err(msg) => return desk.emit(Do::Say(Notice::problem(msg))),
            };
            let kind = template_of(&text).unwrap_or_else(|| state.template.id.clone());
            let file = file.clone();
            with_template(&state, &choices, kind, move |template| {
                let opened = template.and_then(|template| {
                    let opened = draft_file::open(&text, &template)?;
                    Ok((template, opened))
                });
                match opened {
                    Err(msg) => desk.emit(Do::Say(Notice::problem(format!("没有打开：{msg}当前草稿没有改动。")))),
                    Ok((template, opened)) => {
                        let name = incoming_name(report_title(&template, &opened.saved.draft), name_from_file(&file));
                        let more = damage_notice(damaged).into_iter().chain(draft_file::moved_notice(opened.moved)).collect();
                        desk.emit(Do::BringIn { saved: opened.saved, name, template, incoming: Incoming::File { file, more } });
                    }
                }
            });
        });
        browser::read_chosen_bytes(&input, "草稿文件", done);
    })
}

/// 打开模板文件 (in the header's 更多 and in the gallery).
pub fn open_template_file(state: &Store) -> Callback<Event> {
    let desk = desk(state);
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let file = browser::chosen_file_name(&input).unwrap_or_default();
        let desk = desk.clone();
        let done = Callback::from(move |bytes: Result<Vec<u8>, String>| desk.emit(Do::OpenTemplateFile { file: file.clone(), bytes }));
        browser::read_chosen_bytes(&input, "模板文件", done);
    })
}

/// 导入旧报告's 导入: the report split into a draft of the type chosen (its template loaded
/// first when it is not the open draft's). The dialog stays open, with the text, when the
/// report could not be brought in.
pub fn import_report(state: &Store, choices: &Rc<Vec<Choice>>) -> Callback<ImportRequest> {
    let (state, choices) = (state.clone(), choices.clone());
    Callback::from(move |request: ImportRequest| {
        let ImportRequest { text, kind, damaged } = request;
        let send = desk(&state);
        let import = move |template: Rc<Template>| {
            let draft = crate::domain::input::import_report::into_draft(&template, &text);
            let aside = draft.unplaced.len();
            let carried = crate::domain::input::title_figures::summary(&template, &draft.carried).unwrap_or_default();
            let name = incoming_name(report_title(&template, &draft), Some(IMPORTED_NAME.to_string()));
            let then = if aside == 0 {
                "请逐项核对，把去年的数字换成今年的。".to_string()
            } else {
                format!("另有 {aside} 段内容没能归类，列在“未归类内容”里。")
            };
            let more = format!("{carried}{then}{}", damage_notice(damaged).unwrap_or_default());
            let saved = Saved { version: VERSION, draft, step: TITLE_STEP.to_string() };
            send.emit(Do::BringIn { saved, name, template, incoming: Incoming::Import { more, damaged: damaged > 0 } });
        };
        if kind == state.template.id || kind.is_empty() {
            return import(state.template.clone());
        }
        let refuse = desk(&state);
        refuse.emit(Do::ImportWaiting);
        with_template(&state, &choices, kind, move |loaded| match loaded {
            Ok(t) => import(t),
            Err(why) => refuse.emit(Do::ImportRefused(format!("没有导入：{why}现在的草稿没有改动。"))),
        });
    })
}
