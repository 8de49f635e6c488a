//! One entry of a word-list rule family (`confusable`, `usage`): the wrong form, the right one,
//! the context in which it is wrong (each family's own `When`), its severity, and where the
//! entry comes from. The source is kept for the tests only (each family checks every entry names
//! one): the page never shows it, and the sources' text would be kilobytes of its transfer budget.
use super::Severity;

pub(super) struct Entry<W> {
    pub wrong: &'static str,
    pub right: &'static str,
    pub when: W,
    pub severity: Severity,
    #[cfg(test)]
    pub source: &'static str,
}

pub(super) const fn entry<W>(wrong: &'static str, right: &'static str, when: W, severity: Severity, source: &'static str) -> Entry<W> {
    #[cfg(not(test))]
    let _ = source;
    Entry {
        wrong,
        right,
        when,
        severity,
        #[cfg(test)]
        source,
    }
}
