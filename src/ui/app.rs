//! The page: guided fields on the left, the live preview and the download on the right.
use yew::prelude::*;

use super::browser;
use super::guided_field::GuidedField;
use super::preview::Preview;
use super::state::{Action, AppState};
use crate::domain::render::{paragraphs, txt_bytes, txt_file_name};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(AppState::default);
    let notice = use_state(|| Option::<String>::None);

    let fill_example = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::FillExample))
    };
    let download_txt = {
        let state = state.clone();
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| {
            let bytes = txt_bytes(&state.template, &state.draft);
            let name = txt_file_name(&state.template);
            match browser::download(&name, "text/plain;charset=utf-8", &bytes) {
                Ok(()) => notice.set(None),
                Err(msg) => notice.set(Some(msg)),
            }
        })
    };

    let error_count = state.findings.iter().filter(|f| !f.finding.span.is_empty()).count();
    let summary = if error_count == 0 {
        "没有发现占位符。".to_string()
    } else {
        format!("还有 {error_count} 处需要修改。")
    };

    html! {
        <div class="app">
            <header class="app-header">
                <h1>{ "公文起草助手" }</h1>
                <p class="app-subtitle">{ &state.template.name }</p>
                <div class="app-actions">
                    <button type="button" class="button" onclick={fill_example}>{ "填入示例" }</button>
                    <button type="button" class="button is-primary" id="download-txt" onclick={download_txt}>
                        { "下载文本（.txt）" }
                    </button>
                </div>
            </header>
            if let Some(msg) = (*notice).clone() {
                <p class="notice is-error" role="alert">{ msg }</p>
            }
            <main class="workspace">
                <div class="editor-pane">
                    <p class="check-summary" aria-live="polite" id="check-summary">{ summary }</p>
                    { for state.template.parts.iter().map(|part| {
                        let on_change = {
                            let state = state.clone();
                            let id = part.id.clone();
                            Callback::from(move |text: String| {
                                state.dispatch(Action::SetField { part: id.clone(), text })
                            })
                        };
                        html! {
                            <GuidedField part={part.clone()}
                                value={AttrValue::from(state.draft.field(&part.id).to_string())}
                                findings={state.findings_in(&part.id)}
                                {on_change} />
                        }
                    }) }
                </div>
                <div class="preview-pane">
                    <h2 class="pane-title">{ "预览" }</h2>
                    <Preview template={state.template.clone()}
                        paragraphs={paragraphs(&state.template, &state.draft)} />
                </div>
            </main>
        </div>
    }
}
