#!/usr/bin/env python3
"""Trunk's one post-build hook: runs the build's finishing steps in order, since several of them
rewrite index.html and trunk may run separate hooks at the same time.

1. external_loader.py  moves trunk's inline loader script to loader.js (strict CSP);
2. compact_data.py     ships the bundled data without indentation;
3. prerender.py        puts the first charts, drawn by the command line, into index.html;
4. service_worker.py  writes sw.js with this build's version and the files it caches offline;
5. precompress.mjs     writes .gz and .br beside every text and WebAssembly file, last.
"""
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
for step in ["external_loader.py", "compact_data.py", "prerender.py", "service_worker.py", "precompress.mjs"]:
    runner = "node" if step.endswith(".mjs") else sys.executable
    subprocess.run([runner, os.path.join(here, step)], check=True, stdin=subprocess.DEVNULL)
