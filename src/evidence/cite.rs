//! Citations of studies for reference managers: RIS (Zotero, Mendeley, EndNote) and BibTeX.
//! Every study becomes one entry; a field a study does not state is left out, never guessed.

use super::Study;
use crate::model::Evaluation;

/// RIS records, one per study, separated by a blank line.
pub fn ris(studies: &[&Study]) -> String {
    let mut out = String::new();
    for s in studies {
        let kind = if s.doi.is_some() { "JOUR" } else { "RPRT" };
        let mut line = |tag: &str, value: &str| {
            let value = one_line(value);
            if !value.is_empty() {
                out.push_str(&format!("{tag}  - {value}\r\n"));
            }
        };
        line("TY", kind);
        line("ID", &s.id);
        line("TI", &s.title);
        for a in &s.authors {
            line("AU", a);
        }
        if let Some(y) = s.year {
            line("PY", &y.to_string());
        }
        if let Some(p) = &s.publisher {
            line(if kind == "JOUR" { "JO" } else { "PB" }, p);
        }
        if let Some(d) = &s.doi {
            line("DO", d);
        }
        if let Some(u) = &s.url {
            line("UR", u);
        }
        line("N1", &design_note(s));
        out.push_str("ER  - \r\n\r\n");
    }
    out
}

/// BibTeX entries, one per study: `@article` with a DOI, `@techreport` otherwise.
pub fn bibtex(studies: &[&Study]) -> String {
    let mut out = String::new();
    for s in studies {
        let kind = if s.doi.is_some() {
            "article"
        } else {
            "techreport"
        };
        out.push_str(&format!("@{kind}{{{},\n", bib_key(&s.id)));
        let mut field = |name: &str, value: &str| {
            let value = one_line(value);
            if !value.is_empty() {
                out.push_str(&format!("  {name} = {{{}}},\n", bib_escape(&value)));
            }
        };
        field("title", &s.title);
        if !s.authors.is_empty() {
            // One-word names are institutions or mononyms: braces keep them whole.
            let joined = s
                .authors
                .iter()
                .map(|a| {
                    let a = bib_escape(&one_line(a));
                    if a.contains(' ') {
                        a
                    } else {
                        format!("{{{a}}}")
                    }
                })
                .collect::<Vec<_>>()
                .join(" and ");
            out.push_str(&format!("  author = {{{joined}}},\n"));
        }
        if let Some(y) = s.year {
            out.push_str(&format!("  year = {{{y}}},\n"));
        }
        if let Some(p) = &s.publisher {
            let name = if kind == "article" {
                "journal"
            } else {
                "institution"
            };
            out.push_str(&format!("  {name} = {{{}}},\n", bib_escape(&one_line(p))));
        }
        if let Some(d) = &s.doi {
            out.push_str(&format!("  doi = {{{}}},\n", bib_escape(&one_line(d))));
        }
        if let Some(u) = &s.url {
            // URLs keep their characters; only braces could break the entry.
            out.push_str(&format!(
                "  url = {{{}}},\n",
                one_line(u).replace(['{', '}'], "")
            ));
        }
        out.push_str(&format!(
            "  note = {{{}}}\n}}\n\n",
            bib_escape(&design_note(s))
        ));
    }
    out
}

fn design_note(s: &Study) -> String {
    let design = match s.design {
        Evaluation::Experimental => "Experimental evaluation",
        Evaluation::QuasiExperimental => "Quasi-experimental evaluation",
        Evaluation::Process => "Process evaluation",
        Evaluation::Monitoring => "Monitoring report",
        Evaluation::None => "Not an evaluation",
    };
    match &s.method {
        Some(m) => format!("{design} ({m}); cited in Mirador as {}", s.id),
        None => format!("{design}; cited in Mirador as {}", s.id),
    }
}

/// Collapses line breaks, which would end an RIS field or a BibTeX value early.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn bib_key(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Escapes the characters that are special inside a braced BibTeX value.
fn bib_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn study() -> Study {
        serde_json::from_str(
            r#"{"id":"di-tella-2013-monitoring","title":"Criminal Recidivism after Prison and Electronic Monitoring",
            "authors":["Rafael Di Tella","Ernesto Schargrodsky","IDB"],"year":2013,"publisher":"Journal of Political Economy",
            "doi":"10.1086/670138","url":"https://example.org/a_b?x=1&y=2","design":"quasi-experimental","method":"instrumental variables",
            "interventions":["arg-x"]}"#,
        )
        .unwrap()
    }

    #[test]
    fn ris_has_one_tag_per_line_and_ends_each_record() {
        let s = study();
        let text = ris(&[&s]);
        assert!(text.starts_with("TY  - JOUR\r\n"), "{text}");
        assert!(text.contains("AU  - Rafael Di Tella\r\nAU  - Ernesto Schargrodsky\r\n"));
        assert!(text.contains(
            "PY  - 2013\r\nJO  - Journal of Political Economy\r\nDO  - 10.1086/670138\r\n"
        ));
        assert!(text.contains("N1  - Quasi-experimental evaluation (instrumental variables)"));
        assert!(text.trim_end().ends_with("ER  -"));
    }

    #[test]
    fn bibtex_escapes_and_keeps_institutions_whole() {
        let mut s = study();
        s.title = "Crime & punishment: 50% {less}\nviolence".into();
        let text = bibtex(&[&s]);
        assert!(
            text.starts_with("@article{di-tella-2013-monitoring,\n"),
            "{text}"
        );
        assert!(
            text.contains(r"title = {Crime \& punishment: 50\% \{less\} violence},"),
            "{text}"
        );
        assert!(
            text.contains("author = {Rafael Di Tella and Ernesto Schargrodsky and {IDB}},"),
            "{text}"
        );
        assert!(
            text.contains("url = {https://example.org/a_b?x=1&y=2}"),
            "{text}"
        );
        let opens = text.matches('{').count() - text.matches("\\{").count();
        let closes = text.matches('}').count() - text.matches("\\}").count();
        assert_eq!(opens, closes, "balanced braces: {text}");
    }

    #[test]
    fn a_report_without_doi_is_a_techreport() {
        let mut s = study();
        s.doi = None;
        s.design = Evaluation::Monitoring;
        assert!(bibtex(&[&s]).starts_with("@techreport{"));
        assert!(ris(&[&s]).starts_with("TY  - RPRT"));
        assert!(ris(&[&s]).contains("PB  - Journal of Political Economy"));
    }
}
