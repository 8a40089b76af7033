// Contact sheets of the garment illustrations, for eyeballing them: every subcategory on a
// checkerboard (which proves the transparent background), a few single PNGs, a sheet of
// colour/pattern/sleeve variations and a framing overlay with the compositor's anchors.
//
//   PATH=node_modules/.bin:$PATH node scripts/catalog/preview-garments.ts
//
// Writes /tmp/garments-sheet.png, /tmp/garments-variants.png, /tmp/garments-framing.png and
// /tmp/garment-<subcategory>.png for a handful of subcategories.
import { writeFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { COLORS, PATTERNS, SUBCATEGORIES, type ColorKey, type Pattern, type Subcategory } from "../../worker/catalog/vocabulary.ts";
import { GARMENT_ANCHORS, GARMENT_HEMS, garmentSvg, type GarmentSpec } from "./garment-svg.ts";

const hex = (c: ColorKey) => COLORS[c].hex;
const spec = (subcategory: Subcategory, colors: ColorKey[], pattern: Pattern = "solid", sleeve?: "short" | "long"): GarmentSpec => ({
  subcategory,
  colors: colors.map(hex),
  pattern,
  ...(sleeve ? { sleeve } : {}),
});

/** One of each subcategory, in a spread of colours and every pattern at least once. */
const SHEET: GarmentSpec[] = [
  spec("shirt", ["white", "navy"], "stripe", "long"),
  spec("blouse", ["pink", "white"], "dot", "long"),
  spec("tshirt", ["black", "white"], "graphic", "short"),
  spec("polo", ["navy"], "solid", "short"),
  spec("knit", ["beige"], "solid"),
  spec("cardigan", ["butter_yellow"], "solid"),
  spec("sweatshirt", ["gray", "navy"], "graphic"),
  spec("hoodie", ["black"], "solid"),
  spec("slacks", ["charcoal", "white"], "stripe"),
  spec("jeans", ["denim"], "solid"),
  spec("chinos", ["beige"], "solid"),
  spec("wide_pants", ["ivory"], "solid"),
  spec("shorts", ["light_blue", "white"], "check"),
  spec("joggers", ["black"], "solid"),
  spec("pencil_skirt", ["black"], "solid"),
  spec("a_line_skirt", ["mint", "white"], "floral"),
  spec("pleated_skirt", ["navy", "beige"], "check"),
  spec("blazer", ["navy"], "solid"),
  spec("trench_coat", ["beige"], "solid"),
  spec("wool_coat", ["camel"], "solid"),
  spec("padded_jacket", ["black"], "solid"),
  spec("leather_jacket", ["black"], "solid"),
  spec("denim_jacket", ["denim"], "solid"),
  spec("windbreaker", ["red"], "solid"),
  spec("shirt_dress", ["light_blue", "white"], "stripe", "long"),
  spec("wrap_dress", ["burgundy", "ivory"], "floral", "short"),
  spec("knit_dress", ["gray"], "solid"),
  spec("slip_dress", ["lavender"], "solid"),
  spec("sundress", ["butter_yellow", "white"], "dot", "short"),
  spec("loafers", ["brown"], "solid"),
  spec("derby_shoes", ["black"], "solid"),
  spec("pumps", ["red"], "solid"),
  spec("flats", ["beige"], "solid"),
  spec("sneakers", ["white"], "solid"),
  spec("ankle_boots", ["camel"], "solid"),
  spec("sandals", ["black"], "solid"),
  spec("tote_bag", ["camel"], "solid"),
  spec("crossbody_bag", ["black"], "solid"),
  spec("belt", ["brown"], "solid"),
  spec("tie", ["navy", "white"], "stripe"),
  spec("scarf", ["burgundy", "beige"], "check"),
  spec("cap", ["white"], "solid"),
];

/** Colour, pattern and sleeve variations: black and white details, patterns on many shapes. */
const VARIANTS: GarmentSpec[] = [
  spec("shirt", ["black"], "solid", "long"),
  spec("shirt", ["white"], "solid", "short"),
  spec("tshirt", ["white", "navy"], "stripe", "short"),
  spec("tshirt", ["navy", "white"], "graphic", "long"),
  spec("hoodie", ["white", "black"], "graphic"),
  spec("sweatshirt", ["black", "white"], "graphic"),
  spec("knit", ["black"], "solid"),
  spec("cardigan", ["white", "navy"], "stripe"),
  spec("polo", ["white"], "solid", "long"),
  spec("blouse", ["white", "black"], "floral", "short"),
  spec("blazer", ["white"], "solid"),
  spec("blazer", ["gray", "black"], "check"),
  spec("wool_coat", ["black"], "solid"),
  spec("trench_coat", ["black"], "solid"),
  spec("padded_jacket", ["white"], "solid"),
  spec("windbreaker", ["white"], "solid"),
  spec("jeans", ["black"], "solid"),
  spec("wide_pants", ["white", "navy"], "stripe"),
  spec("pencil_skirt", ["white"], "solid"),
  spec("pleated_skirt", ["black"], "solid"),
  spec("shirt_dress", ["white"], "solid", "short"),
  spec("slip_dress", ["black"], "solid"),
  spec("sundress", ["white", "navy"], "check", "long"),
  spec("knit_dress", ["black"], "solid"),
  spec("sneakers", ["black"], "solid"),
  spec("loafers", ["black"], "solid"),
  spec("pumps", ["white"], "solid"),
  spec("ankle_boots", ["black"], "solid"),
  spec("tie", ["burgundy", "white"], "dot"),
  spec("tie", ["navy", "beige"], "check"),
  spec("scarf", ["gray", "white"], "stripe"),
  spec("cap", ["black"], "solid"),
  spec("tote_bag", ["white"], "solid"),
  spec("belt", ["black"], "solid"),
  spec("crossbody_bag", ["beige"], "solid"),
];

// ------------------------------------------------------------------ sheet composition

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** A garment document as a nested `<svg>` placed at (x, y), scaled to `size`. */
function nested(svg: string, x: number, y: number, size: number): string {
  return svg.replace(/^<svg [^>]*>/, `<svg x="${x}" y="${y}" width="${size}" height="${size}" viewBox="0 0 512 512">`);
}

function sheet(specs: GarmentSpec[], columns: number, cell: number, label: (s: GarmentSpec) => string): string {
  const pad = 12;
  const labelH = 36;
  const rows = Math.ceil(specs.length / columns);
  const width = columns * (cell + pad) + pad;
  const height = rows * (cell + labelH + pad) + pad;
  const cells = specs.map((s, i) => {
    const x = pad + (i % columns) * (cell + pad);
    const y = pad + Math.floor(i / columns) * (cell + labelH + pad);
    return [
      `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="url(#checker)" rx="6"/>`,
      nested(garmentSvg(s), x, y, cell),
      `<text x="${x + cell / 2}" y="${y + cell + 16}" text-anchor="middle" font-family="DejaVu Sans" font-size="13" fill="#222">${escape(s.subcategory)}</text>`,
      `<text x="${x + cell / 2}" y="${y + cell + 31}" text-anchor="middle" font-family="DejaVu Sans" font-size="11" fill="#777">${escape(label(s))}</text>`,
    ].join("");
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<defs><pattern id="checker" width="16" height="16" patternUnits="userSpaceOnUse"><rect width="16" height="16" fill="#ffffff"/><rect width="8" height="8" fill="#e9e9ec"/><rect x="8" y="8" width="8" height="8" fill="#e9e9ec"/></pattern></defs>`,
    `<rect width="${width}" height="${height}" fill="#f6f6f7"/>`,
    ...cells,
    `</svg>`,
  ].join("");
}

const colorName = (h: string) => Object.entries(COLORS).find(([, c]) => c.hex === h)?.[0] ?? h;
const describe = (s: GarmentSpec) =>
  `${s.colors.map(colorName).join("/")}${s.pattern === "solid" ? "" : ` · ${PATTERNS[s.pattern].en.toLowerCase()}`}${s.sleeve === "short" ? " · short" : ""}`;

/** All tops/outers/dresses/bottoms of the sheet overlaid on one frame, with the anchors marked. */
function framing(): string {
  const groups: [string, GarmentSpec[]][] = [
    ["top", SHEET.filter((s) => SUBCATEGORIES[s.subcategory].category === "top")],
    ["outer", SHEET.filter((s) => SUBCATEGORIES[s.subcategory].category === "outer")],
    ["dress", SHEET.filter((s) => SUBCATEGORIES[s.subcategory].category === "dress")],
    ["bottom", SHEET.filter((s) => SUBCATEGORIES[s.subcategory].category === "bottom")],
  ];
  const cell = 512;
  const pad = 16;
  const width = groups.length * (cell + pad) + pad;
  const height = cell + 2 * pad;
  const marks = (category: string) => {
    const a = GARMENT_ANCHORS[category as "top"] as Record<string, unknown>;
    const out: string[] = [];
    for (const [name, v] of Object.entries(a)) {
      if (Array.isArray(v) && typeof v[0] === "number" && typeof v[1] === "number") {
        out.push(`<circle cx="${v[0]}" cy="${v[1]}" r="6" fill="none" stroke="#e0245e" stroke-width="3"/>`);
      } else if (typeof v === "number" && name === "hem") {
        out.push(`<line x1="0" x2="512" y1="${v}" y2="${v}" stroke="#e0245e" stroke-width="2" stroke-dasharray="8 6"/>`);
      }
    }
    out.push(`<line x1="256" x2="256" y1="0" y2="512" stroke="#1d9bf0" stroke-width="1.5" stroke-dasharray="4 4"/>`);
    out.push(`<rect x="96" y="0" width="320" height="512" fill="none" stroke="#1d9bf0" stroke-width="1.5" stroke-dasharray="4 4"/>`);
    return out.join("");
  };
  const cells = groups.map(([category, specs], i) => {
    const x = pad + i * (cell + pad);
    return `<g transform="translate(${x} ${pad})"><rect width="512" height="512" fill="url(#checker)"/>${specs
      .map((s) => `<g opacity="${(1.6 / specs.length).toFixed(2)}">${nested(garmentSvg({ ...s, colors: ["#3a6ea5"], pattern: "solid" }), 0, 0, 512)}</g>`)
      .join("")}${marks(category)}<text x="12" y="28" font-family="DejaVu Sans" font-size="22" fill="#333">${category}</text></g>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<defs><pattern id="checker" width="16" height="16" patternUnits="userSpaceOnUse"><rect width="16" height="16" fill="#ffffff"/><rect width="8" height="8" fill="#e9e9ec"/><rect x="8" y="8" width="8" height="8" fill="#e9e9ec"/></pattern></defs>`,
    `<rect width="${width}" height="${height}" fill="#f6f6f7"/>`,
    ...cells,
    `</svg>`,
  ].join("");
}

function png(svg: string, fonts: boolean): Uint8Array {
  return new Resvg(svg, { font: { loadSystemFonts: fonts, defaultFontFamily: "DejaVu Sans" } }).render().asPng();
}

// ------------------------------------------------------------------ main

// Every subcategory is on the sheet exactly once.
const missing = Object.keys(SUBCATEGORIES).filter((k) => !SHEET.some((s) => s.subcategory === k));
if (missing.length > 0 || SHEET.length !== Object.keys(SUBCATEGORIES).length) throw new Error(`sheet is missing ${missing.join(", ")}`);

// Determinism: the same spec gives the same bytes.
for (const s of SHEET) if (garmentSvg(s) !== garmentSvg({ ...s, colors: [...s.colors] })) throw new Error(`${s.subcategory} is not deterministic`);

/**
 * Framing check, from the rendered alpha (drop shadow left out): body garments are centred on
 * x = 256 within x 90–422 and end at their GARMENT_HEMS line; shoes and accessories stay in
 * their box. Returns the problems found.
 */
function checkFraming(s: GarmentSpec): string[] {
  const svg = garmentSvg(s).replace(/<g opacity="0\.13" transform="translate\(0 4\)"[^]*?<\/g>(<\/g>)?/, "");
  const px = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
  let [x0, y0, x1, y1, hem] = [512, 512, -1, -1, 0];
  for (let y = 0; y < 512; y++) {
    let run = 0;
    for (let x = 0; x < 512; x++) {
      if ((px[(y * 512 + x) * 4 + 3] ?? 0) > 128) {
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), y];
        if (++run >= 24) hem = y;
      } else run = 0;
    }
  }
  const category = SUBCATEGORIES[s.subcategory].category;
  const problems: string[] = [];
  if (category === "shoes" || category === "accessory") {
    const [bx0, by0, bx1, by1] = GARMENT_ANCHORS[category].box;
    if (x0 < bx0 - 2 || y0 < by0 - 2 || x1 > bx1 + 2 || y1 > by1 + 2) problems.push(`outside its box: ${x0},${y0}–${x1},${y1}`);
  } else {
    if (Math.abs((x0 + x1) / 2 - 256) > 3) problems.push(`not centred: x ${x0}–${x1}`);
    if (x0 < 90 || x1 > 422) problems.push(`too wide: x ${x0}–${x1}`);
    if (Math.abs(hem - GARMENT_HEMS[s.subcategory]) > 3) problems.push(`hem at ${hem}, GARMENT_HEMS says ${GARMENT_HEMS[s.subcategory]}`);
  }
  return problems.map((p) => `${s.subcategory}${s.sleeve ? ` (${s.sleeve})` : ""}: ${p}`);
}

const framingProblems = [...SHEET, ...VARIANTS].flatMap(checkFraming);
console.log(framingProblems.length === 0 ? "framing: all drawings centred, within bounds, hems as declared" : `framing problems:\n  ${framingProblems.join("\n  ")}`);

// Time all 42 to 512 px PNGs, as the seed renders them (no system fonts).
const t0 = performance.now();
const singles = SHEET.map((s) => new Resvg(garmentSvg(s), { fitTo: { mode: "width", value: 512 }, font: { loadSystemFonts: false } }).render().asPng());
const ms = performance.now() - t0;
const bytes = singles.reduce((n, b) => n + b.length, 0);
console.log(`rendered ${singles.length} garments at 512 px in ${ms.toFixed(0)} ms (${(ms / singles.length).toFixed(1)} ms each, ${(bytes / singles.length / 1024).toFixed(1)} KiB avg)`);

for (const sub of ["shirt", "hoodie", "jeans", "trench_coat", "wrap_dress", "sneakers", "tote_bag"] as const) {
  const i = SHEET.findIndex((s) => s.subcategory === sub);
  const bytesOf = singles[i];
  if (bytesOf) writeFileSync(`/tmp/garment-${sub}.png`, bytesOf);
}

// `node preview-garments.ts top` (or outer, dress, …): that category large, for close inspection.
const only = process.argv[2];
if (only) {
  const pick = [...SHEET, ...VARIANTS].filter((s) => SUBCATEGORIES[s.subcategory].category === only || s.subcategory === only);
  writeFileSync(`/tmp/garments-${only}.png`, png(sheet(pick, 4, 400, describe), true));
  console.log(`wrote /tmp/garments-${only}.png`);
  process.exit(0);
}

writeFileSync("/tmp/garments-sheet.png", png(sheet(SHEET, 7, 220, describe), true));
writeFileSync("/tmp/garments-variants.png", png(sheet(VARIANTS, 7, 220, describe), true));
writeFileSync("/tmp/garments-framing.png", png(framing(), true));
console.log("wrote /tmp/garments-sheet.png, /tmp/garments-variants.png, /tmp/garments-framing.png and /tmp/garment-*.png");
