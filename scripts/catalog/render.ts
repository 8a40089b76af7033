// Garment illustration → PNG bytes (512 × 512, transparent), for R2. The try-on compositor
// layers these, so they are stored as raster images rather than SVG.
import { Resvg } from "@resvg/resvg-js";
import { garmentSvg, type GarmentSpec } from "./garment-svg.ts";

export function renderGarmentPng(spec: GarmentSpec): Uint8Array {
  return new Resvg(garmentSvg(spec), { fitTo: { mode: "width", value: 512 } }).render().asPng();
}
