#!/usr/bin/env python3
"""Trunk post-build hook: puts a pre-rendered first view into index.html, so that a person on a slow
link sees the first charts as soon as the page itself arrives, before the WebAssembly and the data.

The charts are drawn by the same code as the app, through the `mirador` command line (built for the
host from this checkout, so they always show the bundled data of this build). The app removes the
preview once it has loaded its data and drawn its own charts (`app::preview`). A link with a query
(filters, another language, an embed) must not show the default view even for a moment: the small
`boot.js` in the page head hides the preview for those before anything is painted.

Runs on trunk's staging directory (TRUNK_STAGING_DIR) for both `trunk build` and `trunk serve`.
"""
import html
import os
import re
import subprocess
import sys
import tempfile

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("prerender.py: TRUNK_STAGING_DIR is not set (run it as a trunk hook)")
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The host binary, built in the debug profile: the test run has usually built it already.
subprocess.run(["cargo", "build", "--quiet", "--bin", "mirador"], cwd=root, check=True,
               stdin=subprocess.DEVNULL)
target = os.environ.get("CARGO_TARGET_DIR", os.path.join(root, "target"))
mirador = os.path.join(target, "debug", "mirador")

# The overview's first two charts, at the width of a report column; CSS scales them.
CHARTS = ["country", "focus"]
figures = []
with tempfile.TemporaryDirectory() as tmp:
    for chart in CHARTS:
        out = os.path.join(tmp, f"{chart}.svg")
        subprocess.run([mirador, "render", "--chart", chart, "--bare", "--width", "640",
                        "--out", out], cwd=tmp, check=True, stdin=subprocess.DEVNULL)
        svg = open(out, encoding="utf-8").read()
        title = re.search(r"<text[^>]*>\s*([^<]+?)\s*</text>", svg)
        label = html.escape(title.group(1) if title else chart, quote=True)
        svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
        figures.append(f'<figure class="chart">{svg}</figure>')
    total = subprocess.run([mirador, "query"], cwd=tmp, check=True, capture_output=True,
                           text=True, stdin=subprocess.DEVNULL).stdout.splitlines()
count = next((l for l in total if l.endswith("interventions")), "")

preview = (
    '<div id="preview">'
    '<header class="top"><div><h1>Mirador</h1>'
    '<p class="subtitle">Citizen security interventions in Latin America and the Caribbean</p>'
    '</div></header>'
    '<main class="preview-main">'
    f'<h2 class="total">{html.escape(count)}</h2>'
    '<p class="status loading" role="status">Loading the interactive dashboard…</p>'
    f'<div class="charts">{"".join(figures)}</div>'
    '</main></div>'
)

path = os.path.join(staging, "index.html")
page = open(path, encoding="utf-8").read()
if 'id="preview"' in page:
    sys.exit("prerender.py: index.html already has a preview")
page = page.replace("<body>", "<body>\n" + preview, 1)
open(path, "w", encoding="utf-8").write(page)
