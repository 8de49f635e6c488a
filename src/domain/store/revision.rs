//! A stored draft's revision, as CouchDB's `_rev`: how many times it was written and which tab
//! (or copy of the page) wrote it last. A save names the revision it started from and writes
//! only if the stored draft still has it (compare-and-swap, `library_store::save`); so when
//! another tab changed or deleted the draft since, nothing is overwritten.
//!
//! Drafts stored before revisions existed have none: they are revision 0, and load unchanged.
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rev {
    /// Writes so far (0: never written with a revision).
    pub n: u64,
    /// The tab that wrote it (`writer_id`); empty for revision 0.
    #[serde(default)]
    pub by: String,
}

impl Rev {
    pub fn is_zero(&self) -> bool {
        *self == Rev::default()
    }

    /// The revision a write by `writer` on top of this one gets.
    pub fn next(&self, writer: &str) -> Rev {
        Rev { n: self.n + 1, by: writer.to_string() }
    }
}

/// An id for one tab (one page load): the clock and a random number, both from the browser, in
/// base 36. Two tabs opened in the same millisecond still differ by the random part.
pub fn writer_id(now: f64, random: f64) -> String {
    let time = if now.is_finite() && now > 0.0 { now as u64 } else { 0 };
    let salt = if random.is_finite() && random > 0.0 { (random * 2_176_782_336.0) as u64 } else { 0 };
    format!("{}{}", base36(time % 2_176_782_336), base36(salt))
}

fn base36(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
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
        Rev { n, by: by.into() }
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
        assert_eq!(a.next("b"), rev(2, "b"));
        assert!(!a.is_zero());
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
