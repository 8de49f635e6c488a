//! The page: the outline on the left, the current step in the middle, the live preview on the
//! right; actions (example, clear, copy, download) in the header.
use yew::prelude::*;

use super::browser;
use super::guided_field::GuidedField;
use super::outline::Outline;
use super::preview::Preview;
use super::section::SectionStep;
use super::shared::Shared;
use super::slotted::Slotted;
use super::state::{Action, AppState, TITLE_STEP};
use crate::domain::check::Severity;
use crate::domain::outline::{steps, Step, StepState};
use crate::domain::render::{file_stem, paragraphs, plain_text, txt_bytes};
use crate::domain::template::PartKind;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let notice = use_state(|| Option::<(bool, String)>::None);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let template: Shared<_> = state.template.clone().into();
    let draft: Shared<_> = state.draft.clone().into();
    let findings: Shared<_> = state.findings.clone().into();

    let fill_example = {
        let (state, dispatch) = (state.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let untouched = *state.draft == crate::domain::draft::Draft::new(&state.template);
            if untouched || browser::confirm("填入示例会替换现在已写的全部内容。确定吗？") {
                dispatch.emit(Action::FillExample);
            }
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
    let download_txt = {
        let (state, notice) = (state.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            let bytes = txt_bytes(&state.template, &state.draft);
            let name = format!("{}.txt", file_stem(&state.template, &state.draft));
            match browser::download(&name, "text/plain;charset=utf-8", &bytes) {
                Ok(()) => notice.set(None),
                Err(msg) => notice.set(Some((true, msg))),
            }
        })
    };
    let copy = {
        let (state, notice) = (state.clone(), notice.clone());
        Callback::from(move |_: MouseEvent| {
            let notice = notice.clone();
            let done = Callback::from(move |r: Result<(), String>| match r {
                Ok(()) => notice.set(Some((false, "全文已复制，可以粘贴到 Word 或 WPS 中。".to_string()))),
                Err(msg) => notice.set(Some((true, msg))),
            });
            browser::copy_text(&plain_text(&state.template, &state.draft), done);
        })
    };
    let goto = {
        let dispatch = dispatch.clone();
        Callback::from(move |step: String| dispatch.emit(Action::Goto(step)))
    };

    let errors = state.findings.iter().filter(|f| f.finding.severity == Severity::Error).count();
    let others = state.findings.len() - errors;
    let summary = match (errors, others) {
        (0, 0) => "没有发现问题。".to_string(),
        (0, n) => format!("有 {n} 处提醒。"),
        (e, 0) => format!("还有 {e} 处需要修改。"),
        (e, n) => format!("还有 {e} 处需要修改，另有 {n} 处提醒。"),
    };

    let mut outline_steps = vec![Step {
        part: TITLE_STEP.to_string(),
        label: "标题".to_string(),
        state: if crate::domain::render::title(&state.template, &state.draft).contains(crate::domain::pattern::EMPTY_SLOT) {
            StepState::Empty
        } else {
            StepState::Filled
        },
        findings: 0,
    }];
    outline_steps.extend(steps(&state.template, &state.draft, &state.findings));

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
                <p class="field-hint">{ "标题按规范格式自动生成：填写单位名称和起始年份即可。单位名称也会用在开头语和落款中。" }</p>
                <Slotted field_key="title" pattern={AttrValue::from(state.template.title.clone())}
                    template={template.clone()} draft={draft.clone()} dispatch={dispatch.clone()} allow_free={false} />
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
            <header class="app-header">
                <h1>{ "公文起草助手" }</h1>
                <p class="app-subtitle">{ &state.template.name }</p>
                <div class="app-actions">
                    <button type="button" class="button" id="fill-example" onclick={fill_example}>{ "填入示例" }</button>
                    <button type="button" class="button" id="clear" onclick={clear}>{ "清空" }</button>
                    <button type="button" class="button" id="copy-text" onclick={copy}>{ "复制全文" }</button>
                    <button type="button" class="button is-primary" id="download-txt" onclick={download_txt}>
                        { "下载文本（.txt）" }
                    </button>
                </div>
            </header>
            if let Some((is_error, msg)) = (*notice).clone() {
                <p class={classes!("notice", is_error.then_some("is-error"))} role="alert">{ msg }</p>
            }
            <main class="workspace">
                <Outline steps={outline_steps} current={state.step.clone()} on_select={goto.clone()} />
                <div class="editor-pane">
                    <p class="check-summary" aria-live="polite" id="check-summary">{ summary }</p>
                    { for undo_bar }
                    <div class="step-view" data-step={state.step.clone()}>{ step_view }</div>
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
