//! 导入旧报告 from a Word file, as a clerk does it: the app's own .docx downloaded and opened
//! again, a report whose `一、` and `（一）` are Word's automatic numbering, a file dropped on the
//! dialog (the single file too, with its reader in a data block), and Word files that cannot be
//! read, each with its message and the draft untouched.
use crate::harness::{single_file_alone, Browser};
use serde_json::{json, Value};

#[path = "../common/word.rs"]
mod word;

const TITLE: &str = "关于党工委领导班子2022年以来选人用人工作情况的报告";

/// Chooses `name` (written with `bytes` to a fresh folder) in the import dialog's file input.
async fn choose(b: &Browser, name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write the file");
    b.click("#import-report").await;
    b.wait_for("#import-file").await.send_keys(&path.display().to_string()).await.expect("choose the file");
    // The file is read before the folder goes.
    b.wait_js(
        "return document.getElementById('import-dialog') === null || document.querySelector('#import-dialog .notice') !== null;",
        |v| v == true,
    )
    .await;
}

/// Drops a file on the import dialog, as dragging it from the desktop does.
async fn drop_on_dialog(b: &Browser, name: &str, bytes: &[u8]) {
    b.click("#import-report").await;
    b.wait_for("#import-dialog").await;
    b.client
        .execute(
            "const dt = new DataTransfer();
             dt.items.add(new File([new Uint8Array(arguments[0])], arguments[1]));
             const target = document.querySelector('#import-dialog .field-hint');
             target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
             target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
             return null;",
            vec![json!(bytes), json!(name)],
        )
        .await
        .expect("drop the file");
}

async fn imported(b: &Browser) {
    b.wait_js("return document.getElementById('import-dialog');", Value::is_null).await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_apps_own_word_file_imports_back_to_the_same_report() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    b.preview_title(|t| t == TITLE).await;
    let before = b.preview_text().await;
    b.click("#download-docx").await;
    let bytes = b.downloaded(&format!("{TITLE}.docx")).await;
    // The example is not empty: the import becomes a new draft, the example stays.
    choose(&b, &format!("{TITLE}.docx"), &bytes).await;
    imported(&b).await;
    b.preview_title(|t| t == TITLE).await;
    assert_eq!(b.preview_text().await, before);
    assert_eq!(b.js("return document.getElementById('unplaced');").await, Value::Null, "nothing left unplaced");
    let requests = b.requests().await;
    assert!(requests.iter().any(|r| r.ends_with("/reader/docx.lzma")), "the reader is fetched when a Word file is opened: {requests:?}");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_reader_is_not_loaded_until_a_word_file_is_opened() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    b.preview_title(|t| t == TITLE).await;
    let requests = b.requests().await;
    assert!(!requests.iter().any(|r| r.contains("/reader/")), "{requests:?}");
    b.finish().await;
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn headings_numbered_by_word_import_into_the_parts_the_text_does() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/old-reports/xuanren-report.1.txt")).expect("fixture");
    let lines: Vec<(Option<u8>, &str)> = text.lines().map(word::as_numbered).collect();
    assert!(lines.iter().filter(|(l, _)| l.is_some()).count() >= 4);
    let mut previews = Vec::new();
    for (name, bytes) in [("去年的报告.docx", word::word_numbered(&lines)), ("去年的报告.txt", text.clone().into_bytes())] {
        let b = Browser::open().await;
        choose(&b, name, &bytes).await;
        imported(&b).await;
        let sections = b.js("return Array.from(document.querySelectorAll('#preview .doc-h1')).map(p => p.textContent);").await;
        previews.push((b.preview_text().await, sections));
        b.finish().await;
    }
    assert_eq!(previews[0], previews[1]);
    let sections = previews[0].1.as_array().map_or(0, Vec::len);
    assert!(sections >= 3, "the 一、 headings are the report's parts: {}", previews[0].1);
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_word_file_dropped_on_the_dialog_imports_in_the_page_and_in_the_single_file() {
    use gongwen::domain::model::{builtin, draft::Draft};
    let t = builtin::load("xuanren-report").expect("built in").expect("valid");
    let bytes = gongwen::domain::output::docx::docx_bytes(&t, &Draft::example(&t)).expect("docx");
    let want = gongwen::domain::output::render::plain_text(&t, &Draft::example(&t)).replace('\n', "\r\n");
    let (_dir, file) = single_file_alone();
    for single in [false, true] {
        let b = if single { Browser::open_file(&file).await } else { Browser::open().await };
        drop_on_dialog(&b, "报告.docx", &bytes).await;
        imported(&b).await;
        b.preview_title(|t| t == TITLE).await;
        assert_eq!(b.preview_text().await, want, "single file: {single}");
        b.finish().await;
    }
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn word_files_that_cannot_be_read_say_why_and_the_draft_is_untouched() {
    let ole = |stream: &str| {
        let mut b = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        b.resize(1024, 0);
        b.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
        b
    };
    // 60 MB of one letter, deflated to about 60 KB.
    let bomb = {
        let mut xml = b"<w:document><w:body><w:p><w:r><w:t>".to_vec();
        xml.resize(60 << 20, b'a');
        let packed = miniz_oxide::deflate::compress_to_vec(&xml, 1);
        let mut out = Vec::new();
        let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
        let (mut entry, _) =
            archive.new_file("word/document.xml").compression_method(rawzip::CompressionMethod::DEFLATE).start().expect("entry");
        std::io::Write::write_all(&mut entry, &packed).expect("write");
        entry.finish(rawzip::DataDescriptorOutput::new(0, xml.len() as u64)).expect("finish");
        archive.finish().expect("zip");
        out
    };
    let cases: [(&str, Vec<u8>, &str); 5] = [
        ("加密的报告.docx", ole("EncryptionInfo"), "这个文件设置了密码"),
        ("旧报告.doc", ole("WordDocument"), "旧版 Word（.doc）或 WPS（.wps）"),
        ("报告.pdf", b"%PDF-1.7\n%".to_vec(), "PDF"),
        ("坏了的报告.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml".to_vec(), "已损坏"),
        ("炸弹.docx", bomb, "解压后过大"),
    ];
    let b = Browser::open().await;
    b.goto_step("addressee").await;
    b.type_into("#field-addressee", "市委巡察组：").await;
    let before = b.preview_text().await;
    for (name, bytes, says) in cases {
        choose(&b, name, &bytes).await;
        let msg = b.wait_js("return document.querySelector('#import-dialog .notice')?.textContent ?? null;", Value::is_string).await;
        let msg = msg.as_str().unwrap_or_default();
        assert!(msg.contains(name) && msg.contains(says), "{name}: {msg}");
        assert!(msg.contains("另存为”.docx") || msg.contains("去掉密码"), "{name} says what to do: {msg}");
        b.click("#import-cancel").await;
        assert_eq!(b.preview_text().await, before, "{name}");
    }
    b.finish().await;
}
