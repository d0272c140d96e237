// British National Grid coordinates of a WGS84 (≈ ETRS89) position, so that a
// police analyst can find a grid cell on an OS map or in a GIS set to EPSG:27700.
//
// Ordnance Survey, "A guide to coordinate systems in Great Britain" (v3.6):
// 1. ETRS89 latitude/longitude (height 0) → cartesian X, Y, Z on GRS80 (§B1);
// 2. seven-parameter Helmert transformation ETRS89 → OSGB36 (§6.6, Table 4),
//    small-angle form; OS states it is good to about 5 m (OSTN15, the
//    definitive transformation, is a 15 MB grid: 5 m is far below a 100 m cell);
// 3. cartesian → latitude/longitude on the Airy 1830 ellipsoid (§B2, iterated);
// 4. Transverse Mercator with the National Grid's constants (Annex C).
// WGS84 and ETRS89 differ by well under a metre at the positions we are given.

const RAD = Math.PI / 180;
const SEC = RAD / 3600;

const GRS80 = { a: 6_378_137.0, b: 6_356_752.3141 };
const AIRY = { a: 6_377_563.396, b: 6_356_256.909 };

/** ETRS89 → OSGB36 (OS guide Table 4): translations in m, scale in ppm, rotations in seconds of arc. */
const HELMERT = { tx: -446.448, ty: 125.157, tz: -542.06, s: 20.4894, rx: -0.1502, ry: -0.247, rz: -0.8421 };

/** National Grid projection constants (OS guide Annex A). */
const NG = { F0: 0.9996012717, phi0: 49 * RAD, lambda0: -2 * RAD, E0: 400_000, N0: -100_000 };

type Ellipsoid = { a: number; b: number };

function toCartesian(phi: number, lambda: number, e: Ellipsoid): [number, number, number] {
  const e2 = (e.a * e.a - e.b * e.b) / (e.a * e.a);
  const nu = e.a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  return [nu * Math.cos(phi) * Math.cos(lambda), nu * Math.cos(phi) * Math.sin(lambda), (1 - e2) * nu * Math.sin(phi)];
}

function fromCartesian(x: number, y: number, z: number, e: Ellipsoid): [number, number] {
  const e2 = (e.a * e.a - e.b * e.b) / (e.a * e.a);
  const p = Math.hypot(x, y);
  let phi = Math.atan2(z, p * (1 - e2));
  for (let k = 0; k < 10; k++) {
    const nu = e.a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
    const next = Math.atan2(z + e2 * nu * Math.sin(phi), p);
    if (Math.abs(next - phi) < 1e-12) return [next, Math.atan2(y, x)];
    phi = next;
  }
  return [phi, Math.atan2(y, x)];
}

/** ETRS89 (WGS84) latitude/longitude in radians → OSGB36 latitude/longitude in radians. */
export function etrs89ToOsgb36(phi: number, lambda: number): [number, number] {
  const [x, y, z] = toCartesian(phi, lambda, GRS80);
  const h = HELMERT;
  const s = 1 + h.s * 1e-6;
  const rx = h.rx * SEC, ry = h.ry * SEC, rz = h.rz * SEC;
  return fromCartesian(
    h.tx + s * x - rz * y + ry * z,
    h.ty + rz * x + s * y - rx * z,
    h.tz - ry * x + rx * y + s * z,
    AIRY,
  );
}

/** OSGB36 latitude/longitude (radians, Airy 1830) → National Grid [easting, northing] in metres (OS guide Annex C). */
export function osgb36ToGrid(phi: number, lambda: number): [number, number] {
  const { a, b } = AIRY;
  const { F0, phi0, lambda0, E0, N0 } = NG;
  const e2 = (a * a - b * b) / (a * a);
  const n = (a - b) / (a + b);
  const sin = Math.sin(phi), cos = Math.cos(phi), tan2 = Math.tan(phi) ** 2;
  const nu = (a * F0) / Math.sqrt(1 - e2 * sin * sin);
  const rho = (a * F0 * (1 - e2)) / (1 - e2 * sin * sin) ** 1.5;
  const eta2 = nu / rho - 1;
  const dp = phi - phi0, sp = phi + phi0;
  const M = b * F0 * (
    (1 + n + 1.25 * n ** 2 + 1.25 * n ** 3) * dp
    - (3 * n + 3 * n ** 2 + (21 / 8) * n ** 3) * Math.sin(dp) * Math.cos(sp)
    + ((15 / 8) * n ** 2 + (15 / 8) * n ** 3) * Math.sin(2 * dp) * Math.cos(2 * sp)
    - (35 / 24) * n ** 3 * Math.sin(3 * dp) * Math.cos(3 * sp)
  );
  const I = M + N0;
  const II = (nu / 2) * sin * cos;
  const III = (nu / 24) * sin * cos ** 3 * (5 - tan2 + 9 * eta2);
  const IIIA = (nu / 720) * sin * cos ** 5 * (61 - 58 * tan2 + tan2 * tan2);
  const IV = nu * cos;
  const V = (nu / 6) * cos ** 3 * (nu / rho - tan2);
  const VI = (nu / 120) * cos ** 5 * (5 - 18 * tan2 + tan2 * tan2 + 14 * eta2 - 58 * tan2 * eta2);
  const L = lambda - lambda0;
  return [E0 + IV * L + V * L ** 3 + VI * L ** 5, I + II * L ** 2 + III * L ** 4 + IIIA * L ** 6];
}

/** WGS84 longitude/latitude in degrees → British National Grid [easting, northing] in metres. */
export function toBritishNationalGrid(lon: number, lat: number): [number, number] {
  const [phi, lambda] = etrs89ToOsgb36(lat * RAD, lon * RAD);
  return osgb36ToGrid(phi, lambda);
}

/**
 * An OS grid reference (two letters of the 100 km square, then easting and
 * northing within it) to `digits` figures each: 4 → 10 m, e.g. "SJ 7812 9134".
 * Null outside the National Grid's squares (negative or beyond 700 × 1300 km).
 */
export function gridReference(easting: number, northing: number, digits = 4): string | null {
  if (!(easting >= 0 && northing >= 0 && easting < 700_000 && northing < 1_300_000)) return null;
  const e100 = Math.floor(easting / 100_000);
  const n100 = Math.floor(northing / 100_000);
  // Letters of the 500 km and 100 km squares, A–Z without I, from the false origin's square S(V).
  let l1 = 19 - n100 - ((19 - n100) % 5) + Math.floor((e100 + 10) / 5);
  let l2 = (((19 - n100) * 5) % 25) + (e100 % 5);
  if (l1 > 7) l1++;
  if (l2 > 7) l2++;
  const unit = 10 ** (5 - digits);
  const fmt = (v: number) => String(Math.floor((v % 100_000) / unit)).padStart(digits, '0');
  return `${String.fromCharCode(65 + l1)}${String.fromCharCode(65 + l2)} ${fmt(easting)} ${fmt(northing)}`;
}
