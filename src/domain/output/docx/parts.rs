//! The package's parts other than the document body: content types, relationships, styles
//! (the document defaults), settings, the two page-number footers, the font table.
use super::xml::{escape_text, field_run, run, run_props, RunStyle};
use crate::domain::output::layout::{
    BODY_FONT, BODY_SIZE, FOOTER_LINE, HEADING1_FONT, HEADING2_FONT, LINE_PITCH, PAGE_NUMBER_FONT, PAGE_NUMBER_INDENT, PAGE_NUMBER_SIZE,
    TITLE_FONT,
};

pub const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
pub const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The footer parts: odd pages (Word's "default" footer) and even pages.
pub const FOOTER_ODD: &str = "word/footer1.xml";
pub const FOOTER_EVEN: &str = "word/footer2.xml";
/// Their relationship ids in `word/_rels/document.xml.rels`.
pub const FOOTER_ODD_ID: &str = "rId4";
pub const FOOTER_EVEN_ID: &str = "rId5";

pub fn content_types() -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Override PartName=\"/word/document.xml\" ContentType=\"{wml}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{wml}.styles+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"{wml}.settings+xml\"/>\
         <Override PartName=\"/word/fontTable.xml\" ContentType=\"{wml}.fontTable+xml\"/>\
         <Override PartName=\"/{FOOTER_ODD}\" ContentType=\"{wml}.footer+xml\"/>\
         <Override PartName=\"/{FOOTER_EVEN}\" ContentType=\"{wml}.footer+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         </Types>"
    )
}

pub fn package_rels() -> String {
    format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{R_NS}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         </Relationships>"
    )
}

pub fn document_rels() -> String {
    let footer = |id: &str, part: &str| {
        let target = part.trim_start_matches("word/");
        format!("<Relationship Id=\"{id}\" Type=\"{R_NS}/footer\" Target=\"{target}\"/>")
    };
    format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{R_NS}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"{R_NS}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{R_NS}/fontTable\" Target=\"fontTable.xml\"/>\
         {}{}</Relationships>",
        footer(FOOTER_ODD_ID, FOOTER_ODD),
        footer(FOOTER_EVEN_ID, FOOTER_EVEN)
    )
}

/// The document's title in its properties (Windows shows it as the file's 标题).
pub fn core_properties(title: &str) -> String {
    let mut escaped = String::new();
    escape_text(title, &mut escaped);
    format!(
        "{XML_HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{escaped}</dc:title></cp:coreProperties>"
    )
}

/// Document defaults: 3号仿宋 on every script, Chinese language, exact 28.95 pt lines (one grid
/// line whatever the font's own height), widow control (no paragraph leaves a single line on
/// either side of a page break: the browser's print does the same, `orphans`/`widows` 2, so
/// both break pages alike), `w:overflowPunct` 1 (see below), no automatic space between
/// Chinese and Latin text (it would break the 28-character line).
///
/// `w:overflowPunct` 1 is Word's own default (a closing mark may hang past the line's end) and
/// changes nothing in Word or WPS. LibreOffice reads it the other way round (its DOCX import
/// sets "hanging punctuation" when the value is 0 or absent): with 1 it does not hang marks,
/// and so breaks lines as the browser's print does (the character before the mark goes down
/// with it). Hanging, LibreOffice 7.4 left the mark off the page altogether.
/// The Normal style repeats the font and size: LibreOffice sizes the document grid's cells from
/// that style's size alone (12 pt without it).
pub fn styles() -> String {
    let (f, sz) = (BODY_FONT, BODY_SIZE);
    format!(
        "{XML_HEAD}<w:styles xmlns:w=\"{W_NS}\"><w:docDefaults>\
         <w:rPrDefault><w:rPr><w:rFonts w:ascii=\"{f}\" w:eastAsia=\"{f}\" w:hAnsi=\"{f}\" w:cs=\"{f}\"/>\
         <w:sz w:val=\"{sz}\"/><w:szCs w:val=\"{sz}\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>\
         <w:pPrDefault><w:pPr><w:widowControl/><w:overflowPunct w:val=\"1\"/><w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>\
         <w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{LINE_PITCH}\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
         <w:rPr><w:rFonts w:ascii=\"{f}\" w:eastAsia=\"{f}\" w:hAnsi=\"{f}\" w:cs=\"{f}\"/><w:sz w:val=\"{sz}\"/><w:szCs w:val=\"{sz}\"/></w:rPr></w:style>\
         <w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/>\
         <w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
         </w:styles>"
    )
}

/// Odd and even pages get their own footers (§7.5).
pub fn settings() -> String {
    format!(
        "{XML_HEAD}<w:settings xmlns:w=\"{W_NS}\"><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"420\"/>\
         <w:evenAndOddHeaders/><w:characterSpacingControl w:val=\"doNotCompress\"/>\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         </w:settings>"
    )
}

/// `— 1 —` in 4号宋体: odd pages right, even pages left, one character in from the edge.
pub fn footer(odd: bool) -> String {
    let r = RunStyle { font: PAGE_NUMBER_FONT, size: PAGE_NUMBER_SIZE, spacing: 0 };
    let (side, align) = if odd { ("right", "right") } else { ("left", "left") };
    let mut p = format!(
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"{FOOTER_LINE}\" w:lineRule=\"exact\"/>\
         <w:ind w:{side}=\"{PAGE_NUMBER_INDENT}\"/><w:jc w:val=\"{align}\"/>"
    );
    run_props(r, &mut p);
    p.push_str("</w:pPr>");
    run(&["— "], r, &mut p);
    field_run("<w:fldChar w:fldCharType=\"begin\"/>", r, &mut p);
    field_run("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>", r, &mut p);
    field_run("<w:fldChar w:fldCharType=\"separate\"/>", r, &mut p);
    run(&["1"], r, &mut p);
    field_run("<w:fldChar w:fldCharType=\"end\"/>", r, &mut p);
    run(&[" —"], r, &mut p);
    p.push_str("</w:p>");
    format!("{XML_HEAD}<w:ftr xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\">{p}</w:ftr>")
}

/// The fonts, each with what a suite lacking it can use to pick another (ECMA-376 §17.8.3):
/// `w:altName`, other names of the same or the nearest typeface (a comma-separated list: the
/// newer Windows names, the macOS names); `w:panose1`, the typeface's PANOSE class (Windows' own
/// values for these fonts); `w:charset` 86 (GB2312), so that only a Chinese font stands in;
/// `w:family`, serif (`roman`) or sans-serif (`swiss`), so that a body set in 仿宋 never becomes
/// a 黑体-like sans-serif. Word and WPS read these; LibreOffice (7.4, and its current source)
/// reads only the name and substitutes through its own table and fontconfig.
pub fn font_table() -> String {
    let mut out = format!("{XML_HEAD}<w:fonts xmlns:w=\"{W_NS}\">");
    for f in FALLBACKS {
        out.push_str(&format!(
            "<w:font w:name=\"{}\"><w:altName w:val=\"{}\"/><w:panose1 w:val=\"{}\"/><w:charset w:val=\"86\"/>\
             <w:family w:val=\"{}\"/><w:pitch w:val=\"variable\"/></w:font>",
            f.name, f.alt_names, f.panose, f.family
        ));
    }
    out.push_str("</w:fonts>");
    out
}

/// One entry of the font table.
pub struct Fallback {
    pub name: &'static str,
    pub alt_names: &'static str,
    pub panose: &'static str,
    pub family: &'static str,
}

/// The report's fonts and what stands in for each.
pub const FALLBACKS: [Fallback; 5] = [
    Fallback { name: BODY_FONT, alt_names: "仿宋,FangSong,华文仿宋,STFangsong", panose: "02010609030101010101", family: "roman" },
    Fallback { name: TITLE_FONT, alt_names: "华文中宋,STZhongsong,宋体,SimSun", panose: "02010600030101010101", family: "roman" },
    Fallback { name: HEADING1_FONT, alt_names: "SimHei,华文黑体,STHeiti", panose: "02010609060101010101", family: "swiss" },
    Fallback { name: HEADING2_FONT, alt_names: "楷体,KaiTi,华文楷体,STKaiti", panose: "02010609030101010101", family: "roman" },
    Fallback { name: PAGE_NUMBER_FONT, alt_names: "SimSun,华文宋体,STSong", panose: "02010600030101010101", family: "roman" },
];
