//! Closing without goodbye: the tab is killed (no unload handler runs), then the whole browser
//! is quit and started again on the same profile. Each time the draft comes back exactly.
use super::harness::Browser;

/// The draft as the clerk sees it: the step on screen and the finished text.
async fn seen(b: &Browser) -> (String, String) {
    let step = b.js("return document.querySelector('.step-view')?.dataset.step ?? '';").await;
    (step.as_str().unwrap_or_default().to_string(), b.preview_text().await)
}

#[tokio::test]
#[ignore = "needs dist/ and Chromium: run scripts/test.sh"]
async fn a_killed_tab_and_a_restarted_browser_bring_back_every_character() {
    let b = Browser::open().await;
    b.click("#fill-example").await;
    b.type_into(".step-view input[data-slot=unit]", "高新区党工委").await;
    b.goto_step("problems").await;
    b.type_into(".item-card:nth-child(1) > .guided-field:nth-of-type(1) textarea", "培养力度还不够大").await;
    b.goto_step("measures").await;
    let before = seen(&b).await;
    assert_eq!(before.0, "measures");
    assert!(before.1.contains("培养力度还不够大"), "{}", before.1);

    // A second tab keeps the browser alive while the first one is killed mid-work.
    let app_tab = b.client.window().await.expect("the tab");
    let spare = b.client.new_window(true).await.expect("a second tab");
    b.client.switch_to_window(app_tab).await.expect("back to the app");
    b.crash_tab().await;
    b.client.switch_to_window(spare.handle).await.expect("the second tab");
    b.client.goto(&format!("{}/", b.home())).await.expect("open the page again");
    b.wait_for(".step-view[data-step=measures]").await;
    assert_eq!(seen(&b).await, before, "after the tab was killed");

    // Quit the browser; start it again the next morning.
    let b = b.restart().await;
    b.wait_for(".step-view[data-step=measures]").await;
    assert_eq!(seen(&b).await, before, "after the browser was restarted");
    b.finish().await;
}
