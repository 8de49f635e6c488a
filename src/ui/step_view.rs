//! The current step in the middle of the page: the title step (with the first-use intro while
//! the draft is untouched), a section, or one guided field. The 完成 step is `done_step`.
use yew::prelude::*;

use super::desk_files::Store;
use super::guided_field::GuidedField;
use super::section::SectionStep;
use super::shared::Shared;
use super::slotted::Slotted;
use super::state::{Action, TITLE_STEP};
use crate::domain::model::template::PartKind;

#[derive(Properties, PartialEq)]
pub struct StepViewProps {
    pub state: Store,
}

#[function_component(StepView)]
pub fn step_view(props: &StepViewProps) -> Html {
    let state = &props.state;
    // The same callback from render to render (the dispatcher's), so an unchanged box is not
    // rendered again.
    let dispatch: Callback<Action> = state.dispatcher().to_callback();
    let template: Shared<_> = state.template.clone().into();
    let draft: Shared<_> = state.draft.clone().into();
    if state.step == TITLE_STEP {
        return html! {
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
                    {template} {draft} {dispatch} allow_free={false} />
            </section>
        };
    }
    match state.template.part(&state.step) {
        Some(part) if part.kind == PartKind::Section => html! {
            <SectionStep part={part.clone()} {template} {draft} findings={Shared::from(state.findings.clone())} {dispatch} />
        },
        Some(part) => html! {
            <GuidedField field_key={part.id.clone()} label={part.label.clone()} hint={part.hint.clone()}
                example={part.example.clone()} {template} {draft}
                findings={state.findings_in(&part.id)} {dispatch} required={part.required}
                single_line={matches!(part.kind, PartKind::Addressee | PartKind::Signature | PartKind::Date | PartKind::Closing)} />
        },
        None => html! {},
    }
}
