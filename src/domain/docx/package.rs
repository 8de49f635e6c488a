//! The zip container, written by the `zip` crate: stored (uncompressed) entries, which Word,
//! WPS and LibreOffice all read, and a fixed timestamp (1980-01-01 00:00, the earliest a zip
//! can hold), so the same draft always gives the same bytes and no clock is needed.
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::DocxError;

pub fn zip(parts: &[(&str, String)]) -> Result<Vec<u8>, DocxError> {
    let fail = |e: &dyn std::fmt::Display| DocxError(e.to_string());
    let size = parts.iter().map(|(name, text)| text.len() + 2 * name.len() + 100).sum::<usize>() + 100;
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(size)));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(DateTime::default());
    for (name, text) in parts {
        zip.start_file(*name, options).map_err(|e| fail(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
    }
    Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
}
