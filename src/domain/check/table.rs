//! The shape every rule family's table test shares: run a rule over a text and compare
//! (rule, flagged text, replacement) in text order.
use super::Finding;

/// (rule, flagged text, replacement), in text order.
pub type Expected = &'static [(&'static str, &'static str, Option<&'static str>)];
pub type Found = Vec<(&'static str, String, Option<String>)>;

pub fn found(check: impl Fn(&str, &mut Vec<Finding>), text: &str) -> Found {
    let mut out = Vec::new();
    check(text, &mut out);
    out.sort_by_key(|f| (f.span.start, f.span.end));
    out.into_iter().map(|f| (f.rule, f.text, f.replacement)).collect()
}

/// Every text in `hits` gives exactly its expected findings.
pub fn assert_hits(found: impl Fn(&str) -> Found, hits: &[(&str, Expected)]) {
    for (text, expected) in hits {
        let want: Found = expected.iter().map(|&(r, t, fix)| (r, t.to_string(), fix.map(str::to_string))).collect();
        assert_eq!(found(text), want, "in {text:?}");
    }
}

/// No text in `misses` gives any finding.
pub fn assert_misses(found: impl Fn(&str) -> Found, misses: &[&str]) {
    for text in misses {
        assert_eq!(found(text), vec![], "false alarm in {text:?}");
    }
}
