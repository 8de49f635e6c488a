//! The example draft renders to exactly the reference report: paragraph for paragraph, with the
//! seed's masked figures (`*`, `**`) replaced by the example's values, the stray `v` before the
//! addressee dropped, and the title, 特此报告, 落款 and date added around it.
use gongwen::domain::draft::Draft;
use gongwen::domain::render::{paragraphs, txt_bytes};
use gongwen::domain::template::xuanren;

const SEED: &str = include_str!("fixtures/seed-report.txt");

/// The seed with each mask replaced, in reading order, by the example figure it stands for.
fn seed_with_example_figures() -> Vec<String> {
    let t = xuanren();
    let ex = |id: &str| t.slot(id).map(|s| s.example.clone()).unwrap_or_else(|| panic!("slot {id}"));
    let figures = [
        ("*", ex("party_school_count")),
        ("*", ex("lecture_count")),
        ("**", ex("secondment_town")),
        ("**", ex("epidemic_town")),
        ("**", ex("secondment_town")),
        ("*", ex("village_duty_count")),
        ("**", ex("village_duty_town")),
        ("**", ex("young_cadre_name")),
    ];
    let mut text = SEED.to_string();
    for (mask, value) in figures {
        // Replace the first remaining mask of exactly this width.
        let at = find_mask(&text, mask).unwrap_or_else(|| panic!("no {mask} left"));
        text.replace_range(at..at + mask.len(), &value);
    }
    assert!(!text.contains('*'), "a mask was not accounted for");
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| l.trim_start_matches('v').to_string()).collect()
}

fn find_mask(text: &str, mask: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    text.char_indices().map(|(i, _)| i).find(|&i| {
        text[i..].starts_with(mask)
            && (i == 0 || bytes[i - 1] != b'*')
            && bytes.get(i + mask.len()) != Some(&b'*')
    })
}

#[test]
fn example_draft_is_the_seed_report_paragraph_for_paragraph() {
    let t = xuanren();
    let got: Vec<String> = paragraphs(&t, &Draft::example(&t)).into_iter().map(|p| p.text).collect();
    let mut want = vec!["关于党工委领导班子2022年以来选人用人工作情况的报告".to_string()];
    want.extend(seed_with_example_figures());
    want.extend(["特此报告。", "党工委", "2024年3月5日"].map(String::from));
    assert_eq!(got.len(), want.len(), "paragraph count");
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "paragraph {i}");
    }
}

#[test]
fn txt_download_of_the_example_is_the_seed_with_crlf() {
    let t = xuanren();
    let bytes = txt_bytes(&t, &Draft::example(&t));
    let text = String::from_utf8(bytes).expect("UTF-8");
    assert!(!text.starts_with('\u{feff}'), "no byte-order mark");
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines.last(), Some(&""), "ends with CRLF");
    assert_eq!(lines[1], "市委巡察组：");
    assert_eq!(lines.len() - 1, seed_with_example_figures().len() + 4);
}
