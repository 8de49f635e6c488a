//! The few browser calls the app makes, each returning a Chinese message on failure.
use crate::domain::input::decode::Decoded;
use wasm_bindgen::JsCast;

/// Offer `bytes` as a file download named `name`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |what: &str| format!("无法下载文件（{what}）。请换用较新的浏览器再试，草稿内容不受影响。");
    let window = web_sys::window().ok_or_else(|| fail("没有浏览器窗口"))?;
    let document = window.document().ok_or_else(|| fail("没有页面"))?;
    let body = document.body().ok_or_else(|| fail("没有页面正文"))?;

    let parts = js_sys_array_of(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| fail("无法生成文件"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("无法生成下载地址"))?;

    let result = (|| {
        let anchor: web_sys::HtmlAnchorElement =
            document.create_element("a").map_err(|_| fail("无法创建链接"))?.dyn_into().map_err(|_| fail("无法创建链接"))?;
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.set_hidden(true);
        body.append_child(&anchor).map_err(|_| fail("无法创建链接"))?;
        anchor.click();
        let _ = body.remove_child(&anchor);
        Ok(())
    })();
    // Chromium has copied the blob into the download by the time click() returns; revoking
    // later would also work but leaves the URL alive for the page's lifetime.
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// A JS array holding one Uint8Array copy of `bytes`, as `Blob`'s constructor wants.
fn js_sys_array_of(bytes: &[u8]) -> wasm_bindgen::JsValue {
    let array = web_sys::js_sys::Array::new();
    array.push(&web_sys::js_sys::Uint8Array::from(bytes));
    array.into()
}

/// Ask the clerk to confirm; `false` when the browser cannot ask.
pub fn confirm(question: &str) -> bool {
    web_sys::window().and_then(|w| w.confirm_with_message(question).ok()).unwrap_or(false)
}

/// Call `f` just before the page is printed (Ctrl+P, the browser's menu); the listener lives
/// as long as the returned value.
pub fn on_before_print(mut f: impl FnMut() + 'static) -> Option<gloo_events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo_events::EventListener::new(&window, "beforeprint", move |_| f()))
}

/// Call `f` with the key of every change another tab or window of this origin makes to
/// localStorage (`None`: it was cleared). The tab that writes is not told of its own writes.
pub fn on_storage(mut f: impl FnMut(Option<String>) + 'static) -> Option<gloo_events::EventListener> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    Some(gloo_events::EventListener::new(&window, "storage", move |e| {
        if let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() {
            f(e.key());
        }
    }))
}

/// A random number in [0, 1) (0 natively).
pub fn random() -> f64 {
    if cfg!(not(target_arch = "wasm32")) {
        return 0.0;
    }
    web_sys::js_sys::Math::random()
}

/// A location as a clerk reads it: percent-escapes decoded (`U%E7%9B%98` is `U盘`), and a
/// Windows drive without its leading `/`.
pub fn readable_location(location: &str) -> String {
    let decoded = if cfg!(target_arch = "wasm32") {
        web_sys::js_sys::decode_uri_component(location).ok().and_then(|s| s.as_string()).unwrap_or_else(|| location.to_string())
    } else {
        location.to_string()
    };
    match decoded.strip_prefix('/') {
        Some(rest) if rest.get(1..2) == Some(":") => rest.to_string(),
        _ => decoded,
    }
}

/// Put text on the clipboard and report the outcome to `done`. Uses the Clipboard API where
/// the page may (127.0.0.1, https), and the old copy command elsewhere (plain http on an
/// intranet server, file://).
pub fn copy_text(text: &str, done: yew::Callback<Result<(), String>>) {
    let fail = || "无法复制到剪贴板，请在预览中全选后按 Ctrl+C 复制。".to_string();
    let Some(window) = web_sys::window() else { return done.emit(Err(fail())) };
    if window.is_secure_context() {
        let promise = window.navigator().clipboard().write_text(text);
        let fallback_text = text.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => done.emit(Ok(())),
                // Refused (no permission, page not focused): try the old way before giving up.
                Err(_) => done.emit(copy_with_command(&fallback_text).ok_or_else(fail)),
            }
        });
        return;
    }
    done.emit(copy_with_command(text).ok_or_else(fail));
}

fn copy_with_command(text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let body = document.body()?;
    let area: web_sys::HtmlTextAreaElement = document.create_element("textarea").ok()?.dyn_into().ok()?;
    area.set_value(text);
    body.append_child(&area).ok()?;
    area.select();
    let copied = document.dyn_ref::<web_sys::HtmlDocument>().and_then(|d| d.exec_command("copy").ok()).unwrap_or(false);
    let _ = body.remove_child(&area);
    copied.then_some(())
}

/// Focus a field and select a character span in it (a slotted sentence: its first empty
/// figure). Quietly does nothing if the field is not on screen.
pub fn focus_field(key: &str, start: usize, end: usize) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(el) = document.get_element_by_id(&format!("field-{key}")) else { return };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&options);
    if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        // The DOM counts UTF-16 units; spans count characters.
        let value = area.value();
        let utf16 = |chars: usize| value.chars().take(chars).map(char::len_utf16).sum::<usize>() as u32;
        let _ = area.set_selection_range(utf16(start), utf16(end));
        return;
    }
    let input = el.query_selector("input.is-empty").ok().flatten().or_else(|| el.query_selector("input").ok().flatten());
    if let Some(input) = input.and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = input.focus();
    }
}

/// The year on the clerk's computer (natively, in SSR tests, there is none).
pub fn current_year() -> Option<i32> {
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let year = web_sys::js_sys::Date::new_0().get_full_year();
    i32::try_from(year).ok().filter(|y| (2000..=2200).contains(y))
}

/// The time on the clerk's computer, in ms since 1970 (natively, in SSR tests, 0: unknown).
pub fn now() -> f64 {
    if cfg!(not(target_arch = "wasm32")) {
        return 0.0;
    }
    web_sys::js_sys::Date::now()
}

/// Local time minus UTC, in minutes (China: 480).
pub fn utc_offset_minutes() -> i32 {
    if cfg!(not(target_arch = "wasm32")) {
        return 480;
    }
    // getTimezoneOffset is UTC minus local time.
    let offset = -web_sys::js_sys::Date::new_0().get_timezone_offset();
    if offset.is_finite() && offset.abs() <= 24.0 * 60.0 {
        offset as i32
    } else {
        480
    }
}

/// The largest draft file we read: far above any real report, small enough not to stall the tab.
const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

/// Scroll the page back to the top (after moving to another step).
pub fn scroll_to_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The name of the first file chosen in a file input.
pub fn chosen_file_name(input: &web_sys::HtmlInputElement) -> Option<String> {
    input.files().and_then(|f| f.get(0)).map(|f| f.name())
}

/// The plain text a paste event carries (`None` when it carries none, or is not a paste).
pub fn pasted_text(e: &yew::Event) -> Option<String> {
    let e: &web_sys::ClipboardEvent = e.dyn_ref()?;
    e.clipboard_data()?.get_data("text/plain").ok()
}

/// Read the first file chosen in a file input as bytes (files over 20 MB are refused before
/// they are read), or a Chinese message naming `what` the file was meant to be.
pub fn read_chosen_bytes(input: &web_sys::HtmlInputElement, what: &str, done: yew::Callback<Result<Vec<u8>, String>>) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    // Let the same file be chosen again later.
    input.set_value("");
    if file.size() > MAX_FILE_BYTES {
        return done.emit(Err(format!("文件“{}”太大（超过 20 MB），不像是{what}，没有打开。", file.name())));
    }
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => done.emit(Ok(web_sys::js_sys::Uint8Array::new(&buffer).to_vec())),
            Err(_) => done.emit(Err(format!("无法读取文件“{name}”。"))),
        }
    });
}

/// Read a report for the import, chosen in a file input (see [`read_report`]).
pub fn read_chosen_report(input: &web_sys::HtmlInputElement, done: yew::Callback<Result<(String, usize), String>>) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
    // Let the same file be chosen again later.
    input.set_value("");
    read_report(file, done);
}

/// Read a report for the import: a Word file (or another office format, which the reader names)
/// through the page's .docx reader (`word_file`), anything else as text, as
/// UTF-8 or UTF-16 (`domain::input::decode`: damaged bytes become `�`, counted for
/// `decode::damage_notice`) or else GB18030 by the browser's own decoder (no tables in the
/// bundle), with the count of damaged bytes (none from a Word file).
pub fn read_report(file: web_sys::File, done: yew::Callback<Result<(String, usize), String>>) {
    if file.size() > MAX_FILE_BYTES {
        return done.emit(Err(format!("文件“{}”太大（超过 20 MB），不像是一份报告，没有打开。", file.name())));
    }
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let fail = || format!("无法读取文件“{name}”：它不是 Word 文档（.docx），也不是 UTF-8 或 GB18030 编码的文本。");
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await else {
            return done.emit(Err(fail()));
        };
        let bytes = web_sys::js_sys::Uint8Array::new(&buffer).to_vec();
        let result = if crate::domain::input::docx::is_office_file(&name, &bytes) {
            super::word_file::read_docx(&bytes).await.map(|text| (text, 0)).map_err(|why| format!("文件“{name}”没有打开：{why}"))
        } else {
            match crate::domain::input::decode::decode_unicode(&bytes) {
                Decoded::Text { text, damaged } => Ok((text, damaged)),
                Decoded::Binary => Err(format!(
                    "文件“{name}”里不是文字，不像是一份报告，没有打开。其他格式的文档请在 Word 或 WPS 中“另存为”.docx 后再打开。"
                )),
                Decoded::Legacy => gb18030(&bytes).map(|text| (text, 0)).ok_or_else(fail),
            }
        };
        done.emit(result);
    });
}

/// GB18030 (and so GBK and GB2312) by the browser's decoder; `None` if the bytes are not valid.
fn gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok().and_then(|d| d.decode_with_u8_array(bytes).ok())
}

/// The boxes of the current step, in order, then its 上一步/下一步 buttons: where Enter in a
/// one-line box goes next.
const STEP_FIELDS: &str = ".step-view input[type=text], .step-view textarea, .step-next";

/// Put the cursor in the current step's first box (the 完成 step: its heading). Quietly does
/// nothing if there is none.
pub fn focus_step() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let first = document.query_selector(".step-view :is(input[type=text], textarea, [tabindex='-1'])").ok().flatten();
    if let Some(el) = first.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Put the focus on an element by id (a dialog's default button).
pub fn focus_id(id: &str) {
    let el = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Enter in a one-line box: on to the next box of the step (after the last, 下一步).
pub fn focus_next(from: &web_sys::Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(list) = document.query_selector_all(STEP_FIELDS) else { return };
    let at = (0..list.length()).find(|&i| list.get(i).is_some_and(|n| from.is_same_node(Some(&n))));
    let next = at.and_then(|i| list.get(i + 1)).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = next {
        let _ = el.focus();
    }
}

/// Scroll the preview so the part being edited is at its top (the title: the page's top).
pub fn show_in_preview(part: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Ok(Some(pane)), Ok(target)) =
        (document.query_selector(".preview-pane"), document.query_selector(&format!("#preview [data-part='{part}']")))
    else {
        return;
    };
    let top = match target {
        Some(el) => pane.scroll_top() as f64 + el.get_bounding_client_rect().top() - pane.get_bounding_client_rect().top() - 48.0,
        None => 0.0,
    };
    pane.set_scroll_top(top.max(0.0) as i32);
}

/// The browser's print dialog (the print style sheet prints the report only).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Close the `<details>` menu an element sits in (after one of its items was chosen).
pub fn close_menu(inside: &web_sys::Element) {
    if let Ok(Some(menu)) = inside.closest("details") {
        let _ = menu.remove_attribute("open");
    }
}

/// Esc in an open `<details>` menu closes it and puts the cursor back on its button (the summary).
pub fn escape_menu(inside: &web_sys::Element) {
    let Ok(Some(menu)) = inside.closest("details") else { return };
    if menu.remove_attribute("open").is_ok() {
        if let Ok(Some(button)) = menu.query_selector("summary") {
            if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        }
    }
}

/// The page's data blocks (report templates, modules' bytes) go to <head> before the app mounts
/// on <body>, which empties it: the single file has them last in <body>, so that the first screen
/// is parsed and shown before them; the decoder's block is in <body> on both pages.
#[cfg(target_arch = "wasm32")]
pub fn keep_data_blocks() {
    const DATA_BLOCKS: &str = "body > script[type='application/json'], body > script[type='application/octet-stream']";
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Some(head), Ok(blocks)) = (document.head(), document.query_selector_all(DATA_BLOCKS)) else { return };
    for i in 0..blocks.length() {
        if let Some(block) = blocks.item(i) {
            let _ = head.append_child(&block);
        }
    }
}

/// Take the prerendered first screen (`#gongwen-shell`, put into the page at build time by
/// `xtask/src/prerender.rs`) out of the page: the app renders itself in its place.
#[cfg(target_arch = "wasm32")]
pub fn remove_shell() {
    if let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(gongwen_shared::SHELL_ID)) {
        shell.remove();
    }
}

/// What can take the focus inside a dialog (shown ones: see `keep_tab_inside`).
const FOCUSABLE: &str =
    "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex='0']";

/// A dialog that has opened and what had the focus before (the button that opened it).
pub type Opened = Option<(web_sys::HtmlElement, Option<web_sys::HtmlElement>)>;

/// A dialog has opened: the focus goes into it (unless it is there already).
pub fn focus_into(dialog: &yew::NodeRef) -> Opened {
    let document = web_sys::window().and_then(|w| w.document())?;
    let opener = document.active_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    let el = dialog.cast::<web_sys::HtmlElement>()?;
    if !opener.as_ref().is_some_and(|o| el.contains(Some(o))) {
        let _ = el.focus();
    }
    Some((el, opener))
}

/// A dialog is closing: the focus goes back to what opened it, if that is still on the page and
/// the focus is still in the dialog (or nowhere), not where the page has put it meanwhile.
pub fn focus_back(opened: Opened) {
    let Some((dialog, Some(opener))) = opened else { return };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let active = document.active_element();
    let lost = active.is_none_or(|a| dialog.contains(Some(&a)) || document.body().is_some_and(|b| b.is_same_node(Some(&a))));
    if lost && opener.is_connected() && !dialog.contains(Some(&opener)) {
        let _ = opener.focus();
    }
}

/// Tab on the dialog's last control goes to its first, Shift+Tab on its first (or on the dialog
/// itself) to its last: the focus stays inside while it is open.
pub fn keep_tab_inside(dialog: &yew::NodeRef, e: &web_sys::KeyboardEvent) {
    let (Some(dialog), Some(document)) = (dialog.cast::<web_sys::Element>(), web_sys::window().and_then(|w| w.document())) else { return };
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else { return };
    let shown: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.get(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|el| el.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else { return };
    let active = document.active_element();
    let is = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a.is_same_node(Some(el)));
    let on_dialog = active.as_ref().is_some_and(|a| a.is_same_node(Some(&dialog)));
    let to = if e.shift_key() && (is(first) || on_dialog) {
        last
    } else if !e.shift_key() && is(last) {
        first
    } else {
        return;
    };
    e.prevent_default();
    let _ = to.focus();
}

/// `f`, once, when the browser is next idle and at most `at_most_ms` later (requestIdleCallback
/// with a timeout; a timer where the browser has none, as in Safari).
pub fn when_idle(at_most_ms: u32, f: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::js_sys::{Function, Object, Reflect};
    let Some(window) = web_sys::window() else { return };
    let f = Closure::once_into_js(f);
    let idle = Reflect::get(&window, &JsValue::from_str("requestIdleCallback")).ok().and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(request) = idle {
        let options = Object::new();
        if Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from(at_most_ms)).is_ok()
            && request.call2(&window, &f, &options).is_ok()
        {
            return;
        }
    }
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), at_most_ms as i32);
}

/// Keep the app's screen for the next visit, as the version `id` at `rev` (`gongwenBoot.keep`,
/// which `xtask/js/restore.js` defines; absent in a page built without it).
pub fn keep_screen(id: &str, rev: &str) {
    use wasm_bindgen::{JsCast, JsValue};
    let Some(window) = web_sys::window() else { return };
    let Ok(boot) = web_sys::js_sys::Reflect::get(&window, &JsValue::from_str("gongwenBoot")) else { return };
    let Ok(keep) = web_sys::js_sys::Reflect::get(&boot, &JsValue::from_str("keep")) else { return };
    if let Some(keep) = keep.dyn_ref::<web_sys::js_sys::Function>() {
        let _ = keep.call2(&boot, &JsValue::from_str(id), &JsValue::from_str(rev));
    }
}

/// Call `f` when the page is hidden (another tab, minimised) or left (closed, reloaded, another
/// address): the last moment a page can be sure to run anything. The listeners live as long as
/// the returned value.
pub fn on_hide(f: impl Fn() + 'static) -> Option<(gloo_events::EventListener, gloo_events::EventListener)> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let f = std::rc::Rc::new(f);
    let g = f.clone();
    let hidden = document.clone();
    Some((
        gloo_events::EventListener::new(&window, "pagehide", move |_| f()),
        gloo_events::EventListener::new(&document, "visibilitychange", move |_| {
            if hidden.hidden() {
                g()
            }
        }),
    ))
}

/// `f`, once, right after the browser has painted its next frame (a task queued from that
/// frame's animation callback), or 200 ms from now if no frame comes first (a page in the
/// background paints none).
pub fn after_paint(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let Some(window) = web_sys::window() else { return };
    let once: Rc<Cell<Option<Box<dyn FnOnce()>>>> = Rc::new(Cell::new(Some(Box::new(f))));
    let run = |once: Rc<Cell<Option<Box<dyn FnOnce()>>>>| {
        move || {
            if let Some(f) = once.take() {
                f()
            }
        }
    };
    let timer = |window: &web_sys::Window, f: JsValue, ms: i32| {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms);
    };
    timer(&window, Closure::once_into_js(run(once.clone())), 200);
    let after = Closure::once_into_js(run(once));
    let w = window.clone();
    let frame = Closure::once_into_js(move || timer(&w, after, 0));
    let _ = window.request_animation_frame(frame.unchecked_ref());
}
