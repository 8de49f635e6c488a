//! The example draft renders to the reference report paragraph for paragraph: the seed's
//! masked figures (`*`, `**`) replaced by the example's values, the title, 特此报告, 落款 and
//! date added around it, and nothing else changed but the deliberate corrections listed in
//! `CORRECTIONS` (the example is a model for the clerk; the seed keeps its mistakes, which the
//! checks must find).
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::xuanren;
use gongwen::domain::output::render::{paragraphs, txt_bytes};

const SEED: &str = include_str!("fixtures/seed-report.txt");

/// Where the example deliberately differs from the seed: (the seed's text, the example's).
/// Each must occur exactly once in the seed.
const CORRECTIONS: &[(&str, &str)] = &[
    // A stray Latin letter before the addressee (the `latin-stray` rule finds it).
    ("v市委巡察组：", "市委巡察组："),
    // A half-width full stop between Chinese sentences (GB/T 15834; `punct-halfwidth`).
    ("岗位需求.干部队伍", "岗位需求。干部队伍"),
    // The seed's first problem (组织人事干部队伍建设有待加强) has no measure; the example's second
    // measure answers it (`structure-unanswered`).
    (
        "切实促进党员领导干部廉洁从政。",
        "切实促进党员领导干部廉洁从政。配齐配强组织人事工作力量，明确专人负责干部工作，通过跟班学习、业务培训提高组织人事干部的工作能力和水平。",
    ),
];

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
    for (wrong, right) in CORRECTIONS {
        assert_eq!(text.matches(wrong).count(), 1, "the seed holds “{wrong}” once");
        text = text.replace(wrong, right);
    }
    for (mask, value) in figures {
        // Replace the first remaining mask of exactly this width.
        let at = find_mask(&text, mask).unwrap_or_else(|| panic!("no {mask} left"));
        text.replace_range(at..at + mask.len(), &value);
    }
    assert!(!text.contains('*'), "a mask was not accounted for");
    text.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect()
}

fn find_mask(text: &str, mask: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    text.char_indices()
        .map(|(i, _)| i)
        .find(|&i| text[i..].starts_with(mask) && (i == 0 || bytes[i - 1] != b'*') && bytes.get(i + mask.len()) != Some(&b'*'))
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

/// The example is a model for the clerk: no error and no warning in any field.
#[test]
fn the_example_has_no_error_and_no_warning() {
    use gongwen::domain::check::{check_draft, Severity};
    let t = xuanren();
    let all = check_draft(&t, &Draft::example(&t));
    for f in &all {
        println!("{:?} {} {:?} in {}: {}", f.finding.severity, f.finding.rule, f.finding.text, f.key, f.finding.message);
    }
    let errors: Vec<_> = all.iter().filter(|f| f.finding.severity == Severity::Error).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let warnings: Vec<_> = all.iter().filter(|f| f.finding.severity == Severity::Warning).collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
}
