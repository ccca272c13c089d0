//! Text folding for search: lower case, accents removed, so that "medellin" finds "Medellín" and
//! "SAO PAULO" finds "São Paulo".
//!
//! Why not a Unicode normalisation crate: full NFD decomposition tables cost tens of kilobytes of
//! WebAssembly, and the dataset's languages (Spanish, Portuguese, French, English, Dutch and
//! Caribbean creoles) only use letters of Latin-1 and Latin Extended-A. Those are folded by the
//! table below; any other character is lower-cased and kept, so search still works on it exactly.

/// Folds one character to its unaccented lower-case base, appending it to `out`.
fn push_folded(c: char, out: &mut String) {
    let base = match c {
        'À'..='Å' | 'à'..='å' | 'Ā' | 'ā' | 'Ă' | 'ă' | 'Ą' | 'ą' => 'a',
        'Ç' | 'ç' | 'Ć' | 'ć' | 'Ĉ' | 'ĉ' | 'Ċ' | 'ċ' | 'Č' | 'č' => 'c',
        'Ď' | 'ď' | 'Đ' | 'đ' => 'd',
        'È'..='Ë' | 'è'..='ë' | 'Ē' | 'ē' | 'Ĕ' | 'ĕ' | 'Ė' | 'ė' | 'Ę' | 'ę' | 'Ě' | 'ě' => {
            'e'
        }
        'Ĝ' | 'ĝ' | 'Ğ' | 'ğ' | 'Ġ' | 'ġ' | 'Ģ' | 'ģ' => 'g',
        'Ĥ' | 'ĥ' | 'Ħ' | 'ħ' => 'h',
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ' | 'ĩ' | 'Ī' | 'ī' | 'Ĭ' | 'ĭ' | 'Į' | 'į' | 'İ' | 'ı' => {
            'i'
        }
        'Ĵ' | 'ĵ' => 'j',
        'Ķ' | 'ķ' => 'k',
        'Ĺ' | 'ĺ' | 'Ļ' | 'ļ' | 'Ľ' | 'ľ' | 'Ŀ' | 'ŀ' | 'Ł' | 'ł' => 'l',
        'Ñ' | 'ñ' | 'Ń' | 'ń' | 'Ņ' | 'ņ' | 'Ň' | 'ň' => 'n',
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō' | 'ō' | 'Ŏ' | 'ŏ' | 'Ő' | 'ő' => 'o',
        'Ŕ' | 'ŕ' | 'Ŗ' | 'ŗ' | 'Ř' | 'ř' => 'r',
        'Ś' | 'ś' | 'Ŝ' | 'ŝ' | 'Ş' | 'ş' | 'Š' | 'š' => 's',
        'Ţ' | 'ţ' | 'Ť' | 'ť' | 'Ŧ' | 'ŧ' => 't',
        'Ù'..='Ü'
        | 'ù'..='ü'
        | 'Ũ'
        | 'ũ'
        | 'Ū'
        | 'ū'
        | 'Ŭ'
        | 'ŭ'
        | 'Ů'
        | 'ů'
        | 'Ű'
        | 'ű'
        | 'Ų'
        | 'ų' => 'u',
        'Ŵ' | 'ŵ' => 'w',
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => 'y',
        'Ź' | 'ź' | 'Ż' | 'ż' | 'Ž' | 'ž' => 'z',
        'Æ' | 'æ' => return out.push_str("ae"),
        'Œ' | 'œ' => return out.push_str("oe"),
        'ß' => return out.push_str("ss"),
        // Combining diacritical marks (text already in decomposed form): drop them.
        '\u{0300}'..='\u{036f}' => return,
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => return out.extend(c.to_lowercase()),
    };
    out.push(base);
}

/// Lower-cases `s` and strips accents from Latin letters.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// A search query split into folded terms; a text matches when it contains every term.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchTerms(Vec<String>);

impl SearchTerms {
    pub fn new(query: &str) -> SearchTerms {
        SearchTerms(fold(query).split_whitespace().map(str::to_owned).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `folded_text` must already have gone through [`fold`].
    pub fn matches(&self, folded_text: &str) -> bool {
        self.0.iter().all(|t| folded_text.contains(t.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Medellín"), "medellin");
        assert_eq!(fold("SÃO PAULO"), "sao paulo");
        assert_eq!(fold("Año Niño Ç"), "ano nino c");
        assert_eq!(fold("Medelli\u{301}n"), "medellin");
        assert_eq!(fold("Ωmega"), "ωmega");
    }

    #[test]
    fn all_terms_must_match() {
        let t = SearchTerms::new("  medellin   URBANO ");
        assert!(t.matches(&fold("Proyecto Urbano Integral, Medellín")));
        assert!(!t.matches(&fold("Proyecto Urbano, Bogotá")));
        assert!(SearchTerms::new("   ").is_empty());
    }
}
