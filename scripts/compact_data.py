#!/usr/bin/env python3
"""Trunk post-build hook: writes the bundled data files in the staging directory without the
indentation they keep in the repository (for reading and diffs), so the page fetches and parses
less before its first chart. The content is unchanged (same JSON values, same order).

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
