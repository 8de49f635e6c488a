//! The page without 模板制作 (feature `workshop-page` off): the same names as `workshop/`, so the
//! gallery's wiring is one, but nothing is offered and nothing is shown.
use std::rc::Rc;
use yew::prelude::*;

use super::shared::Shared;
use crate::domain::model::template::Template;

pub const AVAILABLE: bool = false;

/// What the workshop starts from (the desk holds it while the workshop is open).
pub use crate::domain::store::desk::WorkshopStart as Start;

#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    pub start: Shared<Start>,
    pub on_kept: Callback<Rc<Template>>,
    pub on_close: Callback<()>,
}

#[function_component(WorkshopPage)]
pub fn workshop_page(_: &WorkshopProps) -> Html {
    html! {}
}
