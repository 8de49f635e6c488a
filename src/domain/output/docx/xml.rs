//! WordprocessingML fragments: text made safe for XML, run properties with every font slot
//! set, paragraphs.

/// `text` as XML character data: `&`, `<`, `>` escaped; characters XML 1.0 forbids (control
/// characters other than tab and line breaks, U+FFFE, U+FFFF) dropped; a tab or a stray line
/// break becomes a space, since a Word run shows neither as typed.
pub fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

/// XML 1.0's `Char` production, less tab and line breaks (handled by the caller).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// How a run is set: `font` for every script, `size` in half-points, `spacing` between
/// characters in twentieths of a point (0: none written).
#[derive(Clone, Copy)]
pub struct RunStyle<'a> {
    pub font: &'a str,
    pub size: u32,
    pub spacing: i32,
}

/// `w:rPr` naming the font for every script (East Asian, ASCII, other Latin, complex) so that
/// Word and WPS never fall back to the theme's fonts, with the character spacing and size.
pub fn run_props(r: RunStyle<'_>, out: &mut String) {
    // w:hint: quotes, dashes and ellipses are "ambiguous" characters; this sets them in the East
    // Asian font, full width, as Chinese text wants.
    let font = r.font;
    out.push_str(&format!(
        "<w:rPr><w:rFonts w:ascii=\"{font}\" w:eastAsia=\"{font}\" w:hAnsi=\"{font}\" w:cs=\"{font}\" w:hint=\"eastAsia\"/>"
    ));
    if r.spacing != 0 {
        out.push_str(&format!("<w:spacing w:val=\"{}\"/>", r.spacing));
    }
    out.push_str(&format!("<w:sz w:val=\"{0}\"/><w:szCs w:val=\"{0}\"/></w:rPr>", r.size));
}

/// One run of text: its `lines` with a line break (`w:br`, not a new paragraph) between them.
pub fn run(lines: &[&str], r: RunStyle<'_>, out: &mut String) {
    out.push_str("<w:r>");
    run_props(r, out);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        out.push_str("<w:t xml:space=\"preserve\">");
        escape_text(line, out);
        out.push_str("</w:t>");
    }
    out.push_str("</w:r>");
}

/// A run holding a field character (`begin`, `separate`, `end`) or field code.
pub fn field_run(inner: &str, r: RunStyle<'_>, out: &mut String) {
    out.push_str("<w:r>");
    run_props(r, out);
    out.push_str(inner);
    out.push_str("</w:r>");
}

/// Paragraph properties: keeping with the next, grid, line height, indents, alignment, outline
/// level, and the paragraph mark's run properties (so an empty paragraph is one body line high
/// in the body font).
pub struct ParaProps<'a> {
    pub align: &'a str,
    /// (twips, hundredths of a character); Word uses the characters, LibreOffice the twips.
    pub first_line: Option<(u32, u32)>,
    pub right: Option<(u32, u32)>,
    pub outline_level: Option<u8>,
    /// `false`: `w:snapToGrid w:val="0"`.
    pub on_grid: bool,
    /// Exact line height in twips, written when it is not the document's default.
    pub line: Option<u32>,
    /// `w:keepNext`: on one page with the next paragraph.
    pub keep_next: bool,
    /// `w:keepLines`: not split across pages.
    pub keep_lines: bool,
    pub run: RunStyle<'a>,
}

pub fn paragraph_props(p: &ParaProps<'_>, out: &mut String) {
    out.push_str("<w:pPr>");
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if p.keep_lines {
        out.push_str("<w:keepLines/>");
    }
    if !p.on_grid {
        out.push_str("<w:snapToGrid w:val=\"0\"/>");
    }
    if let Some(line) = p.line {
        out.push_str(&format!("<w:spacing w:line=\"{line}\" w:lineRule=\"exact\"/>"));
    }
    if p.first_line.is_some() || p.right.is_some() {
        out.push_str("<w:ind");
        if let Some((twips, chars)) = p.right {
            out.push_str(&format!(" w:right=\"{twips}\" w:rightChars=\"{chars}\""));
        }
        if let Some((twips, chars)) = p.first_line {
            out.push_str(&format!(" w:firstLine=\"{twips}\" w:firstLineChars=\"{chars}\""));
        }
        out.push_str("/>");
    }
    out.push_str(&format!("<w:jc w:val=\"{}\"/>", p.align));
    if let Some(level) = p.outline_level {
        out.push_str(&format!("<w:outlineLvl w:val=\"{level}\"/>"));
    }
    run_props(p.run, out);
    out.push_str("</w:pPr>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape_text(text, &mut out);
        out
    }

    #[test]
    fn text_is_escaped_and_illegal_characters_go() {
        assert_eq!(escaped("<script>&\"'"), "&lt;script&gt;&amp;\"'");
        assert_eq!(escaped("a\u{0}b\u{1}c\u{1F}d\u{FFFE}e\u{FFFF}f"), "abcdef");
        assert_eq!(escaped("一\t二\r三"), "一 二 三");
        assert_eq!(escaped("𠀀“引号”…—\u{7F}\u{85}"), "𠀀“引号”…—\u{7F}\u{85}", "legal in XML 1.0");
    }
}
