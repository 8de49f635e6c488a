//! The page's LZMA decoder, compiled on its own to a small WebAssembly module (no imports, no
//! wasm-bindgen) that the page's loader runs before the app: the app's .wasm crosses the wire
//! as an LZMA stream (`xtask wasm-lzma`), about 16 % smaller than the best gzip, which pays for
//! this module several times over (ARCHITECTURE.md, "Bundle budget").
//!
//! The loader's side (xtask/js/unpack.js): `alloc(n)` room for the packed bytes, copy them in,
//! `unpack(at, n)` → the unpacked length (0 when the bytes are not a stream this reads), then
//! the bytes at `unpacked()`. Nothing here reads anything but the bytes it is given.
use std::cell::RefCell;

// lzma-rust2's reader trait: its own without `std` (the page), std's with it (natively).
#[cfg(target_arch = "wasm32")]
use lzma_rust2::Read;
#[cfg(not(target_arch = "wasm32"))]
use std::io::Read;

/// The largest module this unpacks (the app is about 650 KB): a damaged header cannot make the
/// page reserve gigabytes.
const LIMIT: usize = 16 << 20;

thread_local! {
    static UNPACKED: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The bytes of an `.lzma` stream (header with the unpacked size, then the data), unpacked;
/// `None` when they are not one or the size is not what the header says.
pub fn unpack_bytes(packed: &[u8]) -> Option<Vec<u8>> {
    // The header: 1 byte of properties, 4 of dictionary size, 8 of unpacked size (LE).
    let size = u64::from_le_bytes(packed.get(5..13)?.try_into().ok()?);
    let size = usize::try_from(size).ok().filter(|&n| n <= LIMIT)?;
    let mut reader = lzma_rust2::LzmaReader::new_mem_limit(packed, u32::MAX, None).ok()?;
    let mut out = vec![0u8; size];
    let mut done = 0;
    while done < size {
        match reader.read(&mut out[done..]) {
            Ok(0) => return None,
            Ok(n) => done += n,
            Err(_) => return None,
        }
    }
    Some(out)
}

/// Room for `len` packed bytes, kept until `unpack` frees it.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut room = std::mem::ManuallyDrop::new(Vec::<u8>::with_capacity(len));
    room.as_mut_ptr()
}

/// Unpacks the `len` bytes at `at` (from `alloc(len)`, which this frees); the unpacked length,
/// or 0.
///
/// # Safety
/// `at` must come from `alloc(len)` with the same `len`, filled by the caller.
#[no_mangle]
pub unsafe extern "C" fn unpack(at: *mut u8, len: usize) -> usize {
    // SAFETY: `alloc(len)` reserved exactly this room and the loader filled all of it.
    let packed = unsafe { Vec::from_raw_parts(at, len, len) };
    let out = unpack_bytes(&packed).unwrap_or_default();
    let n = out.len();
    UNPACKED.with(|u| *u.borrow_mut() = out);
    n
}

/// Where the unpacked bytes are (valid until the next `unpack`).
#[no_mangle]
pub extern "C" fn unpacked() -> *const u8 {
    UNPACKED.with(|u| u.borrow().as_ptr())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A stream made as `xtask wasm-lzma` makes it (lzma-rust2's encoder, size in the header).
    fn packed(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        let options = lzma_rust2::LzmaOptions::with_preset(6);
        let mut w = lzma_rust2::LzmaWriter::new_use_header(&mut out, &options, Some(data.len() as u64)).unwrap();
        w.write_all(data).unwrap();
        w.finish().unwrap();
        out
    }

    #[test]
    fn unpacks_what_the_build_packs_and_refuses_the_rest() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).chain(b"\0asm".iter().copied()).collect();
        let p = packed(&data);
        assert!(p.len() < data.len() / 10);
        assert_eq!(unpack_bytes(&p), Some(data.clone()));
        // Through the exports, as the loader calls them.
        let at = alloc(p.len());
        unsafe { std::ptr::copy_nonoverlapping(p.as_ptr(), at, p.len()) };
        let n = unsafe { unpack(at, p.len()) };
        assert_eq!(unsafe { std::slice::from_raw_parts(unpacked(), n) }, &data[..]);
        // Cut short, damaged, too large, not LZMA at all: no bytes, no panic.
        assert_eq!(unpack_bytes(&p[..p.len() / 2]), None);
        let mut bad = p.clone();
        bad[40] ^= 0xff;
        assert_ne!(unpack_bytes(&bad), Some(data.clone()));
        let mut huge = p.clone();
        huge[5..13].copy_from_slice(&u64::MAX.to_le_bytes());
        assert_eq!(unpack_bytes(&huge), None);
        assert_eq!(unpack_bytes(b"\0asm\x01\0\0\0"), None);
        assert_eq!(unpack_bytes(b""), None);
    }
}
