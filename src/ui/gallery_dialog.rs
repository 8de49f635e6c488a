//! The gallery of report types on the page (`Gallery`) fed from the desk: a type chosen is
//! loaded, then sent to the desk, which makes the new draft; 删除本机模板 is asked first.
use yew::prelude::*;

use super::browser;
use super::desk_files::{desk, open_template_file, with_template, Store};
use super::gallery::Gallery;
use super::shared::Shared;
use super::storage::Local;
use crate::domain::model::gallery::{Choice, IndexRead};
use super::workshop;
use crate::domain::store::desk::{Do, GalleryView, WorkshopStart};
use crate::domain::store::template_store;

#[derive(Properties, PartialEq)]
pub struct GalleryDialogProps {
    pub state: Store,
    pub choices: Shared<Vec<Choice>>,
    /// The unit's index (what is wrong with it is shown).
    pub unit: Shared<IndexRead>,
}

#[function_component(GalleryDialog)]
pub fn gallery_dialog(props: &GalleryDialogProps) -> Html {
    let (state, desk) = (&props.state, desk(&props.state));
    let (busy, message) = match state.desk.dialogs.gallery.clone() {
        Some(GalleryView::Busy) => (true, None),
        Some(GalleryView::Refused(msg)) => (false, Some(AttrValue::from(msg))),
        _ => (false, None),
    };
    let on_choose = {
        let (state, choices, desk) = (state.clone(), props.choices.0.clone(), desk.clone());
        Callback::from(move |id: String| {
            desk.emit(Do::GalleryBusy);
            let desk = desk.clone();
            with_template(&state, &choices, id, move |template| desk.emit(Do::New { template }));
        })
    };
    let on_remove = {
        let desk = desk.clone();
        Callback::from(move |id: String| {
            let kept = template_store::kept(&Local);
            let name = kept.iter().find(|k| k.id == id).and_then(|k| k.name.clone()).unwrap_or_else(|| id.clone());
            if browser::confirm(&template_store::remove_question(&name)) {
                desk.emit(Do::RemoveTemplate(id));
            }
        })
    };
    // 用范文制作新模板 and 修改模板 (the template loaded first; one not kept here is changed as a
    // copy). Without the workshop in the page neither is offered.
    let on_workshop = workshop::AVAILABLE.then(|| desk.reform(|()| Do::OpenWorkshop(Ok(WorkshopStart::Blank))));
    let on_edit = workshop::AVAILABLE.then(|| {
        let (state, choices, desk) = (state.clone(), props.choices.0.clone(), desk.clone());
        Callback::from(move |id: String| {
            let copy = !template_store::kept(&Local).iter().any(|k| k.id == id);
            let desk = desk.clone();
            with_template(&state, &choices, id, move |template| {
                desk.emit(Do::OpenWorkshop(template.map(|template| WorkshopStart::From { template, copy })));
            });
        })
    });
    let kept = Shared(std::rc::Rc::new(template_store::kept(&Local)));
    let index_problems = Shared(std::rc::Rc::new(props.unit.problems.clone()));
    html! {
        <Gallery choices={props.choices.clone()} {busy} {message} {kept} {index_problems} {on_remove}
            {on_choose} on_open_file={open_template_file(state)} on_close={desk.reform(|()| Do::CloseGallery)} {on_workshop} {on_edit} />
    }
}
