//! Turn the bytes of a file into text before it is parsed.
//!
//! Plan files are written as UTF-8, but a file that went through another
//! tool may come back in another encoding. Accepted, in this order:
//!
//! - UTF-8, with or without a byte-order mark;
//! - UTF-16 little- or big-endian with a byte-order mark;
//! - UTF-16 without a byte-order mark when the first bytes clearly show it
//!   (JSON starts with ASCII, so every other byte is zero: `{\0` or `\0{`);
//! - Windows-1252 when the bytes are not UTF-8 and hold no zero byte
//!   (WHATWG mapping; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are not characters).
//!
//! Anything else holding zero bytes is binary data.

use std::borrow::Cow;

use super::Envelope;
use crate::common::words::thousands;

const UTF8_BOM: &[u8] = &[0xef, 0xbb, 0xbf];

/// The text of a file, or why it is not text.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Envelope> {
    if bytes.starts_with(&[0xff, 0xfe, 0, 0]) || bytes.starts_with(&[0, 0, 0xfe, 0xff]) {
        return Err(encoding("UTF-32", "The file is UTF-32 text, which JSP Planner does not read. Save it as UTF-8 and try again"));
    }
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return match std::str::from_utf8(rest) {
            Ok(text) => no_nul(Cow::Borrowed(text)),
            Err(e) => Err(encoding(
                "UTF-8",
                &format!(
                    "The file is marked as UTF-8 text, but byte {} is not valid UTF-8: it may be damaged",
                    thousands(e.valid_up_to() + UTF8_BOM.len() + 1)
                ),
            )),
        };
    }
    if let Some(rest) = bytes.strip_prefix(&[0xff, 0xfe]) {
        return utf16(rest, false, 2);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        return utf16(rest, true, 2);
    }
    if let Some(big_endian) = looks_like_utf16(bytes) {
        return utf16(bytes, big_endian, 0);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => no_nul(Cow::Borrowed(text)),
        Err(_) if bytes.contains(&0) => Err(Envelope::Binary),
        Err(_) => windows_1252(bytes),
    }
}

fn encoding(name: &'static str, message: &str) -> Envelope {
    Envelope::Encoding { encoding: name, message: message.to_string() }
}

/// Text holding a zero character is not a plan file, whatever its encoding.
fn no_nul(text: Cow<'_, str>) -> Result<Cow<'_, str>, Envelope> {
    if text.contains('\0') {
        Err(Envelope::Binary)
    } else {
        Ok(text)
    }
}

/// `Some(big_endian)` when the first bytes are ASCII characters in UTF-16:
/// each pair has exactly one zero byte, always on the same side.
fn looks_like_utf16(bytes: &[u8]) -> Option<bool> {
    let window = &bytes[..bytes.len().min(64) & !1];
    if window.len() < 2 {
        return None;
    }
    let pairs = window.chunks_exact(2);
    let n = pairs.len();
    let little = pairs.clone().filter(|p| p[0] != 0 && p[1] == 0).count();
    let big = pairs.clone().filter(|p| p[0] == 0 && p[1] != 0).count();
    let both_zero = pairs.filter(|p| p[0] == 0 && p[1] == 0).count();
    if both_zero > 0 {
        return None;
    }
    // Non-ASCII characters are allowed after the start, but most pairs must
    // show the pattern and the first character must be ASCII.
    if window[1] == 0 && window[0] != 0 && window[0] < 0x80 && big == 0 && little * 4 >= n * 3 {
        Some(false)
    } else if window[0] == 0 && window[1] != 0 && window[1] < 0x80 && little == 0 && big * 4 >= n * 3 {
        Some(true)
    } else {
        None
    }
}

fn utf16(bytes: &[u8], big_endian: bool, offset: usize) -> Result<Cow<'static, str>, Envelope> {
    let name = if big_endian { "UTF-16 (big-endian)" } else { "UTF-16 (little-endian)" };
    if !bytes.len().is_multiple_of(2) {
        return Err(encoding(
            if big_endian { "UTF-16BE" } else { "UTF-16LE" },
            &format!("The file is {name} text, but it ends in the middle of a character: it may have been cut off"),
        ));
    }
    let units = bytes.chunks_exact(2).map(|p| if big_endian { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) });
    let mut text = String::with_capacity(bytes.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(encoding(
                    if big_endian { "UTF-16BE" } else { "UTF-16LE" },
                    &format!(
                        "The file is {name} text, but the character at byte {} is broken: the file may be damaged",
                        thousands(offset + 2 * i + 1)
                    ),
                ))
            }
        }
    }
    no_nul(Cow::Owned(text))
}

/// What 0x80–0x9F stand for in Windows-1252 (WHATWG); `None` for the five
/// bytes that are no character.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

fn windows_1252(bytes: &[u8]) -> Result<Cow<'static, str>, Envelope> {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for (i, &b) in bytes.iter().enumerate() {
        let c = match b {
            0x80..=0x9f => CP1252_HIGH[usize::from(b - 0x80)].ok_or_else(|| {
                encoding(
                    "Windows-1252",
                    &format!(
                        "The file is neither UTF-8 nor Windows-1252 text: byte {} (0x{b:02X}) is not a character in either. \
                         Save it as UTF-8 and try again",
                        thousands(i + 1)
                    ),
                )
            })?,
            _ => char::from(b),
        };
        text.push(c);
    }
    Ok(Cow::Owned(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_windows_1252_range_is_mapped() {
        let all: Vec<u8> = (0x20..=0xff).collect();
        let undefined = [0x81, 0x8d, 0x8f, 0x90, 0x9d];
        let defined: Vec<u8> = all.iter().copied().filter(|b| !undefined.contains(b)).collect();
        let text = windows_1252(&defined).unwrap();
        assert_eq!(text.chars().count(), defined.len());
        for b in undefined {
            assert!(windows_1252(&[b'a', b]).is_err());
        }
    }

    #[test]
    fn utf16_is_seen_only_when_clear() {
        assert_eq!(looks_like_utf16(b"{\0\"\0f\0"), Some(false));
        assert_eq!(looks_like_utf16(b"\0{\0\"\0f"), Some(true));
        assert_eq!(looks_like_utf16(b"{\"f\":1}"), None);
        assert_eq!(looks_like_utf16(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
        assert_eq!(looks_like_utf16(b"{"), None);
    }
}
