//! Country cells as people write them: ISO 3166-1 alpha-3 codes, alpha-2 codes of the region and
//! of frequent partners, and names in English, Spanish and Portuguese ("Perú", "Brasil",
//! "Trinidad y Tobago", "St. Kitts & Nevis", "Bolivia (Plurinational State of)").

use crate::country::{is_iso_alpha3, COUNTRIES};
use crate::i18n::import::ImportText;
use crate::text::fold;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Latin America and the Caribbean (and a few partners that appear as funders' or events'
/// countries): alpha-3, alpha-2, and names other than the English short name of `COUNTRIES`.
const NAMES: &[(&str, &str, &[&str])] = &[
    ("ARG", "AR", &["Argentina", "República Argentina"]),
    (
        "BOL",
        "BO",
        &[
            "Bolivia",
            "Bolivia (Plurinational State of)",
            "Estado Plurinacional de Bolivia",
            "Bolívia",
        ],
    ),
    (
        "BRA",
        "BR",
        &["Brasil", "Brazil", "República Federativa do Brasil"],
    ),
    ("CHL", "CL", &["Chile"]),
    ("COL", "CO", &["Colombia", "Colômbia"]),
    ("CRI", "CR", &["Costa Rica"]),
    ("CUB", "CU", &["Cuba"]),
    (
        "DOM",
        "DO",
        &[
            "República Dominicana",
            "Rep. Dominicana",
            "Dominican Rep.",
            "Dominican Republic",
        ],
    ),
    ("ECU", "EC", &["Ecuador", "Equador"]),
    ("SLV", "SV", &["El Salvador", "Salvador"]),
    ("GTM", "GT", &["Guatemala"]),
    ("HTI", "HT", &["Haití", "Haiti", "Haïti"]),
    ("HND", "HN", &["Honduras"]),
    (
        "MEX",
        "MX",
        &["México", "Méjico", "Estados Unidos Mexicanos"],
    ),
    ("NIC", "NI", &["Nicaragua", "Nicarágua"]),
    ("PAN", "PA", &["Panamá"]),
    ("PRY", "PY", &["Paraguay", "Paraguai"]),
    ("PER", "PE", &["Perú", "Peru"]),
    ("URY", "UY", &["Uruguay", "Uruguai"]),
    (
        "VEN",
        "VE",
        &[
            "Venezuela",
            "Venezuela (Bolivarian Republic of)",
            "República Bolivariana de Venezuela",
        ],
    ),
    (
        "ATG",
        "AG",
        &[
            "Antigua y Barbuda",
            "Antígua e Barbuda",
            "Antigua & Barbuda",
        ],
    ),
    (
        "BHS",
        "BS",
        &[
            "The Bahamas",
            "Las Bahamas",
            "Bahamas",
            "Commonwealth of The Bahamas",
        ],
    ),
    ("BRB", "BB", &["Barbados"]),
    ("BLZ", "BZ", &["Belice", "Belize"]),
    ("DMA", "DM", &["Dominica"]),
    ("GRD", "GD", &["Granada", "Grenada"]),
    ("GUY", "GY", &["Guyana", "Guiana"]),
    ("JAM", "JM", &["Jamaica"]),
    (
        "KNA",
        "KN",
        &[
            "St. Kitts and Nevis",
            "St Kitts",
            "San Cristóbal y Nieves",
            "São Cristóvão e Névis",
            "São Cristóvão e Nevis",
        ],
    ),
    ("LCA", "LC", &["St. Lucia", "Santa Lucía", "Santa Lúcia"]),
    (
        "VCT",
        "VC",
        &[
            "St. Vincent and the Grenadines",
            "St Vincent",
            "San Vicente y las Granadinas",
            "São Vicente e Granadinas",
        ],
    ),
    ("SUR", "SR", &["Surinam", "Suriname", "Surinã"]),
    (
        "TTO",
        "TT",
        &[
            "Trinidad y Tobago",
            "Trinidad e Tobago",
            "Trinidad & Tobago",
            "Trinidad",
        ],
    ),
    ("PRI", "PR", &["Porto Rico", "Puerto Rico"]),
    ("ABW", "AW", &["Aruba"]),
    ("CUW", "CW", &["Curazao", "Curaçao"]),
    ("SXM", "SX", &["Sint Maarten", "San Martín (Países Bajos)"]),
    ("MAF", "MF", &["Saint Martin", "San Martín (Francia)"]),
    ("BLM", "BL", &["San Bartolomé", "São Bartolomeu"]),
    (
        "BES",
        "BQ",
        &[
            "Bonaire",
            "Bonaire, Sint Eustatius and Saba",
            "Caribe Neerlandés",
        ],
    ),
    ("AIA", "AI", &["Anguila", "Anguilla"]),
    ("MSR", "MS", &["Montserrat"]),
    (
        "VGB",
        "VG",
        &[
            "Islas Vírgenes Británicas",
            "Ilhas Virgens Britânicas",
            "Virgin Islands (British)",
        ],
    ),
    (
        "VIR",
        "VI",
        &[
            "Islas Vírgenes de los Estados Unidos",
            "Ilhas Virgens Americanas",
            "United States Virgin Islands",
            "Virgin Islands (U.S.)",
        ],
    ),
    (
        "CYM",
        "KY",
        &["Islas Caimán", "Ilhas Cayman", "Ilhas Caimã"],
    ),
    (
        "TCA",
        "TC",
        &["Islas Turcas y Caicos", "Ilhas Turcas e Caicos"],
    ),
    ("GUF", "GF", &["Guayana Francesa", "Guiana Francesa"]),
    ("GLP", "GP", &["Guadalupe"]),
    ("MTQ", "MQ", &["Martinica"]),
    (
        "FLK",
        "FK",
        &[
            "Islas Malvinas",
            "Ilhas Malvinas",
            "Falkland Islands (Malvinas)",
        ],
    ),
    ("BMU", "BM", &["Bermudas"]),
    // Frequent partners (funders, events outside the region).
    (
        "USA",
        "US",
        &[
            "Estados Unidos",
            "EE.UU.",
            "EEUU",
            "EUA",
            "E.U.A.",
            "USA",
            "United States of America",
            "U.S.A.",
        ],
    ),
    ("CAN", "CA", &["Canadá"]),
    ("ESP", "ES", &["España", "Espanha"]),
    ("PRT", "PT", &["Portugal"]),
    ("GBR", "GB", &["Reino Unido", "UK", "Great Britain"]),
    ("FRA", "FR", &["Francia", "França"]),
    (
        "NLD",
        "NL",
        &[
            "Países Bajos",
            "Países Baixos",
            "Holanda",
            "Holland",
            "The Netherlands",
        ],
    ),
    ("DEU", "DE", &["Alemania", "Alemanha"]),
    ("ITA", "IT", &["Italia", "Itália"]),
    ("JPN", "JP", &["Japón", "Japão"]),
    (
        "KOR",
        "KR",
        &["Corea del Sur", "Coreia do Sul", "Republic of Korea"],
    ),
    ("TWN", "TW", &["Taiwán", "Taiwan (Republic of China)"]),
    ("ZAF", "ZA", &["Sudáfrica", "África do Sul"]),
];

/// Names that say "several countries": the schema wants the main site's country instead.
const MULTI_COUNTRY: &[&str] = &[
    "lac",
    "latin america",
    "latin america and the caribbean",
    "america latina",
    "america latina y el caribe",
    "america latina e caribe",
    "america latina e o caribe",
    "caribbean",
    "caribe",
    "el caribe",
    "central america",
    "centroamerica",
    "america central",
    "regional",
    "multiple",
    "varios",
    "varios paises",
    "multiplos",
    "varios paises de la region",
    "south america",
    "sudamerica",
    "suramerica",
    "america do sul",
    "andean region",
    "region andina",
    "oecs",
    "caricom",
];

/// Folds a name for matching: no accents or case, punctuation and filler words dropped,
/// "St." read as "saint".
pub fn name_key(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = match word {
            "st" | "sto" | "sao" | "san" | "santa" | "saint" | "ste" => "saint",
            "the" | "and" | "y" | "e" | "of" | "de" | "del" | "la" | "las" | "los" | "el"
            | "da" | "do" | "das" | "dos" | "rep" | "republic" | "republica" => continue,
            w => w,
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn names() -> &'static HashMap<String, &'static str> {
    static MAP: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for (code, name) in COUNTRIES {
            map.insert(name_key(name), *code);
        }
        // The region's own spellings win over any English short name that folds the same way.
        for (code, _, names) in NAMES {
            for name in *names {
                map.insert(name_key(name), *code);
            }
        }
        map
    })
}

/// How a country cell was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountryMatch {
    /// An ISO 3166-1 alpha-3 code (any case).
    Code(&'static str),
    /// An alpha-2 code of the region (or of a frequent partner).
    Alpha2(&'static str),
    /// A name in English, Spanish or Portuguese.
    Name(&'static str),
}

impl CountryMatch {
    pub fn code(&self) -> &'static str {
        match self {
            CountryMatch::Code(c) | CountryMatch::Alpha2(c) | CountryMatch::Name(c) => c,
        }
    }
}

fn static_code(code: &str) -> Option<&'static str> {
    COUNTRIES
        .binary_search_by(|(c, _)| (*c).cmp(code))
        .ok()
        .map(|i| COUNTRIES[i].0)
}

fn is_code(s: &str) -> bool {
    s.len() == 3 && is_iso_alpha3(&s.to_ascii_uppercase())
}

/// Reads a country cell, or says why it cannot be read.
pub fn match_country(raw: &str) -> Result<CountryMatch, ImportText> {
    let s = raw.trim();
    if s.len() == 3 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        let upper = s.to_ascii_uppercase();
        if let Some(code) = static_code(&upper).filter(|c| is_iso_alpha3(c)) {
            return Ok(CountryMatch::Code(code));
        }
    }
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        let upper = s.to_ascii_uppercase();
        if let Some((code, _, _)) = NAMES.iter().find(|(_, a2, _)| *a2 == upper) {
            return Ok(CountryMatch::Alpha2(code));
        }
    }
    let key = name_key(s);
    if let Some(code) = names().get(&key) {
        return Ok(CountryMatch::Name(code));
    }
    // "Peru; Bolivia", "Perú y Bolivia": a record has one country.
    let folded = fold(s);
    let parts: Vec<&str> = folded
        .split([',', ';', '/', '&', '+'])
        .flat_map(|p| {
            p.split(" y ")
                .flat_map(|q| q.split(" e "))
                .flat_map(|q| q.split(" and "))
        })
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() >= 2
        && parts
            .iter()
            .filter(|p| names().contains_key(&name_key(p)) || is_code(p))
            .count()
            >= 2
    {
        return Err(ImportText::SeveralCountries(s.to_owned()));
    }
    if MULTI_COUNTRY.contains(&folded.trim()) {
        return Err(ImportText::SeveralCountries(s.to_owned()));
    }
    // "Venezuela, Bolivarian Republic of", "Bolivia (Estado Plurinacional de)".
    let short = s.split([',', '(']).next().unwrap_or(s);
    if short.len() < s.len() {
        if let Some(code) = names().get(&name_key(short)) {
            return Ok(CountryMatch::Name(code));
        }
    }
    Err(ImportText::NotACountry(s.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lac_name_and_code_is_found() {
        for (code, a2, names) in NAMES {
            assert!(is_iso_alpha3(code), "{code}");
            assert_eq!(match_country(code).map(|m| m.code()), Ok(*code));
            assert_eq!(
                match_country(&code.to_lowercase()).map(|m| m.code()),
                Ok(*code)
            );
            assert_eq!(match_country(a2), Ok(CountryMatch::Alpha2(code)), "{a2}");
            for n in *names {
                assert_eq!(match_country(n).map(|m| m.code()), Ok(*code), "{n}");
                assert_eq!(
                    match_country(&n.to_uppercase()).map(|m| m.code()),
                    Ok(*code),
                    "{n}"
                );
            }
        }
        // English short names of every ISO country.
        for (code, name) in COUNTRIES {
            assert_eq!(match_country(name).map(|m| m.code()), Ok(*code), "{name}");
        }
    }

    #[test]
    fn spellings() {
        for (s, code) in [
            ("Perú", "PER"),
            ("peru", "PER"),
            ("PER", "PER"),
            ("Brasil", "BRA"),
            ("México", "MEX"),
            ("Mexico", "MEX"),
            ("República Dominicana", "DOM"),
            ("Trinidad y Tobago", "TTO"),
            ("Haití", "HTI"),
            ("St. Kitts & Nevis", "KNA"),
            ("Saint Vincent & the Grenadines", "VCT"),
            ("Venezuela, Bolivarian Republic of", "VEN"),
            ("  Colômbia ", "COL"),
            ("Bolivia (Estado Plurinacional de)", "BOL"),
            ("São Vicente e Granadinas", "VCT"),
            ("Panama", "PAN"),
        ] {
            assert_eq!(match_country(s).map(|m| m.code()), Ok(code), "{s}");
        }
        assert_eq!(match_country("PER"), Ok(CountryMatch::Code("PER")));
        assert_eq!(match_country("Perú"), Ok(CountryMatch::Name("PER")));
        assert!(match_country("Dominica").is_ok_and(|m| m.code() == "DMA"));
    }

    #[test]
    fn clear_refusals() {
        assert!(match_country("Atlantis")
            .unwrap_err()
            .to_string()
            .contains("not a country code"));
        assert!(match_country("LAC")
            .unwrap_err()
            .to_string()
            .contains("several countries"));
        assert!(match_country("América Latina y el Caribe")
            .unwrap_err()
            .to_string()
            .contains("several countries"));
        assert!(match_country("Brasil; Perú")
            .unwrap_err()
            .to_string()
            .contains("one country"));
        assert!(match_country("Peru, Bolivia")
            .unwrap_err()
            .to_string()
            .contains("one country"));
        assert!(match_country("Perú y Bolivia")
            .unwrap_err()
            .to_string()
            .contains("one country"));
        assert!(match_country("BRA/ARG")
            .unwrap_err()
            .to_string()
            .contains("one country"));
        assert!(match_country("XX").is_err());
        assert!(match_country("").is_err());
    }
}
