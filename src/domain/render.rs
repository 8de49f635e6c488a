//! Assembling the finished report text from a draft.
use super::draft::Draft;
use super::template::Template;
use super::text::to_crlf;

/// One paragraph of the finished report, with the part it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub part: String,
    pub text: String,
}

/// The report's paragraphs in template order. Empty fields are left out; a field with line
/// breaks gives one paragraph per non-empty line.
pub fn paragraphs(template: &Template, draft: &Draft) -> Vec<Paragraph> {
    let mut out = Vec::new();
    for part in &template.parts {
        for line in draft.field(&part.id).lines() {
            if !line.trim().is_empty() {
                out.push(Paragraph { part: part.id.clone(), text: line.to_string() });
            }
        }
    }
    out
}

/// The report as plain text: one paragraph a line, LF line endings.
pub fn plain_text(template: &Template, draft: &Draft) -> String {
    let paras = paragraphs(template, draft);
    let mut s = String::new();
    for p in &paras {
        s.push_str(&p.text);
        s.push('\n');
    }
    s
}

/// The bytes of the `.txt` download: UTF-8 without a byte-order mark, CRLF line endings so
/// Notepad and WPS open it cleanly.
pub fn txt_bytes(template: &Template, draft: &Draft) -> Vec<u8> {
    to_crlf(&plain_text(template, draft)).into_bytes()
}

/// The download's file name: the template's name, with characters that are not allowed in
/// Windows file names removed.
pub fn txt_file_name(template: &Template) -> String {
    let safe: String =
        template.name.chars().filter(|c| !matches!(c, '\\' | '/' | ':' | '*' | '?' | '"' | '<' | '>' | '|')).collect();
    format!("{safe}.txt")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::xuanren;

    #[test]
    fn example_draft_renders_the_seed_opening_lines() {
        let t = xuanren();
        let text = plain_text(&t, &Draft::example(&t));
        let seed = include_str!("../../tests/fixtures/seed-report.txt");
        let seed_lines: Vec<&str> = seed.lines().collect();
        // The seed's addressee carries a stray "v" (see docs): the example corrects it.
        assert_eq!(text, format!("市委巡察组：\n{}\n", seed_lines[1]));
    }

    #[test]
    fn txt_download_uses_crlf_and_skips_empty_fields() {
        let t = xuanren();
        let mut d = Draft::new(&t);
        d.set_field("opening", "现将情况报告如下：".into());
        assert_eq!(txt_bytes(&t, &d), "现将情况报告如下：\r\n".as_bytes());
        d.set_field("addressee", "市委巡察组：".into());
        assert_eq!(txt_bytes(&t, &d), "市委巡察组：\r\n现将情况报告如下：\r\n".as_bytes());
    }

    #[test]
    fn file_name_is_safe_on_windows() {
        let mut t = xuanren();
        t.name = "a/b:c*?".into();
        assert_eq!(txt_file_name(&t), "abc.txt");
    }
}
