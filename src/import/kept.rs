//! A loaded file kept in the browser so that it survives a reload, until the person goes back to
//! the bundled data: its name, its bytes exactly as read, and the mapping the person confirmed.
//! This module only turns that into one string and back (the page keeps the string in its local
//! storage); a string that cannot be read back is an error, never a half-loaded file.

use super::{Decimal, Field, Mapping};
use serde::{Deserialize, Serialize};

/// What is kept of a loaded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub mapping: Mapping,
}

/// The stored form: bytes as one character each (U+0000–U+00FF), so any file, whatever its
/// encoding, comes back byte for byte; the mapping by field keys.
#[derive(Serialize, Deserialize)]
struct Stored {
    name: String,
    bytes: String,
    columns: Vec<Option<String>>,
    decimal_comma: bool,
}

impl KeptFile {
    /// The string to keep.
    pub fn to_stored(&self) -> String {
        let stored = Stored {
            name: self.name.clone(),
            bytes: self.bytes.iter().map(|b| char::from(*b)).collect(),
            columns: self
                .mapping
                .columns
                .iter()
                .map(|c| c.map(|f| f.key().to_owned()))
                .collect(),
            decimal_comma: self.mapping.decimal == Decimal::Comma,
        };
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// Reads a kept string back.
    pub fn from_stored(text: &str) -> Result<KeptFile, String> {
        let stored: Stored = serde_json::from_str(text)
            .map_err(|e| format!("the kept file cannot be read ({e})"))?;
        let bytes = stored
            .bytes
            .chars()
            .map(|c| u8::try_from(u32::from(c)).map_err(|_| "the kept file is damaged".to_owned()))
            .collect::<Result<Vec<u8>, String>>()?;
        let columns = stored
            .columns
            .iter()
            .map(|c| match c {
                None => Ok(None),
                Some(k) => Field::from_key(k)
                    .map(Some)
                    .ok_or_else(|| format!("the kept mapping names an unknown field `{k}`")),
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(KeptFile {
            name: stored.name,
            bytes,
            mapping: Mapping {
                columns,
                decimal: if stored.decimal_comma {
                    Decimal::Comma
                } else {
                    Decimal::Point
                },
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_file_and_mapping_come_back_unchanged(
            name in ".{0,20}",
            bytes in prop::collection::vec(any::<u8>(), 0..300),
            columns in prop::collection::vec(prop::option::of(prop::sample::select(Field::ALL.to_vec())), 0..8),
            comma in any::<bool>(),
        ) {
            let kept = KeptFile {
                name,
                bytes,
                mapping: Mapping { columns, decimal: if comma { Decimal::Comma } else { Decimal::Point } },
            };
            prop_assert_eq!(KeptFile::from_stored(&kept.to_stored()).unwrap(), kept);
        }
    }

    #[test]
    fn damaged_text_is_an_error_not_a_file() {
        assert!(KeptFile::from_stored("not json").is_err());
        assert!(KeptFile::from_stored(
            r#"{"name":"a","bytes":"€","columns":[],"decimal_comma":false}"#
        )
        .is_err());
        assert!(KeptFile::from_stored(
            r#"{"name":"a","bytes":"x","columns":["nope"],"decimal_comma":false}"#
        )
        .is_err());
    }
}
