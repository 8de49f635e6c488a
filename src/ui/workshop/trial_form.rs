//! 预览（以起草人身份）: the proposed template as a drafter gets it — the outline of steps, each
//! step's guided boxes (the same components as the page's), filled with the template's example,
//! live checks, and the finished report beside. The administrator may try typing; nothing is
//! saved (`AppState::tried`: no desk, no storage), and a changed template starts it again.
use std::rc::Rc;
use yew::prelude::*;

use super::super::browser;
use super::super::guided_field::GuidedField;
use super::super::outline::Outline;
use super::super::preview::Preview;
use super::super::section::SectionStep;
use super::super::shared::Shared;
use super::super::slotted::Slotted;
use super::super::state::{Action, AppState, TITLE_STEP};
use crate::domain::check::Context;
use crate::domain::guide::outline::steps;
use crate::domain::model::draft::Draft;
use crate::domain::model::template::{PartKind, Template};
use crate::domain::output::render::paragraphs;
use crate::domain::store::saved::{Saved, VERSION};

#[derive(Properties, PartialEq)]
pub struct TrialFormProps {
    pub template: Shared<Template>,
}

/// The draft being tried, or a new start on a (changed) template.
enum Try {
    Act(Action),
    Start(Rc<Template>),
}

#[derive(PartialEq)]
struct Trial(Rc<AppState>);

impl Trial {
    fn on(template: Rc<Template>) -> Trial {
        let saved = Saved { version: VERSION, draft: Draft::example(&template), step: TITLE_STEP.to_string() };
        let state = AppState::restored(template, saved);
        let year = browser::current_year().unwrap_or(state.context.current_year);
        Trial(Rc::new(state.in_context(Context { current_year: year })))
    }
}

impl Reducible for Trial {
    type Action = Try;
    fn reduce(self: Rc<Self>, what: Try) -> Rc<Self> {
        Rc::new(match what {
            Try::Act(action) => Trial(self.0.clone().tried(action)),
            Try::Start(template) => Trial::on(template),
        })
    }
}

#[function_component(TrialForm)]
pub fn trial_form(props: &TrialFormProps) -> Html {
    let trial = {
        let t = props.template.0.clone();
        use_reducer(move || Trial::on(t))
    };
    {
        let trial = trial.clone();
        use_effect_with((*props.template).clone(), move |t| {
            if *trial.0.template != *t {
                trial.dispatch(Try::Start(Rc::new(t.clone())));
            }
        });
    }
    let s = &trial.0;
    let dispatch = {
        let trial = trial.clone();
        Callback::from(move |a: Action| trial.dispatch(Try::Act(a)))
    };
    let goto = dispatch.reform(Action::Goto);
    let (template, draft): (Shared<Template>, Shared<Draft>) = (s.template.clone().into(), s.draft.clone().into());
    let step = match s.template.part(&s.step) {
        _ if s.step == TITLE_STEP => html! {
            <section class="guided-field title-step">
                <h4 class="step-title">{ "标题" }</h4>
                <Slotted field_key="title" pattern={AttrValue::from(s.template.title.clone())} {template} {draft} {dispatch} allow_free={false} />
            </section>
        },
        Some(part) if part.kind == PartKind::Section => html! {
            <SectionStep part={part.clone()} {template} {draft} findings={Shared::from(s.findings.clone())} {dispatch} />
        },
        Some(part) => html! {
            <GuidedField field_key={part.id.clone()} label={part.label.clone()} hint={part.hint.clone()}
                example={part.example.clone()} {template} {draft} findings={s.findings_in(&part.id)} {dispatch} required={part.required}
                single_line={matches!(part.kind, PartKind::Addressee | PartKind::Signature | PartKind::Date | PartKind::Closing)} />
        },
        None => html! {},
    };
    html! {
        <section class="workshop-preview" id="workshop-preview" aria-labelledby="workshop-preview-title">
            <h3 id="workshop-preview-title">{ format!("预览：起草人新建“{}”时看到的表单（已填入示例）", s.template.name) }</h3>
            <p class="field-hint">{ "可以在这里试着填写，检查随写随查；这里写的内容不会保存。" }</p>
            <div class="workshop-trial">
                <Outline steps={steps(&s.template, &s.draft, &s.findings)} current={s.step.clone()} on_select={goto.clone()} />
                <div class="workshop-trial-step" id="workshop-trial-step" data-step={s.step.clone()}>{ step }</div>
                <Preview paragraphs={paragraphs(&s.template, &s.draft)} on_edit={goto} />
            </div>
        </section>
    }
}
