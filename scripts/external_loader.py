#!/usr/bin/env python3
"""Trunk post-build hook: moves the inline module script trunk writes into index.html to its own
file (loader.js), so the Content-Security-Policy in index.html can forbid inline scripts.

Runs on trunk's staging directory (TRUNK_STAGING_DIR) for both `trunk build` and `trunk serve`.
"""
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("external_loader.py: TRUNK_STAGING_DIR is not set (run it as a trunk hook)")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()
pattern = re.compile(r'<script type="module">(.*?)</script>', re.S)
scripts = pattern.findall(html)
if len(scripts) != 1:
    sys.exit(f"external_loader.py: expected one inline module script in index.html, found {len(scripts)}")
with open(os.path.join(staging, "loader.js"), "w", encoding="utf-8") as f:
    f.write(scripts[0].strip() + "\n")
html = pattern.sub('<script type="module" src="./loader.js"></script>', html, count=1)
if "<script>" in html or re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("external_loader.py: an inline script is left in index.html")
open(path, "w", encoding="utf-8").write(html)
