//! The bounds of every input, each checked before the expensive step and refused with a
//! Chinese message naming it (`too_long` and friends below). They sit far above any real
//! report (a 选人用人 report is about 4,000 characters; a long annual summary 20,000) and low
//! enough that the page stays quick at them: a keystroke in a draft at every bound is checked
//! and painted within a frame (figures in the session report of issue #20). The README lists
//! them in Chinese (“数据的上限”).

/// Characters of text pasted into (or opened in) 导入旧报告, counted before its type is
/// recognised: 20 万字, ten long reports.
pub const MAX_IMPORT_CHARS: usize = 200_000;

/// Characters in one text box (a paragraph, a heading, an item's field), typed, pasted,
/// imported or opened from a draft file: 2 万字, a whole long report in one box.
pub const MAX_FIELD_CHARS: usize = 20_000;

/// Characters in a whole draft, all boxes together, also as a draft file: 20 万字.
pub const MAX_DRAFT_CHARS: usize = 200_000;

/// Items in one section (a template's `items.max` may not be higher), also in a draft opened
/// from a file: 200 问题 or 措施.
pub const MAX_ITEMS: usize = 200;

/// Points (`一是……`) in one item (a template's `points.max` may not be higher).
pub const MAX_POINTS: usize = 50;

/// Parts of a template (its steps): 100.
pub const MAX_PARTS: usize = 100;

/// Bytes of one template file (the built-in ones are 9–21 KB): 512 KB.
pub const MAX_TEMPLATE_BYTES: usize = 512 * 1024;

/// Bytes of all templates opened from files and kept in this browser together: 1 MB of the
/// browser's 5 MB, so that a kept template never leaves the drafts without room.
pub const KEPT_TEMPLATES_BYTES: usize = 1024 * 1024;

/// How deep `{` and `[` may nest in a template or an index file (a template needs 6).
pub const MAX_NESTING: usize = 32;

/// Bytes of a draft file (保存草稿文件): 4 MB, a draft at `MAX_DRAFT_CHARS` with room to spare.
pub const MAX_DRAFT_FILE_BYTES: usize = 4 * 1024 * 1024;

/// A count the way the messages write it: `200`, `2 万`, `20 万`.
pub fn count_words(n: usize) -> String {
    if n >= 10_000 && n % 10_000 == 0 {
        format!("{} 万", n / 10_000)
    } else {
        n.to_string()
    }
}

/// A number of characters the way the messages write it: `20 万字`, `500 字`.
pub fn chars_words(n: usize) -> String {
    let count = count_words(n);
    if count.ends_with('万') {
        format!("{count}字")
    } else {
        format!("{count} 字")
    }
}

/// A size in bytes the way the messages write it: `512 KB`, `1 MB`, `5.2 MB`.
pub fn size_words(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    if bytes >= MB {
        let tenths = (bytes * 10 + MB / 2) / MB;
        if tenths % 10 == 0 {
            format!("{} MB", tenths / 10)
        } else {
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// Whether a text has more than `max` characters: one of at most `max` bytes is decided without
/// counting, and the count stops at character `max + 1` (a 50 MB paste costs no more than that).
pub fn more_chars_than(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().nth(max).is_some()
}

/// How deep `{`/`[` nest in a JSON text, outside strings, stopping at the first place deeper
/// than `max`: `Some(line)` (1-based) of that place. A linear pass over the bytes, so a file
/// nested 100,000 deep is refused before the parser recurses into it.
pub fn too_deep(json: &str, max: usize) -> Option<usize> {
    let (mut depth, mut line, mut in_string, mut escaped) = (0usize, 1usize, false, false);
    for b in json.bytes() {
        if b == b'\n' {
            line += 1;
        }
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > max {
                    return Some(line);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_sizes_read_as_the_messages_write_them() {
        assert_eq!(count_words(MAX_IMPORT_CHARS), "20 万");
        assert_eq!(count_words(MAX_FIELD_CHARS), "2 万");
        assert_eq!(count_words(200), "200");
        assert_eq!(chars_words(MAX_FIELD_CHARS), "2 万字");
        assert_eq!(chars_words(500), "500 字");
        assert_eq!(size_words(MAX_TEMPLATE_BYTES), "512 KB");
        assert_eq!(size_words(KEPT_TEMPLATES_BYTES), "1 MB");
        assert_eq!(size_words(5 * 1024 * 1024 + 200 * 1024), "5.2 MB");
        assert_eq!(size_words(100), "1 KB");
    }

    #[test]
    fn more_chars_than_counts_characters_not_bytes() {
        assert!(!more_chars_than("甲乙", 2));
        assert!(more_chars_than("甲乙丙", 2));
        assert!(!more_chars_than("abc", 3));
        assert!(more_chars_than("abcd", 3));
        assert!(!more_chars_than("", 0));
    }

    #[test]
    fn nesting_is_measured_outside_strings() {
        assert_eq!(too_deep(r#"{"a":[{"b":"[[[[[["}]}"#, 3), None);
        assert_eq!(too_deep(r#"{"a":"\"[[[[","b":1}"#, 1), None);
        assert_eq!(too_deep("{\n\"a\":\n[[[1]]]}", 3), Some(3));
        let deep = "[".repeat(100_000);
        assert_eq!(too_deep(&deep, MAX_NESTING), Some(1));
    }
}
