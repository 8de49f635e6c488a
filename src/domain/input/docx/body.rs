//! `word/document.xml` walked once, in order, into lines of text as Word shows them: each
//! paragraph a line (its automatic number in front), each table row a line with its cells
//! separated by tabs, what a text box holds after the paragraph it stands in.
//!
//! What Word does not show is left out: deleted text of tracked changes (`w:del`, `w:moveFrom`),
//! the old properties a change keeps (`w:pPrChange`…), field instructions (a field shows its
//! result: between `separate` and `end`, or a `w:fldSimple`'s runs), hidden text (`w:vanish`),
//! and of `mc:AlternateContent` everything but the first choice. Headers, footers, comments and
//! footnotes are parts of their own, never read.
//!
//! Elements are matched by their usual prefixes (`w:`, `mc:`), which Word, WPS and LibreOffice
//! all write.
use super::numbering::Numbering;
use super::xml::{is_on, val, Pull, Step};
use super::Refusal;

#[derive(Default)]
struct Para {
    text: String,
    /// Byte offsets of soft line breaks in `text`.
    breaks: Vec<usize>,
    num_id: Option<String>,
    level: Option<usize>,
    style: Option<String>,
    /// Lines that stand inside this paragraph (a text box's), shown after it.
    after: Vec<String>,
}

enum Frame {
    Para(Para),
    Row(Vec<String>),
    Cell(Vec<String>),
}

/// Paragraphs, rows and cells inside each other deeper than this are refused: Word nests tables
/// a few levels, text boxes one; a hostile file nested a million deep would make each line
/// travel through every level.
const MAX_NESTING: usize = 64;

/// Subtrees whose text Word does not show, or that hold no text (properties).
const SKIPPED: [&[u8]; 16] = [
    b"w:del",
    b"w:delText",
    b"w:moveFrom",
    b"w:instrText",
    b"w:delInstrText",
    b"w:pPrChange",
    b"w:rPrChange",
    b"w:sectPrChange",
    b"w:tblPrChange",
    b"w:tcPrChange",
    b"w:trPrChange",
    b"w:numberingChange",
    b"w:sdtPr",
    b"w:sectPr",
    b"w:fldData",
    b"w:ffData",
];

/// The document's lines.
pub fn lines(xml: &str, numbering: &mut Numbering) -> Result<Vec<String>, Refusal> {
    let mut pull = Pull::new(xml);
    let mut out: Vec<String> = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    // Depth inside a skipped subtree (0: not in one).
    let mut skip = 0usize;
    // Per open `mc:AlternateContent`: whether one of its branches was taken.
    let mut alternates: Vec<bool> = Vec::new();
    // Per open complex field: whether its result has begun; and how many have not (text shows
    // only when none is in its instructions).
    let mut fields: Vec<bool> = Vec::new();
    let mut in_instructions = 0usize;
    // The text so far, held to the limit a part has.
    let mut size = 0usize;
    let (mut in_ppr, mut in_rpr, mut in_t, mut hidden) = (false, false, false, false);
    loop {
        let step = pull.next()?;
        if skip > 0 {
            match step {
                Step::Open(_) => skip += 1,
                Step::Close(_) => skip -= 1,
                Step::Text(_) => {}
                Step::End => return Err(Refusal::Damaged),
            }
            continue;
        }
        match step {
            Step::End => break,
            Step::Text(t) => {
                if in_t && !hidden && in_instructions == 0 {
                    if let Some(Frame::Para(p)) = frames.last_mut() {
                        p.text.push_str(&t);
                        size += t.len();
                    }
                }
            }
            Step::Open(e) => {
                let name = e.name();
                let name = name.as_ref();
                if SKIPPED.contains(&name) {
                    skip = 1;
                    continue;
                }
                if in_ppr {
                    let Some(Frame::Para(p)) = frames.last_mut() else { continue };
                    match name {
                        b"w:rPr" => skip = 1,
                        b"w:pStyle" => p.style = val(&e),
                        b"w:numId" => p.num_id = val(&e),
                        b"w:ilvl" => p.level = val(&e).and_then(|v| v.trim().parse().ok()),
                        _ => {}
                    }
                    continue;
                }
                if in_rpr {
                    if name == b"w:vanish" {
                        hidden = is_on(&e);
                    }
                    continue;
                }
                if matches!(name, b"w:p" | b"w:tr" | b"w:tc") && frames.len() >= MAX_NESTING {
                    return Err(Refusal::Damaged);
                }
                let para = match frames.last_mut() {
                    Some(Frame::Para(p)) => Some(p),
                    _ => None,
                };
                match name {
                    b"w:p" => frames.push(Frame::Para(Para::default())),
                    b"w:tr" => frames.push(Frame::Row(Vec::new())),
                    b"w:tc" => frames.push(Frame::Cell(Vec::new())),
                    b"w:pPr" => in_ppr = true,
                    b"w:rPr" => in_rpr = true,
                    b"w:r" => hidden = false,
                    b"w:t" => in_t = true,
                    b"mc:AlternateContent" => alternates.push(false),
                    b"mc:Choice" | b"mc:Fallback" => match alternates.last_mut() {
                        Some(taken) if *taken => skip = 1,
                        Some(taken) => *taken = true,
                        None => {}
                    },
                    b"w:fldChar" => match super::xml::attr(&e, b"w:fldCharType").as_deref() {
                        Some("begin") => {
                            fields.push(false);
                            in_instructions += 1;
                        }
                        Some("separate") => {
                            if let Some(result @ false) = fields.last_mut() {
                                *result = true;
                                in_instructions -= 1;
                            }
                        }
                        Some("end") => {
                            if fields.pop() == Some(false) {
                                in_instructions -= 1;
                            }
                        }
                        _ => {}
                    },
                    _ => {
                        let shown = !hidden && in_instructions == 0;
                        if let (Some(p), true) = (para, shown) {
                            match name {
                                b"w:tab" | b"w:ptab" => {
                                    p.text.push('\t');
                                    size += 1;
                                }
                                b"w:br" | b"w:cr" => {
                                    if !matches!(super::xml::attr(&e, b"w:type").as_deref(), Some("page" | "column")) {
                                        p.breaks.push(p.text.len());
                                    }
                                }
                                b"w:noBreakHyphen" => {
                                    p.text.push('-');
                                    size += 1;
                                }
                                _ => {}
                            }
                        }
                    }
                }
            }
            Step::Close(e) => match &*e {
                _ if size > super::MAX_PART => return Err(Refusal::TooLarge),
                b"w:pPr" => in_ppr = false,
                b"w:rPr" => in_rpr = false,
                b"w:t" => in_t = false,
                b"mc:AlternateContent" => {
                    alternates.pop();
                }
                b"w:p" => {
                    if let Some(Frame::Para(mut p)) = frames.pop() {
                        let after = std::mem::take(&mut p.after);
                        let line = shown_text(p, numbering);
                        size += line.len();
                        deliver(&mut frames, &mut out, line);
                        for line in after {
                            deliver(&mut frames, &mut out, line);
                        }
                    }
                }
                b"w:tc" => {
                    if let Some(Frame::Cell(paragraphs)) = frames.pop() {
                        // A cell's paragraphs stay on its row's line.
                        if let Some(Frame::Row(cells)) = frames.last_mut() {
                            cells.push(paragraphs.join(" "));
                        }
                    }
                }
                b"w:tr" => {
                    if let Some(Frame::Row(cells)) = frames.pop() {
                        deliver(&mut frames, &mut out, cells.join("\t"));
                    }
                }
                _ => {}
            },
        }
    }
    Ok(out)
}

/// A finished line to where it belongs: the cell or paragraph it stands in, else the document.
fn deliver(frames: &mut [Frame], out: &mut Vec<String>, line: String) {
    match frames.last_mut() {
        Some(Frame::Para(p)) => p.after.push(line),
        Some(Frame::Cell(lines) | Frame::Row(lines)) => lines.push(line),
        None => out.push(line),
    }
}

/// The paragraph as Word shows it: its number's label, then its text with each soft line break
/// resolved (see [`resolve_breaks`]).
fn shown_text(p: Para, numbering: &mut Numbering) -> String {
    let mut label = String::new();
    let from_style = || p.style.as_deref().and_then(|s| numbering.of_style(s));
    let num = match &p.num_id {
        Some(id) => Some((id.clone(), p.level)),
        None => from_style(),
    };
    if let Some((id, level)) = num {
        // numId 0 takes a style's numbering away.
        if id.trim() != "0" {
            label = numbering.label(id.trim(), level.or(p.level), p.style.as_deref());
        }
    }
    label.push_str(&resolve_breaks(&p.text, &p.breaks));
    label
}

/// A soft line break (Shift+Enter) inside a sentence is layout: a long title set on two lines,
/// a line wrapped by hand. It becomes a line break only where a line ends — after `。！？：；`
/// or at the paragraph's start or end — and is dropped elsewhere (a space between two Latin
/// letters or digits), so a title broken by hand comes through as one line.
pub fn resolve_breaks(text: &str, breaks: &[usize]) -> String {
    if breaks.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + breaks.len());
    let mut from = 0;
    for &at in breaks {
        let Some(piece) = text.get(from..at) else { continue };
        out.push_str(piece);
        from = at;
        let before = text[..at].chars().next_back();
        let after = text[at..].chars().next();
        match (before, after) {
            (Some(b), Some(a)) if !b.is_whitespace() && !a.is_whitespace() && !"。！？：；…".contains(b) => {
                if b.is_ascii_alphanumeric() && a.is_ascii_alphanumeric() {
                    out.push(' ');
                }
            }
            _ => out.push('\n'),
        }
    }
    out.push_str(&text[from..]);
    out
}
