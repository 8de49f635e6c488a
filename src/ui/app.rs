//! The page: the outline on the left, the current step in the middle, the live preview on the
//! right; actions (my drafts, example, clear, copy, download) in the header.
use yew::prelude::*;

use super::browser;
use super::drafts::{use_drafts, Placed};
use super::findings_panel::{FindingsPanel, Jump};
use super::guided_field::GuidedField;
use super::import_dialog::{ImportDialog, ImportRequest};
use super::outline::Outline;
use super::preview::Preview;
use super::section::SectionStep;
use super::shared::Shared;
use super::slotted::Slotted;
use super::state::{Action, AppState, DONE_STEP, TITLE_STEP};
use super::storage;
use super::templates;
use super::unplaced::Unplaced;
use crate::domain::check::missing;
use crate::domain::check::Severity;
use crate::domain::guide::outline::{status, steps, while_writing, Step, StepState};
use crate::domain::guide::progress;
use crate::domain::model::draft::Draft;
use crate::domain::model::gallery::{builtin_index, gallery, IndexRead};
use crate::domain::model::template::PartKind;
use crate::domain::model::template::{xuanren, Template};
use crate::domain::output::docx;
use crate::domain::output::render::{file_stem, paragraphs, plain_text, txt_bytes};
use crate::domain::store::library::{incoming_name, name_from_file, report_title, Library, Name, EXAMPLE_NAME, IMPORTED_NAME};
use crate::domain::store::library_store;
use crate::domain::input::decode::{damage_notice, decode_utf8_file};
use crate::domain::store::draft_file;
use crate::domain::store::saved::{template_of, to_json, Saved, VERSION};
use crate::domain::store::template_store::{self, Loaded};
use std::cell::RefCell;
use std::rc::Rc;

/// What the page starts from: the state, 我的草稿, what the clerk should be told, the templates
/// loaded.
pub struct Boot {
    state: AppState,
    library: Library,
    message: Option<String>,
    loaded: Loaded,
}

/// The templates the page has at once: the built-in default and those kept from files.
fn first_templates() -> Loaded {
    let mut loaded = Loaded::new(xuanren());
    for t in template_store::stored(&storage::Local) {
        loaded.add(Rc::new(t));
    }
    loaded
}

/// The state to start from: the draft open last time, at the same step (see
/// `library_store::open` for what happens to a broken list or an unreadable draft, or one whose
/// template is not loaded); what the clerk should be told about it (`problem` first).
fn boot(loaded: Loaded, problem: Option<String>) -> Boot {
    boot_from(library_store::open(&storage::drafts(), &loaded, browser::now()), loaded, problem)
}

fn boot_from(opened: library_store::Opened, loaded: Loaded, problem: Option<String>) -> Boot {
    let template = loaded.get(&opened.saved.draft.template).unwrap_or_else(|| loaded.list[0].clone());
    let state = AppState { draft_id: opened.id, ..AppState::restored(template, opened.saved) };
    let context = crate::domain::check::Context { current_year: browser::current_year().unwrap_or(state.context.current_year) };
    let notices: Vec<String> = problem.into_iter().chain(opened.notices).collect();
    let message = (!notices.is_empty()).then(|| notices.join(" "));
    Boot { state: state.in_context(context), library: opened.library, message, loaded }
}

/// What the page mounts with: where it starts, and the unit's own report types.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub boot: Shared<Boot>,
    pub unit: Shared<IndexRead>,
}

/// The page's start, before it is shown: the unit's index beside the served page (none: silent),
/// and the template of the draft open last time when it is not built in — kept from a file or in
/// the single file at once, or fetched beside the served page. If it cannot be had, another
/// draft opens and the clerk is told; the draft is kept as it is.
pub async fn props() -> AppProps {
    let unit = templates::unit_index().await;
    let loaded = first_templates();
    // A copy of the single file opened for the first time since drafts are kept per copy takes
    // the drafts an earlier version kept for all copies (see `copies`); if they cannot be
    // moved, they stay where they were, and the page opens on its own drafts.
    let _ = crate::domain::store::copies::adopt_shared(&storage::Local, &storage::drafts());
    let opened = library_store::open(&storage::drafts(), &loaded, browser::now());
    let boot = match opened.unloaded.clone() {
        Some(kind) => {
            let choices = Rc::new(gallery(&builtin_index(), &unit.entries, &[]));
            let cell = Rc::new(RefCell::new(loaded));
            let problem = templates::ensure(cell.clone(), choices, kind).await.err();
            let loaded = cell.borrow().clone();
            match problem {
                None => boot(loaded, None),
                problem => boot_from(opened, loaded, problem),
            }
        }
        None => boot_from(opened, loaded, None),
    };
    AppProps { boot: Shared(Rc::new(boot)), unit: Shared(Rc::new(unit)) }
}

/// The same start without loading anything (natively, for the SSR tests).
pub fn props_now() -> AppProps {
    AppProps { boot: Shared(Rc::new(boot(first_templates(), None))), unit: Shared(Rc::new(IndexRead::default())) }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let boot = props.boot.clone();
    let state = {
        let boot = boot.clone();
        use_reducer(move || boot.state.clone())
    };
    let notice = {
        let boot = boot.clone();
        use_state(move || boot.message.clone().map(|m| (true, m)))
    };
    let storage_problem = use_state(|| Option::<String>::None);
    let drafts = use_drafts(state.clone(), &boot.library, &boot.loaded, props.unit.clone(), storage_problem.clone(), notice.clone());
    let download_draft = {
        let (state, notice) = (state.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            let json = to_json(&state.draft, &state.step);
            let name = format!("{}（草稿）.json", file_stem(&state.template, &state.draft));
            if let Err(msg) = browser::download(&name, "application/json", json.as_bytes()) {
                notice.set(Some((true, msg)));
            }
        })
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let template: Shared<_> = state.template.clone().into();
    let draft: Shared<_> = state.draft.clone().into();
    let findings: Shared<_> = state.findings.clone().into();

    // 填入示例, 打开草稿文件 and 导入旧报告 never replace what the clerk wrote: see
    // `use_drafts`'s `bring_in`.
    let fill_example = {
        let (state, notice, bring_in) = (state.clone(), notice.clone(), drafts.bring_in.clone());
        Callback::from(move |_: MouseEvent| {
            // In the clerk's unit: the figures typed so far stay, the examples fill the rest.
            let draft = Draft::example_in(&state.template, &state.draft.slots);
            let saved = Saved { version: VERSION, draft, step: state.step.clone() };
            let placed = bring_in.emit((saved, Name::Given(EXAMPLE_NAME.to_string())));
            notice.set(match placed {
                Ok(Placed::Here) => None,
                placed => Some(placed_notice(placed, "示例", "打开")),
            });
        })
    };
    let clear = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if browser::confirm("清空后现在写的全部内容都会删除。确定要清空吗？") {
                dispatch.emit(Action::Clear);
            }
        })
    };
    // Download, copy; with errors left, first a summary that lists everything missing (each
    // with 去填写) and offers to go and fix the rest. Printing cannot wait: the summary follows it.
    let asking = use_state(|| Option::<Export>::None);
    let export = {
        let (state, notice, asking) = (state.clone(), notice.clone(), asking.clone());
        Callback::from(move |format: Export| {
            asking.set(None);
            if format == Export::Copy {
                let notice = notice.clone();
                let done = Callback::from(move |r: Result<(), String>| match r {
                    Ok(()) => notice.set(Some((false, "全文已复制，可以粘贴到 Word 或 WPS 中。".to_string()))),
                    Err(msg) => notice.set(Some((true, msg))),
                });
                browser::copy_text(&plain_text(&state.template, &state.draft), done);
                return;
            }
            match export_file(&state, format) {
                Ok(()) => notice.set(None),
                Err(msg) => notice.set(Some((true, msg))),
            }
        })
    };
    {
        let (asking, errors) = (asking.clone(), state.findings.iter().any(|f| f.finding.severity == Severity::Error));
        use_effect_with(errors, move |&errors| {
            let listener = if errors { browser::on_before_print(move || asking.set(Some(Export::Print))) } else { None };
            move || drop(listener)
        });
    }
    let request = |format: Export| {
        let (state, asking, export) = (state.clone(), asking.clone(), export.clone());
        Callback::from(move |_: MouseEvent| {
            if state.findings.iter().any(|f| f.finding.severity == Severity::Error) {
                asking.set(Some(format));
            } else {
                export.emit(format);
            }
        })
    };
    let (download_txt, download_docx, copy) = (request(Export::Txt), request(Export::Docx), request(Export::Copy));
    // The question takes the focus, on its safer answer (去修改).
    use_effect_with(asking.is_some(), |open| {
        if *open {
            browser::focus_id("go-fix");
        }
    });
    let download_anyway = {
        let (asking, export) = (asking.clone(), export.clone());
        Callback::from(move |_: MouseEvent| match *asking {
            Some(Export::Print) => asking.set(None),
            Some(format) => export.emit(format),
            None => {}
        })
    };
    let go_fix = {
        let (state, asking, dispatch) = (state.clone(), asking.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            asking.set(None);
            if let Some(f) = state.findings.iter().find(|f| f.finding.severity == Severity::Error) {
                dispatch.emit(Action::Jump { key: f.key.clone(), part: f.part.clone(), span: f.finding.span });
            }
        })
    };
    let on_jump = {
        let dispatch = dispatch.clone();
        Callback::from(move |j: Jump| dispatch.emit(Action::Jump { key: j.key, part: j.part, span: j.span }))
    };
    let on_fix = {
        let dispatch = dispatch.clone();
        Callback::from(move |(key, span, replacement)| dispatch.emit(Action::ApplyFix { key, span, replacement }))
    };
    // A new step starts at its top, the cursor in its first box, the preview at its part (a
    // jump then puts the cursor on its finding, below). Not on the first screen: the page opens
    // with the skip link first.
    let shown_once = use_mut_ref(|| false);
    use_effect_with(state.step.clone(), move |step| {
        if std::mem::replace(&mut *shown_once.borrow_mut(), true) {
            browser::scroll_to_top();
            browser::focus_step();
        }
        browser::show_in_preview(step);
    });
    // After a jump has rendered the step, put the cursor on the finding.
    use_effect_with(state.focus.clone(), |focus| {
        if let Some(f) = focus {
            browser::focus_field(&f.key, f.span.start, f.span.end);
        }
    });
    let labels: Shared<Vec<(String, String)>> =
        Shared(std::rc::Rc::new(crate::domain::model::fields::labels(&state.template, &state.draft)));
    let labels_for_dialog = labels.clone();

    // A draft file of another report type opens with its template, loaded first.
    let open_draft = {
        let (template, notice, bring_in, ensure) = (state.template.clone(), notice.clone(), drafts.bring_in.clone(), drafts.ensure.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let file = browser::chosen_file_name(&input).unwrap_or_default();
            let (template, notice, bring_in, ensure) = (template.clone(), notice.clone(), bring_in.clone(), ensure.clone());
            let done = Callback::from(move |read: Result<Vec<u8>, String>| {
                let read = read.and_then(|bytes| draft_file::size_ok(bytes.len()).map(|()| decode_utf8_file(&bytes)));
                let (text, damaged) = match read {
                    Ok(read) => read,
                    Err(msg) => return notice.set(Some((true, msg))),
                };
                let kind = template_of(&text).unwrap_or_else(|| template.id.clone());
                let (notice, bring_in, file) = (notice.clone(), bring_in.clone(), file.clone());
                ensure.emit((
                    kind,
                    Callback::from(move |template: Result<Rc<crate::domain::model::template::Template>, String>| {
                        let loaded = template.and_then(|template| {
                            let opened = draft_file::open(&text, &template)?;
                            Ok((incoming_name(report_title(&template, &opened.saved.draft), name_from_file(&file)), opened))
                        });
                        notice.set(Some(match loaded {
                            Err(msg) => (true, format!("没有打开：{msg}当前草稿没有改动。")),
                            Ok((name, opened)) => {
                                let moved = draft_file::moved_notice(opened.moved);
                                let (is_error, msg) = placed_notice(bring_in.emit((opened.saved, name)), &format!("“{file}”"), "打开");
                                let more: String = damage_notice(damaged).into_iter().chain(moved).collect();
                                (is_error || !more.is_empty(), format!("{msg}{more}"))
                            }
                        }));
                    }),
                ));
            });
            browser::read_chosen_bytes(&input, "草稿文件", done);
        })
    };
    let importing = use_state(|| false);
    // The dialog stays open, with the text, when the report could not be brought in. Imported
    // as another type than the open draft's, it waits for that type's template.
    let on_import = {
        let (template, importing, notice, bring_in, ensure) =
            (state.template.clone(), importing.clone(), notice.clone(), drafts.bring_in.clone(), drafts.ensure.clone());
        Callback::from(move |request: ImportRequest| {
            let ImportRequest { text, kind, done, damaged } = request;
            let (importing, notice, bring_in) = (importing.clone(), notice.clone(), bring_in.clone());
            let import = move |template: &Template| -> Result<(), String> {
                let draft = crate::domain::input::import_report::into_draft(template, &text);
                let aside = draft.unplaced.len();
                let carried = crate::domain::input::title_figures::summary(template, &draft.carried).unwrap_or_default();
                let name = incoming_name(report_title(template, &draft), Some(IMPORTED_NAME.to_string()));
                let placed = bring_in.emit((Saved { version: VERSION, draft, step: TITLE_STEP.to_string() }, name));
                let failed = placed.is_err();
                let (is_error, msg) = placed_notice(placed, "旧报告", "导入");
                if failed {
                    return Err(msg);
                }
                importing.set(false);
                let then = if aside == 0 {
                    "请逐项核对，把去年的数字换成今年的。".to_string()
                } else {
                    format!("另有 {aside} 段内容没能归类，列在“未归类内容”里。")
                };
                let damage = damage_notice(damaged).unwrap_or_default();
                notice.set(Some((is_error || damaged > 0, format!("{msg}{carried}{then}{damage}"))));
                Ok(())
            };
            if kind == template.id || kind.is_empty() {
                return done.emit(import(&template));
            }
            ensure.emit((
                kind,
                Callback::from(move |loaded: Result<Rc<Template>, String>| {
                    done.emit(loaded.map_err(|why| format!("没有导入：{why}现在的草稿没有改动。")).and_then(|t| import(&t)));
                }),
            ));
        })
    };
    let import_types: Shared<_> =
        use_memo((state.template.id.clone(), drafts.choices.len()), |_| import_types(&state.template, &drafts.choices)).into();
    let on_place = {
        let dispatch = dispatch.clone();
        Callback::from(move |(index, key): (usize, String)| dispatch.emit(Action::Place { index, key }))
    };
    let goto = {
        let dispatch = dispatch.clone();
        Callback::from(move |step: String| dispatch.emit(Action::Goto(step)))
    };

    let mut outline_steps = steps(&state.template, &state.draft, &state.findings);
    let done = state.step == DONE_STEP;
    // While writing, the steps not reached yet say 未填写 instead of listing what is missing;
    // the output summary (the dialog) and the 完成 step list all of it.
    let shown = if done { state.findings.to_vec() } else { while_writing(&state.template, &state.draft, &state.findings) };
    let summary = status(&outline_steps, &shown);
    let shown: Shared<Vec<crate::domain::check::FieldFinding>> = Shared(std::rc::Rc::new(shown));
    let errors = state.findings.iter().filter(|f| f.finding.severity == Severity::Error).count();
    outline_steps.push(Step {
        part: DONE_STEP.to_string(),
        label: "完成".to_string(),
        state: match (state.is_untouched(), errors) {
            (true, _) => StepState::Empty,
            (false, 0) => StepState::Filled,
            _ => StepState::HasFindings,
        },
        findings: errors,
    });

    let ids = state.step_ids();
    let at = ids.iter().position(|s| *s == state.step).unwrap_or(0);
    let prev = at.checked_sub(1).and_then(|i| ids.get(i)).cloned();
    let next = ids.get(at + 1).cloned();
    let nav_button = |target: Option<String>, text: &str, class: &str| {
        let goto = goto.clone();
        match target {
            Some(t) => html! {
                <button type="button" class={classes!("button", class.to_string())}
                    onclick={Callback::from(move |_: MouseEvent| goto.emit(t.clone()))}>{ text }</button>
            },
            None => html! {},
        }
    };

    let step_view = if state.step == TITLE_STEP {
        html! {
            <section class="guided-field title-step">
                <h2 class="step-title">{ "标题" }</h2>
                if state.is_untouched() {
                    <div class="intro" id="intro">
                        <p><strong>{ "从这里开始：" }</strong>{ "先填写下面的单位名称和起始年份，开头语和落款会自动用上。" }</p>
                        <p>{ "一份报告由标题、主送机关、开头语、正文三个部分、结束语、落款和成文日期组成。按“下一步”逐项填写，每一项都有说明和示例；左边的提纲标出哪些已经填好，最后一步“完成”列出还缺什么，并可下载和打印。" }</p>
                    </div>
                }
                <p class="field-hint">{ "标题按规范格式自动生成：填写单位名称和起始年份即可。单位名称也会用在开头语和落款中。" }</p>
                <Slotted field_key="title" pattern={AttrValue::from(state.template.title.clone())}
                    template={template.clone()} draft={draft.clone()} dispatch={dispatch.clone()} allow_free={false} />
            </section>
        }
    } else if done {
        html! {
            <section class="guided-field done-step">
                <h2 class="step-title" tabindex="-1">{ "完成" }</h2>
                <p id="done-summary">{ progress::done(&shown) }</p>
                <div class="done-actions">
                    { button("done-docx", "下载 Word（.docx）", true, download_docx.clone()) }
                    { button("done-txt", "下载文本（.txt）", false, download_txt.clone()) }
                    { button("done-copy", "复制全文", false, copy.clone()) }
                    { button("done-print", "打印", false, Callback::from(|_: MouseEvent| browser::print())) }
                </div>
                <FindingsPanel findings={shown.clone()} labels={labels.clone()} on_jump={on_jump.clone()} on_fix={on_fix.clone()} />
            </section>
        }
    } else {
        match state.template.part(&state.step) {
            Some(part) if part.kind == PartKind::Section => html! {
                <SectionStep part={part.clone()} template={template.clone()} draft={draft.clone()}
                    findings={findings.clone()} dispatch={dispatch.clone()} />
            },
            Some(part) => html! {
                <GuidedField field_key={part.id.clone()} label={part.label.clone()} hint={part.hint.clone()}
                    example={part.example.clone()} template={template.clone()} draft={draft.clone()}
                    findings={state.findings_in(&part.id)} dispatch={dispatch.clone()} required={part.required}
                    single_line={matches!(part.kind, PartKind::Addressee | PartKind::Signature | PartKind::Date | PartKind::Closing)} />
            },
            None => html! {},
        }
    };

    // Enter in a one-line box (a key figure, 主送机关, 落款…) moves on to the next box, as a
    // form's Tab does; in a paragraph it is a line break.
    let on_enter = Callback::from(|e: KeyboardEvent| {
        if e.key() != "Enter" || e.is_composing() || e.shift_key() {
            return;
        }
        let Some(t) = e.target_dyn_into::<web_sys::Element>() else { return };
        if t.get_attribute("type").as_deref() == Some("text") || t.get_attribute("rows").as_deref() == Some("1") {
            e.prevent_default();
            browser::focus_next(&t);
        }
    });
    let undo_bar = state.undo.as_ref().map(|(what, _)| {
        let dispatch = dispatch.clone();
        html! {
            <p class="notice undo-bar" role="status">
                { what }
                <button type="button" class="link-button" id="undo"
                    onclick={Callback::from(move |_: MouseEvent| dispatch.emit(Action::Undo))}>{ "撤销" }</button>
            </p>
        }
    });

    html! {
        <div class="app">
            <a class="skip-link" href="#step-view" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); browser::focus_step(); })}>
                { "跳到当前步骤" }
            </a>
            <header class="app-header">
                <div class="app-brand">
                    <h1>{ "公文起草助手" }</h1>
                    <button type="button" class="app-subtitle link-button" id="report-type" title="换一种报告：选择报告类型，或用范文制作新模板" onclick={drafts.show_gallery.clone()}>{ &state.template.name }</button>
                    <p class="current-draft" id="current-draft">{ format!("正在编辑：{}", drafts.title) }</p>
                </div>
                <div class="app-actions">
                    { button("my-drafts", "我的草稿", false, drafts.show) }
                    { button("fill-example", "填入示例", false, fill_example) }
                    { button("import-report", "导入旧报告", false, { let importing = importing.clone(); Callback::from(move |_: MouseEvent| importing.set(true)) }) }
                    // Used less often: folded into 更多, so the row never wraps; Esc closes it, back on its button.
                    <details class="more-menu" id="more-menu" onkeydown={Callback::from(|e: KeyboardEvent| {
                        if e.key() == "Escape" { if let Some(t) = e.target_dyn_into::<web_sys::Element>() { browser::escape_menu(&t) } } })}>
                        <summary class="button">{ "更多" }</summary>
                        <div class="menu-list" onclick={Callback::from(|e: MouseEvent| {
                            if let Some(t) = e.target_dyn_into::<web_sys::Element>() { browser::close_menu(&t) } })}>
                            { button("save-draft", "保存草稿文件", false, download_draft.clone()) }
                            <input type="file" id="open-draft" class="visually-hidden" accept=".json,application/json" onchange={open_draft} />
                            <label class="button" for="open-draft">{ "打开草稿文件" }</label>
                            <input type="file" id="open-template" class="visually-hidden" accept=".json,application/json" onchange={drafts.open_template.clone()} />
                            <label class="button" for="open-template">{ "打开模板文件" }</label>
                            { button("copy-text", "复制全文", false, copy) }
                            { button("clear", "清空", false, clear) }
                        </div>
                    </details>
                    { button("download-txt", "下载文本（.txt）", true, download_txt) }
                    { button("download-docx", "下载 Word（.docx）", true, download_docx) }
                </div>
            </header>
            if let Some(problem) = (*storage_problem).clone() {
                <p class="notice is-error" role="alert" id="storage-problem">
                    { problem }{ " 请先下载草稿文件保存，继续输入不受影响。" }
                    <button type="button" class="button" onclick={download_draft}>{ "下载草稿文件" }</button>
                </p>
            }
            { drafts.conflict }
            if let Some((is_error, msg)) = (*notice).clone() {
                <p class={classes!("notice", is_error.then_some("is-error"))} role="alert">{ msg }</p>
            }
            { stale_years_bar(&state, &dispatch) }
            { drafts.panel }
            { drafts.gallery }
            { drafts.workshop }
            if *importing {
                <ImportDialog types={import_types} {on_import} on_cancel={ let importing = importing.clone(); Callback::from(move |()| importing.set(false)) } />
            }
            if let Some(format) = *asking {
                <div class="dialog-backdrop">
                    <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="download-question" id="download-dialog">
                        <h2 id="download-question">{ if format == Export::Print { "打印的报告里还有问题" } else { "报告里还有问题" } }</h2>
                        <p>{ download_question(&state, format) }</p>
                        { missing_list(&state, &labels_for_dialog, &asking, &dispatch) }
                        <div class="dialog-actions">
                            { button("download-anyway", match format { Export::Copy => "仍然复制", Export::Print => "知道了", _ => "仍然下载" }, false, download_anyway) }
                            { button("go-fix", "去修改", true, go_fix) }
                        </div>
                    </div>
                </div>
            }
            <main class="workspace">
                <Outline steps={outline_steps} current={state.step.clone()} on_select={goto.clone()} />
                <div class="editor-pane">
                    <p class="check-summary" aria-live="polite" id="check-summary">{ summary.clone() }</p>
                    if !done { <FindingsPanel findings={shown} labels={labels.clone()} {on_jump} {on_fix} /> }
                    <Unplaced pieces={state.draft.unplaced.clone()} fields={labels.clone()} {on_place} />
                    { for undo_bar }
                    <div class="step-view" id="step-view" data-step={state.step.clone()} onkeydown={on_enter}>{ step_view }</div>
                    <div class="step-nav">
                        { nav_button(prev, "上一步", "step-prev") }
                        { nav_button(next, "下一步", "step-next") }
                    </div>
                </div>
                <div class="preview-pane">
                    <h2 class="pane-title">{ "预览" }</h2>
                    <Preview paragraphs={paragraphs(&state.template, &state.draft)} on_edit={goto} />
                </div>
            </main>
        </div>
    }
}

/// One button of the page. Most buttons are this one markup: one `html!` for all of them keeps
/// the wasm small (each `html!` block is code of its own).
fn button(id: &'static str, text: &'static str, primary: bool, onclick: Callback<MouseEvent>) -> Html {
    html! { <button type="button" class={if primary { "button is-primary" } else { "button" }} {id} {onclick}>{ text }</button> }
}

/// What the clerk is told after `thing` (“草稿.json”, 旧报告, 示例) was brought in by `verb`
/// (打开, 导入): (is it a problem, message).
fn placed_notice(placed: Result<Placed, String>, thing: &str, verb: &str) -> (bool, String) {
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

/// The ways the report leaves the page: the two files, the clipboard, the printer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Export {
    Txt,
    Docx,
    Copy,
    Print,
}

/// Build the file and hand it to the browser, named after the title.
fn export_file(state: &AppState, format: Export) -> Result<(), String> {
    let stem = file_stem(&state.template, &state.draft);
    match format {
        Export::Txt => browser::download(&format!("{stem}.txt"), "text/plain;charset=utf-8", &txt_bytes(&state.template, &state.draft)),
        Export::Docx => {
            let bytes = docx::docx_bytes(&state.template, &state.draft).map_err(|e| format!("{e}草稿内容不受影响。"))?;
            browser::download(&format!("{stem}.docx"), docx::MIME, &bytes)
        }
        Export::Copy | Export::Print => Ok(()),
    }
}

/// `还有 3 处内容没有填写，另有 1 处其他错误。现在下载，文件里也会带着这些问题。`
fn download_question(state: &AppState, format: Export) -> String {
    use crate::domain::check::Category;
    let errors: Vec<_> = state.findings.iter().filter(|f| f.finding.severity == Severity::Error).collect();
    let gaps = errors.iter().filter(|f| f.finding.category == Category::Placeholder).count();
    let all_missing = errors.iter().filter(|f| f.finding.category == Category::Missing).count();
    let counts = [
        (missing::for_output(&state.findings).len(), "处内容没有填写"),
        (gaps, "处占位符没有换成实际内容"),
        (errors.len() - gaps - all_missing, "处其他错误"),
    ];
    let said: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .enumerate()
        .map(|(i, (n, what))| format!("{} {n} {what}", if i == 0 { "还有" } else { "另有" }))
        .collect();
    let then = match format {
        Export::Copy => "现在复制，复制的全文里也会带着这些问题。",
        Export::Print => "请补全后重新打印。",
        _ => "现在下载，文件里也会带着这些问题。",
    };
    format!("{}。{then}", said.join("，"))
}

/// Everything missing, each with a 去填写 that closes the summary and goes to it.
fn missing_list(
    state: &AppState,
    labels: &[(String, String)],
    asking: &UseStateHandle<Option<Export>>,
    dispatch: &Callback<Action>,
) -> Html {
    let missing = missing::for_output(&state.findings);
    if missing.is_empty() {
        return html! {};
    }
    let label = |key: &str| labels.iter().find(|(k, _)| k == key).map_or(key, |(_, l)| l.as_str()).to_string();
    html! {
        <ul class="missing-list" id="missing-list">
            { for missing.into_iter().map(|f| {
                let (asking, dispatch) = (asking.clone(), dispatch.clone());
                let (key, part, span) = (f.key.clone(), f.part.clone(), f.finding.span);
                let what = if f.finding.rule == missing::SLOT { format!("{}：{}", label(&f.key), f.finding.message) } else { f.finding.message.clone() };
                html! {
                    <li class="missing-item" data-key={f.key.clone()} data-part={f.part.clone()}>
                        { what }
                        <button type="button" class="link-button go-fill"
                            onclick={Callback::from(move |_: MouseEvent| {
                                asking.set(None);
                                dispatch.emit(Action::Jump { key: key.clone(), part: part.clone(), span });
                            })}>{ "去填写" }</button>
                    </li>
                }
            }) }
        </ul>
    }
}

/// After an import, once the clerk has typed this year's year: how many of last year's years
/// are left in the text, and one button that replaces them all (each is also flagged with its
/// own fix).
fn stale_years_bar(state: &AppState, dispatch: &Callback<Action>) -> Html {
    let rule = crate::domain::check::stale_year::RULE;
    let left = state.findings.iter().filter(|f| f.finding.rule == rule).count();
    if left == 0 {
        return html! {};
    }
    let stale = crate::domain::check::stale_year::stale_years(&state.template, &state.draft);
    let (old, new) = match stale.as_slice() {
        [one] => (format!("“{}年”", one.old), format!("“{}年”", one.new)),
        _ => ("去年的年份".to_string(), "今年的年份".to_string()),
    };
    let onclick = dispatch.reform(move |_: MouseEvent| Action::FixAll { rule });
    html! {
        <p class="notice" id="stale-years" role="status">
            { format!("正文里还有 {left} 处{old}，已标出；指的是报告年度的，应改为{new}。") }
            <button type="button" class="button" id="replace-stale" {onclick}>{ format!("全部改为{new}") }</button>
        </p>
    }
}

/// The report types an imported text is compared with: the open draft's first, then the others
/// the gallery offers (built in, the unit's, opened from files) by their index entries (name
/// and part labels).
fn import_types(open: &Template, choices: &[crate::domain::model::gallery::Choice]) -> Vec<crate::domain::input::recognise::Candidate> {
    use crate::domain::input::recognise::Candidate;
    let others =
        choices.iter().filter(|c| c.entry.id != open.id).map(|c| Candidate::from_index(&c.entry.id, &c.entry.name, &c.entry.parts));
    std::iter::once(Candidate::of(open)).chain(others).collect()
}
