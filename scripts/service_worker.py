#!/usr/bin/env python3
"""Trunk post-build step: writes sw.js (from public/sw.js) with this build's version and the list of
files it caches for offline use: the page, its scripts, styles, WebAssembly, the bundled data and
the map's atlas. The version is a hash of those files' contents, so any change to the app or the
data makes a new service worker that replaces the cache on the next online visit.

Runs on trunk's staging directory (TRUNK_STAGING_DIR) for both `trunk build` and `trunk serve`.
"""
import hashlib
import json
import os
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("service_worker.py: TRUNK_STAGING_DIR is not set (run it as a trunk hook)")
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHED = (".html", ".js", ".css", ".wasm", ".json", ".webmanifest", ".svg")
files = []
for dirpath, _, names in os.walk(staging):
    for name in names:
        rel = os.path.relpath(os.path.join(dirpath, name), staging).replace(os.sep, "/")
        # The whole interventions file is for people who fetch the dataset; the app reads the
        # core and the sources (see compact_data.py), so only those are cached.
        if rel in ("sw.js", "data/interventions.json") or not rel.endswith(CACHED):
            continue
        files.append(rel)
files.sort()
digest = hashlib.sha256()
for rel in files:
    digest.update(rel.encode())
    digest.update(open(os.path.join(staging, rel), "rb").read())
template = open(os.path.join(root, "public", "sw.js"), encoding="utf-8").read()
# "./" is the page itself (index.html), as navigations ask for it.
listed = ["./"] + ["./" + f for f in files]
sw = template.replace("__VERSION__", digest.hexdigest()[:16]).replace("__FILES__", json.dumps(listed))
open(os.path.join(staging, "sw.js"), "w", encoding="utf-8").write(sw)
