// Real pictures for the try-on tests, made in code (no runtime needed, so the browser tests
// use them too): a photo of a standing figure against a plain wall (JPEG), and garment images
// in the catalog's 512 × 512 frame (transparent PNG, a flat shape in one colour where the
// drawings put that kind of garment).
import { encode as encodePng } from "fast-png";
import jpeg from "jpeg-js";

export const WALL: [number, number, number] = [226, 224, 218];
/** The figure's proportions: head top at 5 % of the photo, 90 % of it tall, centred. */
export const FIGURE = { top: 0.05, height: 0.9 };

export function personPhoto(width = 600, height = 900): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  const h = height * FIGURE.height;
  const top = height * FIGURE.top;
  const cx = width / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const f = (y - top) / h;
      const dx = Math.abs(x - cx) / h;
      let c = WALL;
      if (f > 0 && f < 0.13 && Math.hypot(dx, f - 0.065) < 0.06) c = [224, 180, 150];
      else if (f >= 0.13 && f < 0.18 && dx < 0.03) c = [224, 180, 150];
      else if (f >= 0.18 && f < 0.53 && dx < 0.12) c = [120, 120, 128];
      else if (f >= 0.53 && f < 0.96 && dx < 0.085 && dx > 0.01) c = [80, 80, 88];
      data.set([c[0], c[1], c[2], 255], (y * width + x) * 4);
    }
  }
  return new Uint8Array(jpeg.encode({ width, height, data }, 90).data);
}

/** A garment in the catalog frame: a solid block between the frame's anchors for its kind. */
export function garmentPng(category: "top" | "bottom" | "dress" | "outer", rgb: [number, number, number]): Uint8Array {
  const size = 512;
  const data = new Uint8Array(size * size * 4);
  const [x0, x1, y0, y1] = category === "bottom" ? [178, 334, 64, 470] : category === "dress" ? [192, 320, 64, 450] : [150, 362, 96, 386];
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.set([rgb[0], rgb[1], rgb[2], 255], (y * size + x) * 4);
  return encodePng({ width: size, height: size, data, channels: 4 });
}

export function decodeJpeg(bytes: Uint8Array) {
  return jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
}

/** The colour at (x, y) as fractions of the picture's width and height. */
export function colourAt(img: { width: number; height: number; data: Uint8Array }, fx: number, fy: number): [number, number, number] {
  const i = (Math.floor(fy * img.height) * img.width + Math.floor(fx * img.width)) * 4;
  return [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
}

export const near = (a: [number, number, number], b: [number, number, number], tolerance = 40) => a.every((v, k) => Math.abs(v - b[k]!) <= tolerance);
