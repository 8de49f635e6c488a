//! A stored draft's revision, as CouchDB's `_rev`: how many times it was written and which tab
//! (or copy of the page) wrote it last. A save names the revision it started from and writes
//! only if the stored draft still has it (compare-and-swap, `library_store::save`); so when
//! another tab changed or deleted the draft since, nothing is overwritten.
//!
//! Drafts stored before revisions existed have none: they are revision 0, and load unchanged.
use serde::{Deserialize, Serialize};

/// `<writes>-<writer>`, e.g. `3-k8x2ab` (empty: revision 0). Stored as a plain string: a
/// struct of its own costs the page's wasm a reader and a writer of their own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rev(pub String);

impl Rev {
    pub fn new(n: u64, writer: &str) -> Rev {
        Rev(format!("{n}-{writer}"))
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    /// Writes so far (0 for revision 0, or one this build cannot read).
    pub fn count(&self) -> u64 {
        self.0.split_once('-').and_then(|(n, _)| n.parse().ok()).unwrap_or(0)
    }

    /// The revision a write by `writer` on top of this one gets: `<writes>-<writer>` followed by
    /// `~<head>` for each of the last `ANCESTORS` revisions it was built on, newest first. Naming
    /// what a write was built on lets a tab tell a later write made on top of its own from one made
    /// beside it from a stale copy (`concurrent::follow`).
    pub fn next(&self, writer: &str) -> Rev {
        match self.count() {
            0 => Rev::new(1, writer),
            n => {
                let mut rev = format!("{}-{writer}~{}", n + 1, self.head());
                for ancestor in self.ancestors().take(ANCESTORS - 1) {
                    rev.push('~');
                    rev.push_str(ancestor);
                }
                Rev(rev)
            }
        }
    }

    /// The revision without the ancestors it names: `3-b` of `3-b~2-a~1-a`.
    pub fn head(&self) -> &str {
        self.0.split('~').next().unwrap_or_default()
    }

    /// The heads of the revisions this one was built on, newest (its parent) first.
    pub fn ancestors(&self) -> impl Iterator<Item = &str> {
        self.0.split('~').skip(1)
    }

    /// Whether this revision was built, directly or within `ANCESTORS` writes, on `other`.
    pub fn descends_from(&self, other: &Rev) -> bool {
        self.ancestors().any(|a| a == other.head())
    }
}

/// How many ancestors a revision names: a tab that wrote last and then hears of more writes
/// elsewhere than this (without having reloaded in between) asks the clerk, which is safe.
pub const ANCESTORS: usize = 16;

/// An id for one tab (one page load): the clock and a random number, both from the browser, in
/// base 36. Two tabs opened in the same millisecond still differ by the random part.
pub fn writer_id(now: f64, random: f64) -> String {
    let time = if now.is_finite() && now > 0.0 { now as u64 } else { 0 };
    let salt = if random.is_finite() && random > 0.0 { (random * 2_176_782_336.0) as u64 } else { 0 };
    format!("{}{}", crate::domain::store::library::base36(time % 2_176_782_336), crate::domain::store::library::base36(salt))
}

/// What a save finds in the store before it writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// The stored draft is at the revision the save started from: write.
    Free,
    /// Another tab or copy wrote it since (its revision is `Rev`): write nothing.
    Changed(Rev),
    /// It was deleted elsewhere since this tab last wrote it: write nothing.
    Deleted,
}

/// Compare-and-swap's test. `listed`: the stored list's revision of the draft, if it lists it;
/// `pending_deletion`: it is the deletion that can still be undone; `base`: the revision this tab
/// last read or wrote. A draft the list does not know is new (revision 0: the page shows a new
/// draft that could not be stored yet) or was deleted and purged since.
pub fn check(listed: Option<&Rev>, pending_deletion: bool, base: &Rev) -> Check {
    match listed {
        Some(rev) if rev == base => Check::Free,
        Some(rev) => Check::Changed(rev.clone()),
        None if pending_deletion => Check::Deleted,
        None if base.is_zero() => Check::Free,
        None => Check::Deleted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rev(n: u64, by: &str) -> Rev {
        Rev::new(n, by)
    }

    #[test]
    fn a_save_goes_ahead_only_from_the_stored_revision() {
        let (r0, a1, b1, a2) = (Rev::default(), rev(1, "a"), rev(1, "b"), rev(2, "a"));
        let cases: [(Option<&Rev>, bool, &Rev, Check); 9] = [
            (Some(&r0), false, &r0, Check::Free),                // a draft stored before revisions
            (Some(&a1), false, &a1, Check::Free),                // this tab wrote it last
            (Some(&a2), false, &a1, Check::Changed(a2.clone())), // written since
            (Some(&b1), false, &a1, Check::Changed(b1.clone())), // same count, another writer
            (Some(&a1), false, &r0, Check::Changed(a1.clone())), // first written elsewhere
            (None, true, &a1, Check::Deleted),                   // deleted elsewhere, undo pending
            (None, false, &a1, Check::Deleted),                  // deleted and purged
            (None, false, &r0, Check::Free),                     // a new draft not stored yet
            (None, true, &r0, Check::Deleted),
        ];
        for (listed, pending, base, want) in cases {
            assert_eq!(check(listed, pending, base), want, "{listed:?} {pending} {base:?}");
        }
    }

    #[test]
    fn revisions_count_up_and_name_their_writer() {
        let r = Rev::default();
        assert!(r.is_zero());
        let a = r.next("a");
        assert_eq!(a, rev(1, "a"));
        assert_eq!(a.next("b"), Rev("2-b~1-a".into()), "a write names the revision it was built on");
        assert_eq!((a.next("b").head(), a.next("b").ancestors().collect::<Vec<_>>(), a.ancestors().count()), ("2-b", vec!["1-a"], 0));
        assert_eq!(a.next("b").next("c"), Rev("3-c~2-b~1-a".into()), "the ancestors, newest first");
        assert!(a.next("b").next("c").descends_from(&a) && !a.next("b").descends_from(&a.next("c")));
        let mut long = a.clone();
        for _ in 0..40 {
            long = long.next("d");
        }
        assert_eq!(long.ancestors().count(), ANCESTORS, "the history is bounded");
        assert!(!a.is_zero());
        assert_eq!((a.0.as_str(), rev(12, "b").next("c").count()), ("1-a", 13));
        assert_eq!(Rev("2-b~1-a".into()).count(), 2);
        assert_eq!(Rev("不是修订号".into()).next("a"), rev(1, "a"), "an unreadable one counts as 0");
    }

    #[test]
    fn writer_ids_differ_by_time_and_by_chance() {
        let a = writer_id(1_790_000_000_000.0, 0.25);
        assert_ne!(a, writer_id(1_790_000_000_000.0, 0.5));
        assert_ne!(a, writer_id(1_790_000_000_001.0, 0.25));
        for odd in [writer_id(f64::NAN, f64::NAN), writer_id(-1.0, 2.0), writer_id(0.0, 0.0)] {
            assert!(!odd.is_empty() && odd.chars().all(|c| c.is_ascii_alphanumeric()), "{odd}");
        }
    }
}
