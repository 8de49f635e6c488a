//! The zip container, written by the `rawzip` crate: stored (uncompressed) entries, which Word,
//! WPS and LibreOffice all read, and a fixed timestamp (1980-01-01 00:00, the earliest a zip
//! can hold), so the same draft always gives the same bytes and no clock is needed.
//!
//! Each entry's CRC-32 comes from the `crc` crate with one 1 KB table: rawzip's own
//! slicing-by-16 tables are 16 KB of wasm, for files of a few dozen KB.
use std::io::Write;

use rawzip::time::UtcDateTime;
use rawzip::{DataDescriptorOutput, ZipArchiveWriter};

use super::DocxError;

static CRC32: crc::Crc<u32, crc::Table<1>> = crc::Crc::<u32, crc::Table<1>>::new(&crc::CRC_32_ISO_HDLC);

pub fn zip(parts: &[(&str, String)]) -> Result<Vec<u8>, DocxError> {
    let size = parts.iter().map(|(name, text)| text.len() + 2 * name.len() + 150).sum::<usize>() + 100;
    let mut out = Vec::with_capacity(size);
    let mut archive = ZipArchiveWriter::new(&mut out);
    let when = UtcDateTime::from_components(1980, 1, 1, 0, 0, 0, 0).ok_or_else(|| DocxError("时间".to_string()))?;
    for (name, text) in parts {
        let bytes = text.as_bytes();
        let (mut entry, _) = archive.new_file(*name).last_modified(when).start().map_err(packing_failed)?;
        entry.write_all(bytes).map_err(packing_failed)?;
        entry.finish(DataDescriptorOutput::new(CRC32.checksum(bytes), bytes.len() as u64)).map_err(packing_failed)?;
    }
    archive.finish().map_err(packing_failed)?;
    Ok(out)
}

/// Writing into memory cannot run out of room; what rawzip could refuse is a part name, and ours
/// are fixed. The error is not formatted: that would pull rawzip's and std::io's messages into
/// the bundle for a case that does not occur.
fn packing_failed<E>(_: E) -> DocxError {
    DocxError("打包出错".to_string())
}
