//! Cells that hold several values: vocabulary lists, source links and actors with their type.

use super::{norm, note, Entry, ImportText, Note, Vocab};
use crate::model::ActorType;

/// Splits a cell of vocabulary values: `;`, `,`, `|`, `/` or line breaks.
pub fn split_values(cell: &str) -> impl Iterator<Item = &str> {
    cell.split([';', ',', '|', '/', '\n', '\r'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Splits a cell of links: `|`, whitespace and line breaks always; a `;` or a comma only where
/// the next item starts a new link (URLs may contain both: `geral,y,1`, `Gov%26%238217;t`).
pub fn split_sources(cell: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in cell
        .split(|c: char| c == '|' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let part = part.trim_matches(|c| c == ';' || c == ',');
        if part.is_empty() {
            continue;
        }
        if !part.contains([',', ';']) {
            out.push(part);
            continue;
        }
        let mut rest = part;
        loop {
            let lower = rest.to_ascii_lowercase();
            let cut = lower.match_indices([',', ';']).map(|(i, _)| i).find(|&i| {
                let next = lower[i + 1..].trim_start_matches([',', ';']);
                next.starts_with("http://")
                    || next.starts_with("https://")
                    || next.starts_with("www.")
            });
            match cut {
                Some(i) => {
                    if i > 0 {
                        out.push(&rest[..i]);
                    }
                    rest = &rest[i + 1..];
                }
                None => {
                    let item = rest.trim_end_matches([',', ';']);
                    if !item.is_empty() {
                        out.push(item);
                    }
                    break;
                }
            }
        }
    }
    out
}

/// The type named in a trailing parenthesis of an actor: `Name (multilateral)`.
fn actor_suffix(item: &str) -> Option<(&str, ActorType)> {
    let t = item.trim_end();
    let inner_start = t
        .strip_suffix(')')
        .and_then(|body| body.rfind('(').map(|i| (i, body)))?;
    let (open, body) = inner_start;
    let inner = &body[open + 1..];
    if let Some(k) = ActorType::from_key(inner) {
        return Some((t[..open].trim_end(), k));
    }
    if inner.len() > 60 {
        return None;
    }
    match ActorType::lookup().get(&norm(inner)) {
        Some(Entry::Key(k) | Entry::Label(k)) => Some((t[..open].trim_end(), *k)),
        _ => None,
    }
}

/// Splits a cell of actors. `;`, `|` and line breaks separate actors; a comma does only right
/// after a type in parentheses (`BID (multilateral), USAID (bilateral)`), because organisation
/// names contain commas ("Ministry of Human Development, Social Transformation ...").
pub fn split_actors(cell: &str) -> Vec<&str> {
    // `;`, `|` and line breaks separate actors, except inside parentheses: "Policía Nacional
    // (Área de Prevención; Policía de Infancia)" is one.
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, c) in cell.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ';' | '|' | '\n' | '\r' if depth == 0 => {
                parts.push(&cell[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&cell[start..]);
    let mut out = Vec::new();
    for part in parts.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
        let mut start = 0;
        for (i, _) in part.match_indices(',') {
            let piece = &part[start..i];
            if piece.trim_end().ends_with(')') && actor_suffix(piece).is_some() {
                out.push(piece.trim());
                start = i + 1;
            }
        }
        let last = part[start..].trim();
        if !last.is_empty() {
            out.push(last);
        }
    }
    out
}

/// Reads one actor: `Name`, or `Name (type)` with the type's key or label.
pub fn parse_actor(item: &str) -> Result<(String, Option<ActorType>, Option<Note>), ImportText> {
    let item = item.trim();
    match actor_suffix(item) {
        Some(("", _)) => Err(ImportText::ActorWithoutName(item.to_owned())),
        Some((name, kind)) => {
            let written = &item[name.len()..].trim_start();
            let inner = written.trim_start_matches('(').trim_end_matches(')');
            let n = if inner == kind.key() {
                None
            } else {
                note(
                    "label",
                    ImportText::ReadAs(inner.to_owned(), kind.key().to_owned()),
                )
            };
            Ok((name.to_owned(), Some(kind), n))
        }
        None => Ok((item.to_owned(), None, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_sources_and_actors() {
        assert_eq!(
            split_values("urban; community").collect::<Vec<_>>(),
            ["urban", "community"]
        );
        assert_eq!(
            split_values("Policía, Justicia\nJuventud").collect::<Vec<_>>(),
            ["Policía", "Justicia", "Juventud"]
        );
        assert_eq!(
            split_sources("https://a.org/x; https://b.org/noticias/geral,y,1 https://c.org, https://d.org\nhttps://e.org"),
            ["https://a.org/x", "https://b.org/noticias/geral,y,1", "https://c.org", "https://d.org", "https://e.org"]
        );
        // A semicolon inside a link (an escaped entity) stays; one between links splits.
        assert_eq!(
            split_sources("https://a.org/Gov%26%238217;t_x;https://b.org/y;www.c.org;"),
            [
                "https://a.org/Gov%26%238217;t_x",
                "https://b.org/y",
                "www.c.org"
            ]
        );
        assert_eq!(
            split_actors("BID (multilateral); Ministry of Human Development, Social Transformation (national-government)"),
            ["BID (multilateral)", "Ministry of Human Development, Social Transformation (national-government)"]
        );
        assert_eq!(
            split_actors("Policía Nacional (Área de Prevención; Policía de Infancia) (national-government); BID"),
            ["Policía Nacional (Área de Prevención; Policía de Infancia) (national-government)", "BID"]
        );
        assert_eq!(
            split_actors("BID (multilateral), USAID (bilateral), Alcaldía"),
            ["BID (multilateral)", "USAID (bilateral)", "Alcaldía"]
        );
        assert_eq!(
            split_actors("Norway, Sweden and the EU (international cooperation)"),
            ["Norway, Sweden and the EU (international cooperation)"]
        );
        assert_eq!(
            parse_actor("World Bank (IBRD) (multilateral)"),
            Ok((
                "World Bank (IBRD)".into(),
                Some(ActorType::Multilateral),
                None
            ))
        );
        assert_eq!(
            parse_actor("FICOSEC (Fideicomiso)"),
            Ok(("FICOSEC (Fideicomiso)".into(), None, None))
        );
        let (n, k, note) = parse_actor("BID (Organismo multilateral)").unwrap();
        assert_eq!((n.as_str(), k), ("BID", Some(ActorType::Multilateral)));
        assert!(note.is_some());
        assert!(parse_actor("(multilateral)").is_err());
    }
}
