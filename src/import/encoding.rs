//! Turning a file's bytes into text: UTF-8 (with or without a byte-order mark), UTF-16 with a
//! byte-order mark (Excel's "Unicode text"), and otherwise Windows-1252.
//!
//! Why a table and not a crate: `encoding_rs` carries every legacy encoding and costs far more
//! WebAssembly than the 32 entries below. Windows-1252 is what spreadsheet programs in Spanish and
//! Portuguese write when they do not write UTF-8, and it is a superset of the printable part of
//! Latin-1 (ISO 8859-1), so Latin-1 files decode correctly too.

/// How the bytes of a file were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 that started with a byte-order mark (removed).
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Not valid UTF-8: read as Windows-1252 (which covers Latin-1).
    Windows1252,
}

impl Encoding {
    /// A short name for reports ("utf-8", "windows-1252", ...).
    pub fn label(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8 (with byte-order mark)",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
        }
    }
}

/// Windows-1252 bytes 0x80..=0x9F. The five bytes the code page leaves undefined map to the C1
/// control of the same number, as browsers (WHATWG) do.
const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// Decodes Windows-1252 bytes (every byte sequence is valid).
pub fn decode_windows_1252(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for &b in bytes {
        out.push(match b {
            0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
            _ => b as char,
        });
    }
    out
}

/// Encodes text as Windows-1252 (for tests and fixtures); characters outside it become `?`.
pub fn encode_windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c as u32 {
            0..=0x7F | 0xA0..=0xFF => c as u8,
            _ => CP1252_HIGH
                .iter()
                .position(|&h| h == c)
                .map_or(b'?', |i| 0x80 + i as u8),
        })
        .collect()
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        if little_endian {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// UTF-16 without a byte-order mark: most high (or low) bytes of the first characters are zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(200) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zero_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    let zero_even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    if zero_odd * 10 >= pairs * 9 && zero_even == 0 {
        Some(true)
    } else if zero_even * 10 >= pairs * 9 && zero_odd == 0 {
        Some(false)
    } else {
        None
    }
}

/// Decodes a file's bytes and says how.
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (
            String::from_utf8_lossy(rest).into_owned(),
            Encoding::Utf8Bom,
        );
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (decode_utf16(rest, true), Encoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (decode_utf16(rest, false), Encoding::Utf16Be);
    }
    if let Some(le) = utf16_without_bom(bytes) {
        return (
            decode_utf16(bytes, le),
            if le {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            },
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_owned(), Encoding::Utf8),
        Err(_) => (decode_windows_1252(bytes), Encoding::Windows1252),
    }
}

/// True when UTF-8 text looks like it was decoded as Windows-1252 once too often ("PaÃ­s").
pub fn looks_double_encoded(text: &str) -> bool {
    // A sample is enough for a warning; the first megabyte at a character boundary.
    let mut end = text.len().min(1 << 20);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut chars = text[..end].chars().peekable();
    let mut hits = 0;
    while let Some(c) = chars.next() {
        if matches!(c, 'Ã' | 'Â')
            && chars
                .peek()
                .is_some_and(|n| ('\u{80}'..='\u{BF}').contains(n) || CP1252_HIGH.contains(n))
        {
            hits += 1;
            if hits >= 2 {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_encoding() {
        assert_eq!(
            decode("País".as_bytes()),
            ("País".to_owned(), Encoding::Utf8)
        );
        assert_eq!(
            decode("\u{feff}País".as_bytes()),
            ("País".to_owned(), Encoding::Utf8Bom)
        );
        assert_eq!(
            decode(b"Pa\xEDs \x80 \x93x\x94"),
            ("País € “x”".to_owned(), Encoding::Windows1252)
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Año;1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), ("Año;1".to_owned(), Encoding::Utf16Le));
        let be: Vec<u8> = "Country,Name\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            decode(&be),
            ("Country,Name\n".to_owned(), Encoding::Utf16Be)
        );
    }

    #[test]
    fn windows_1252_round_trips() {
        let text = "Año de inicio; Haití; São Paulo; “Œuvre” – 5 €";
        assert_eq!(decode_windows_1252(&encode_windows_1252(text)), text);
        for b in 0..=255u8 {
            let s = decode_windows_1252(&[b]);
            assert_eq!(encode_windows_1252(&s), vec![b]);
        }
    }

    #[test]
    fn double_encoding_is_noticed() {
        assert!(looks_double_encoded("Pa\u{c3}\u{ad}s, A\u{c3}\u{b1}o"));
        assert!(!looks_double_encoded("País, Año, São"));
    }
}
