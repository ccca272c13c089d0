// Trunk post-build step: writes `FILE.gz` and `FILE.br` beside every text and WebAssembly file of
// the build, for static hosts that serve precompressed files (nginx gzip_static / brotli_static,
// Caddy precompressed, Netlify, ...). Hosts that compress on the fly ignore them.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error("precompress.mjs: TRUNK_STAGING_DIR is not set (run it as a trunk hook)");
  process.exit(1);
}
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".wasm", ".svg", ".webmanifest"]);
function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (COMPRESSIBLE.has(path.extname(p))) {
      const body = fs.readFileSync(p);
      fs.writeFileSync(p + ".gz", zlib.gzipSync(body, { level: 9 }));
      fs.writeFileSync(p + ".br", zlib.brotliCompressSync(body, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }));
    }
  }
}
walk(dir);
