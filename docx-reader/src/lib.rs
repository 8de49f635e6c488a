//! The page's .docx reader, compiled on its own to a small WebAssembly module with no imports
//! and no wasm-bindgen (like `unpack/`), so the app's first load does not carry it: the page
//! fetches it only when a Word file is opened. The reader is the app's own
//! `domain::input::docx`, included from its source.
//!
//! The page's side: `alloc(n)` room for the file's bytes, copy them in, `read_docx(at, n)` → the
//! length of the answer at `answer()`: one byte, 0 for text or 1 for a refusal, then the text
//! or the refusal's Chinese message in UTF-8.
use std::cell::RefCell;

#[path = "../../src/domain/input/docx/mod.rs"]
#[allow(dead_code)]
pub mod docx;

thread_local! {
    static ANSWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The answer for a file's bytes: `0` and the text, or `1` and why not.
pub fn answer(bytes: &[u8]) -> Vec<u8> {
    let (status, text) = match docx::read(bytes) {
        Ok(text) => (0, text),
        Err(refused) => (1, refused.message()),
    };
    let mut out = Vec::with_capacity(text.len() + 1);
    out.push(status);
    out.extend_from_slice(text.as_bytes());
    out
}

/// Room for `len` bytes, kept until `read_docx` frees it.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut room = std::mem::ManuallyDrop::new(Vec::<u8>::with_capacity(len));
    room.as_mut_ptr()
}

/// Reads the `len` bytes at `at` (from `alloc(len)`, which this frees); the answer's length.
///
/// # Safety
/// `at` must come from `alloc(len)` with the same `len`, filled by the caller.
#[no_mangle]
pub unsafe extern "C" fn read_docx(at: *mut u8, len: usize) -> usize {
    // SAFETY: `alloc(len)` reserved exactly this room and the page filled all of it.
    let bytes = unsafe { Vec::from_raw_parts(at, len, len) };
    let out = answer(&bytes);
    drop(bytes);
    let n = out.len();
    ANSWER.with(|a| *a.borrow_mut() = out);
    n
}

/// Where the answer is (valid until the next `read`).
#[no_mangle]
pub extern "C" fn answer_at() -> *const u8 {
    ANSWER.with(|a| a.borrow().as_ptr())
}

#[cfg(test)]
mod module_tests {
    use super::*;

    #[test]
    fn answers_through_the_exports_as_the_page_calls_them() {
        let file = docx::tests::docx("<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>", None, None);
        let call = |bytes: &[u8]| {
            let at = alloc(bytes.len());
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), at, bytes.len()) };
            let n = unsafe { read_docx(at, bytes.len()) };
            unsafe { std::slice::from_raw_parts(answer_at(), n) }.to_vec()
        };
        assert_eq!(call(&file), [&[0u8][..], "一、总体情况".as_bytes()].concat());
        let refused = call(b"%PDF-1.7");
        assert_eq!(refused[0], 1);
        assert!(String::from_utf8_lossy(&refused[1..]).contains("PDF"));
        assert_eq!(call(b"")[0], 1);
    }
}
