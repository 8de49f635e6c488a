//! The Word download, as a clerk gets it: the header button, the same question as the `.txt`
//! when errors are left, and the real file on disk read back as a zip.
use std::io::Read;

use crate::harness::Browser;
use serde_json::Value;

const TITLE: &str = "关于党工委领导班子2022年以来选人用人工作情况的报告";

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn the_word_button_downloads_the_report_as_a_docx() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    b.preview_title(|t| t == TITLE).await;
    let label = b.js("return document.getElementById('download-docx').textContent;").await;
    assert_eq!(label, "下载 Word（.docx）");
    b.screenshot("docx-header").await;
    // Note when the page hands the file to the browser, and its size and type.
    b.js("const create = URL.createObjectURL;
          URL.createObjectURL = blob => { window.handedOver = {at: performance.now(), size: blob.size, type: blob.type}; return create.call(URL, blob); };
          return null;")
        .await;

    // The example has no error: the file comes without a question.
    let clicked =
        b.js("const t0 = performance.now(); document.getElementById('download-docx').click(); return [t0, performance.now()];").await;
    let bytes = b.downloaded(&format!("{TITLE}.docx")).await;

    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap_or_else(|e| panic!("the download is not a zip: {e}"));
    let mut document = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap_or_else(|e| panic!("no word/document.xml: {e}"))
        .read_to_string(&mut document)
        .unwrap_or_else(|e| panic!("{e}"));
    // The title, in two lines broken between words, one paragraph.
    let title = ">关于党工委领导班子2022年以来</w:t><w:br/><w:t xml:space=\"preserve\">选人用人工作情况的报告</w:t>";
    assert!(document.contains(title), "the title is in the document");
    assert!(document.contains(">2024年3月5日</w:t>"));
    assert!(archive.by_name("word/footer1.xml").is_ok() && archive.by_name("word/footer2.xml").is_ok());
    assert_eq!(b.js("return document.getElementById('download-dialog');").await, Value::Null);

    let handed = b.js("return window.handedOver ?? null;").await;
    assert_eq!(handed["size"].as_u64(), Some(bytes.len() as u64));
    assert_eq!(handed["type"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    let t0 = clicked[0].as_f64().unwrap_or(f64::NAN);
    println!(
        "docx in the browser: {} bytes; click → file handed to the download {:.1} ms; whole click handler {:.1} ms",
        bytes.len(),
        handed["at"].as_f64().unwrap_or(f64::NAN) - t0,
        clicked[1].as_f64().unwrap_or(f64::NAN) - t0,
    );
    b.finish().await;
}
