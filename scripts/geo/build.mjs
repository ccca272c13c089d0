// Builds data/geo/lac.json: the countries and territories of Latin America and the Caribbean from
// Natural Earth's 1:50m admin-0 shapes (public domain), as carried by the npm package world-atlas.
//
// Steps: keep the LAC geometries; simplify shared arcs once (Visvalingam, topojson-simplify) so
// neighbours keep a common border; keep every ring that is an island by itself at least a few
// points; split France's and the Netherlands' Caribbean parts into their ISO codes; drop islets
// of large countries; round coordinates to hundredths of a degree.
//
// Output format (read by src/geo.rs):
//   { "source": …, "licence": …, "scale": 100,
//     "countries": [ { "code": "BRA", "name": "Brazil",
//                      "polygons": [ [ ring, hole, … ], … ] } ] }
// where a ring is a flat array [lon0, lat0, lon1, lat1, …] of integers in degrees × scale, not
// repeating its first point.
//
// Run: cd scripts/geo && npm ci && node build.mjs

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";
import { presimplify } from "topojson-simplify";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "..", "data", "geo", "lac.json");
const atlasPkg = JSON.parse(readFileSync(join(here, "node_modules", "world-atlas", "package.json"), "utf8"));
const world = JSON.parse(readFileSync(join(here, "node_modules", "world-atlas", "countries-50m.json"), "utf8"));

// ISO 3166-1 numeric (world-atlas ids) → alpha-3 and English short name, for the UN M49 region
// "Latin America and the Caribbean", less Bouvet Island and South Georgia (uninhabited, far out
// in the South Atlantic; they would only stretch the map).
const LAC = {
  "028": ["ATG", "Antigua and Barbuda"],
  "032": ["ARG", "Argentina"],
  "044": ["BHS", "Bahamas"],
  "052": ["BRB", "Barbados"],
  "068": ["BOL", "Bolivia"],
  "076": ["BRA", "Brazil"],
  "084": ["BLZ", "Belize"],
  "092": ["VGB", "British Virgin Islands"],
  "136": ["CYM", "Cayman Islands"],
  "152": ["CHL", "Chile"],
  "170": ["COL", "Colombia"],
  "188": ["CRI", "Costa Rica"],
  "192": ["CUB", "Cuba"],
  "212": ["DMA", "Dominica"],
  "214": ["DOM", "Dominican Republic"],
  "218": ["ECU", "Ecuador"],
  "222": ["SLV", "El Salvador"],
  "238": ["FLK", "Falkland Islands"],
  "308": ["GRD", "Grenada"],
  "320": ["GTM", "Guatemala"],
  "328": ["GUY", "Guyana"],
  "332": ["HTI", "Haiti"],
  "340": ["HND", "Honduras"],
  "388": ["JAM", "Jamaica"],
  "484": ["MEX", "Mexico"],
  "500": ["MSR", "Montserrat"],
  "531": ["CUW", "Curaçao"],
  "533": ["ABW", "Aruba"],
  "534": ["SXM", "Sint Maarten"],
  "558": ["NIC", "Nicaragua"],
  "591": ["PAN", "Panama"],
  "600": ["PRY", "Paraguay"],
  "604": ["PER", "Peru"],
  "630": ["PRI", "Puerto Rico"],
  "652": ["BLM", "Saint Barthélemy"],
  "659": ["KNA", "Saint Kitts and Nevis"],
  "660": ["AIA", "Anguilla"],
  "662": ["LCA", "Saint Lucia"],
  "663": ["MAF", "Saint Martin"],
  "670": ["VCT", "Saint Vincent and the Grenadines"],
  "740": ["SUR", "Suriname"],
  "780": ["TTO", "Trinidad and Tobago"],
  "796": ["TCA", "Turks and Caicos Islands"],
  "850": ["VIR", "U.S. Virgin Islands"],
  "858": ["URY", "Uruguay"],
  "862": ["VEN", "Venezuela"],
};

// Natural Earth draws these territories as parts of France and the Netherlands: each part west
// of 30°W is given to the territory whose box holds it.
const PARTS = {
  "250": [
    ["GUF", "French Guiana", [-55, 1.5, -51, 6.5]],
    ["GLP", "Guadeloupe", [-62, 15.7, -60.9, 16.7]],
    ["MTQ", "Martinique", [-61.4, 14.3, -60.7, 15]],
  ],
  "528": [["BES", "Caribbean Netherlands", [-69, 11.5, -62.5, 18]]],
};

const SCALE = 100; // coordinates in hundredths of a degree (about 1 km)
const MIN_WEIGHT = 0.0012; // Visvalingam triangle area, square degrees
const ISLAND_MIN_POINTS = 6; // an island ring keeps at least this many points
const ISLET_AREA = 0.004; // square degrees: smaller rings of a country are dropped…
const ISLET_SHARE = 0.02; // …when also under this share of the country's largest ring

// Keep only what we need, then simplify the arcs once for all geometries.
const wanted = new Set([...Object.keys(LAC), ...Object.keys(PARTS)]);
const geometries = world.objects.countries.geometries.filter((g) => wanted.has(g.id));
const found = new Set(geometries.map((g) => g.id));
for (const id of wanted) if (!found.has(id)) throw new Error(`world-atlas has no geometry ${id}`);
const pre = presimplify({ ...world, objects: { countries: { type: "GeometryCollection", geometries } } });

pre.arcs = pre.arcs.map((arc) => {
  const closed = arc.length > 2 && arc[0][0] === arc[arc.length - 1][0] && arc[0][1] === arc[arc.length - 1][1];
  let min = MIN_WEIGHT;
  if (closed) {
    // Lower the bar for this ring until it keeps enough points (weights rank the points).
    const weights = arc.map((p) => p[2]).sort((a, b) => b - a);
    const k = Math.min(ISLAND_MIN_POINTS + 1, weights.length) - 1;
    min = Math.min(min, weights[k]);
  }
  return arc.filter((p) => p[2] >= min).map((p) => [p[0], p[1]]);
});
delete pre.transform;

const q = (v) => Math.round(v * SCALE);

function ringArea(r) {
  let a = 0;
  for (let i = 0, n = r.length; i < n; i++) {
    const [x0, y0] = r[i];
    const [x1, y1] = r[(i + 1) % n];
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a) / 2 / (SCALE * SCALE);
}

function cleanRing(ring) {
  const pts = [];
  for (const [x, y] of ring) {
    const p = [q(x), q(y)];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  while (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
  return pts.length >= 3 && ringArea(pts) > 0 ? pts : null;
}

const countries = new Map(); // code → { code, name, polygons: [[ring…]…] }
function add(code, name, polygon) {
  if (!countries.has(code)) countries.set(code, { code, name, polygons: [] });
  countries.get(code).polygons.push(polygon);
}

for (const g of geometries) {
  const f = feature(pre, g);
  const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const poly of polys) {
    const rings = poly.map(cleanRing);
    if (!rings[0]) continue;
    const polygon = rings.filter(Boolean);
    if (LAC[g.id]) {
      add(...LAC[g.id], polygon);
    } else {
      const [x, y] = poly[0][0];
      if (x > -30) continue; // the European part
      const part = PARTS[g.id].find(([, , [x0, y0, x1, y1]]) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
      if (!part) throw new Error(`no territory for a part of ${g.id} at ${x},${y}`);
      add(part[0], part[1], polygon);
    }
  }
}

for (const c of countries.values()) {
  const largest = Math.max(...c.polygons.map((p) => ringArea(p[0])));
  c.polygons = c.polygons
    .filter((p) => ringArea(p[0]) === largest || ringArea(p[0]) >= ISLET_AREA || ringArea(p[0]) >= ISLET_SHARE * largest)
    .sort((a, b) => ringArea(b[0]) - ringArea(a[0]));
}

const expected = [...Object.values(LAC), ...Object.values(PARTS).flat()].map(([code]) => code);
for (const code of expected) if (!countries.has(code)) throw new Error(`${code} lost all its shapes`);

const list = [...countries.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
const json =
  "{\n" +
  `"source": "Natural Earth 1:50m admin-0 countries via world-atlas ${atlasPkg.version}, simplified by scripts/geo/build.mjs",\n` +
  `"licence": "Public domain (Natural Earth)",\n` +
  `"scale": ${SCALE},\n` +
  `"countries": [\n` +
  list
    .map((c) => JSON.stringify({ code: c.code, name: c.name, polygons: c.polygons.map((p) => p.map((r) => r.flat())) }))
    .join(",\n") +
  "\n]\n}\n";
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, json);

let points = 0;
for (const c of list) for (const p of c.polygons) for (const r of p) points += r.length;
console.log(`wrote ${out}: ${list.length} countries, ${points} points, ${json.length} bytes`);
