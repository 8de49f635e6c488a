//! The live preview of the finished report, styled after GB/T 9704, with an edit link at the
//! start of each part.
use yew::prelude::*;

use super::id_scope::ID_SCOPE;
use crate::domain::output::docx::closing_indents;
use crate::domain::output::layout::ParaKind;
use crate::domain::output::render::Paragraph;

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub paragraphs: Vec<Paragraph>,
    /// Jump to a part's step.
    pub on_edit: Callback<String>,
}

fn class_of(kind: ParaKind) -> &'static str {
    match kind {
        ParaKind::Title => "doc-title",
        ParaKind::Addressee => "doc-addressee",
        ParaKind::Body => "doc-body",
        ParaKind::Heading1 => "doc-h1",
        ParaKind::Heading2 => "doc-h2",
        ParaKind::Signature => "doc-signature",
        ParaKind::Date => "doc-date",
    }
}

/// The right-indent class of a 署名 or date paragraph.
fn indent(kind: ParaKind, signature: u32, date: u32) -> Option<String> {
    match kind {
        ParaKind::Signature => Some(format!("ri-{signature}")),
        ParaKind::Date => Some(format!("ri-{date}")),
        _ => None,
    }
}

#[function_component(Preview)]
pub fn preview(props: &PreviewProps) -> Html {
    // The 署名's and the date's right indents, as in the Word file (§7.3.5.2): a class `ri-N` pads
    // N half characters (a style attribute would break the page's CSP, which allows no inline style).
    let (signature, date) = closing_indents(&props.paragraphs);
    let mut last_part = "";
    html! {
        <article class="preview-page" id={format!("{ID_SCOPE}preview")} aria-label="报告预览">
            { for props.paragraphs.iter().map(|p| {
                let first_of_part = p.part != last_part;
                last_part = &p.part;
                html! {
                    <PreviewParagraph paragraph={p.clone()} indent={indent(p.kind, signature, date)}
                        {first_of_part} on_edit={props.on_edit.clone()} />
                }
            }) }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ParagraphProps {
    paragraph: Paragraph,
    indent: Option<String>,
    /// The part's first paragraph carries its edit link.
    first_of_part: bool,
    on_edit: Callback<String>,
}

/// One paragraph: a component of its own, so a keystroke re-renders only the paragraph it
/// changed, not a 20,000-character preview (the callback is the same from render to render).
#[function_component(PreviewParagraph)]
fn preview_paragraph(props: &ParagraphProps) -> Html {
    let p = &props.paragraph;
    let on_edit = props.on_edit.clone();
    let part = p.part.clone();
    html! {
        <p class={classes!(class_of(p.kind), props.indent.clone())} data-part={p.part.clone()}>
            // A long title's lines, broken where the Word file breaks them (one paragraph).
            { for p.lines().into_iter().enumerate().map(|(i, line)| html! {
                <>if i > 0 { <br /> }{ line.to_string() }</>
            }) }
            if props.first_of_part {
                <button type="button" class="edit-link" aria-label="编辑这一部分" title="编辑这一部分"
                    onclick={Callback::from(move |_: MouseEvent| on_edit.emit(part.clone()))}>{ "编辑" }</button>
            }
        </p>
    }
}
