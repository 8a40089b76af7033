// Where the clothes go on a photo, without a pose model: the person is found as what differs
// from the background (the colour along the picture's edges, as in a photo taken against a
// wall), and the body's landmarks are placed by a figure's usual proportions within that
// outline — about 7.5 heads tall, shoulders at ~0.18 of the height, a trouser waistband at
// ~0.45, hips at ~0.52, ankles at ~0.95. A photo whose outline cannot be found (a busy
// background, a close crop) gets a centred standing figure.
import type { Raster } from "./raster.ts";

export type Box = { x: number; y: number; width: number; height: number };

/** Body landmarks in photo pixels: a horizontal line at each height, centred on `cx`. */
export type Body = { cx: number; height: number; shoulderY: number; shoulderSpan: number; waistY: number; waistSpan: number; naturalWaistY: number; hipY: number; ankleY: number };

/** Colour distance (sum over RGB) past which a pixel is taken for the person, not the wall. */
const DIFFERENT = 90;

function edgeColour(r: Raster): [number, number, number] {
  // The median along the left, right and top edges (the floor is often another colour).
  const samples: [number, number, number][] = [];
  const push = (x: number, y: number) => {
    const i = (y * r.width + x) * 4;
    samples.push([r.data[i]!, r.data[i + 1]!, r.data[i + 2]!]);
  };
  const step = Math.max(1, Math.floor(Math.max(r.width, r.height) / 200));
  for (let y = 0; y < r.height; y += step) {
    push(0, y);
    push(r.width - 1, y);
  }
  for (let x = 0; x < r.width; x += step) push(x, 0);
  const median = (k: 0 | 1 | 2) => samples.map((s) => s[k]).sort((a, b) => a - b)[samples.length >> 1]!;
  return [median(0), median(1), median(2)];
}

/** The person's bounding box, or null when the photo gives no clear outline. */
export function findPerson(r: Raster): Box | null {
  const [br, bg, bb] = edgeColour(r);
  const rows = new Uint32Array(r.height);
  const cols = new Uint32Array(r.width);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      const i = (y * r.width + x) * 4;
      if (Math.abs(r.data[i]! - br) + Math.abs(r.data[i + 1]! - bg) + Math.abs(r.data[i + 2]! - bb) > DIFFERENT) {
        rows[y]!++;
        cols[x]!++;
      }
    }
  }
  // A row or column belongs to the person when enough of it differs (noise and texture do not).
  const span = (counts: Uint32Array, across: number): [number, number] | null => {
    const enough = Math.max(2, across * 0.04);
    let first = -1;
    let last = -1;
    counts.forEach((n, i) => {
      if (n >= enough) {
        if (first < 0) first = i;
        last = i;
      }
    });
    return first < 0 ? null : [first, last];
  };
  const ys = span(rows, r.width);
  const xs = span(cols, r.height);
  if (!ys || !xs) return null;
  const box = { x: xs[0], y: ys[0], width: xs[1] - xs[0] + 1, height: ys[1] - ys[0] + 1 };
  const share = (box.width * box.height) / (r.width * r.height);
  // Nearly everything "differs" (a busy scene) or almost nothing does: no usable outline.
  if (share > 0.92 || share < 0.03 || box.height < r.height * 0.3) return null;
  return box;
}

/** A standing figure centred in the frame, for photos without a clear outline. */
export function defaultPerson(r: { width: number; height: number }): Box {
  const height = Math.round(r.height * 0.94);
  const width = Math.min(Math.round(r.width * 0.8), Math.round(height * 0.3));
  return { x: Math.round((r.width - width) / 2), y: Math.round(r.height * 0.03), width, height };
}

/**
 * The landmarks within a person's outline. An outline that runs to the bottom edge and is
 * wide for its height is a photo cut off above the knees: the figure is taken to go on below
 * the frame, at its usual proportions.
 */
export function bodyOf(person: Box, frame: { width: number; height: number }): Body {
  const cut = person.y + person.height >= frame.height - 2 && person.height < person.width * 2.6;
  const height = cut ? Math.max(person.height, person.width * 3.4) : person.height;
  const at = (fraction: number) => Math.round(person.y + height * fraction);
  // The outline includes the arms hanging at the sides: the shoulders span most of it, within a body's range.
  const shoulderSpan = Math.round(Math.min(Math.max(person.width * 0.78, height * 0.17), height * 0.27));
  return {
    cx: Math.round(person.x + person.width / 2),
    height,
    shoulderY: at(0.18),
    shoulderSpan,
    waistY: at(0.45),
    waistSpan: Math.round(shoulderSpan * 0.8),
    naturalWaistY: at(0.39),
    hipY: at(0.53),
    ankleY: at(0.95),
  };
}
