// An RGBA picture in memory and what the compositor does to whole pictures: decode a JPEG or
// PNG (turned upright by its EXIF orientation), shrink it, and encode the result as JPEG.
// Pure JavaScript (jpeg-js, fast-png), so it runs in any Worker without native code.
import { decode as decodeJpeg, encode as encodeJpeg } from "jpeg-js";
import { convertIndexedToRgb, decode as decodePng } from "fast-png";

export type Raster = { width: number; height: number; data: Uint8Array };

/** Past this many pixels a picture is not decoded at all (uploads are capped at 40 MP too). */
const MAX_MEGAPIXELS = 40;

export function blank(width: number, height: number): Raster {
  return { width, height, data: new Uint8Array(width * height * 4) };
}

export function decodeImage(bytes: Uint8Array, type: string): Raster {
  if (type === "image/jpeg") {
    const img = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 256 });
    const raster = { width: img.width, height: img.height, data: img.data };
    return upright(raster, orientationOf((img as { exifBuffer?: Uint8Array }).exifBuffer));
  }
  if (type === "image/png") return pngToRgba(decodePng(bytes));
  throw new Error(`cannot decode ${type}`);
}

function pngToRgba(png: ReturnType<typeof decodePng>): Raster {
  const { width, height } = png;
  const out = blank(width, height);
  const src = png.palette ? convertIndexedToRgb(png) : png.data;
  const channels = png.palette ? (png.palette[0]?.length ?? 3) : png.channels;
  const shift = png.depth === 16 && !png.palette ? 8 : 0;
  const scale = png.depth < 8 && !png.palette ? 255 / ((1 << png.depth) - 1) : 1;
  for (let i = 0, n = width * height; i < n; i++) {
    const at = i * channels;
    const v = (k: number) => Math.round(((src[at + k] as number) >> shift) * scale);
    const o = i * 4;
    if (channels >= 3) {
      out.data[o] = v(0);
      out.data[o + 1] = v(1);
      out.data[o + 2] = v(2);
      out.data[o + 3] = channels === 4 ? v(3) : 255;
    } else {
      out.data[o] = out.data[o + 1] = out.data[o + 2] = v(0);
      out.data[o + 3] = channels === 2 ? v(1) : 255;
    }
  }
  return out;
}

/** The EXIF orientation (1–8) in a JPEG's APP1 payload ("Exif\0\0" + TIFF), 1 when absent. */
export function orientationOf(exif: Uint8Array | undefined): number {
  if (!exif || exif.length < 14) return 1;
  const tiff = exif[0] === 0x45 && exif[1] === 0x78 ? 6 : 0; // skip "Exif\0\0" when present
  const little = exif[tiff] === 0x49;
  const u16 = (at: number) => (little ? exif[at]! | (exif[at + 1]! << 8) : (exif[at]! << 8) | exif[at + 1]!);
  const u32 = (at: number) => (little ? u16(at) + u16(at + 2) * 65536 : u16(at) * 65536 + u16(at + 2));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > exif.length) return 1;
  for (let i = 0, n = u16(ifd); i < n; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > exif.length) break;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** The picture as it should be seen: orientations 2–8 mirror and/or turn it. */
export function upright(r: Raster, orientation: number): Raster {
  if (orientation <= 1) return r;
  const turned = orientation >= 5;
  const out = blank(turned ? r.height : r.width, turned ? r.width : r.height);
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      // Where the pixel at (x, y) of the upright picture is stored.
      const [sx, sy] = (
        {
          2: [r.width - 1 - x, y],
          3: [r.width - 1 - x, r.height - 1 - y],
          4: [x, r.height - 1 - y],
          5: [y, x],
          6: [y, r.height - 1 - x],
          7: [r.width - 1 - y, r.height - 1 - x],
          8: [r.width - 1 - y, x],
        } as Record<number, [number, number]>
      )[orientation]!;
      const from = (sy * r.width + sx) * 4;
      out.data.set(r.data.subarray(from, from + 4), (y * out.width + x) * 4);
    }
  }
  return out;
}

/** Shrinks so the longer side is at most `maxSide` (averaging each source block); never enlarges. */
export function fitWithin(r: Raster, maxSide: number): Raster {
  const factor = Math.max(r.width, r.height) / maxSide;
  return factor <= 1 ? r : resize(r, Math.max(1, Math.round(r.width / factor)), Math.max(1, Math.round(r.height / factor)));
}

/** Area-average resampling (box filter): good for shrinking, plain for enlarging. */
export function resize(r: Raster, width: number, height: number): Raster {
  const out = blank(width, height);
  const sx = r.width / width;
  const sy = r.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.min(r.height, Math.floor((y + 1) * sy)));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.min(r.width, Math.floor((x + 1) * sx)));
      let red = 0, green = 0, blue = 0, alpha = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const i = (yy * r.width + xx) * 4;
          const a = r.data[i + 3]!;
          // Colour weighted by alpha, so transparent pixels do not darken a garment's edge.
          red += r.data[i]! * a;
          green += r.data[i + 1]! * a;
          blue += r.data[i + 2]! * a;
          alpha += a;
        }
      }
      const o = (y * width + x) * 4;
      const count = (y1 - y0) * (x1 - x0);
      if (alpha > 0) {
        out.data[o] = red / alpha;
        out.data[o + 1] = green / alpha;
        out.data[o + 2] = blue / alpha;
      }
      out.data[o + 3] = alpha / count;
    }
  }
  return out;
}

/**
 * JPEG bytes. jpeg-js returns a Node Buffer whenever it finds a CommonJS `module` (which
 * the bundler's wrapper provides), and Workers have no Buffer without nodejs_compat: for
 * the length of this synchronous call it gets a minimal one.
 */
export function encodeJpegBytes(r: Raster, quality = 85): Uint8Array {
  const g = globalThis as { Buffer?: unknown };
  const lent = g.Buffer === undefined;
  if (lent) g.Buffer = { from: (bytes: ArrayLike<number>) => Uint8Array.from(bytes) };
  try {
    return new Uint8Array(encodeJpeg({ width: r.width, height: r.height, data: r.data }, quality).data);
  } finally {
    if (lent) delete g.Buffer;
  }
}
