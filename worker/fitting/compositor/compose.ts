// The offline try-on: the garment images (transparent PNGs) laid over the person in the photo,
// each mapped by its anchors (catalog/garment-frame.ts) onto the body's landmarks (layout.ts)
// — a top's shoulder points onto the shoulders and its length down to the hips, a bottom's
// waistband onto the waist and its length down to the ankles — bottom first so a top's hem
// falls over the waistband; then a band across the foot of the picture that says PREVIEW.
import { GARMENT_ANCHORS, GARMENT_FRAME } from "../../catalog/garment-frame.ts";
import { bodyOf, defaultPerson, findPerson, type Body, type Box } from "./layout.ts";
import { decodeImage, encodeJpegBytes, fitWithin, resize, type Raster } from "./raster.ts";

/** Results are at most this long on their longer side (FitRoom's are at most 2048 px). */
export const RESULT_MAX_SIDE = 1024;
const GARMENT_OPACITY = 0.97;

export type GarmentCategory = "top" | "outer" | "bottom" | "dress";
export type Garment = { category: GarmentCategory; bytes: Uint8Array; type: string };
export type Composed = { bytes: Uint8Array; width: number; height: number; person: Box | null };

const LAYER: GarmentCategory[] = ["bottom", "dress", "top", "outer"];

export function composeTryOn(photo: { bytes: Uint8Array; type: string }, garments: Garment[]): Composed {
  const base = fitWithin(decodeImage(photo.bytes, photo.type), RESULT_MAX_SIDE);
  const found = findPerson(base);
  const body = bodyOf(found ?? defaultPerson(base), base);
  for (const g of [...garments].sort((a, b) => LAYER.indexOf(a.category) - LAYER.indexOf(b.category))) {
    const image = decodeImage(g.bytes, g.type);
    const placed = image.width === GARMENT_FRAME.width && image.height === GARMENT_FRAME.height ? byAnchors(image, g.category, body) : byOutline(image, g.category, body);
    if (placed) lay(base, placed.image, placed.at);
  }
  previewBand(base);
  return { bytes: encodeJpegBytes(base, 88), width: base.width, height: base.height, person: found };
}

type Placed = { image: Raster; at: Box };

/**
 * A catalog drawing: scaled across so its anchor points meet the body's, and down so its
 * usual length meets the body's (within a fifth of the same scale, so it is not distorted).
 */
function byAnchors(image: Raster, category: GarmentCategory, body: Body): Placed {
  const a = GARMENT_ANCHORS;
  const guide =
    category === "bottom"
      ? { x0: a.bottom.waistLeft[0], x1: a.bottom.waistRight[0], y: a.bottom.waistLeft[1], hem: a.bottom.hem, span: body.waistSpan, top: body.waistY, length: body.ankleY - body.waistY }
      : category === "dress"
        ? { x0: a.dress.leftShoulder[0], x1: a.dress.rightShoulder[0], y: a.dress.leftShoulder[1], hem: a.dress.waist, span: body.shoulderSpan * 0.78, top: body.shoulderY, length: body.naturalWaistY - body.shoulderY }
        : { x0: a.top.leftShoulder[0], x1: a.top.rightShoulder[0], y: a.top.leftShoulder[1], hem: a[category].hem, span: body.shoulderSpan, top: body.shoulderY, length: body.hipY - body.shoulderY };
  const sx = guide.span / (guide.x1 - guide.x0);
  const sy = Math.min(Math.max(guide.length / (guide.hem - guide.y), sx * 0.8), sx * 1.25);
  const at = { x: Math.round(body.cx - (GARMENT_FRAME.width / 2) * sx), y: Math.round(guide.top - guide.y * sy), width: Math.round(GARMENT_FRAME.width * sx), height: Math.round(GARMENT_FRAME.height * sy) };
  return { image, at };
}

/** Any other picture of a garment: its visible part, fitted between the landmarks it covers. */
function byOutline(image: Raster, category: GarmentCategory, body: Body): Placed | null {
  const trimmed = trim(image);
  if (!trimmed) return null;
  const { top, bottom, width } =
    category === "bottom"
      ? { top: body.waistY, bottom: body.ankleY, width: body.waistSpan * 1.15 }
      : category === "dress"
        ? { top: body.shoulderY, bottom: Math.round(body.shoulderY + body.height * 0.55), width: body.shoulderSpan * 1.2 }
        : { top: body.shoulderY, bottom: body.hipY, width: body.shoulderSpan * 1.35 };
  const scale = Math.min(width / trimmed.width, (bottom - top) / trimmed.height);
  const w = Math.max(1, Math.round(trimmed.width * scale));
  const h = Math.max(1, Math.round(trimmed.height * scale));
  return { image: trimmed, at: { x: Math.round(body.cx - w / 2), y: top, width: w, height: h } };
}

/** The picture without its transparent margin; null when it is all transparent. */
function trim(r: Raster): Raster | null {
  let x0 = r.width, y0 = r.height, x1 = -1, y1 = -1;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (r.data[(y * r.width + x) * 4 + 3]! > 16) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return null;
  const out = { width: x1 - x0 + 1, height: y1 - y0 + 1, data: new Uint8Array((x1 - x0 + 1) * (y1 - y0 + 1) * 4) };
  for (let y = y0; y <= y1; y++) out.data.set(r.data.subarray((y * r.width + x0) * 4, (y * r.width + x1 + 1) * 4), (y - y0) * out.width * 4);
  return out;
}

/** The garment resampled to `at` and blended over the photo, clipped to the photo's edges. */
function lay(base: Raster, garment: Raster, at: Box) {
  if (at.width < 1 || at.height < 1) return;
  const g = resize(garment, at.width, at.height);
  for (let y = Math.max(0, -at.y); y < at.height && at.y + y < base.height; y++) {
    for (let x = Math.max(0, -at.x); x < at.width && at.x + x < base.width; x++) {
      const gi = (y * at.width + x) * 4;
      const alpha = (g.data[gi + 3]! / 255) * GARMENT_OPACITY;
      if (alpha <= 0) continue;
      const bi = ((at.y + y) * base.width + at.x + x) * 4;
      for (let k = 0; k < 3; k++) base.data[bi + k] = g.data[gi + k]! * alpha + base.data[bi + k]! * (1 - alpha);
    }
  }
}

/** 5 × 7 capitals for the band's word. */
const GLYPHS: Record<string, string[]> = {
  P: ["11110", "10001", "10001", "11110", "10000", "10000", "10000"],
  R: ["11110", "10001", "10001", "11110", "10100", "10010", "10001"],
  E: ["11111", "10000", "10000", "11110", "10000", "10000", "11111"],
  V: ["10001", "10001", "10001", "10001", "10001", "01010", "00100"],
  I: ["01110", "00100", "00100", "00100", "00100", "00100", "01110"],
  W: ["10001", "10001", "10001", "10101", "10101", "10101", "01010"],
};
export const PREVIEW_WORD = "PREVIEW";
/** The band's share of the picture's height (at least 18 px). */
export const BAND_SHARE = 0.06;

/** A dark band along the bottom with PREVIEW in white letters. */
function previewBand(base: Raster) {
  const band = Math.max(18, Math.round(base.height * BAND_SHARE));
  for (let y = base.height - band; y < base.height; y++) {
    for (let x = 0; x < base.width; x++) {
      const i = (y * base.width + x) * 4;
      for (let k = 0; k < 3; k++) base.data[i + k] = base.data[i + k]! * 0.3 + 14;
    }
  }
  const cell = Math.max(2, Math.min(Math.floor((band * 0.6) / 7), Math.floor(base.width / (PREVIEW_WORD.length * 6 + 2))));
  const textWidth = PREVIEW_WORD.length * 6 * cell - cell;
  const left = Math.round((base.width - textWidth) / 2);
  const top = base.height - band + Math.round((band - 7 * cell) / 2);
  [...PREVIEW_WORD].forEach((ch, n) => {
    GLYPHS[ch]!.forEach((row, gy) => {
      for (let gx = 0; gx < 5; gx++) {
        if (row[gx] !== "1") continue;
        for (let dy = 0; dy < cell; dy++) {
          const y = top + gy * cell + dy;
          for (let dx = 0; dx < cell; dx++) {
            const x = left + (n * 6 + gx) * cell + dx;
            if (x < 0 || x >= base.width || y < 0 || y >= base.height) continue;
            const i = (y * base.width + x) * 4;
            base.data[i] = base.data[i + 1] = base.data[i + 2] = 255;
          }
        }
      }
    });
  });
}
