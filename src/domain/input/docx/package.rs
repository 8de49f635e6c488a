//! The zip container of a .docx: its parts found by name and inflated, within limits, so a
//! damaged or hostile file is refused with a reason instead of filling the memory.
use super::Refusal;

/// The most any one part may inflate to: a 100,000-paragraph report's `document.xml` is about
/// 20 MB, so this is far beyond any report.
pub const MAX_PART: usize = 50 << 20;
/// The most all the parts read may inflate to together.
pub const MAX_TOTAL: usize = 80 << 20;
/// The most entries the central directory may list (Word writes about a dozen, a file with
/// many pictures a few hundred).
pub const MAX_ENTRIES: usize = 10_000;

/// One entry's place and how it is stored.
struct Entry {
    /// The name, lower-cased (part names in a package ignore ASCII case).
    name: String,
    at: rawzip::ZipArchiveEntryWayfinder,
    method: rawzip::CompressionMethod,
    encrypted: bool,
}

/// An opened zip: its entries listed once.
pub struct Package<'a> {
    archive: rawzip::ZipSliceArchive<&'a [u8]>,
    entries: Vec<Entry>,
    /// Bytes still allowed to be inflated (`MAX_TOTAL` less what was read).
    budget: usize,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, Refusal> {
        let archive = rawzip::ZipArchive::from_slice(bytes).map_err(|_| Refusal::Damaged)?;
        let mut entries = Vec::new();
        let mut list = archive.entries();
        while let Some(record) = list.next_entry().map_err(|_| Refusal::Damaged)? {
            if entries.len() == MAX_ENTRIES {
                return Err(Refusal::TooLarge);
            }
            let name = String::from_utf8_lossy(record.file_path().as_bytes()).to_ascii_lowercase();
            entries.push(Entry {
                name,
                at: record.wayfinder(),
                method: record.compression_method(),
                encrypted: record.flags().is_encrypted(),
            });
        }
        Ok(Package { archive, entries, budget: MAX_TOTAL })
    }

    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.name == name)
    }

    /// The part's inflated bytes; `None` when there is no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, Refusal> {
        let Some(entry) = self.entries.iter().find(|e| e.name == name) else { return Ok(None) };
        if entry.encrypted {
            return Err(Refusal::Encrypted);
        }
        let found = self.archive.get_entry(entry.at).map_err(|_| Refusal::Damaged)?;
        let claim = found.claim_verifier();
        let limit = MAX_PART.min(self.budget);
        if claim.uncompressed_size > limit as u64 {
            return Err(Refusal::TooLarge);
        }
        let data = found.data();
        let bytes = if entry.method == rawzip::CompressionMethod::STORE {
            data.get(..claim.uncompressed_size as usize).ok_or(Refusal::Damaged)?.to_vec()
        } else if entry.method == rawzip::CompressionMethod::DEFLATE {
            // The limit holds whatever the header claims: a bomb stops at it.
            miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|e| match e.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => Refusal::TooLarge,
                _ => Refusal::Damaged,
            })?
        } else {
            return Err(Refusal::Compression);
        };
        if bytes.len() as u64 != claim.uncompressed_size || CRC.checksum(&bytes) != claim.crc {
            return Err(Refusal::Damaged);
        }
        self.budget -= bytes.len();
        Ok(Some(bytes))
    }
}

/// The same one-table CRC-32 as the writer (`output::docx::package`).
static CRC: crc::Crc<u32, crc::Table<1>> = crc::Crc::<u32, crc::Table<1>>::new(&crc::CRC_32_ISO_HDLC);
