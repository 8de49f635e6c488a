//! What the clerk typed into the prerendered first screen before the app started (issue #24):
//! its text boxes are live from the first moment, and when the app takes their place it is
//! handed what changed in them and where the cursor was, so no key is lost.

/// The shell's boxes the clerk changed, in the order of the page, and the box the cursor was in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Carried {
    /// (the box's id, its value now): the app's box of the same id gets the value.
    pub edits: Vec<(String, String)>,
    /// The focused box's id with its selection (start, end, in UTF-16 units as the browser
    /// counts them), to put the cursor back.
    pub focus: Option<(String, u32, u32)>,
    /// The stored draft and revision the screen showed (a returning clerk's snapshot, put there
    /// by `xtask/js/restore.js`); `None` for the prerendered new draft.
    pub from: Option<(String, String)>,
}

/// Whether the edits belong in what the app opened (`opened`: its draft and stored revision):
/// a new draft's screen always; a returning clerk's snapshot only on the very version it
/// showed — had another window changed the draft meanwhile, whole boxes of the older text
/// would overwrite the newer.
pub fn fits(from: &Option<(String, String)>, opened: Option<(&str, &str)>) -> bool {
    match from {
        None => true,
        Some((id, rev)) => opened == Some((id.as_str(), rev.as_str())),
    }
}

/// What the clerk is told when their edits could not be carried: the text itself, so nothing
/// is lost.
pub fn not_carried_notice(edits: &[(String, String)]) -> String {
    let typed: Vec<&str> = edits.iter().map(|(_, v)| v.as_str()).filter(|v| !v.trim().is_empty()).collect();
    format!(
        "草稿在页面打开时已被另一个窗口改过，您在打开过程中输入的内容没有放入草稿，请核对后重新输入：{}",
        if typed.is_empty() { "（清空了一些内容）".to_string() } else { typed.join("；") }
    )
}

/// A box of the shell as the page has it: its id, the value it was rendered with and its value now.
pub struct ShellBox {
    pub id: String,
    pub rendered: String,
    pub now: String,
}

/// The edits to carry: every box with an id whose value differs from what the shell was
/// rendered with (a box emptied is an edit too).
pub fn edits(boxes: Vec<ShellBox>) -> Vec<(String, String)> {
    boxes.into_iter().filter(|b| b.now != b.rendered && !b.id.is_empty()).map(|b| (b.id, b.now)).collect()
}

/// Read the shell (`#gongwen-shell`) before it goes.
#[cfg(target_arch = "wasm32")]
pub fn take_from_shell() -> Carried {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return Carried::default() };
    let Some(shell) = doc.get_element_by_id(gongwen_shared::SHELL_ID) else { return Carried::default() };
    let mut boxes = Vec::new();
    if let Ok(list) = shell.query_selector_all("input[type=text], textarea") {
        for i in 0..list.length() {
            let Some(node) = list.item(i) else { continue };
            if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                boxes.push(ShellBox { id: input.id(), rendered: input.default_value(), now: input.value() });
            } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                boxes.push(ShellBox { id: area.id(), rendered: area.default_value().unwrap_or_default(), now: area.value() });
            }
        }
    }
    let focus = doc.active_element().filter(|e| shell.contains(Some(e))).and_then(|e| {
        let (start, end) = if let Some(input) = e.dyn_ref::<web_sys::HtmlInputElement>() {
            (input.selection_start().ok().flatten(), input.selection_end().ok().flatten())
        } else if let Some(area) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            (area.selection_start().ok().flatten(), area.selection_end().ok().flatten())
        } else {
            (None, None)
        };
        let id = e.id();
        (!id.is_empty()).then(|| (id, start.unwrap_or(0), end.or(start).unwrap_or(0)))
    });
    let from = shell.get_attribute("data-draft").zip(shell.get_attribute("data-rev"));
    Carried { edits: edits(boxes), focus, from }
}

/// Give the app's boxes what the clerk typed into the shell's, through the path typing takes
/// (an `input` event on the box, which dispatches the edit), then put the cursor back. Run once
/// the app has rendered in the shell's place: its boxes have the shell's ids.
#[cfg(target_arch = "wasm32")]
pub fn replay(carried: &Carried) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let input_event = || {
        let init = web_sys::InputEventInit::new();
        init.set_bubbles(true);
        init.set_input_type("insertText");
        web_sys::InputEvent::new_with_event_init_dict("input", &init).ok()
    };
    for (id, value) in &carried.edits {
        let Some(el) = doc.get_element_by_id(id) else { continue };
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_value(value);
        } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(value);
        } else {
            continue;
        }
        if let Some(event) = input_event() {
            let _ = el.dispatch_event(&event);
        }
    }
    let Some((id, start, end)) = &carried.focus else { return };
    let Some(el) = doc.get_element_by_id(id) else { return };
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        let _ = input.set_selection_range(*start, *end);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        let _ = area.set_selection_range(*start, *end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(id: &str, rendered: &str, now: &str) -> ShellBox {
        ShellBox { id: id.into(), rendered: rendered.into(), now: now.into() }
    }

    #[test]
    fn a_snapshots_edits_go_only_into_the_version_it_showed() {
        let snap = Some(("d1".to_string(), "3-a".to_string()));
        assert!(fits(&None, None));
        assert!(fits(&None, Some(("d1", "3-a"))));
        assert!(fits(&snap, Some(("d1", "3-a"))));
        assert!(!fits(&snap, Some(("d1", "4-b"))), "another window wrote meanwhile");
        assert!(!fits(&snap, Some(("d2", "3-a"))), "another draft opened");
        assert!(!fits(&snap, None));
        let told = not_carried_notice(&[("a".into(), "某县委组织部".into()), ("b".into(), String::new())]);
        assert!(told.contains("某县委组织部") && told.contains("没有放入草稿"), "{told}");
    }

    #[test]
    fn only_the_boxes_the_clerk_changed_are_carried() {
        let got = edits(vec![
            b("slot-title-0", "", "某县委组织部"),
            b("slot-title-1", "", ""),
            b("field-addressee", "", "市委："),
            b("field-opening", "原有", "原有"),
            b("field-closing", "特此报告。", ""),
            b("", "", "没有 id 的框"),
        ]);
        assert_eq!(
            got,
            vec![
                ("slot-title-0".to_string(), "某县委组织部".to_string()),
                ("field-addressee".to_string(), "市委：".to_string()),
                ("field-closing".to_string(), String::new()),
            ]
        );
    }
}
