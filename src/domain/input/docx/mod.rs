//! Reading a Word file (.docx) into the plain text the text import and the checks take: the
//! body's paragraphs in order, the rows of its tables, automatic numbers as Word shows them,
//! tracked changes as accepted. Other office formats are told apart by their first bytes and
//! refused with what to do; a damaged or hostile file is refused with a reason, never a panic,
//! a hang or a file's worth of memory several times over.
//!
//! `package` opens the zip, `xml` pulls the parts' XML, `numbering` resolves `numbering.xml`,
//! `body` walks `document.xml`. Nothing here uses the rest of the crate, so the page can build
//! it on its own.
mod body;
mod numbering;
mod package;
mod xml;

pub use body::resolve_breaks;
pub use numbering::format_number;
pub use package::{MAX_ENTRIES, MAX_PART, MAX_TOTAL};

/// Why a file was not read; [`Refusal::message`] says it to the clerk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not a zip, a broken zip, a checksum off, broken XML.
    Damaged,
    /// A part inflates beyond the limits, or the zip lists too many entries.
    TooLarge,
    /// A zip without `word/document.xml`.
    NoDocument,
    /// Another kind of zip: a spreadsheet, a presentation, an archive.
    OtherZip,
    /// XML with a document type (DTD) or entities of its own.
    Entities,
    /// A password: an encrypted Office file, or an encrypted zip entry.
    Encrypted,
    /// A zip entry packed with something other than deflate.
    Compression,
    /// Word 97–2003 (.doc) or WPS (.wps): an OLE compound file.
    OldWord,
    /// OpenDocument text (.odt).
    Odt,
    Pdf,
    Rtf,
}

const SAVE_AS: &str = "请在 Word 或 WPS 中“另存为”.docx 后再打开。";

impl Refusal {
    pub fn message(self) -> String {
        let why = match self {
            Refusal::Damaged => "这个文件已损坏，或不是 Word 文档（.docx），无法读取。",
            Refusal::TooLarge => "这个文件解压后过大（或包含的部分过多），不像是一份报告，没有读取。",
            Refusal::NoDocument => "这个文件里找不到 Word 文档的正文，可能已损坏。",
            Refusal::OtherZip => "这是一个压缩包（或 Excel、PowerPoint 文件），不是 Word 文档。",
            Refusal::Entities => "这个文件里含有 Word 文档不会有的定义（DTD 或自定义实体），为安全起见没有读取。",
            Refusal::Encrypted => {
                return "这个文件设置了密码，无法读取。请在 Word 或 WPS 中打开它，去掉密码后保存，再打开。".to_string();
            }
            Refusal::Compression => "这个文件用了 Word 不用的压缩方式，无法读取。",
            Refusal::OldWord => "这是旧版 Word（.doc）或 WPS（.wps）格式的文件，这里读不了。",
            Refusal::Odt => "这是 OpenDocument（.odt）格式的文件，这里读不了。",
            Refusal::Pdf => {
                return "这是 PDF 文件，读不出其中的段落。请找到报告的 Word 原稿；或在 Word、WPS 中打开这个 PDF，“另存为”.docx 后再打开。"
                    .to_string();
            }
            Refusal::Rtf => "这是 RTF 格式的文件，这里读不了。",
        };
        format!("{why}{SAVE_AS}")
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// The file's first bytes (and its name's extension) say it is an office document rather than
/// plain text: it goes to [`read`], which reads it or says why not.
pub fn is_office_file(name: &str, bytes: &[u8]) -> bool {
    const MAGIC: [&[u8]; 5] = [b"PK\x03\x04", b"PK\x05\x06", OLE, b"%PDF-", b"{\\rtf"];
    MAGIC.iter().any(|m| bytes.starts_with(m)) || named_as_office(name)
}

/// The name ends in an office document's extension (.docx, .doc, .wps, .odt, .pdf, .rtf).
pub fn named_as_office(name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "docx" | "docm" | "dotx" | "doc" | "wps" | "odt" | "pdf" | "rtf")
}

const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// The text of a .docx, one line per paragraph or table row, lines separated by `\n`.
pub fn read(bytes: &[u8]) -> Result<String, Refusal> {
    if bytes.starts_with(OLE) {
        // An encrypted .docx is an OLE file holding the streams `EncryptionInfo` and
        // `EncryptedPackage`; their names are in the directory as UTF-16.
        let info: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
        return Err(if bytes.windows(info.len()).any(|w| w == info) { Refusal::Encrypted } else { Refusal::OldWord });
    }
    if bytes.starts_with(b"%PDF-") {
        return Err(Refusal::Pdf);
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(Refusal::Rtf);
    }
    let mut package = package::Package::open(bytes)?;
    if !package.has("word/document.xml") {
        if package.part("mimetype")?.is_some_and(|m| m.starts_with(b"application/vnd.oasis.opendocument.text")) {
            return Err(Refusal::Odt);
        }
        let office = ["[content_types].xml", "_rels/.rels"].iter().all(|p| package.has(p));
        return Err(if office { Refusal::NoDocument } else { Refusal::OtherZip });
    }
    let document = package.part("word/document.xml")?.ok_or(Refusal::NoDocument)?;
    let numbering_xml = package.part("word/numbering.xml")?;
    let styles_xml = package.part("word/styles.xml")?;
    let text = |b: &[u8]| xml::text_of(b).map(std::borrow::Cow::into_owned).ok_or(Refusal::Damaged);
    let numbering_text = numbering_xml.as_deref().map(text).transpose()?;
    let styles_text = styles_xml.as_deref().map(text).transpose()?;
    let mut numbering = numbering::Numbering::read(numbering_text.as_deref(), styles_text.as_deref())?;
    let document = xml::text_of(&document).ok_or(Refusal::Damaged)?;
    Ok(body::lines(&document, &mut numbering)?.join("\n"))
}

#[cfg(test)]
pub(crate) mod tests;
