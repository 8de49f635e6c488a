//! The 落款 in the real page: the preview (so the print) sets the 署名 and the date at the right
//! indents the Word file gives them (docx::closing_indents, GB/T 9704 §7.3.5.2), one empty line
//! below the text, through classes (the page's CSP allows no inline style).
use crate::harness::Browser;
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::xuanren;
use gongwen::domain::output::docx::closing_indents;
use gongwen::domain::output::render::paragraphs;
use serde_json::json;

/// One 3号 character (16 pt) in CSS pixels: a half character is 8 pt.
const HALF_CHAR_PX: f64 = 8.0 * 96.0 / 72.0;
const LINE_PX: f64 = 28.95 * 96.0 / 72.0;

#[tokio::test]
#[ignore = "needs chromium, chromedriver and dist/"]
async fn the_signature_and_date_sit_where_the_word_file_puts_them() {
    let t = xuanren();
    let (signature, date) = closing_indents(&paragraphs(&t, &Draft::example(&t)));
    let b = Browser::open().await;
    b.click("#fill-example").await;
    b.wait_js("return !!document.querySelector('#preview .doc-date');", |v| v == true).await;
    // As printed: zoom 1, no page padding, edit links hidden; the text block is the preview.
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "print" })).await;
    let got = b
        .js("const block = document.querySelector('#preview').getBoundingClientRect();
             const text = css => { const p = document.querySelector('#preview ' + css);
               const r = document.createRange(); r.selectNodeContents(p.firstChild); const t = r.getBoundingClientRect();
               return { right: block.right - t.right, top: p.getBoundingClientRect().top, text: p.firstChild.textContent }; };
             const above = document.querySelector('#preview .doc-signature').previousElementSibling.getBoundingClientRect();
             return { signature: text('.doc-signature'), date: text('.doc-date'), aboveBottom: above.bottom };")
        .await;
    b.cdp("Emulation.setEmulatedMedia", json!({ "media": "" })).await;
    assert_eq!(got["signature"]["text"], "党工委", "{got:#}");
    assert_eq!(got["date"]["text"], "2024年3月5日", "{got:#}");
    // Chromium draws the -0.25 pt letter spacing after the last character too: within 1 px.
    for (what, half) in [("signature", signature), ("date", date)] {
        let right = got[what]["right"].as_f64().unwrap_or(f64::NAN);
        let want = f64::from(half) * HALF_CHAR_PX;
        assert!((right - want).abs() < 1.0, "{what}: {right} px from the text block's right edge, the Word file's {want} px: {got:#}");
    }
    // One empty 28.95 pt line between the text above and the 署名's line.
    let gap = got["signature"]["top"].as_f64().unwrap_or(f64::NAN) - got["aboveBottom"].as_f64().unwrap_or(f64::NAN);
    assert!((gap - LINE_PX).abs() < 1.0, "the 署名 is {gap} px below the text above, not one line: {got:#}");
    b.finish().await;
}
