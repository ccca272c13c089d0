#!/usr/bin/env python3
"""Trunk post-build hook: writes the bundled data files in the staging directory without the
indentation they keep in the repository (for reading and diffs), so the page fetches and parses
less before its first chart. The content is unchanged (same JSON values, same order).

The interventions are also split in three for the app: `interventions.core.json` (every field but
the sources and the description: what the dashboard needs to start), `descriptions.json` (each
record's description by id, fetched once the first charts are drawn; the search takes them in) and
`sources.json` (each record's sources by id, fetched when a record's panel or an export first needs
them). Both are read by `parse::parse_by_record`.

The list of changes, `data/CHANGELOG.md`, is shipped as `CHANGELOG.txt`: a link made with an older
release of the data points there, and every host serves `.txt` as text a browser shows (a `.md`
file is often served as a download).

Runs on trunk's staging directory (TRUNK_STAGING_DIR) for both `trunk build` and `trunk serve`.
"""
import json
import os
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("compact_data.py: TRUNK_STAGING_DIR is not set (run it as a trunk hook)")
for name in ("interventions.json", "studies.json", "events.json"):
    path = os.path.join(staging, "data", name)
    if not os.path.exists(path):
        continue
    with open(path, encoding="utf-8") as f:
        value = json.load(f)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, separators=(",", ":"))
    if name == "interventions.json":
        # What the first view needs, without the records' sources (half the file) and their
        # descriptions (half the rest). interventions.json itself stays whole, for anyone who
        # fetches the dataset.
        core = [{k: v for k, v in r.items() if k not in ("sources", "description")} for r in value]
        descriptions = {r["id"]: r["description"] for r in value if r.get("description")}
        sources = {r["id"]: r.get("sources", []) for r in value}
        outputs = (
            ("interventions.core.json", core),
            ("descriptions.json", descriptions),
            ("sources.json", sources),
        )
        for out, data in outputs:
            with open(os.path.join(staging, "data", out), "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
changelog = os.path.join(staging, "data", "CHANGELOG.md")
if os.path.exists(changelog):
    os.replace(changelog, os.path.join(staging, "data", "CHANGELOG.txt"))
