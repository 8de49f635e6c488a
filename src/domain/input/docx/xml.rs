//! The parts' XML read with quick-xml's pull parser, the way a Word part is written: UTF-8 (or
//! UTF-16 with a mark), no document type, no entities but XML's five and character references.
//! Anything else is refused before a single element is read on: a DTD is how entity expansion
//! attacks come in, and Word never writes one.
use super::Refusal;
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;

/// A part's bytes as text; `None` when they are not UTF-8 or marked UTF-16.
pub fn text_of(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units = rest.chunks_exact(2).map(|p| unit([p[0], p[1]]));
        char::decode_utf16(units).collect::<Result<String, _>>().ok().map(Cow::Owned)
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).ok().map(Cow::Borrowed)
}

/// What the walkers see: an element opened (an empty one is opened and closed), closed, or
/// text (with its references resolved).
pub enum Step<'a> {
    Open(BytesStart<'a>),
    Close(quick_xml::events::BytesEnd<'a>),
    Text(Cow<'a, str>),
    End,
}

pub struct Pull<'a> {
    reader: quick_xml::Reader<&'a [u8]>,
}

impl<'a> Pull<'a> {
    pub fn new(text: &'a str) -> Pull<'a> {
        let mut reader = quick_xml::Reader::from_str(text);
        reader.config_mut().expand_empty_elements = true;
        Pull { reader }
    }

    pub fn next(&mut self) -> Result<Step<'a>, Refusal> {
        loop {
            let event = self.reader.read_event().map_err(|_| Refusal::Damaged)?;
            return Ok(match event {
                Event::Start(e) => Step::Open(e),
                Event::End(e) => Step::Close(e),
                Event::Text(t) => Step::Text(t.xml10_content().map_err(|_| Refusal::Damaged)?),
                Event::CData(t) => Step::Text(Cow::Owned(String::from_utf8_lossy(&t.into_inner()).into_owned())),
                Event::GeneralRef(r) => {
                    let c = if r.is_char_ref() {
                        r.resolve_char_ref().ok().flatten().ok_or(Refusal::Damaged)?
                    } else {
                        match &*r {
                            b"amp" => '&',
                            b"lt" => '<',
                            b"gt" => '>',
                            b"quot" => '"',
                            b"apos" => '\'',
                            _ => return Err(Refusal::Entities),
                        }
                    };
                    Step::Text(Cow::Owned(c.to_string()))
                }
                Event::DocType(_) => return Err(Refusal::Entities),
                Event::Eof => Step::End,
                Event::Empty(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_) => continue,
            });
        }
    }
}

/// An attribute's value with XML's references resolved; `None` when absent or not readable.
pub fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    let a = e.try_get_attribute(key).ok().flatten()?;
    let raw = std::str::from_utf8(&a.value).ok()?;
    quick_xml::escape::unescape(raw).ok().map(Cow::into_owned)
}

/// The element's `w:val`.
pub fn val(e: &BytesStart<'_>) -> Option<String> {
    attr(e, b"w:val")
}

/// A `w:val` that says "on": absent, or anything but `0`, `false`, `off`.
pub fn is_on(e: &BytesStart<'_>) -> bool {
    val(e).is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"))
}
