//! Hand-made .docx files, built here from XML strings (so a reader can see what each holds),
//! in the shapes Word writes: its numbering definitions, tables, tracked changes, fields, text
//! boxes; and the files that must be refused, each with its message.
use super::*;
use std::io::Write;

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" \
xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"";

static CRC: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);

/// A zip of these entries, deflated as Word does (or stored).
pub fn zip(parts: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
    for (name, bytes) in parts {
        let method = if deflate { rawzip::CompressionMethod::DEFLATE } else { rawzip::CompressionMethod::STORE };
        let (mut entry, _) = archive.new_file(name).compression_method(method).start().expect("entry");
        let data = if deflate { miniz_oxide::deflate::compress_to_vec(bytes, 6) } else { bytes.to_vec() };
        entry.write_all(&data).expect("write");
        entry.finish(rawzip::DataDescriptorOutput::new(CRC.checksum(bytes), bytes.len() as u64)).expect("finish");
    }
    archive.finish().expect("zip");
    out
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#;

/// A .docx whose body is `body` (inside `<w:body>`), with optional numbering and styles parts.
pub fn docx(body: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
    let document =
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#);
    let numbering = numbering.map(|n| format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>{n}</w:numbering>"#));
    let styles = styles.map(|s| format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>{s}</w:styles>"#));
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", b"<Relationships/>"),
        ("word/document.xml", document.as_bytes()),
    ];
    if let Some(n) = &numbering {
        parts.push(("word/numbering.xml", n.as_bytes()));
    }
    if let Some(s) = &styles {
        parts.push(("word/styles.xml", s.as_bytes()));
    }
    zip(&parts, true)
}

fn p(runs: &str) -> String {
    format!("<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>{runs}</w:p>")
}

fn r(text: &str) -> String {
    format!("<w:r><w:rPr><w:rFonts w:eastAsia=\"仿宋_GB2312\"/></w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn numbered(num: &str, level: u8, text: &str) -> String {
    format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr></w:pPr>{}</w:p>", r(text))
}

fn read_ok(bytes: &[u8]) -> String {
    read(bytes).unwrap_or_else(|e| panic!("read: {e}"))
}

#[test]
fn paragraphs_in_order_with_their_runs_joined_tabs_and_breaks() {
    let body = [
        p(&format!("{}{}", r("关于2024年度"), r("工作情况的报告"))),
        p(""),
        p(&format!("{}<w:r><w:tab/></w:r>{}", r("序号"), r("内容"))),
        // A title broken by hand stays one line; after a colon the break ends a line.
        p(&format!("{}<w:r><w:br/></w:r>{}", r("关于选人用人工作情况的"), r("报告"))),
        p(&format!("{}<w:r><w:br/></w:r>{}", r("市委巡察组："), r("现将有关情况报告如下。"))),
        p(&format!("{}<w:r><w:br w:type=\"page\"/></w:r>{}", r("第一页"), r("第二页"))),
        p(&format!("{}<w:r><w:noBreakHyphen/></w:r>{}", r("A"), r("B"))),
        p(&format!("{}<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的字</w:t></w:r>", r("看得见"))),
        p("<w:r><w:t>&lt;&amp;&#x4E00;&#20108;&gt;</w:t></w:r>"),
    ]
    .concat();
    let text = read_ok(&docx(&body, None, None));
    assert_eq!(
        text,
        "关于2024年度工作情况的报告\n\n序号\t内容\n关于选人用人工作情况的报告\n市委巡察组：\n现将有关情况报告如下。\n第一页第二页\nA-B\n看得见\n<&一二>"
    );
}

#[test]
fn a_table_is_a_line_per_row_with_cells_separated_by_tabs() {
    let cell = |t: &str| format!("<w:tc><w:tcPr><w:tcW w:w=\"2000\"/></w:tcPr>{}</w:tc>", p(&r(t)));
    let two_paragraphs = format!("<w:tc>{}{}</w:tc>", p(&r("第一段")), p(&r("第二段")));
    let nested = format!("<w:tc><w:tbl><w:tr>{}{}</w:tr></w:tbl></w:tc>", cell("内1"), cell("内2"));
    let body = format!(
        "{}<w:tbl><w:tblPr><w:tblW w:w=\"0\"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>\
         <w:tr><w:trPr/>{}{}{}</w:tr><w:tr>{}{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>{}",
        p(&r("整改台账")),
        cell("序号"),
        cell("问题"),
        cell("整改措施"),
        cell("1"),
        cell("制度不健全"),
        two_paragraphs,
        cell("2"),
        nested,
        p(&r("表后"))
    );
    assert_eq!(read_ok(&docx(&body, None, None)), "整改台账\n序号\t问题\t整改措施\n1\t制度不健全\t第一段 第二段\n2\t内1\t内2\n表后");
}

#[test]
fn tracked_changes_read_as_accepted_and_their_old_properties_ignored() {
    let body = [
        p(&format!(
            "{}<w:ins w:id=\"1\" w:author=\"张三\"><w:r><w:t>新增的字</w:t></w:r></w:ins>\
             <w:del w:id=\"2\" w:author=\"张三\"><w:r><w:delText>删去的字</w:delText></w:r></w:del>{}",
            r("开头"),
            r("结尾")
        )),
        p("<w:moveFrom w:id=\"3\"><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:moveTo w:id=\"4\"><w:r><w:t>移来</w:t></w:r></w:moveTo>"),
        // The paragraph was numbered before the change; now it is not.
        format!(
            "<w:p><w:pPr><w:pPrChange w:id=\"5\"><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:pPrChange></w:pPr>{}</w:p>",
            r("不再编号")
        ),
        p("<w:r><w:rPr><w:rPrChange w:id=\"6\"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>格式改过</w:t></w:r>"),
    ]
    .concat();
    let numbering = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#;
    assert_eq!(read_ok(&docx(&body, Some(numbering), None)), "开头新增的字结尾\n移来\n不再编号\n格式改过");
}

#[test]
fn fields_show_their_result_and_never_their_instructions() {
    let body = [
        p(&format!(
            "{}<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>{}",
            r("第"),
            r("页")
        )),
        // A field with no result shows nothing; a nested field inside the instructions neither.
        p(&format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:t>内</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
             <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>{}",
            r("正文")
        )),
        p(&format!("<w:fldSimple w:instr=\" DATE \\@ &quot;yyyy年M月d日&quot; \">{}</w:fldSimple>", r("2024年3月5日"))),
        p(&format!("<w:hyperlink r:id=\"rId9\" xmlns:r=\"urn:r\">{}</w:hyperlink>", r("链接文字"))),
        p(&format!("<w:sdt><w:sdtPr><w:alias w:val=\"单位\"/><w:placeholder><w:docPart w:val=\"X\"/></w:placeholder></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>", r("某某局"))),
    ]
    .concat();
    assert_eq!(read_ok(&docx(&body, None, None)), "第3页\n正文\n2024年3月5日\n链接文字\n某某局");
}

#[test]
fn a_text_box_is_read_once_after_its_paragraph() {
    let inner = format!("<w:txbxContent>{}{}</w:txbxContent>", p(&r("框里第一段")), p(&r("框里第二段")));
    let body = format!(
        "{}{}",
        p(&format!(
            "{}<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>{inner}</wps:txbx></wps:wsp></w:drawing></mc:Choice>\
             <mc:Fallback><w:pict><v:shape xmlns:v=\"urn:v\"><v:textbox>{inner}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>{}",
            r("框前"),
            r("框后")
        )),
        p(&r("下一段"))
    );
    assert_eq!(read_ok(&docx(&body, None, None)), "框前框后\n框里第一段\n框里第二段\n下一段");
}

const NUMBERING: &str = r#"
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="720"/></w:tabs></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircleChinese"/><w:lvlText w:val="%4"/></w:lvl>
  <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%5"/><w:isLgl/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1."/><w:pStyle w:val="Heading1"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedParen"/><w:lvlText w:val="%2"/><w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimalFullWidth"/><w:lvlText w:val="第%1条"/></w:lvl></w:lvlOverride></w:num>
"#;

const STYLES: &str = r#"
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>
"#;

fn styled(style: &str, extra: &str, text: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/>{extra}</w:pPr>{}</w:p>", r(text))
}

#[test]
fn automatic_numbers_read_as_word_shows_them() {
    let body = [
        numbered("1", 0, "总体情况"),
        numbered("1", 1, "主要做法"),
        numbered("1", 1, "存在问题"),
        numbered("1", 2, "制度"),
        numbered("1", 3, "细则"),
        numbered("1", 3, "规程"),
        numbered("1", 4, "条款"),
        numbered("1", 0, "整改措施"),
        // A higher level restarts the lower ones.
        numbered("1", 1, "强化组织"),
        // Another instance of the same definition goes on counting…
        numbered("3", 0, "下一步打算"),
        // …unless it overrides the start: then it restarts at its first use only.
        numbered("2", 0, "重新开始"),
        numbered("2", 0, "接着数"),
        // An override may redefine the level.
        numbered("6", 0, "条文"),
        // Styles: the number comes with the style, through what it is based on.
        styled("Heading1", "", "甲项"),
        styled("MyHeading", "", "乙项"),
        styled("MyHeading", "<w:numPr><w:ilvl w:val=\"1\"/></w:numPr>", "附项"),
        styled("MyHeading", "<w:numPr><w:numId w:val=\"0\"/></w:numPr>", "不编号"),
        styled("Heading1", "", "丙项"),
        // Level 1 of definition 1 never restarts.
        styled("MyHeading", "<w:numPr><w:ilvl w:val=\"1\"/></w:numPr>", "续项"),
        styled("Loop1", "", "循环的样式"),
        numbered("5", 0, "要点"),
        numbered("99", 0, "没有这个编号"),
    ]
    .concat();
    let want =
        "一、总体情况\n（一）主要做法\n（二）存在问题\n1.制度\n①细则\n②规程\n1.1条款\n二、整改措施\n（一）强化组织\n三、下一步打算\n\
                一、重新开始\n二、接着数\n第５条条文\n甲.甲项\n乙.乙项\n⑶附项\n不编号\n丙.丙项\n⑷续项\n循环的样式\n要点\n没有这个编号";
    assert_eq!(read_ok(&docx(&body, Some(NUMBERING), Some(STYLES))), want);
}

#[test]
fn number_formats() {
    let table: [(u32, &str, &str); 24] = [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (15, "chineseCounting", "十五"),
        (20, "chineseCounting", "二十"),
        (99, "chineseCounting", "九十九"),
        (101, "chineseCountingThousand", "一百零一"),
        (110, "chineseCountingThousand", "一百一十"),
        (1010, "chineseCountingThousand", "一千零一十"),
        (3, "chineseLegalSimplified", "叁"),
        (12, "chineseLegalSimplified", "拾贰"),
        (10, "ideographDigital", "一〇"),
        (1, "ideographTraditional", "甲"),
        (10, "ideographTraditional", "癸"),
        (2, "ideographZodiac", "丑"),
        (1, "decimalEnclosedCircleChinese", "①"),
        (20, "decimalEnclosedCircle", "⑳"),
        (21, "decimalEnclosedCircle", "21"),
        (1, "decimalEnclosedParen", "⑴"),
        (21, "decimalEnclosedParen", "(21)"),
        (12, "decimalFullWidth", "１２"),
        (7, "decimalZero", "07"),
        (28, "upperLetter", "BB"),
        (14, "lowerRoman", "xiv"),
        (4, "someFormatNotKnown", "4"),
    ];
    for (n, format, want) in table {
        assert_eq!(format_number(n, format), want, "{n} as {format}");
    }
}

#[test]
fn other_formats_and_bad_files_are_refused_with_what_to_do() {
    let good = docx(&p(&r("正文")), None, None);
    let mut crc_off =
        zip(&[("word/document.xml", format!("<w:document {W}><w:body>{}</w:body></w:document>", p(&r("正文"))).as_bytes())], false);
    let at = crc_off.windows(6).position(|w| w == "正文".as_bytes()).expect("text stored");
    crc_off[at] ^= 1;
    let ole = |stream: &str| {
        let mut b = OLE.to_vec();
        b.resize(1024, 0);
        b.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        b
    };
    let odt = zip(&[("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<office:document-content/>")], false);
    let xlsx =
        zip(&[("[Content_Types].xml", CONTENT_TYPES.as_bytes()), ("_rels/.rels", b"<r/>"), ("xl/workbook.xml", b"<workbook/>")], true);
    let archive = zip(&[("照片.jpg", b"\xFF\xD8\xFF")], false);
    let doctype = zip(
        &[("word/document.xml", br#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#)],
        true,
    );
    let entity = docx(&p("<w:r><w:t>&nbsp;</w:t></w:r>"), None, None);
    let broken_xml = docx("<w:p><w:r><w:t>没有结束", None, None);
    let mismatched = docx("<w:p><w:r><w:t>错配</w:r></w:t></w:p>", None, None);
    let cases: Vec<(&str, Vec<u8>, Refusal, &str)> = vec![
        ("cut in half", good[..good.len() / 2].to_vec(), Refusal::Damaged, "已损坏"),
        ("a checksum off", crc_off, Refusal::Damaged, "已损坏"),
        ("empty", Vec::new(), Refusal::Damaged, "已损坏"),
        ("encrypted", ole("EncryptionInfo"), Refusal::Encrypted, "这个文件设置了密码"),
        (".doc or .wps", ole("WordDocument"), Refusal::OldWord, "旧版 Word（.doc）或 WPS（.wps）"),
        (".pdf", b"%PDF-1.7\n".to_vec(), Refusal::Pdf, "PDF"),
        (".rtf", b"{\\rtf1\\ansi".to_vec(), Refusal::Rtf, "RTF"),
        (".odt", odt, Refusal::Odt, "OpenDocument"),
        (".xlsx", xlsx, Refusal::NoDocument, "找不到 Word 文档的正文"),
        ("a zip of photos", archive, Refusal::OtherZip, "压缩包"),
        ("a DTD", doctype, Refusal::Entities, "DTD"),
        ("an entity of its own", entity, Refusal::Entities, "自定义实体"),
        ("XML cut short", broken_xml, Refusal::Damaged, "已损坏"),
        ("tags crossed", mismatched, Refusal::Damaged, "已损坏"),
    ];
    for (what, bytes, want, says) in cases {
        assert_eq!(read(&bytes), Err(want), "{what}");
        assert!(want.message().contains(says), "{what}: {}", want.message());
        assert!(is_office_file("x.bin", &bytes) || bytes.is_empty(), "{what} is sent to the reader by its first bytes");
    }
    for m in [Refusal::OldWord, Refusal::Odt, Refusal::Rtf, Refusal::Damaged, Refusal::NoDocument] {
        assert!(m.message().ends_with("请在 Word 或 WPS 中“另存为”.docx 后再打开。"), "{m:?}");
    }
    assert!(!is_office_file("报告.txt", "一、总体情况".as_bytes()));
    assert!(is_office_file("报告.DOCX", b"not a zip"));
    assert_eq!(read(b"not a zip"), Err(Refusal::Damaged));
}

#[test]
fn a_zip_bomb_stops_at_the_limit() {
    // 60 MB of one letter deflates to about 60 KB; its header claims a small size.
    let huge = vec![b'a'; MAX_PART + (10 << 20)];
    let body = format!("<w:document {W}><w:body><w:p><w:r><w:t>");
    let mut xml = body.into_bytes();
    xml.extend_from_slice(&huge);
    let packed = miniz_oxide::deflate::compress_to_vec(&xml, 1);
    let mut out = Vec::new();
    let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
    let (mut entry, _) =
        archive.new_file("word/document.xml").compression_method(rawzip::CompressionMethod::DEFLATE).start().expect("entry");
    entry.write_all(&packed).expect("write");
    entry.finish(rawzip::DataDescriptorOutput::new(0, 1000)).expect("finish");
    archive.finish().expect("zip");
    assert!(out.len() < 1 << 20);
    assert_eq!(read(&out), Err(Refusal::TooLarge));
    // Its true size claimed: refused before inflating.
    let honest = zip(&[("word/document.xml", &xml)], true);
    assert_eq!(read(&honest), Err(Refusal::TooLarge));
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("word/media/{i}.png")).collect();
    let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), b"".as_slice())).collect();
    assert_eq!(read(&zip(&parts, false)), Err(Refusal::TooLarge));
}

#[test]
fn a_hundred_thousand_paragraphs_are_read() {
    let body: String = (0..100_000).map(|i| format!("<w:p><w:r><w:t>第{i}段。</w:t></w:r></w:p>")).collect();
    let text = read_ok(&docx(&body, None, None));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 100_000);
    assert_eq!(lines[99_999], "第99999段。");
}

#[test]
fn breaks() {
    let table = [
        ("关于某某的报告", vec![12], "关于某某的报告"),
        ("甲：乙", vec![6], "甲：\n乙"),
        ("ab", vec![1], "a b"),
        ("开头", vec![0], "\n开头"),
        ("结尾", vec![6], "结尾\n"),
        ("a b", vec![2], "a \nb"),
    ];
    for (text, at, want) in table {
        assert_eq!(resolve_breaks(text, &at), want, "{text} {at:?}");
    }
}

#[test]
fn hostile_shapes_are_bounded() {
    // Paragraphs in text boxes in paragraphs, a thousand deep: refused, not walked.
    let deep = format!("{}{}", "<w:p><w:r><w:txbxContent>".repeat(1000), "</w:txbxContent></w:r></w:p>".repeat(1000));
    assert_eq!(read(&docx(&deep, None, None)), Err(Refusal::Damaged));
    // Two levels of text box are fine.
    let two = format!("{}{}", "<w:p><w:r><w:t>框</w:t><w:txbxContent>".repeat(2), "</w:txbxContent></w:r></w:p>".repeat(2));
    assert_eq!(read_ok(&docx(&two, None, None)), "框\n框");
    // A level text of a megabyte is cut to a few dozen characters on every paragraph.
    let long = "长".repeat(1 << 20);
    let numbering = format!(
        r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="{long}%1"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#
    );
    let body = numbered("1", 0, "甲").repeat(1000);
    let text = read_ok(&docx(&body, Some(&numbering), None));
    assert_eq!(text.lines().count(), 1000);
    assert!(text.lines().all(|l| l.chars().count() == 65), "{}", text.lines().next().unwrap_or_default());
    // Ten thousand fields inside each other: text shows again once all have ended.
    let fields = format!(
        "<w:p>{}<w:r><w:t>说明</w:t></w:r>{}{}</w:p>",
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>".repeat(10_000),
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>".repeat(10_000),
        r("正文")
    );
    assert_eq!(read_ok(&docx(&fields, None, None)), "正文");
}
