// Flat garment illustrations drawn from a product's attributes: a silhouette by subcategory,
// filled with its color and pattern, on a transparent 512 × 512 frame with the same anchors
// for every garment of a kind (the try-on compositor maps these anchors to the body).
import type { Pattern, Subcategory } from "../../worker/catalog/vocabulary.ts";
import { SUBCATEGORIES } from "../../worker/catalog/vocabulary.ts";

export type GarmentSpec = { subcategory: Subcategory; colors: string[]; pattern: Pattern; sleeve?: "short" | "long"; seed?: number };

export const GARMENT_FRAME = { width: 512, height: 512 } as const;

/**
 * Where a garment sits in the frame, per category: tops, outerwear and dresses hang from
 * shoulders at y = 96 (dresses at 64), x = 176 and 336; bottoms from a waistband at y = 64
 * spanning x = 186–326. `hem` is the lowest point of the longest garment of the kind.
 */
export const GARMENT_ANCHORS = {
  top: { leftShoulder: [176, 96], rightShoulder: [336, 96], hem: 400 },
  outer: { leftShoulder: [176, 96], rightShoulder: [336, 96], hem: 470 },
  dress: { leftShoulder: [186, 64], rightShoulder: [326, 64], hem: 470 },
  bottom: { waistLeft: [186, 64], waistRight: [326, 64], hem: 470 },
  shoes: { box: [96, 256, 416, 416] },
  accessory: { box: [96, 96, 416, 416] },
} as const;

// ------------------------------------------------------------------ color helpers

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function shade(hex: string, amount: number): string {
  const [r, g, b] = rgb(hex);
  const f = (c: number) => Math.max(0, Math.min(255, Math.round(amount < 0 ? c * (1 + amount) : c + (255 - c) * amount)));
  return `#${[f(r), f(g), f(b)].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

const luminance = (hex: string) => {
  const [r, g, b] = rgb(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};

// ------------------------------------------------------------------ silhouettes

type Shape = { body: string; details: string[] };

function top(sub: Subcategory, sleeve: "short" | "long"): Shape {
  const long = sleeve === "long";
  const sleeves = long
    ? "M176 96 L120 120 L86 330 L124 338 L162 170 Z M336 96 L392 120 L426 330 L388 338 L350 170 Z"
    : "M176 96 L122 124 L104 196 L150 206 L166 160 Z M336 96 L390 124 L408 196 L362 206 L346 160 Z";
  const hem = sub === "blouse" ? 380 : 400;
  const body = `M176 96 Q256 124 336 96 L352 170 L352 ${hem} Q256 ${hem + 12} 160 ${hem} L160 170 Z ${sleeves}`;
  const details: string[] = [];
  if (sub === "shirt" || sub === "polo") {
    details.push("M226 100 L256 140 L286 100", "M256 140 L256 " + (sub === "polo" ? 190 : hem));
    if (sub === "shirt") details.push("M300 190 h30 v34 h-30 Z");
  } else if (sub === "blouse") {
    details.push("M226 100 Q256 150 286 100", "M246 132 q10 12 20 0 q-10 20 -20 0");
  } else if (sub === "cardigan") {
    details.push("M226 100 L256 200 L256 " + hem, "M226 100 L256 200 L286 100", `M160 ${hem - 24} H352`);
  } else if (sub === "hoodie") {
    details.push("M206 100 Q256 30 306 100", "M206 100 Q256 150 306 100", `M206 300 H306 L296 350 H216 Z`, "M248 122 v40 M264 122 v40");
  } else {
    details.push("M222 98 Q256 126 290 98");
    if (sub === "knit" || sub === "sweatshirt") details.push(`M160 ${hem - 22} H352`, long ? "M88 316 L124 324 M424 316 L388 324" : "");
  }
  return { body, details };
}

function outer(sub: Subcategory): Shape {
  const hem = sub === "blazer" || sub === "leather_jacket" || sub === "denim_jacket" || sub === "windbreaker" ? 400 : sub === "padded_jacket" ? 380 : 470;
  const body = `M176 96 Q256 120 336 96 L360 170 L364 ${hem} L148 ${hem} L152 170 Z M176 96 L116 124 L82 350 L124 358 L158 180 Z M336 96 L396 124 L430 350 L388 358 L354 180 Z`;
  const details: string[] = [`M256 150 L256 ${hem}`];
  if (sub === "blazer" || sub === "wool_coat" || sub === "trench_coat") details.push("M216 100 L244 210 L256 150 M296 100 L268 210 L256 150", "M188 300 h44 M280 300 h44");
  if (sub === "trench_coat") details.push("M150 290 H362", "M236 280 h40 v20 h-40 Z");
  if (sub === "padded_jacket") for (let y = 150; y < hem; y += 46) details.push(`M150 ${y} H362`);
  if (sub === "leather_jacket" || sub === "windbreaker") details.push("M232 100 L256 150 L280 100");
  if (sub === "denim_jacket") details.push("M176 190 h52 v30 h-52 Z M284 190 h52 v30 h-52 Z", `M150 ${hem - 30} H362`);
  return { body, details };
}

function bottom(sub: Subcategory): Shape {
  if (sub.endsWith("skirt")) {
    const hem = sub === "pencil_skirt" ? 330 : 360;
    const flare = sub === "pencil_skirt" ? 0 : sub === "a_line_skirt" ? 70 : 86;
    const body = `M186 64 H326 L${336 + flare} ${hem} Q256 ${hem + 14} ${176 - flare} ${hem} Z`;
    const details = ["M186 92 H326"];
    if (sub === "pleated_skirt") for (let x = 200; x <= 312; x += 16) details.push(`M${x} 92 L${256 + (x - 256) * 1.7} ${hem + 4}`);
    if (sub === "pencil_skirt") details.push(`M256 ${hem - 50} V${hem}`);
    return { body, details };
  }
  const hem = sub === "shorts" ? 250 : 470;
  const spread = sub === "wide_pants" ? 60 : sub === "joggers" || sub === "slacks" || sub === "chinos" ? 18 : 26;
  const taper = sub === "joggers" ? 18 : 0;
  const body = `M186 64 H326 L${330 + spread - taper} ${hem} H${262} L256 150 L250 ${hem} H${182 - spread + taper} Z`;
  const details = ["M186 92 H326", "M256 92 V150"];
  if (sub === "jeans" || sub === "chinos") details.push("M196 92 Q214 130 240 96", "M316 92 Q298 130 272 96");
  if (sub === "slacks") details.push(`M${222 - spread / 2} 100 L${214 - spread} ${hem}`, `M${290 + spread / 2} 100 L${298 + spread} ${hem}`);
  if (sub === "joggers") details.push(`M${182 - spread + taper} ${hem - 18} H250 M262 ${hem - 18} H${330 + spread - taper}`);
  return { body, details };
}

function dress(sub: Subcategory, sleeve: "short" | "long"): Shape {
  const hem = 470;
  const slip = sub === "slip_dress";
  const shoulders = slip ? "M206 64 L214 64 L222 140 M306 64 L298 64 L290 140" : "";
  const flare = sub === "sundress" || sub === "wrap_dress" ? 70 : sub === "knit_dress" || slip ? 24 : 44;
  const bodice = slip ? "M200 140 Q256 160 312 140" : "M186 64 Q256 92 326 64";
  const body = `${bodice} L330 230 Q322 250 336 260 L${336 + flare} ${hem} Q256 ${hem + 14} ${176 - flare} ${hem} L176 260 Q190 250 182 230 Z${
    slip ? "" : sleeve === "long" ? " M186 64 L140 90 L116 300 L150 306 L176 150 Z M326 64 L372 90 L396 300 L362 306 L336 150 Z" : " M186 64 L146 92 L136 150 L172 156 L180 120 Z M326 64 L366 92 L376 150 L340 156 L332 120 Z"
  }`;
  const details = [shoulders, "M182 244 Q256 262 330 244"];
  if (sub === "shirt_dress") details.push("M228 70 L256 110 L284 70", "M256 110 V240");
  if (sub === "wrap_dress") details.push("M200 70 L300 244");
  return { body, details: details.filter(Boolean) };
}

function shoes(sub: Subcategory): Shape {
  const boot = sub === "ankle_boots";
  const heel = sub === "pumps";
  const one = (dx: number) => {
    const top = boot ? 250 : heel ? 300 : 320;
    return heel
      ? `M${120 + dx} 330 Q${150 + dx} ${top} ${230 + dx} 320 L${250 + dx} 400 L${236 + dx} 400 L${226 + dx} 350 Q${170 + dx} 380 ${122 + dx} 400 Z`
      : `M${110 + dx} ${top} L${170 + dx} ${top} Q${190 + dx} 340 ${250 + dx} 352 Q${268 + dx} 360 ${262 + dx} 392 L${108 + dx} 392 Z`;
  };
  const details: string[] = [];
  if (sub === "sneakers" || sub === "derby_shoes") details.push("M150 330 l20 -10 M160 340 l20 -10 M290 330 l20 -10 M300 340 l20 -10");
  if (sub === "sneakers") details.push("M108 380 H262 M248 380 H402");
  if (sub === "loafers") details.push("M160 338 h50 M300 338 h50");
  if (sub === "sandals") details.push("M120 340 H240 M130 365 H250 M260 340 H380 M270 365 H390");
  return { body: `${one(0)} ${one(140)}`, details };
}

function accessory(sub: Subcategory): Shape {
  switch (sub) {
    case "tote_bag":
      return { body: "M140 190 H372 L392 420 H120 Z", details: ["M190 190 Q190 110 256 110 Q322 110 322 190", "M140 230 H372"] };
    case "crossbody_bag":
      return { body: "M170 250 H342 Q360 250 360 270 V390 H152 V270 Q152 250 170 250 Z", details: ["M152 300 H360", "M170 250 L250 100 L342 250", "M246 300 v22"] };
    case "belt":
      return { body: "M90 236 H422 V276 H90 Z", details: ["M300 230 h40 v52 h-40 Z", "M160 256 h4 M190 256 h4 M220 256 h4"] };
    case "tie":
      return { body: "M236 90 H276 L268 130 L300 380 L256 430 L212 380 L244 130 Z", details: ["M244 130 H268"] };
    case "scarf":
      return { body: "M180 100 H332 V320 H300 V140 H212 V420 H180 Z", details: ["M180 420 v20 M192 420 v20 M204 420 v20 M300 320 v20 M312 320 v20 M324 320 v20"] };
    default:
      return { body: "M136 280 Q140 150 256 146 Q372 150 376 280 Z M136 280 H420 Q420 310 376 300 H136 Z", details: ["M256 146 V280", "M190 170 Q220 220 216 280"] };
  }
}

function shape(spec: GarmentSpec): Shape {
  const sleeve = spec.sleeve ?? "long";
  switch (SUBCATEGORIES[spec.subcategory].category) {
    case "top":
      return top(spec.subcategory, sleeve);
    case "outer":
      return outer(spec.subcategory);
    case "bottom":
      return bottom(spec.subcategory);
    case "dress":
      return dress(spec.subcategory, sleeve);
    case "shoes":
      return shoes(spec.subcategory);
    default:
      return accessory(spec.subcategory);
  }
}

// ------------------------------------------------------------------ patterns

function patternDef(id: string, pattern: Pattern, main: string, accent: string): string {
  switch (pattern) {
    case "stripe":
      return `<pattern id="${id}" width="18" height="18" patternUnits="userSpaceOnUse"><rect width="18" height="18" fill="${main}"/><rect x="12" width="5" height="18" fill="${accent}"/></pattern>`;
    case "check":
      return `<pattern id="${id}" width="32" height="32" patternUnits="userSpaceOnUse"><rect width="32" height="32" fill="${main}"/><rect width="12" height="32" fill="${accent}" opacity="0.45"/><rect width="32" height="12" fill="${accent}" opacity="0.45"/></pattern>`;
    case "dot":
      return `<pattern id="${id}" width="26" height="26" patternUnits="userSpaceOnUse"><rect width="26" height="26" fill="${main}"/><circle cx="8" cy="8" r="4" fill="${accent}"/><circle cx="21" cy="21" r="4" fill="${accent}"/></pattern>`;
    case "floral":
      return `<pattern id="${id}" width="44" height="44" patternUnits="userSpaceOnUse"><rect width="44" height="44" fill="${main}"/><g fill="${accent}"><circle cx="12" cy="8" r="4"/><circle cx="18" cy="13" r="4"/><circle cx="12" cy="18" r="4"/><circle cx="6" cy="13" r="4"/></g><circle cx="12" cy="13" r="2.5" fill="${shade(main, -0.3)}"/><g fill="${accent}" opacity="0.8"><circle cx="34" cy="32" r="3"/><circle cx="38" cy="36" r="3"/><circle cx="34" cy="40" r="3"/><circle cx="30" cy="36" r="3"/></g></pattern>`;
    default:
      return ""; // solid; a graphic print is drawn on top (tees and sweats only)
  }
}

// ------------------------------------------------------------------ the document

function idFor(spec: GarmentSpec): string {
  let h = 2166136261;
  for (const ch of JSON.stringify(spec)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return `g${(h >>> 0).toString(36)}`;
}

export function garmentSvg(spec: GarmentSpec): string {
  const main = spec.colors[0] ?? "#9b9ea3";
  const accent = spec.colors[1] ?? (luminance(main) > 0.5 ? shade(main, -0.35) : shade(main, 0.45));
  const dark = luminance(main) < 0.18;
  const line = dark ? shade(main, 0.35) : luminance(main) > 0.85 ? "#b8b8b4" : shade(main, -0.3);
  const id = idFor(spec);
  const { body, details } = shape(spec);
  const pattern = patternDef(`${id}p`, spec.pattern, main, accent);
  const fill = pattern ? `url(#${id}p)` : main;
  const graphic =
    spec.pattern === "graphic" && ["tshirt", "sweatshirt", "hoodie"].includes(spec.subcategory)
      ? `<g opacity="0.9"><circle cx="256" cy="220" r="42" fill="${accent}"/><path d="M220 250 L256 180 L292 250 Z" fill="${shade(accent, luminance(accent) > 0.5 ? -0.4 : 0.5)}"/></g>`
      : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">`,
    `<defs>${pattern}<linearGradient id="${id}s" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="#fff" stop-opacity="0.14"/><stop offset="0.55" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.16"/></linearGradient></defs>`,
    `<path d="${body}" fill="${fill}" stroke="${line}" stroke-width="3" stroke-linejoin="round" fill-rule="nonzero"/>`,
    `<path d="${body}" fill="url(#${id}s)"/>`,
    graphic,
    `<g fill="none" stroke="${line}" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round">${details.map((d) => `<path d="${d}"/>`).join("")}</g>`,
    `</svg>`,
  ].join("");
}
