//! GB/T 9704 §7.3.1: a long title breaks between words. With the example's figures and with a
//! unit's name of 17 characters, each line a template's break points give holds at most 20
//! characters of 2号 (a figure counted 0.6), so none wraps inside a word.
use gongwen::domain::model::draft::Draft;
use gongwen::domain::model::template::Template;
use gongwen::domain::output::render::title_paragraph;

/// Panics, naming `who` and the line, when a line of `t`'s title is wider than 20 characters.
pub fn assert_title_lines_fit(t: &Template, who: &str) {
    let width = |s: &str| s.chars().map(|c| if c.is_ascii() { 0.6 } else { 1.0 }).sum::<f64>();
    let mut long = Draft::example(t);
    for (id, name) in [("unit", "长江经济带高新技术产业开发区党工委"), ("unit_full", "长江经济带高新技术产业区工作委员会")]
    {
        if t.slot(id).is_some() {
            long.set_slot(id, name.to_string());
        }
    }
    for d in [Draft::example(t), long] {
        let p = title_paragraph(t, &d);
        let mut at = 0;
        for end in p.line_breaks.iter().copied().chain([p.text.len()]) {
            let line = &p.text[at..end];
            assert!(width(line) <= 20.0, "{who}: title line “{line}” is {} wide", width(line));
            at = end;
        }
    }
}
