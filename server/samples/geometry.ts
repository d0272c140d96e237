// Planar polygon helpers. Rings are open (first point not repeated).

export type Pt = [number, number];

/** Shoelace area: positive when the ring runs counter-clockwise (x east, y north). */
export function signedArea(ring: readonly Pt[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum / 2;
}

export function counterClockwise(ring: Pt[]): Pt[] {
  return signedArea(ring) < 0 ? ring.slice().reverse() : ring;
}

export function centroid(ring: readonly Pt[]): Pt {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    x += (ring[j][0] + ring[i][0]) * f;
    y += (ring[j][1] + ring[i][1]) * f;
  }
  return [x / (3 * a), y / (3 * a)];
}

export function pointInRing(p: Pt, ring: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function bbox(ring: readonly Pt[]): Box {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/** Sutherland–Hodgman: the part of `subject` inside the convex, counter-clockwise `clip`. */
export function clipToConvex(subject: readonly Pt[], clip: readonly Pt[]): Pt[] {
  let output: Pt[] = subject.slice();
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const a = clip[i];
    const b = clip[(i + 1) % clip.length];
    const side = (p: Pt) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    const input = output;
    output = [];
    for (let k = 0; k < input.length; k++) {
      const cur = input[k];
      const prev = input[(k + input.length - 1) % input.length];
      const sCur = side(cur);
      const sPrev = side(prev);
      if (sCur >= 0) {
        if (sPrev < 0) output.push(intersect(prev, cur, sPrev, sCur));
        output.push(cur);
      } else if (sPrev >= 0) {
        output.push(intersect(prev, cur, sPrev, sCur));
      }
    }
  }
  return output;
}

function intersect(p: Pt, q: Pt, sp: number, sq: number): Pt {
  const t = sp / (sp - sq);
  return [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t];
}

/**
 * Adds points so no edge is longer than `step`. The points of an edge are computed from its
 * endpoints in a fixed order, so two rings sharing an edge get exactly the same points.
 */
export function densify(ring: readonly Pt[], step: number): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    out.push(a);
    const n = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / step);
    const forward = a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);
    const [p, q] = forward ? [a, b] : [b, a];
    for (let k = 1; k < n; k++) {
      const t = (forward ? k : n - k) / n;
      out.push([p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t]);
    }
  }
  return out;
}

/** Drops consecutive points closer than `epsilon` (clipping can produce near-duplicates). */
export function dedupe(ring: readonly Pt[], epsilon: number): Pt[] {
  const out: Pt[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > epsilon) out.push(p);
  }
  while (out.length > 1 && Math.hypot(out[0][0] - out[out.length - 1][0], out[0][1] - out[out.length - 1][1]) <= epsilon) {
    out.pop();
  }
  return out;
}
