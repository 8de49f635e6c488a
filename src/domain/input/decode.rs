//! Which encoding a text file is in, for the parts that need no code tables: a byte-order mark,
//! UTF-16 (Notepad's "Unicode"), UTF-8 — also UTF-8 with a few damaged bytes, such as a lone
//! surrogate written by a broken tool. Everything else is left to the caller to read as
//! GB18030 (the browser's `TextDecoder`, or `encoding_rs` natively), so no tables enter the
//! wasm bundle.
//!
//! Damaged bytes become `�` (U+FFFD), which the `char-garbled` check then points at: the
//! clerk sees where the file was broken instead of losing the whole file or getting mojibake.

/// What the bytes turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    /// Unicode text; `damaged` characters could not be read and are `�` in `text`.
    Text { text: String, damaged: usize },
    /// Not Unicode: read it as GB18030.
    Legacy,
    /// NUL bytes in a file without a UTF-16 mark: a binary file (a .docx, an image…).
    Binary,
}

/// UTF-8 with this many readable non-ASCII characters per damaged spot or more is taken as
/// damaged UTF-8; below it the bytes are more likely GB18030, where valid UTF-8 sequences occur
/// only by accident.
const GOOD_PER_DAMAGED: usize = 8;

pub fn decode_unicode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    if bytes.contains(&0) {
        return Decoded::Binary;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (mut good, mut damaged) = (0, 0);
    let mut text = String::with_capacity(bytes.len());
    // Bytes that cannot be read and stand together (a surrogate written as UTF-8 is three
    // such bytes) are one damaged spot, shown as one `�`.
    let mut in_damage = false;
    for chunk in bytes.utf8_chunks() {
        if !chunk.valid().is_empty() {
            in_damage = false;
        }
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() && !in_damage {
            damaged += 1;
            text.push('\u{FFFD}');
            in_damage = true;
        }
    }
    if damaged == 0 || good >= GOOD_PER_DAMAGED * damaged {
        Decoded::Text { text, damaged }
    } else {
        Decoded::Legacy
    }
}

/// A file this program wrote (a draft file: JSON, always UTF-8): never taken for GB18030,
/// whatever share of it is damaged; damaged bytes are `�` as in `decode_unicode`, counted.
/// A UTF-16 file (re-saved by Notepad) is read as such.
pub fn decode_utf8_file(bytes: &[u8]) -> (String, usize) {
    match decode_unicode(bytes) {
        Decoded::Text { text, damaged } => (text, damaged),
        Decoded::Legacy | Decoded::Binary => {
            let mut damaged = 0;
            let mut text = String::with_capacity(bytes.len());
            let mut in_damage = false;
            for chunk in bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).utf8_chunks() {
                if !chunk.valid().is_empty() {
                    in_damage = false;
                }
                text.push_str(chunk.valid());
                if !chunk.invalid().is_empty() && !in_damage {
                    damaged += 1;
                    text.push('\u{FFFD}');
                    in_damage = true;
                }
            }
            (text, damaged)
        }
    }
}

/// What the page says after opening a file with damaged bytes (an imported report or a draft
/// file alike); `None` for an undamaged one.
pub fn damage_notice(damaged: usize) -> Option<String> {
    (damaged > 0).then(|| format!("文件里有 {damaged} 处损坏的字节读不出来，已显示为“�”并标出，请对照原件改正。"))
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Decoded {
    let pairs = bytes.chunks_exact(2);
    let odd_byte = usize::from(!pairs.remainder().is_empty());
    let mut damaged = odd_byte;
    let mut text: String = char::decode_utf16(pairs.map(|p| unit([p[0], p[1]])))
        .map(|r| {
            r.unwrap_or_else(|_| {
                damaged += 1;
                '\u{FFFD}'
            })
        })
        .collect();
    if odd_byte == 1 {
        text.push('\u{FFFD}');
    }
    Decoded::Text { text, damaged }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str, damaged: usize) -> Decoded {
        Decoded::Text { text: t.to_string(), damaged }
    }

    #[test]
    fn utf8_with_and_without_a_mark() {
        assert_eq!(decode_unicode("市委巡察组：".as_bytes()), text("市委巡察组：", 0));
        assert_eq!(decode_unicode("\u{FEFF}市委巡察组：".as_bytes()), text("市委巡察组：", 0));
        assert_eq!(decode_unicode(b""), text("", 0));
    }

    #[test]
    fn a_lone_surrogate_in_utf8_is_one_garbled_character_and_the_rest_is_kept() {
        // ED A0 80 is U+D800 written as if it were a character (CESU-8 / WTF-8).
        let mut bytes = "今年以来，我县选派干部到乡镇任职。".as_bytes().to_vec();
        bytes.splice(6..6, [0xED, 0xA0, 0x80]);
        let Decoded::Text { text, damaged } = decode_unicode(&bytes) else { panic!("read as text") };
        assert_eq!(damaged, 1);
        assert_eq!(text, "今年�以来，我县选派干部到乡镇任职。");
    }

    #[test]
    fn utf16_with_a_mark_and_lone_surrogates() {
        let mut le = vec![0xFF, 0xFE];
        for u in "报告".encode_utf16().chain([0xDC00]).chain("完".encode_utf16()) {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode_unicode(&le), text("报告�完", 1));
        let mut be = vec![0xFE, 0xFF];
        for u in "一、总体情况".encode_utf16() {
            be.extend(u.to_be_bytes());
        }
        be.push(0x41);
        assert_eq!(decode_unicode(&be), text("一、总体情况�", 1));
    }

    #[test]
    fn gb18030_is_left_to_the_caller_and_binary_files_are_refused() {
        // 市委巡察组 in GB18030.
        let gb = [0xCA, 0xD0, 0xCE, 0xAF, 0xD1, 0xB2, 0xB2, 0xEC, 0xD7, 0xE9];
        assert_eq!(decode_unicode(&gb), Decoded::Legacy);
        assert_eq!(decode_unicode(b"PK\x03\x04\x14\x00\x06\x00"), Decoded::Binary);
    }

    #[test]
    fn a_draft_file_is_read_as_utf8_however_damaged() {
        // Mostly ASCII JSON with two damaged spots and little Chinese: `decode_unicode` would
        // take it for GB18030; a draft file is never that.
        let mut bytes = br#"{"version":5,"draft":{"fields":{"a":{"mode":"free","text":"X"}}}}"#.to_vec();
        let at = bytes.iter().position(|&b| b == b'X').unwrap();
        bytes.splice(at..at + 1, [0xE4, 0xB8, 0xAD, 0xFF, 0xFE, b'!', 0xC0]);
        assert_eq!(decode_unicode(&bytes), Decoded::Legacy);
        let (text, damaged) = decode_utf8_file(&bytes);
        assert_eq!(damaged, 2);
        assert!(text.contains("中�!�"), "{text}");
        assert_eq!(damage_notice(damaged).as_deref(), Some("文件里有 2 处损坏的字节读不出来，已显示为“�”并标出，请对照原件改正。"));
        assert_eq!(damage_notice(0), None);
    }
}
