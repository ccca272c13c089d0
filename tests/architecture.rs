//! Keeps ARCHITECTURE.md true: each module refers only to the modules its row allows, and the
//! core never names a browser crate.

use std::collections::{HashMap, HashSet};
use std::path::Path;

fn allowed() -> HashMap<String, HashSet<String>> {
    let doc = std::fs::read_to_string("ARCHITECTURE.md").unwrap();
    let mut map = HashMap::new();
    for line in doc.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let module = cells[1].trim_matches('`').to_owned();
        let uses: HashSet<String> = if cells[3] == "everything above" {
            HashSet::from(["*".to_owned()])
        } else {
            cells[3]
                .split(',')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        };
        map.insert(module, uses);
    }
    map
}

fn sources(module: &str) -> Vec<String> {
    let file = format!("src/{module}.rs");
    if Path::new(&file).exists() {
        return vec![std::fs::read_to_string(file).unwrap()];
    }
    let dir = format!("src/{module}");
    if !Path::new(&dir).is_dir() {
        panic!("ARCHITECTURE.md names `{module}` but src/{module}(.rs) does not exist");
    }
    let mut out = Vec::new();
    read_tree(Path::new(&dir), &mut out);
    out
}

/// Every `.rs` file under `dir`, its folders included (a module's own submodules).
fn read_tree(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            read_tree(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(std::fs::read_to_string(path).unwrap());
        }
    }
}

#[test]
fn modules_use_only_what_architecture_md_allows() {
    let table = allowed();
    let lib = std::fs::read_to_string("src/lib.rs").unwrap();
    for line in lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
    {
        let m = line.trim_end_matches(';');
        assert!(
            table.contains_key(m),
            "module `{m}` is missing from ARCHITECTURE.md"
        );
    }
    for (module, uses) in &table {
        let is_app = uses.contains("*");
        for text in sources(module) {
            for (i, _) in text.match_indices("crate::") {
                let name: String = text[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                assert!(
                    is_app || uses.contains(&name) || name == *module,
                    "`{module}` uses `crate::{name}`, which ARCHITECTURE.md does not allow"
                );
            }
            if !is_app {
                for browser in [
                    "leptos",
                    "web_sys",
                    "wasm_bindgen",
                    "gloo",
                    "plotters_canvas",
                ] {
                    assert!(
                        !text.contains(&format!("{browser}::")),
                        "core module `{module}` names `{browser}`"
                    );
                }
            }
        }
    }
}
