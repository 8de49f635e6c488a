//! The gallery of report types on the page (`Gallery`) fed from the desk: a type chosen is
//! loaded, then sent to the desk, which makes the new draft; 删除本机模板 is asked first.
use yew::prelude::*;

use super::browser;
use super::desk_files::{desk, open_template_file, with_template, Store};
use super::gallery::Gallery;
use super::shared::Shared;
use super::storage::Local;
use super::workshop_host;
use crate::domain::model::gallery::{Choice, IndexRead};
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
        Some(GalleryView::Busy) => (Some("正在载入报告模板……"), None),
        Some(GalleryView::OpeningWorkshop) => (Some("正在打开模板制作……"), None),
        Some(GalleryView::Refused(msg)) => (None, Some(AttrValue::from(msg))),
        _ => (None, None),
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
    // 用范文制作新模板 and 修改模板 (one not kept here is changed as a copy). The workshop, its own
    // module, loads when it opens and gets the template itself (`workshop_host.rs`).
    let on_workshop = Some({
        let desk = desk.clone();
        Callback::from(move |()| workshop_host::open(desk.clone(), WorkshopStart::Blank))
    });
    let on_edit = Some({
        let desk = desk.clone();
        Callback::from(move |id: String| {
            let copy = !template_store::kept(&Local).iter().any(|k| k.id == id);
            workshop_host::open(desk.clone(), WorkshopStart::From { id, copy });
        })
    });
    let kept = Shared(std::rc::Rc::new(template_store::kept(&Local)));
    let index_problems = Shared(std::rc::Rc::new(props.unit.problems.clone()));
    html! {
        <Gallery choices={props.choices.clone()} {busy} {message} {kept} {index_problems} {on_remove}
            {on_choose} on_open_file={open_template_file(state)} on_close={desk.reform(|()| Do::CloseGallery)} {on_workshop} {on_edit} />
    }
}
