//! The GB/T 9704 page as Word measures it. Word's units: twips (1/20 pt, 1/1440 inch;
//! 1 mm = 1440 / 25.4 ≈ 56.69 twips) for lengths, half-points for font sizes.
//!
//! # How 28 characters and 22 lines are made to hold in Word, WPS and LibreOffice
//!
//! §5.2.2 asks for 28 characters of 3号 (16 pt) in the 156 mm (442.2 pt) line: 28 × 16 pt is
//! 448 pt, 5.8 pt too wide, so every suite must set the characters a little closer than their
//! natural width. There are two ways to ask for that in WordprocessingML:
//!
//! - A character grid (`w:docGrid w:type="linesAndChars"` with a negative `w:charSpace`): Word and
//!   WPS narrow each grid cell to 442.2 / 28 = 15.79 pt (ECMA-376 §17.6.5: the pitch is the
//!   Normal style's size plus `charSpace / 4096` pt). LibreOffice maps this grid to its own
//!   "Grid (lines and characters)", whose cells are square and never narrower than the font
//!   (its grid design note: "characters are always snapped to grid"; the OpenOffice wiki
//!   "Grid (lines and spacing)" describes the import breaking the layout, a mode Writer never
//!   gained): a 16 pt character takes two 15.79 pt cells, 14 characters a line (issue #12).
//! - Character spacing on the runs (`w:rPr/w:spacing`, ECMA-376 §17.3.2.35, in twentieths of a
//!   point, added after every character): all three suites apply it as it stands (LibreOffice
//!   imports it as its character spacing, WPS and Word as 字符间距 紧缩). −0.25 pt (−5) makes
//!   each character 15.75 pt: 28 of them are 441 pt and fit the 442.2 pt line, 29 (456.75 pt)
//!   do not, and with a 2-character (32 pt) first-line indent 32 + 26 × 15.75 = 441.5 pt still
//!   fits. Justification spreads the 1.2 pt left over. It is what the print CSS does
//!   (`letter-spacing: -0.25pt`), so the file and the browser's print break lines alike.
//!
//! So the file uses the second: a line grid only (`w:type="lines"`, 22 lines of 579 twips, which
//! is what Word's and WPS's 页面设置 → 文档网格 shows as 每页 22 行) and condensed runs. Every
//! paragraph also has exact 579-twip line spacing, which Word applies in place of the line grid
//! (a grid only rounds up "single" or "multiple" spacing) and LibreOffice keeps as it is (the
//! test measures 28.95 pt from line to line): 22 lines a page either way. The title (2号, a
//! natural line of about 32 pt) is set off the grid with its own exact 33 pt lines, as the print
//! CSS sets it (`line-height: 1.5`), so the title takes the same room in both.
//!
//! What still differs, line by line: figures and Latin letters are set in each machine's
//! stand-in for the Latin face of 仿宋_GB2312 (half a character in the 公文 fonts; 0.64 of one in
//! the DejaVu Sans LibreOffice takes on Debian), so a line with figures may break a character
//! earlier or later than in the browser; and Word and WPS may hang a closing mark past the
//! line's end (their default, `w:overflowPunct`; see `parts::styles`), where LibreOffice and the
//! browser take the character before it down with it. And on the last page: the print sets the
//! 署名 two lines below the text (room for a seal, §7.3.5.1), this file one (§7.3.5.2).
//!
//! LibreOffice 7.4 is checked in the test suite (tests/libreoffice.rs: the example and a
//! 20,000-character draft converted to PDF and read back line by line, and their page counts
//! against the browser's print); Word and WPS by the reasoning above.

/// A4, 210 × 297 mm, as Word stores it (Word's own A4 values).
pub const PAGE_WIDTH: u32 = 11_906;
pub const PAGE_HEIGHT: u32 = 16_838;

/// §5.2.1: top margin 37 mm (37 × 56.69 = 2097.6).
pub const MARGIN_TOP: u32 = 2_098;
/// §5.2.1: left margin 28 mm (28 × 56.69 = 1587.4).
pub const MARGIN_LEFT: u32 = 1_587;
/// The text block is 156 mm wide, so the right margin is 210 − 28 − 156 = 26 mm (1474.0).
pub const MARGIN_RIGHT: u32 = 1_474;
/// The text block is 225 mm high, so the bottom margin is 297 − 37 − 225 = 35 mm (1984.3).
pub const MARGIN_BOTTOM: u32 = 1_984;

/// The text block in twips: 8845 × 12756 (156.0 × 225.0 mm).
pub const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
pub const TEXT_HEIGHT: u32 = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;

/// §5.2.2: 22 lines a page, 28 characters a line.
pub const LINES_PER_PAGE: u32 = 22;
pub const CHARS_PER_LINE: u32 = 28;

/// One grid line: 12756 / 22 = 579.8, rounded down so that 22 lines fit (Word counts
/// `floor(TEXT_HEIGHT / LINE_PITCH)` lines). 579 twips = 28.95 pt, the usual 公文 line.
pub const LINE_PITCH: u32 = TEXT_HEIGHT / LINES_PER_PAGE;

/// Font sizes in half-points (§5.1 and §7: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt).
pub const TITLE_SIZE: u32 = 44;
pub const BODY_SIZE: u32 = 32;
pub const PAGE_NUMBER_SIZE: u32 = 28;

/// One 3号 character in twips (16 pt): the unit of the indents (2 characters = 32 pt, as the
/// print CSS's `2em`).
pub const CHAR: u32 = BODY_SIZE * 10;

/// `w:rPr/w:spacing` of the report's text, in twentieths of a point: each character 0.25 pt
/// closer, 15.75 pt a 3号 character (see the module's note; the print CSS's `letter-spacing`).
pub const CONDENSE: i32 = -5;

/// The width a 3号 character takes on the line, condensed: 320 − 5 = 315 twips.
pub const CONDENSED_CHAR: u32 = CHAR - CONDENSE.unsigned_abs();

/// The title's line: 33 pt (1.5 × 2号), exact, as the print CSS sets it.
pub const TITLE_LINE_HEIGHT: u32 = TITLE_SIZE * 15;

/// `half` half characters in twips (a character is 16 pt = 320 twips): indents are given in
/// characters for Word and WPS and in twips for LibreOffice, and both mean the same length.
pub fn twips_of_half_chars(half: u32) -> u32 {
    half * CHAR / 2
}

/// One line of the 2号 title in tenths of a character (see `title_width`): the title is set off
/// the grid, 22 pt a character less the 0.25 pt of `CONDENSE`; counted at the full 22 pt (44
/// twips a tenth) the 8845-twip text block holds 201 tenths: 20 Chinese characters, with room
/// to spare for the condensing (20 × 21.75 pt = 435 pt).
pub const TITLE_LINE: u32 = TEXT_WIDTH / TITLE_SIZE;

/// The width of title text in tenths of a 2号 character: a Chinese character or full-width mark
/// is 10; a figure or Latin letter 6, since in 方正小标宋 and the fonts that stand in for it they
/// are half a character or a little more, and LibreOffice sets space around them (at 5, a line
/// of 18 characters and 2022 wrapped its last character there).
/// (`关于党工委领导班子2022年以来` is 144.)
pub fn title_width(text: &str) -> u32 {
    text.chars().fold(0u32, |w, c| w.saturating_add(if c.is_ascii() { 6 } else { 10 }))
}

/// The font names Chinese offices have installed (the standard names the typefaces).
pub const TITLE_FONT: &str = "方正小标宋简体";
pub const BODY_FONT: &str = "仿宋_GB2312";
pub const HEADING1_FONT: &str = "黑体";
pub const HEADING2_FONT: &str = "楷体_GB2312";
pub const PAGE_NUMBER_FONT: &str = "宋体";

/// §7.5: the page number's 一字线 is 7 mm below the text block. The footer line is one 4号
/// line (14 pt = 280 twips) whose middle, where the dashes sit, is 7 mm (397 twips) below the
/// text block: its bottom is 1984 − 397 − 140 = 1447 twips above the page's bottom edge.
pub const FOOTER_LINE: u32 = PAGE_NUMBER_SIZE * 10;
pub const FOOTER_DISTANCE: u32 = MARGIN_BOTTOM - 397 - FOOTER_LINE / 2;

/// §7.5: 单页码居右空一字，双页码居左空一字 — one 4号 character (14 pt).
pub const PAGE_NUMBER_INDENT: u32 = FOOTER_LINE;

/// How a paragraph of each kind is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    pub font: &'static str,
    /// Half-points.
    pub size: u32,
    pub align: Align,
    /// First-line indent in hundredths of a character (200 = two characters).
    pub first_line_chars: u32,
    /// Word's outline level (navigation pane), for headings.
    pub outline_level: Option<u8>,
    /// Whether the paragraph keeps to the line grid. The title does not: a 2号 line is taller
    /// than a grid line, and LibreOffice would give it two.
    pub on_grid: bool,
    /// Exact line height in twips.
    pub line: u32,
    /// Kept on one page with the paragraph after it (`w:keepNext` and `w:keepLines`): the
    /// print CSS's `break-after: avoid; break-inside: avoid` on the title and headings.
    pub keep_with_next: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Justified (`both`): the body's lines fill the text block's width.
    Justify,
    Center,
    Right,
}

impl Align {
    pub fn word(self) -> &'static str {
        match self {
            Align::Justify => "both",
            Align::Center => "center",
            Align::Right => "right",
        }
    }
}

pub const BODY: Style = Style {
    font: BODY_FONT,
    size: BODY_SIZE,
    align: Align::Justify,
    first_line_chars: 200,
    outline_level: None,
    on_grid: true,
    line: LINE_PITCH,
    keep_with_next: false,
};

/// How a paragraph is set (GB/T 9704): it decides font, alignment and indent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParaKind {
    /// 2号小标宋, centred.
    Title,
    /// Flush left, ending in a colon.
    Addressee,
    /// 3号仿宋, two-character first-line indent.
    Body,
    /// `一、` heading, 黑体.
    Heading1,
    /// `（一）` heading, 楷体.
    Heading2,
    /// 落款, right-aligned above the date.
    Signature,
    /// 成文日期, right-aligned.
    Date,
}

pub fn style(kind: ParaKind) -> Style {
    match kind {
        ParaKind::Title => Style {
            font: TITLE_FONT,
            size: TITLE_SIZE,
            align: Align::Center,
            first_line_chars: 0,
            on_grid: false,
            line: TITLE_LINE_HEIGHT,
            keep_with_next: true,
            ..BODY
        },
        ParaKind::Addressee => Style { first_line_chars: 0, ..BODY },
        ParaKind::Body => BODY,
        ParaKind::Heading1 => Style { font: HEADING1_FONT, outline_level: Some(0), keep_with_next: true, ..BODY },
        ParaKind::Heading2 => Style { font: HEADING2_FONT, outline_level: Some(1), keep_with_next: true, ..BODY },
        ParaKind::Signature | ParaKind::Date => Style { align: Align::Right, first_line_chars: 0, ..BODY },
    }
}

/// The width of a line of text in half characters: a Chinese character or full-width mark
/// takes a whole character, an ASCII letter or digit half of one (`2024年3月5日` is 6 wide).
pub fn half_width_units(text: &str) -> u32 {
    text.chars().fold(0u32, |w, c| w.saturating_add(if c.is_ascii() { 1 } else { 2 }))
}

/// Right indents of the 署名 and the date, in half characters, for a document without a seal
/// (§7.3.5.2): the 署名 is two characters from the right edge and the date's first character
/// two characters right of the 署名's first character. A date that would then come closer than
/// two characters to the edge is set two characters from it instead, and the 署名 moves left
/// with it so that the two-character step stays ("相应增加发文机关署名右空字数").
pub fn signature_and_date_indents(signature: u32, date: u32) -> (u32, u32) {
    const TWO: u32 = 4;
    // The date starts TWO right of the 署名, so its indent is the 署名's + signature − TWO −
    // date; that must stay ≥ TWO, hence the 署名's indent ≥ TWO + TWO + date − signature.
    let signature_indent = (TWO + TWO + date).saturating_sub(signature).max(TWO);
    (signature_indent, signature_indent + signature - TWO - date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_holds_22_lines_of_28_condensed_characters() {
        assert_eq!((TEXT_WIDTH, TEXT_HEIGHT), (8_845, 12_756));
        assert_eq!(LINE_PITCH, 579);
        assert_eq!(TEXT_HEIGHT / LINE_PITCH, 22);
        assert_eq!(CONDENSED_CHAR, 315, "15.75 pt");
        // 28 condensed characters fit the line, 29 do not; nor do 28 at the full 16 pt.
        assert!(CHARS_PER_LINE * CONDENSED_CHAR <= TEXT_WIDTH);
        assert!((CHARS_PER_LINE + 1) * CONDENSED_CHAR > TEXT_WIDTH);
        assert!(CHARS_PER_LINE * CHAR > TEXT_WIDTH, "uncondensed 3号 does not fit 28");
        // A first line: the 2-character indent (32 pt, not condensed) and 26 characters.
        let indent = twips_of_half_chars(4);
        assert!(indent + 26 * CONDENSED_CHAR <= TEXT_WIDTH && indent + 27 * CONDENSED_CHAR > TEXT_WIDTH);
        // The title's 20 characters a line fit when condensed.
        assert!(20 * (TITLE_SIZE * 10 - CONDENSE.unsigned_abs()) <= TEXT_WIDTH);
        assert_eq!(TITLE_LINE_HEIGHT, 660, "33 pt");
        // 7 mm = 396.9 twips between the text block and the dashes.
        assert_eq!(MARGIN_BOTTOM - FOOTER_DISTANCE - FOOTER_LINE / 2, 397);
    }

    #[test]
    fn signature_and_date_follow_the_standard() {
        // (署名 width, date width) in half characters → (署名 indent, date indent).
        let table = [
            // A 9-character 署名 over 2024年3月5日 (6 wide): 署名 right 2, the date starts 2 right of it.
            ((18, 12), (4, 6)),
            // 党工委 (3) over 2024年3月5日 (6): the date is longer: date right 2, 署名's start 2 left of it.
            ((6, 12), (14, 4)),
            // Equal widths: the date would touch the edge, so it is set right 2 as well.
            ((12, 12), (8, 4)),
            // Exactly two characters longer: both rules agree.
            ((16, 12), (4, 4)),
        ];
        for ((s, d), want) in table {
            let got = signature_and_date_indents(s, d);
            assert_eq!(got, want, "署名 {s}, date {d}");
            // The invariant: the date's first character is two characters right of the 署名's.
            let (si, di) = got;
            assert_eq!((si + s) - 4, di + d, "署名 {s}, date {d}");
            assert!(si >= 4 && di >= 4);
        }
        assert_eq!(half_width_units("2024年3月5日"), 12);
        assert_eq!(twips_of_half_chars(4), 640);
        assert_eq!(half_width_units("党工委"), 6);
        assert_eq!(TITLE_LINE, 201, "20 title characters a line, not 21");
        assert_eq!(title_width("关于党工委领导班子2022年以来"), 144);
    }
}
