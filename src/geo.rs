//! Country shapes for the map: loading `data/geo/lac.json` (made by `scripts/geo/build.mjs` from
//! Natural Earth), an equirectangular projection fitted to a pixel box, point-in-polygon hit
//! testing, diagonal hatching, and markers for countries too small to see or click.
//!
//! Everything here is plain geometry: no drawing, no data values. Longitudes and latitudes are in
//! degrees; projected coordinates are logical pixels with y growing downwards.

use serde::Deserialize;
use std::collections::HashSet;

/// A closed ring of points, not repeating its first point: (lon, lat) in degrees, or (x, y) in
/// pixels once projected.
pub type Ring = Vec<(f64, f64)>;

/// An outer ring followed by its holes.
pub type Polygon = Vec<Ring>;

/// An axis-aligned box; `x0 <= x1` and `y0 <= y1` (in degrees: x = lon, y = lat).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Bounds {
    /// The empty box, which any point extends.
    pub const EMPTY: Bounds = Bounds {
        x0: f64::INFINITY,
        y0: f64::INFINITY,
        x1: f64::NEG_INFINITY,
        y1: f64::NEG_INFINITY,
    };

    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Bounds {
        Bounds {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }

    pub fn of_points<'a>(points: impl IntoIterator<Item = &'a (f64, f64)>) -> Bounds {
        let mut b = Bounds::EMPTY;
        for &(x, y) in points {
            b.x0 = b.x0.min(x);
            b.y0 = b.y0.min(y);
            b.x1 = b.x1.max(x);
            b.y1 = b.y1.max(y);
        }
        b
    }

    pub fn union(self, o: Bounds) -> Bounds {
        Bounds {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }

    pub fn width(&self) -> f64 {
        (self.x1 - self.x0).max(0.0)
    }

    pub fn height(&self) -> f64 {
        (self.y1 - self.y0).max(0.0)
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    pub fn intersects(&self, o: &Bounds) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// One country or territory.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// ISO 3166-1 alpha-3 code.
    pub code: String,
    /// English short name, as in the data file (the UI shows names from `i18n`).
    pub name: String,
    /// Largest first; rings in (lon, lat) degrees.
    pub polygons: Vec<Polygon>,
}

impl Shape {
    /// Whether the point (lon, lat) is on land of this shape (holes excluded).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        self.polygons.iter().any(|p| polygon_contains(p, lon, lat))
    }

    /// The area centroid (lon, lat) of the shape's largest polygon.
    pub fn centroid(&self) -> (f64, f64) {
        self.polygons
            .iter()
            .max_by(|a, b| ring_area(&a[0]).total_cmp(&ring_area(&b[0])))
            .map(|p| ring_centroid(&p[0]))
            .unwrap_or((0.0, 0.0))
    }

    pub fn bounds(&self) -> Bounds {
        self.polygons
            .iter()
            .map(|p| Bounds::of_points(&p[0]))
            .fold(Bounds::EMPTY, Bounds::union)
    }
}

/// All shapes of the map, sorted by code.
#[derive(Debug, Clone, PartialEq)]
pub struct Atlas {
    countries: Vec<Shape>,
    bounds: Bounds,
}

#[derive(Deserialize)]
struct RawAtlas {
    scale: f64,
    countries: Vec<RawShape>,
}

#[derive(Deserialize)]
struct RawShape {
    code: String,
    #[serde(default)]
    name: String,
    polygons: Vec<Vec<Vec<f64>>>,
}

impl Atlas {
    /// Reads the JSON written by `scripts/geo/build.mjs`: `{"scale": s, "countries": [{"code",
    /// "name", "polygons": [[ring, hole…]…]}]}` where a ring is a flat `[lon, lat, lon, lat, …]`
    /// in degrees × `scale`.
    pub fn from_json(text: &str) -> Result<Atlas, String> {
        let raw: RawAtlas = serde_json::from_str(text).map_err(|e| format!("map shapes: {e}"))?;
        if !(raw.scale.is_finite() && raw.scale > 0.0) {
            return Err(format!(
                "map shapes: scale must be a positive number, not {}",
                raw.scale
            ));
        }
        let mut seen = HashSet::new();
        let mut countries = Vec::with_capacity(raw.countries.len());
        for c in raw.countries {
            if c.code.len() != 3 || !c.code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(format!(
                    "map shapes: {:?} is not an ISO alpha-3 code",
                    c.code
                ));
            }
            if !seen.insert(c.code.clone()) {
                return Err(format!("map shapes: {} appears twice", c.code));
            }
            let mut polygons = Vec::with_capacity(c.polygons.len());
            for (i, p) in c.polygons.into_iter().enumerate() {
                let mut rings = Vec::with_capacity(p.len());
                for flat in p {
                    if flat.len() % 2 != 0 || flat.len() < 6 {
                        return Err(format!("map shapes: {} polygon {i} has a ring of {} numbers (an even number, at least 6, is needed)", c.code, flat.len()));
                    }
                    let ring: Ring = flat
                        .chunks(2)
                        .map(|xy| (xy[0] / raw.scale, xy[1] / raw.scale))
                        .collect();
                    if ring.iter().any(|&(lon, lat)| {
                        !(lon.is_finite()
                            && lat.is_finite()
                            && lon.abs() <= 180.0
                            && lat.abs() <= 90.0)
                    }) {
                        return Err(format!(
                            "map shapes: {} polygon {i} has a point off the globe",
                            c.code
                        ));
                    }
                    rings.push(ring);
                }
                if !rings.is_empty() {
                    polygons.push(rings);
                }
            }
            if polygons.is_empty() {
                return Err(format!("map shapes: {} has no polygon", c.code));
            }
            countries.push(Shape {
                code: c.code,
                name: c.name,
                polygons,
            });
        }
        if countries.is_empty() {
            return Err("map shapes: no country".to_owned());
        }
        countries.sort_by(|a, b| a.code.cmp(&b.code));
        let bounds = countries
            .iter()
            .map(Shape::bounds)
            .fold(Bounds::EMPTY, Bounds::union);
        Ok(Atlas { countries, bounds })
    }

    pub fn countries(&self) -> &[Shape] {
        &self.countries
    }

    pub fn country(&self, code: &str) -> Option<&Shape> {
        self.countries
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.countries[i])
    }

    /// The box of all shapes, in degrees.
    pub fn bounds(&self) -> Bounds {
        self.bounds
    }
}

/// Equirectangular projection (plate carrée with longitudes shrunk by the cosine of the middle
/// latitude), scaled and centred to fit a pixel box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// Pixels per degree of latitude.
    pub k: f64,
    /// Pixels per degree of longitude (`k` × cos of the middle latitude).
    pub kx: f64,
    /// The longitude and latitude drawn at pixel (`x0`, `y0`): the region's west and north edges.
    pub lon0: f64,
    pub lat0: f64,
    pub x0: f64,
    pub y0: f64,
}

impl Projection {
    /// Fits `region` (degrees) into `target` (pixels), keeping the aspect ratio and centring it.
    /// Degenerate boxes give a tiny but finite projection.
    pub fn fit(region: Bounds, target: Bounds) -> Projection {
        let mid = ((region.y0 + region.y1) / 2.0).to_radians();
        let c = mid.cos().clamp(0.1, 1.0);
        let (rw, rh) = ((region.width() * c).max(1e-9), region.height().max(1e-9));
        let k = (target.width() / rw).min(target.height() / rh).max(1e-9);
        let x0 = target.x0 + (target.width() - rw * k) / 2.0;
        let y0 = target.y0 + (target.height() - rh * k) / 2.0;
        Projection {
            k,
            kx: k * c,
            lon0: region.x0,
            lat0: region.y1,
            x0,
            y0,
        }
    }

    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.x0 + (lon - self.lon0) * self.kx,
            self.y0 + (self.lat0 - lat) * self.k,
        )
    }

    pub fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.lon0 + (x - self.x0) / self.kx,
            self.lat0 - (y - self.y0) / self.k,
        )
    }
}

/// A circle standing in for a country too small to see or click, in pixels. `anchor` is where the
/// country really is; the circle may have been moved off it so that markers do not overlap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub anchor: (f64, f64),
}

impl Marker {
    /// The circle was moved far enough from the country to need a leader line.
    pub fn displaced(&self) -> bool {
        (self.x - self.anchor.0).hypot(self.y - self.anchor.1) > self.r
    }
}

/// A projected polygon with its box, for quick rejection in hit tests.
#[derive(Debug, Clone, PartialEq)]
pub struct PixelPolygon {
    pub rings: Vec<Ring>,
    pub bounds: Bounds,
}

/// A country in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct PixelShape {
    pub code: String,
    pub polygons: Vec<PixelPolygon>,
    pub bounds: Bounds,
    /// Total area of the outer rings, in square pixels.
    pub area: f64,
    /// The projected centroid of the largest polygon.
    pub centroid: (f64, f64),
    pub marker: Option<Marker>,
}

/// The atlas projected into a pixel box, with markers for the countries whose area there is
/// below a threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct PixelMap {
    pub projection: Projection,
    /// Where the map may draw, markers included.
    pub frame: Bounds,
    /// Sorted by code, like the atlas.
    pub shapes: Vec<PixelShape>,
}

impl PixelMap {
    /// Projects `atlas` with `projection`; countries smaller than `min_area` square pixels get a
    /// marker of radius `marker_r`, kept inside `frame` and spread so that markers do not overlap.
    pub fn new(
        atlas: &Atlas,
        projection: Projection,
        frame: Bounds,
        min_area: f64,
        marker_r: f64,
    ) -> PixelMap {
        let mut shapes: Vec<PixelShape> = atlas
            .countries()
            .iter()
            .map(|s| {
                let polygons: Vec<PixelPolygon> = s
                    .polygons
                    .iter()
                    .map(|p| {
                        let rings: Vec<Ring> = p
                            .iter()
                            .map(|r| {
                                r.iter()
                                    .map(|&(lon, lat)| projection.project(lon, lat))
                                    .collect()
                            })
                            .collect();
                        PixelPolygon {
                            bounds: Bounds::of_points(&rings[0]),
                            rings,
                        }
                    })
                    .collect();
                let bounds = polygons
                    .iter()
                    .map(|p| p.bounds)
                    .fold(Bounds::EMPTY, Bounds::union);
                let area = polygons.iter().map(|p| ring_area(&p.rings[0])).sum();
                let (lon, lat) = s.centroid();
                PixelShape {
                    code: s.code.clone(),
                    polygons,
                    bounds,
                    area,
                    centroid: projection.project(lon, lat),
                    marker: None,
                }
            })
            .collect();
        let r = marker_r.max(0.5);
        let small: Vec<usize> = (0..shapes.len())
            .filter(|&i| shapes[i].area < min_area)
            .collect();
        let anchors: Vec<(f64, f64)> = small.iter().map(|&i| shapes[i].centroid).collect();
        let land = |x: f64, y: f64| {
            shapes.iter().filter(|s| s.area >= min_area).any(|s| {
                s.bounds.contains(x, y)
                    && s.polygons
                        .iter()
                        .any(|p| p.bounds.contains(x, y) && polygon_contains(&p.rings, x, y))
            })
        };
        let spread = place_markers(&anchors, r, frame, land);
        for (k, &i) in small.iter().enumerate() {
            shapes[i].marker = Some(Marker {
                x: spread[k].0,
                y: spread[k].1,
                r,
                anchor: anchors[k],
            });
        }
        PixelMap {
            projection,
            frame,
            shapes,
        }
    }

    pub fn get(&self, code: &str) -> Option<&PixelShape> {
        self.shapes
            .binary_search_by(|s| s.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.shapes[i])
    }

    /// The country at a pixel: a marker's circle first (the nearest when circles touch), else
    /// the shape under the point.
    pub fn hit(&self, x: f64, y: f64) -> Option<&PixelShape> {
        let marker = self
            .shapes
            .iter()
            .filter_map(|s| s.marker.map(|m| (s, (m.x - x).hypot(m.y - y), m.r)))
            .filter(|(_, d, r)| *d <= r + 1.0)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((s, _, _)) = marker {
            return Some(s);
        }
        self.shapes.iter().find(|s| {
            s.bounds.contains(x, y)
                && s.polygons
                    .iter()
                    .any(|p| p.bounds.contains(x, y) && polygon_contains(&p.rings, x, y))
        })
    }
}

/// Places circles of radius `r` for the given anchors so that they do not overlap. Isolated
/// anchors keep their circle; in a cluster, the least crowded come first and keep their place
/// if it is free, and the others take the nearest free spot on rings around their anchor that
/// covers no other marker's anchor, stays inside `frame` and, if possible, is not on land (`land`
/// tells whether a point is on a shape that has no marker). Deterministic.
fn place_markers(
    anchors: &[(f64, f64)],
    r: f64,
    frame: Bounds,
    land: impl Fn(f64, f64) -> bool,
) -> Vec<(f64, f64)> {
    let gap = 2.0 * r + 1.5;
    let inside = |x: f64, y: f64| {
        x - r >= frame.x0 && x + r <= frame.x1 && y - r >= frame.y0 && y + r <= frame.y1
    };
    let keep_in = |(x, y): (f64, f64)| -> (f64, f64) {
        (
            x.clamp(frame.x0 + r, (frame.x1 - r).max(frame.x0 + r)),
            y.clamp(frame.y0 + r, (frame.y1 - r).max(frame.y0 + r)),
        )
    };
    let dist = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).hypot(a.1 - b.1);
    let crowd: Vec<usize> = anchors
        .iter()
        .map(|&a| anchors.iter().filter(|&&b| dist(a, b) < gap).count())
        .collect();
    let mut order: Vec<usize> = (0..anchors.len()).collect();
    order.sort_by_key(|&i| crowd[i]);
    let mut placed: Vec<Option<(f64, f64)>> = vec![None; anchors.len()];
    for &i in &order {
        let a = keep_in(anchors[i]);
        let free = |p: (f64, f64)| placed.iter().flatten().all(|&q| dist(p, q) >= gap);
        if free(a) {
            placed[i] = Some(a);
            continue;
        }
        let covers_no_anchor = |p: (f64, f64)| {
            anchors
                .iter()
                .enumerate()
                .all(|(j, &b)| j == i || dist(p, b) > r + 1.0)
        };
        let step = r * 0.75;
        let mut best: Option<(f64, f64)> = None;
        'search: for strict in [true, false] {
            for k in 1..=60 {
                let radius = k as f64 * step;
                let n = ((std::f64::consts::TAU * radius / step).round() as usize).max(8);
                for t in 0..n {
                    let angle = std::f64::consts::TAU * t as f64 / n as f64;
                    let p = (a.0 + radius * angle.cos(), a.1 + radius * angle.sin());
                    if inside(p.0, p.1)
                        && free(p)
                        && covers_no_anchor(p)
                        && (!strict || !land(p.0, p.1))
                    {
                        best = Some(p);
                        break 'search;
                    }
                }
            }
        }
        placed[i] = Some(best.unwrap_or(a));
    }
    placed
        .into_iter()
        .zip(anchors)
        .map(|(p, &a)| p.unwrap_or(a))
        .collect()
}

/// Twice the signed area of a ring (positive when counter-clockwise in a y-up frame).
fn signed_area2(ring: &[(f64, f64)]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum()
}

/// The area of a ring, whatever its orientation.
pub fn ring_area(ring: &[(f64, f64)]) -> f64 {
    signed_area2(ring).abs() / 2.0
}

/// The area centroid of a ring; the mean of its points when it has no area.
pub fn ring_centroid(ring: &[(f64, f64)]) -> (f64, f64) {
    let n = ring.len();
    if n == 0 {
        return (0.0, 0.0);
    }
    let a2 = signed_area2(ring);
    if a2.abs() < 1e-12 {
        let (sx, sy) = ring.iter().fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
        return (sx / n as f64, sy / n as f64);
    }
    let (mut cx, mut cy) = (0.0, 0.0);
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        let cross = a.0 * b.1 - b.0 * a.1;
        cx += (a.0 + b.0) * cross;
        cy += (a.1 + b.1) * cross;
    }
    (cx / (3.0 * a2), cy / (3.0 * a2))
}

/// Even-odd test of a point against a ring.
pub fn ring_contains(ring: &[(f64, f64)], x: f64, y: f64) -> bool {
    let n = ring.len();
    let mut inside = false;
    let mut j = n.wrapping_sub(1);
    for i in 0..n {
        let (xi, yi) = ring[i];
        let (xj, yj) = ring[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// Whether a point is inside a polygon's outer ring and outside its holes.
pub fn polygon_contains(polygon: &[Ring], x: f64, y: f64) -> bool {
    polygon.iter().filter(|r| ring_contains(r, x, y)).count() % 2 == 1
}

/// Diagonal hatching of a polygon (holes left empty): segments along lines x + y = c, with `c`
/// a multiple of `spacing` × √2, so that lines are `spacing` apart and continue across
/// neighbouring polygons.
pub fn hatch(polygon: &[Ring], spacing: f64) -> Vec<((f64, f64), (f64, f64))> {
    let mut out = Vec::new();
    if !(spacing.is_finite() && spacing > 0.0) {
        return out;
    }
    let step = spacing * std::f64::consts::SQRT_2;
    // In u = x + y, v = x - y each hatch line is u = constant.
    let (mut umin, mut umax) = (f64::INFINITY, f64::NEG_INFINITY);
    for ring in polygon {
        for &(x, y) in ring {
            umin = umin.min(x + y);
            umax = umax.max(x + y);
        }
    }
    if !(umin.is_finite() && umax.is_finite()) || (umax - umin) / step > 100_000.0 {
        return out;
    }
    let mut c = (umin / step).ceil() * step;
    let mut vs: Vec<f64> = Vec::new();
    while c <= umax {
        vs.clear();
        for ring in polygon {
            let n = ring.len();
            for i in 0..n {
                let (a, b) = (ring[i], ring[(i + 1) % n]);
                let (ua, ub) = (a.0 + a.1, b.0 + b.1);
                if (ua <= c) != (ub <= c) {
                    let t = (c - ua) / (ub - ua);
                    let (va, vb) = (a.0 - a.1, b.0 - b.1);
                    vs.push(va + t * (vb - va));
                }
            }
        }
        vs.sort_by(f64::total_cmp);
        for pair in vs.chunks_exact(2) {
            let p = ((c + pair[0]) / 2.0, (c - pair[0]) / 2.0);
            let q = ((c + pair[1]) / 2.0, (c - pair[1]) / 2.0);
            out.push((p, q));
        }
        c += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{"scale": 10, "countries": [
        {"code": "BBB", "name": "Big", "polygons": [[[0,0, 100,0, 100,100, 0,100], [40,40, 60,40, 60,60, 40,60]]]},
        {"code": "AAA", "name": "Tiny", "polygons": [[[200,0, 201,0, 201,1]]]}
    ]}"#;

    fn bundled() -> Atlas {
        Atlas::from_json(include_str!("../data/geo/lac.json")).unwrap()
    }

    #[test]
    fn loads_and_sorts() {
        let a = Atlas::from_json(SMALL).unwrap();
        assert_eq!(
            a.countries()
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>(),
            ["AAA", "BBB"]
        );
        assert_eq!(a.country("BBB").unwrap().polygons[0][0][2], (10.0, 10.0));
        assert_eq!(a.bounds(), Bounds::new(0.0, 0.0, 20.1, 10.0));
        assert!(a.country("CCC").is_none());
    }

    #[test]
    fn rejects_bad_files() {
        for bad in [
            "",
            r#"{"scale": 0, "countries": [{"code": "AAA", "polygons": [[[0,0,1,0,1,1]]]}]}"#,
            r#"{"scale": 1, "countries": [{"code": "aaa", "polygons": [[[0,0,1,0,1,1]]]}]}"#,
            r#"{"scale": 1, "countries": [{"code": "AAA", "polygons": [[[0,0,1,0,1]]]}]}"#,
            r#"{"scale": 1, "countries": [{"code": "AAA", "polygons": [[[0,0,1,0,1,1]]]}, {"code": "AAA", "polygons": [[[0,0,1,0,1,1]]]}]}"#,
            r#"{"scale": 1, "countries": [{"code": "AAA", "polygons": [[[0,0,1,0,1,200]]]}]}"#,
            r#"{"scale": 1, "countries": [{"code": "AAA", "polygons": []}]}"#,
            r#"{"scale": 1, "countries": []}"#,
        ] {
            assert!(Atlas::from_json(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn holes_are_not_inside() {
        let a = Atlas::from_json(SMALL).unwrap();
        let big = a.country("BBB").unwrap();
        assert!(big.contains(1.0, 1.0));
        assert!(!big.contains(5.0, 5.0));
        assert!(!big.contains(11.0, 5.0));
    }

    #[test]
    fn projection_fits_and_inverts() {
        let region = Bounds::new(-10.0, -20.0, 10.0, 20.0);
        let p = Projection::fit(region, Bounds::new(0.0, 0.0, 400.0, 200.0));
        let (x0, y0) = p.project(-10.0, 20.0);
        let (x1, y1) = p.project(10.0, -20.0);
        assert!(
            (y0 - 0.0).abs() < 1e-9 && (y1 - 200.0).abs() < 1e-9,
            "{y0} {y1}"
        );
        assert!(x0 > 0.0 && x1 < 400.0 && ((x0 + x1) / 2.0 - 200.0).abs() < 1e-9);
        let (lon, lat) = p.invert(123.0, 45.0);
        let (x, y) = p.project(lon, lat);
        assert!((x - 123.0).abs() < 1e-9 && (y - 45.0).abs() < 1e-9);
    }

    #[test]
    fn hatching_stays_inside() {
        let square: Vec<Ring> = vec![
            vec![(0.0, 0.0), (40.0, 0.0), (40.0, 40.0), (0.0, 40.0)],
            vec![(10.0, 10.0), (30.0, 10.0), (30.0, 30.0), (10.0, 30.0)],
        ];
        let segs = hatch(&square, 4.0);
        assert!(segs.len() > 10);
        for (a, b) in segs {
            let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
            assert!(polygon_contains(&square, mid.0, mid.1), "{mid:?}");
        }
        assert!(hatch(&square, 0.0).is_empty());
    }

    #[test]
    fn bundled_shapes_cover_the_region() {
        let a = bundled();
        for code in [
            "ARG", "BRA", "MEX", "JAM", "BRB", "TTO", "GUF", "MTQ", "GLP", "BES", "LCA", "VCT",
            "GRD", "KNA", "ATG", "DMA", "BHS", "CUW", "ABW", "PRI",
        ] {
            assert!(a.country(code).is_some(), "{code}");
        }
        let b = a.bounds();
        assert!(
            b.x0 > -120.0 && b.x1 < -30.0 && b.y0 > -60.0 && b.y1 < 35.0,
            "{b:?}"
        );
        // Brazil's centroid is in Brazil, and not in its neighbours.
        let (lon, lat) = a.country("BRA").unwrap().centroid();
        assert!(a.country("BRA").unwrap().contains(lon, lat));
        assert!(!a.country("BOL").unwrap().contains(lon, lat));
    }

    #[test]
    fn small_countries_get_markers_that_do_not_overlap() {
        let a = bundled();
        let frame = Bounds::new(0.0, 0.0, 500.0, 520.0);
        let map = PixelMap::new(&a, Projection::fit(a.bounds(), frame), frame, 40.0, 4.5);
        let markers: Vec<(&str, Marker)> = map
            .shapes
            .iter()
            .filter_map(|s| s.marker.map(|m| (s.code.as_str(), m)))
            .collect();
        for code in ["BRB", "GRD", "LCA", "VCT", "ATG", "KNA", "DMA"] {
            assert!(
                markers.iter().any(|(c, _)| *c == code),
                "{code} has no marker"
            );
        }
        for code in ["BRA", "MEX", "CUB"] {
            assert!(map.get(code).unwrap().marker.is_none(), "{code}");
        }
        for (i, (ci, a)) in markers.iter().enumerate() {
            assert!(frame.contains(a.x, a.y));
            assert_eq!(map.hit(a.x, a.y).map(|s| s.code.as_str()), Some(*ci));
            for (cj, b) in &markers[i + 1..] {
                let d = (a.x - b.x).hypot(a.y - b.y);
                assert!(d >= 2.0 * a.r, "{ci} and {cj} overlap: {d}");
            }
        }
    }
}
