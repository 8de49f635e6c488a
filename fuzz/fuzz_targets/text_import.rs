//! Importing last year's report: any text gives a draft that keeps every non-blank line (in a
//! field or in 未归类内容), and that draft checks and renders without a panic.
#![no_main]
use gongwen::domain::check::check_draft;
use gongwen::domain::input::import_report::into_draft;
use gongwen::domain::output::render::plain_text;
use gongwen::domain::model::template::xuanren;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let t = xuanren();
    let d = into_draft(&t, text);
    let _ = check_draft(&t, &d);
    // Compare without white space and without the ordinals, which the draft regenerates.
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let rendered = without_points(&squeeze(&plain_text(&t, &d)));
    let unplaced: Vec<String> = d.unplaced.iter().map(|u| without_points(&squeeze(u))).collect();
    let kept = |line: &str| {
        let line = squeeze(line);
        // A bare `一是` ending a line has no content: it becomes an empty point, which the
        // finished text leaves out (the form still shows it, empty).
        let line = strip_bare_trailing_ordinal(&line);
        // Nor is a stop opening a line after an empty point (`一是\n。二是……`) content.
        let line = line.trim_start_matches(['。', '，', '、', '；', '：']);
        let core = without_points(strip_ordinal(line));
        let core = core.as_str();
        rendered.contains(core) || unplaced.iter().any(|u| u.contains(core)) || d.slots.values().any(|v| line.contains(v.as_str()))
    };
    for line in text.split(['\n', '\r']).filter(|l| !l.trim().is_empty()) {
        assert!(kept(line), "line lost on import: {line:?}");
    }
});

/// `（三）标题` → `标题`, `二、总体情况` → `总体情况`, `一是要点` → `要点`.
fn strip_ordinal(line: &str) -> &str {
    let numerals = |c: char| "〇零一二三四五六七八九十百两".contains(c);
    let rest = line.trim_start_matches(['（', '(']).trim_start_matches(numerals);
    for mark in ['）', ')', '、', '．', '.', '是'] {
        if let Some(r) = rest.strip_prefix(mark) {
            if rest.len() < line.len() {
                return r;
            }
        }
    }
    line
}

/// `……。一是` → `……。`
fn strip_bare_trailing_ordinal(line: &str) -> &str {
    let numerals = |c: char| "一二三四五六七八九十".contains(c);
    match line.strip_suffix('是') {
        Some(rest) if rest.ends_with(numerals) => rest.trim_end_matches(numerals),
        _ => line,
    }
}

/// Every `一是`, `二是`… taken out: points are renumbered (`一是……一是……` becomes
/// `一是……二是……`), so their ordinals are not the text being kept.
fn without_points(text: &str) -> String {
    let numerals = |c: char| "一二三四五六七八九十".contains(c);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let mut j = i;
        while j < chars.len() && numerals(chars[j]) {
            j += 1;
        }
        if j > i && chars.get(j) == Some(&'是') {
            i = j + 1;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}
