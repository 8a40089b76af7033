// Garment illustration → PNG bytes (512 × 512, transparent), for R2. The try-on compositor
// layers these, so they are stored as raster images rather than SVG.
import { Resvg } from "@resvg/resvg-js";
import { garmentSvg, type GarmentSpec } from "./garment-svg.ts";

/** The drawing's source: its hash is the image's version, so unchanged images are not re-rendered. */
export const garmentSource = garmentSvg;

/** No text is drawn, so system fonts are not loaded (that alone took 60 % of a render). */
export function renderSvgPng(svg: string): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: "width", value: 512 }, font: { loadSystemFonts: false } }).render().asPng();
}

export function renderGarmentPng(spec: GarmentSpec): Uint8Array {
  return renderSvgPng(garmentSvg(spec));
}
