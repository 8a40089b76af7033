// Flat-vector garment illustrations drawn from a product's attributes: a silhouette with its
// construction details (collars, plackets, seams, stitching, ribbing, pockets) by subcategory,
// filled with the product's colour and pattern, softly shaded, on a transparent 512 × 512
// frame. Every garment of a kind sits on the same anchors, so the try-on compositor can map
// them onto body landmarks (see GARMENT_ANCHORS).
//
// garmentSvg is pure and deterministic: the same spec gives byte-identical SVG. The document
// references nothing outside itself (no fonts, images or external <use>), and its ids carry a
// hash of the spec, so several drawings can be inlined into one page without clashing.
import type { Pattern, Subcategory } from "../../worker/catalog/vocabulary.ts";
import { SUBCATEGORIES } from "../../worker/catalog/vocabulary.ts";

export type GarmentSpec = {
  subcategory: Subcategory;
  /** Hex colours, 1–2: the main colour and an optional secondary one (pattern / accent). */
  colors: string[];
  pattern: Pattern;
  /** Tops and dresses with sleeves; long when absent. */
  sleeve?: "short" | "long";
  /** Small deterministic variations (print motif, pattern scale); never moves the anchors. */
  seed?: number;
};

// The frame and its anchors are shared with the try-on compositor, which places garments by them.
export { GARMENT_ANCHORS, GARMENT_FRAME, GARMENT_HEMS } from "../../worker/catalog/garment-frame.ts";
import { GARMENT_ANCHORS } from "../../worker/catalog/garment-frame.ts";

type Point = readonly [number, number];

// ================================================================== colour

type RGB = [number, number, number];

function parseHex(hex: string): RGB {
  const h = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim())?.[1] ?? "9b9ea3";
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h;
  const n = Number.parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = ([r, g, b]: RGB) => `#${[r, g, b].map((c) => Math.round(Math.max(0, Math.min(255, c))).toString(16).padStart(2, "0")).join("")}`;

function toHsl([r, g, b]: RGB): [number, number, number] {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const max = Math.max(R, G, B);
  const min = Math.min(R, G, B);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === R ? (G - B) / d + (G < B ? 6 : 0) : max === G ? (B - R) / d + 2 : (R - G) / d + 4;
  return [h / 6, s, l];
}

function fromHsl([h, s, l]: [number, number, number]): RGB {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const f = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    return 255 * (u < 1 / 6 ? p + (q - p) * 6 * u : u < 1 / 2 ? q : u < 2 / 3 ? p + (q - p) * (2 / 3 - u) * 6 : p);
  };
  return [f(h + 1 / 3), f(h), f(h - 1 / 3)];
}

/**
 * The colour with its HSL lightness moved by `dl` (−0.18 = 18 % darker). Near-greys are mixed
 * towards black or white instead, so an off-white does not turn olive when darkened.
 */
function lighten(hex: string, dl: number): string {
  const rgb = parseHex(hex);
  const [h, s, l] = toHsl(rgb);
  const target = Math.max(0, Math.min(1, l + dl));
  if ((Math.max(...rgb) - Math.min(...rgb)) / 255 < 0.08) {
    const t = dl < 0 ? (l - target) / Math.max(l, 1e-6) : (target - l) / Math.max(1 - l, 1e-6);
    return mix(hex, dl < 0 ? "#000000" : "#ffffff", t);
  }
  return toHex(fromHsl([h, s, target]));
}

function mix(a: string, b: string, t: number): string {
  const [x, y] = [parseHex(a), parseHex(b)];
  return toHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** Relative luminance, 0 (black) – 1 (white). */
function luminance(hex: string): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = parseHex(hex);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

type Palette = {
  main: string;
  /** The second colour, guaranteed to stand out from the main one. */
  accent: string;
  /** Silhouette and piece outlines: darker, a soft grey on white, lighter on black. */
  line: string;
  /** Seams and construction lines inside the garment. */
  seam: string;
  stitch: string;
  /** Inside of the garment (back neck, lining, hood). */
  inner: string;
  highlight: string;
  shadow: string;
  dark: boolean;
  light: boolean;
};

function palette(colors: string[], sub: Subcategory): Palette {
  const main = toHex(parseHex(colors[0] ?? "#9b9ea3"));
  const lum = luminance(main);
  const dark = lum < 0.06;
  const light = lum > 0.6;
  const second = colors[1] === undefined ? undefined : toHex(parseHex(colors[1]));
  const accent =
    second !== undefined && contrast(main, second) >= 1.3 ? second : lum > 0.3 ? lighten(main, -0.32) : lighten(main, dark ? 0.42 : 0.3);
  const line = dark ? mix(main, "#ffffff", 0.26) : light ? mix(main, "#000000", 0.3) : lighten(main, -0.2);
  const seam = dark ? mix(main, "#ffffff", 0.22) : light ? mix(main, "#000000", 0.22) : lighten(main, -0.15);
  const denim = sub === "jeans" || sub === "denim_jacket";
  return {
    main,
    accent,
    line,
    seam,
    stitch: denim ? "#d8a24a" : seam,
    inner: dark ? lighten(main, 0.05) : light ? mix(main, "#000000", 0.12) : lighten(main, -0.12),
    highlight: lighten(main, dark ? 0.22 : 0.12),
    shadow: dark ? "#000000" : lighten(main, -0.25),
    dark,
    light,
  };
}

// ================================================================== paths

const fmt = (n: number) => String(Math.round(n * 10) / 10);

type Seg = { c: "L" | "Q" | "C"; p: number[] };

/** Absolute M/L/Q/C path (one subpath) → start point and segments. */
function parsePath(d: string): { start: Point; segs: Seg[] } {
  const tokens = d.match(/[MLQCZ]|-?\d*\.?\d+/g) ?? [];
  let start: Point = [0, 0];
  const segs: Seg[] = [];
  let cmd = "";
  let nums: number[] = [];
  const flush = () => {
    if (cmd === "M") start = [nums[0] ?? 0, nums[1] ?? 0];
    else if (cmd === "L" || cmd === "Q" || cmd === "C") {
      const arity = cmd === "L" ? 2 : cmd === "Q" ? 4 : 6;
      for (let i = 0; i + arity <= nums.length; i += arity) segs.push({ c: cmd, p: nums.slice(i, i + arity) });
    }
    nums = [];
  };
  for (const t of tokens) {
    if (/[MLQCZ]/.test(t)) {
      flush();
      cmd = t;
    } else nums.push(Number(t));
  }
  flush();
  return { start, segs };
}

const mx = (x: number) => 512 - x;

/**
 * A symmetric closed shape from its left half: `half` runs (absolute M, L, Q, C only) from a
 * point on the centre line down the left side to another point; the right half is the mirror
 * image traced back up.
 */
function sym(half: string): string {
  const { start, segs } = parsePath(half);
  const starts: Point[] = [];
  let cur = start;
  for (const s of segs) {
    starts.push(cur);
    cur = [s.p[s.p.length - 2] ?? 0, s.p[s.p.length - 1] ?? 0];
  }
  const out = [half, `L${fmt(mx(cur[0]))} ${fmt(cur[1])}`];
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i];
    const from = starts[i];
    if (!s || !from) continue;
    const ctrl: number[] = [];
    for (let j = s.p.length - 4; j >= 0; j -= 2) ctrl.push(mx(s.p[j] ?? 0), s.p[j + 1] ?? 0);
    out.push(`${s.c}${[...ctrl, mx(from[0]), from[1]].map(fmt).join(" ")}`);
  }
  return `${out.join(" ")} Z`;
}

/** The path mirrored about x = 256 (absolute M, L, H, V, Q, C, Z). */
function mirror(d: string): string {
  const tokens = d.match(/[MLHVQCZ]|-?\d*\.?\d+/g) ?? [];
  let cmd = "";
  let i = 0;
  return tokens
    .map((t) => {
      if (/[A-Z]/.test(t)) {
        cmd = t;
        i = 0;
        return t;
      }
      const n = Number(t);
      const isX = cmd === "H" || (cmd !== "V" && i % 2 === 0);
      i++;
      return fmt(isX ? mx(n) : n);
    })
    .join(" ")
    .replace(/ ([A-Z])/g, "$1")
    .replace(/([A-Z]) /g, "$1");
}

/** Left path plus its mirror image (for pairs: sleeves, pockets, seams). */
const both = (d: string) => `${d} ${mirror(d)}`;

const lerp = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
const pt = (p: Point) => `${fmt(p[0])} ${fmt(p[1])}`;

// ================================================================== drawing context

type Kind = "fabric" | "plain" | "inner" | "accent" | "metal" | "sole" | "lining";

type Ctx = {
  id: string;
  pal: Palette;
  spec: GarmentSpec;
  defs: string[];
  out: string[];
  /** Outer silhouette pieces, for the drop shadow. */
  silhouette: string[];
  /** A transform the drawing was placed with (shoes), applied to the drop shadow too. */
  dropTransform?: string;
  clips: number;
};

function fillOf(ctx: Ctx, kind: Kind | string): string {
  const { pal, id } = ctx;
  switch (kind) {
    case "fabric":
      return ctx.spec.pattern === "solid" || ctx.spec.pattern === "graphic" ? pal.main : `url(#${id}-pat)`;
    case "plain":
      return pal.main;
    case "inner":
      return pal.inner;
    case "lining":
      return pal.dark ? mix(pal.main, "#ffffff", 0.08) : mix(pal.main, "#000000", 0.18);
    case "accent":
      return pal.accent;
    case "metal":
      return `url(#${id}-metal)`;
    case "sole":
      return pal.light ? "#e3e0da" : "#f4f2ee";
    default:
      return kind;
  }
}

/**
 * A garment piece: filled, lit by the frame-wide light gradient, with soft folds (`fx`,
 * clipped to the piece), then outlined.
 */
function piece(ctx: Ctx, d: string, kind: Kind | string = "fabric", fx = "", opts: { outline?: boolean; silhouette?: boolean; lit?: boolean } = {}): void {
  const fill = fillOf(ctx, kind);
  const stroke = opts.outline === false ? "" : ` stroke="${ctx.pal.line}" stroke-width="2.2" stroke-linejoin="round"`;
  const lit = opts.lit !== false;
  // The light is the same shape again, filled with the frame-wide gradient (cheaper than a clip).
  ctx.out.push(`<path d="${d}" fill="${fill}"${!lit && !fx ? stroke : ""}/>`);
  if (fx) {
    const n = ctx.clips++;
    ctx.defs.push(`<clipPath id="${ctx.id}-k${n}"><path d="${d}"/></clipPath>`);
    if (lit) ctx.out.push(`<path d="${d}" fill="url(#${ctx.id}-light)"/>`);
    ctx.out.push(`<g clip-path="url(#${ctx.id}-k${n})"><g filter="url(#${ctx.id}-blur)">${fx}</g></g>`);
    if (stroke) ctx.out.push(`<path d="${d}" fill="none"${stroke}/>`);
  } else if (lit) ctx.out.push(`<path d="${d}" fill="url(#${ctx.id}-light)"${stroke}/>`);
  if (opts.silhouette !== false) ctx.silhouette.push(d);
}

/**
 * Soft shadow (or, with `white`, a sheen) inside a piece: a translucent shape, blurred with
 * the piece's other folds in one pass (see `piece`).
 */
function fold(ctx: Ctx, d: string, opacity = 0.12, white = false): string {
  const o = white ? opacity * (ctx.pal.dark ? 1.1 : ctx.pal.light ? 0.6 : 0.9) : opacity * (ctx.pal.dark ? 1.6 : ctx.pal.light ? 0.75 : 1);
  return `<path d="${d}" fill="${white ? "#ffffff" : "#000000"}" opacity="${Math.round(Math.min(1, o) * 1000) / 1000}"/>`;
}

function seam(ctx: Ctx, d: string, width = 1.8, opacity = 1): void {
  ctx.out.push(`<path d="${d}" fill="none" stroke="${ctx.pal.seam}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"${opacity < 1 ? ` opacity="${opacity}"` : ""}/>`);
}

function stitch(ctx: Ctx, d: string, width = 1.3): void {
  ctx.out.push(`<path d="${d}" fill="none" stroke="${ctx.pal.stitch}" stroke-width="${width}" stroke-dasharray="3.2 2.6" stroke-linecap="round" opacity="0.9"/>`);
}

function raw(ctx: Ctx, svg: string): void {
  ctx.out.push(svg);
}

function button(ctx: Ctx, x: number, y: number, r = 4.2, color?: string): void {
  const { pal } = ctx;
  const fill = color ?? (pal.dark ? lighten(pal.main, 0.12) : pal.light ? "#fbfbf8" : lighten(pal.main, -0.08));
  const holes = r >= 4 ? `<circle cx="${fmt(x - r * 0.3)}" cy="${fmt(y)}" r="${fmt(r * 0.16)}" fill="${pal.line}"/><circle cx="${fmt(x + r * 0.3)}" cy="${fmt(y)}" r="${fmt(r * 0.16)}" fill="${pal.line}"/>` : "";
  raw(ctx, `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(r)}" fill="${fill}" stroke="${pal.line}" stroke-width="1.3"/>${holes}`);
}

/** A zipper along a path: tape line, teeth, and optionally the slider at the start. */
function zipper(ctx: Ctx, d: string, puller?: Point): void {
  raw(ctx, `<path d="${d}" fill="none" stroke="#8d8f94" stroke-width="5" stroke-dasharray="1.6 1.6"/><path d="${d}" fill="none" stroke="${ctx.pal.dark ? "#6b6d72" : "#5d5f64"}" stroke-width="1"/>`);
  if (puller) {
    const [x, y] = puller;
    raw(ctx, `<rect x="${fmt(x - 4)}" y="${fmt(y - 2)}" width="8" height="11" rx="2" fill="url(#${ctx.id}-metal)" stroke="#6d6f74" stroke-width="1"/><rect x="${fmt(x - 2.5)}" y="${fmt(y + 8)}" width="5" height="14" rx="2.5" fill="url(#${ctx.id}-metal)" stroke="#6d6f74" stroke-width="1"/>`);
  }
}

/** Ribbing: short parallel lines between two lines (given as endpoints), `n` of them. */
function ribs(ctx: Ctx, a0: Point, a1: Point, b0: Point, b1: Point, n: number): void {
  const lines: string[] = [];
  for (let i = 1; i < n; i++) {
    const t = i / n;
    lines.push(`M${pt(lerp(a0, a1, t))} L${pt(lerp(b0, b1, t))}`);
  }
  seam(ctx, lines.join(" "), 1, 0.55);
}

// ================================================================== sleeves

type SleeveGeom = { top: Point; armpit: Point; cuffOut: Point; cuffIn: Point; bulge?: number };

/** A left sleeve hanging from the shoulder (drawn under the body, which covers its top). */
function sleevePath(g: SleeveGeom): string {
  const mid = lerp(g.top, g.cuffOut, 0.5);
  const b = g.bulge ?? 5;
  const ctrl: Point = [mid[0] - b, mid[1] - b * 0.3];
  const inMid = lerp(g.armpit, g.cuffIn, 0.5);
  return `M${pt(g.top)} Q${pt(ctrl)} ${pt(g.cuffOut)} L${pt(g.cuffIn)} Q${pt([inMid[0] + 2, inMid[1]])} ${pt(g.armpit)} L${pt([g.armpit[0] + 26, g.armpit[1] - 30])} L${pt([g.top[0] + 24, g.top[1] + 6])} Z`;
}

/** The band of a sleeve from `t` (fraction from the top) to the cuff. */
function cuffPath(g: SleeveGeom, t: number): string {
  const a = lerp(g.top, g.cuffOut, t);
  const b = lerp(g.armpit, g.cuffIn, t);
  return `M${pt(a)} L${pt(g.cuffOut)} L${pt(g.cuffIn)} L${pt(b)} Z`;
}

function acrossSleeve(g: SleeveGeom, t: number, inset = 0): string {
  const a = lerp(g.top, g.cuffOut, t);
  const b = lerp(g.armpit, g.cuffIn, t);
  return `M${pt(lerp(a, b, inset))} L${pt(lerp(b, a, inset))}`;
}

const TOP_LONG: SleeveGeom = { top: [160, 96], armpit: [168, 184], cuffOut: [102, 356], cuffIn: [148, 366] };
const TOP_SHORT: SleeveGeom = { top: [160, 96], armpit: [168, 184], cuffOut: [106, 190], cuffIn: [150, 216], bulge: 2 };
const OUTER_LONG: SleeveGeom = { top: [158, 96], armpit: [166, 190], cuffOut: [97, 374], cuffIn: [147, 384], bulge: 7 };

/** Soft shading of a sleeve: shadow along its inner edge, a sheen along the outer one. */
function sleeveFolds(ctx: Ctx, g: SleeveGeom, shadow = 0.16, flip = false): string {
  const f = (d: string) => (flip ? mirror(d) : d);
  const o0 = lerp(g.top, g.cuffOut, 0.12);
  const o1 = lerp(g.top, g.cuffOut, 0.95);
  const i0 = lerp(g.armpit, g.cuffIn, 0);
  const i1 = lerp(g.armpit, g.cuffIn, 1);
  return (
    fold(ctx, f(`M${pt(i0)} L${pt(i1)} L${pt(lerp(i1, o1, 0.3))} L${pt(lerp(i0, o0, 0.22))} Z`), shadow) +
    fold(ctx, f(`M${pt(o0)} L${pt(o1)} L${pt(lerp(o1, i1, 0.22))} L${pt(lerp(o0, i0, 0.16))} Z`), flip ? 0.06 : 0.14, true)
  );
}

/** Both sleeves, softly shaded (the right one, away from the light, a little darker). */
function sleeves(ctx: Ctx, g: SleeveGeom, kind: Kind = "fabric"): void {
  const left = sleevePath(g);
  piece(ctx, left, kind, sleeveFolds(ctx, g, 0.14));
  piece(ctx, mirror(left), kind, sleeveFolds(ctx, g, 0.2, true));
}

// ================================================================== tops

/**
 * The hem each garment is built to (before curved shirttails, flares and bands; the exported
 * GARMENT_HEMS are the resulting lowest points). Shoes and accessories are drawn at fixed
 * coordinates and ignore theirs.
 */
const HEM: Record<Subcategory, number> = {
  shirt: 392, blouse: 380, tshirt: 386, polo: 386, knit: 384, cardigan: 384, sweatshirt: 384, hoodie: 388,
  slacks: 470, jeans: 470, chinos: 470, wide_pants: 470, shorts: 262, joggers: 466,
  pencil_skirt: 330, a_line_skirt: 336, pleated_skirt: 372,
  blazer: 400, trench_coat: 470, wool_coat: 466, padded_jacket: 386, leather_jacket: 366, denim_jacket: 368, windbreaker: 388,
  shirt_dress: 440, wrap_dress: 446, knit_dress: 456, slip_dress: 460, sundress: 436,
  loafers: 404, derby_shoes: 404, pumps: 404, flats: 404, sneakers: 404, ankle_boots: 404, sandals: 404,
  tote_bag: 404, crossbody_bag: 392, belt: 292, tie: 420, scarf: 424, cap: 336,
};

const TEE_NECK = "M256 118 C236 118 220 104 214 80";

function topBody(ctx: Ctx, neck: string, hem: number, opts: { hemCurve?: number; flare?: number; fx?: string } = {}): string {
  const flare = opts.flare ?? 0;
  const curve = opts.hemCurve ?? 0;
  const hemX = 170 - flare;
  const half = `${neck} L160 96 C163 128 166 160 168 184 L${hemX} ${hem - curve} ${curve ? `C${hemX + 4} ${hem + curve * 0.4} 220 ${hem + curve * 0.6} 256 ${hem + curve * 0.6}` : `L256 ${hem}`}`;
  const body = sym(half);
  piece(ctx, body, "fabric", opts.fx ?? bodyFolds(ctx, hem));
  return body;
}

function bodyFolds(ctx: Ctx, hem: number): string {
  return [
    // lit left side, shaded right side, a drape fold or two in the lower body, shade under the neck
    fold(ctx, `M170 190 C176 260 178 330 176 ${hem} L196 ${hem} C198 330 194 250 184 190 Z`, 0.16, true),
    fold(ctx, `M344 184 C336 250 334 320 338 ${hem} L352 ${hem} L352 184 Z`, 0.16),
    fold(ctx, `M222 ${hem - 150} C230 ${hem - 90} 232 ${hem - 40} 228 ${hem} L220 ${hem} C224 ${hem - 50} 222 ${hem - 100} 222 ${hem - 150} Z`, 0.08),
    fold(ctx, `M296 ${hem - 120} C300 ${hem - 70} 300 ${hem - 30} 304 ${hem} L312 ${hem} C308 ${hem - 40} 304 ${hem - 80} 296 ${hem - 120} Z`, 0.08),
    fold(ctx, `M226 112 C244 126 268 126 286 112 L286 124 C268 136 244 136 226 124 Z`, 0.1),
  ].join("");
}

/** The visible inside of the back neck, drawn before the body. */
function backNeck(ctx: Ctx, y = 88, dip = 132): void {
  piece(ctx, `M212 80 C230 ${y + 2} 282 ${y + 2} 300 80 L300 ${dip} L212 ${dip} Z`, "inner", "", { outline: false, silhouette: false, lit: false });
  raw(ctx, `<path d="M212 80 C230 ${y + 2} 282 ${y + 2} 300 80" fill="none" stroke="${ctx.pal.line}" stroke-width="2.2"/>`);
}

function crewBand(ctx: Ctx, depth = 118, band = 9): void {
  const outer = `M214 80 C220 104 236 ${depth} 256 ${depth} C276 ${depth} 292 104 298 80`;
  const inner = `M292 ${80 + 2} C287 ${100 - band / 3} 274 ${depth - band} 256 ${depth - band} C238 ${depth - band} 225 ${100 - band / 3} 220 82`;
  piece(ctx, `${outer} L${inner.slice(1)} Z`, "fabric", "", { silhouette: false });
}

function hemStitch(ctx: Ctx, y: number, x0 = 172, x1 = 340): void {
  stitch(ctx, `M${x0} ${y} L${x1} ${y}`);
}

function shortSleeveHem(ctx: Ctx, g: SleeveGeom): void {
  stitch(ctx, both(acrossSleeve(g, 0.86, 0.04)));
}

function drawTop(ctx: Ctx): void {
  const sub = ctx.spec.subcategory;
  const long = ctx.spec.sleeve !== "short";
  const hem = HEM[sub];
  const g = long ? TOP_LONG : TOP_SHORT;
  switch (sub) {
    case "tshirt": {
      backNeck(ctx);
      sleeves(ctx, g);
      if (!long) shortSleeveHem(ctx, g);
      else ribCuffs(ctx, g, 0.9);
      topBody(ctx, TEE_NECK, hem);
      crewBand(ctx);
      hemStitch(ctx, hem - 9);
      seam(ctx, both("M214 80 L160 96"), 1.4, 0.7);
      graphic(ctx, 256, 196, 1);
      break;
    }
    case "polo": {
      backNeck(ctx, 86);
      sleeves(ctx, g);
      if (!long) {
        piece(ctx, both(cuffPath(g, 0.82)), "fabric", "", { silhouette: false });
        ribs(ctx, lerp(g.top, g.cuffOut, 0.82), g.cuffOut, lerp(g.armpit, g.cuffIn, 0.82), g.cuffIn, 1);
      } else ribCuffs(ctx, g, 0.9);
      topBody(ctx, "M256 112 C240 112 224 102 216 80", hem, { hemCurve: 6 });
      // placket and two buttons
      piece(ctx, "M245 110 L267 110 L267 178 L245 178 Z", "fabric", "", { silhouette: false });
      seam(ctx, "M245 178 L267 178", 1.4);
      button(ctx, 256, 132, 3.6);
      button(ctx, 256, 158, 3.6);
      // flat-knit collar, laid open
      piece(ctx, "M214 80 C232 70 280 70 298 80 L292 88 C276 80 236 80 220 88 Z", "plain", "", { silhouette: false });
      const collar = "M214 78 C230 86 240 90 245 110 L234 140 C222 120 210 100 204 82 Z";
      piece(ctx, collar, "plain", fold(ctx, "M245 110 L234 140 L226 126 Z", 0.15), { silhouette: false });
      piece(ctx, mirror(collar), "plain", "", { silhouette: false });
      seam(ctx, both("M210 84 C216 100 226 118 235 132"), 1, 0.6);
      stitch(ctx, "M172 " + (hem - 4) + " L340 " + (hem - 4));
      seam(ctx, both(`M171 ${hem - 4} L176 ${hem - 26}`), 1.4);
      break;
    }
    case "shirt":
      drawShirt(ctx, g, long, hem);
      break;
    case "blouse":
      drawBlouse(ctx, long, hem);
      break;
    case "knit":
    case "cardigan":
    case "sweatshirt": {
      const knitG: SleeveGeom = { ...TOP_LONG, cuffOut: [100, 360], cuffIn: [150, 368], bulge: 8 };
      const sg = long || sub !== "sweatshirt" ? knitG : g;
      if (sub !== "cardigan") backNeck(ctx);
      else {
        piece(ctx, sym("M256 226 L212 80 C228 88 244 90 256 90"), "inner", fold(ctx, "M212 80 L300 80 L300 110 L212 110 Z", 0.2), { outline: false, silhouette: false, lit: false });
        raw(ctx, `<path d="M212 80 C230 90 282 90 300 80" fill="none" stroke="${ctx.pal.line}" stroke-width="2.2"/>`);
      }
      sleeves(ctx, sg);
      ribCuffs(ctx, sg, 0.86);
      const neck = sub === "cardigan" ? "M256 214 L216 80" : TEE_NECK;
      topBody(ctx, neck, hem - 26, { fx: bodyFolds(ctx, hem - 26) });
      // ribbed hem band, slightly gathered in
      const band = `M170 ${hem - 27} L342 ${hem - 27} L338 ${hem} L174 ${hem} Z`;
      if (sub === "cardigan") {
        const l = `M170 ${hem - 27} L255 ${hem - 27} L255 ${hem} L174 ${hem} Z`;
        piece(ctx, l, "fabric");
        piece(ctx, mirror(l), "fabric");
      } else piece(ctx, band, "fabric");
      ribs(ctx, [170, hem - 27], [342, hem - 27], [174, hem], [338, hem], 30);
      if (sub === "cardigan") {
        // V-neck button band with buttons
        piece(ctx, `M216 80 L256 214 L256 ${hem} L244 ${hem} L244 224 L205 84 Z`, "fabric", "", { silhouette: false });
        piece(ctx, mirror(`M216 80 L256 214 L256 ${hem} L244 ${hem} L244 224 L205 84 Z`), "fabric", "", { silhouette: false });
        seam(ctx, `M256 214 L256 ${hem}`, 1.6);
        for (let y = 236; y < hem - 10; y += 34) button(ctx, 262, y, 4.2);
        ribs(ctx, [205, 84], [244, 224], [216, 80], [256, 214], 12);
      } else {
        crewBand(ctx, 118, 11);
        ribs(ctx, [214, 80], [298, 80], [220, 82], [292, 82], 1);
      }
      if (sub === "sweatshirt") {
        seam(ctx, both("M214 80 C196 120 178 156 168 184"), 1.6);
        piece(ctx, "M246 107 L256 124 L266 107 Z", "fabric", "", { silhouette: false });
        graphic(ctx, 256, 200, 1.05);
      }
      if (sub === "knit") {
        // cable panels and purl texture
        const cable: string[] = [];
        for (let y = 140; y < hem - 40; y += 22) cable.push(`M246 ${y} C238 ${y + 6} 238 ${y + 14} 246 ${y + 20} M266 ${y} C274 ${y + 6} 274 ${y + 14} 266 ${y + 20}`);
        seam(ctx, cable.join(" "), 1.6, 0.8);
        seam(ctx, "M236 134 L236 " + (hem - 30) + " M276 134 L276 " + (hem - 30), 1.2, 0.6);
        const purl: string[] = [];
        for (let x = 186; x < 232; x += 10) purl.push(`M${x} 130 L${x} ${hem - 32}`);
        for (let x = 286; x < 330; x += 10) purl.push(`M${x} 130 L${x} ${hem - 32}`);
        seam(ctx, purl.join(" "), 0.9, 0.32);
      }
      if (sub === "cardigan") {
        const pocket = `M186 ${hem - 90} L226 ${hem - 90} L226 ${hem - 46} L186 ${hem - 46} Z`;
        piece(ctx, pocket, "fabric", "", { silhouette: false });
        piece(ctx, mirror(pocket), "fabric", "", { silhouette: false });
        seam(ctx, both(`M186 ${hem - 82} L226 ${hem - 82}`), 1, 0.6);
      }
      break;
    }
    case "hoodie":
      drawHoodie(ctx, hem);
      break;
    default:
      topBody(ctx, TEE_NECK, hem);
  }
}

function ribCuffs(ctx: Ctx, g: SleeveGeom, t: number): void {
  const c = cuffPath(g, t);
  piece(ctx, c, "fabric", "", { silhouette: false });
  piece(ctx, mirror(c), "fabric", "", { silhouette: false });
  const a0 = lerp(g.top, g.cuffOut, t);
  const b0 = lerp(g.armpit, g.cuffIn, t);
  ribs(ctx, a0, b0, g.cuffOut, g.cuffIn, 9);
  ribs(ctx, [mx(a0[0]), a0[1]], [mx(b0[0]), b0[1]], [mx(g.cuffOut[0]), g.cuffOut[1]], [mx(g.cuffIn[0]), g.cuffIn[1]], 9);
}

function drawShirt(ctx: Ctx, g: SleeveGeom, long: boolean, hem: number): void {
  // collar stand at the back, seen inside the neck
  piece(ctx, "M218 76 C236 68 276 68 294 76 L294 104 L218 104 Z", "inner", "", { outline: false, silhouette: false, lit: false });
  const sg: SleeveGeom = long ? { ...g, cuffOut: [100, 360], cuffIn: [146, 370] } : g;
  sleeves(ctx, sg);
  if (long) {
    const c = cuffPath(sg, 0.88);
    piece(ctx, c, "fabric", "", { silhouette: false });
    piece(ctx, mirror(c), "fabric", "", { silhouette: false });
    const b = lerp(lerp(sg.top, sg.cuffOut, 0.94), lerp(sg.armpit, sg.cuffIn, 0.94), 0.72);
    button(ctx, b[0], b[1], 3.2);
    button(ctx, mx(b[0]), b[1], 3.2);
    seam(ctx, both(`M${pt(lerp(sg.armpit, sg.cuffIn, 0.74))} L${pt(lerp(lerp(sg.top, sg.cuffOut, 0.88), lerp(sg.armpit, sg.cuffIn, 0.88), 0.7))}`), 1.2, 0.7);
  } else shortSleeveHem(ctx, sg);
  topBody(ctx, "M256 104 C242 104 228 96 220 80", hem, { hemCurve: 14 });
  seam(ctx, both("M220 80 L160 96"), 1.4, 0.7);
  // placket with buttons
  seam(ctx, `M247 104 L247 ${hem + 6} M265 104 L265 ${hem + 6}`, 1.5);
  for (let y = 128; y < hem; y += 42) button(ctx, 256, y, 3.8);
  // chest pocket on the wearer's left
  const pocket = "M284 152 L320 152 L320 190 L302 198 L284 190 Z";
  piece(ctx, pocket, "fabric", "", { silhouette: false });
  stitch(ctx, "M285 158 L319 158");
  // collar: stand and two points meeting at the top button
  piece(ctx, "M218 76 C236 68 276 68 294 76 L292 84 C276 78 236 78 220 84 Z", "fabric", "", { silhouette: false });
  const leaf = "M219 78 C223 90 236 102 256 108 L232 140 C222 128 208 106 203 84 Z";
  piece(ctx, leaf, "fabric", fold(ctx, "M256 108 L232 140 L226 124 Z", 0.18), { silhouette: false });
  piece(ctx, mirror(leaf), "fabric", fold(ctx, mirror("M256 108 L232 140 L226 124 Z"), 0.18), { silhouette: false });
  stitch(ctx, both("M208 88 C214 104 224 120 232 132"));
  button(ctx, 256, 98, 3);
}

function drawBlouse(ctx: Ctx, long: boolean, hem: number): void {
  backNeck(ctx, 86);
  const g: SleeveGeom = long ? { top: [160, 96], armpit: [168, 184], cuffOut: [98, 352], cuffIn: [150, 360], bulge: 16 } : { top: [160, 96], armpit: [168, 184], cuffOut: [102, 176], cuffIn: [152, 206], bulge: 14 };
  const puff = (d: SleeveGeom) => {
    const path = sleevePath(d);
    piece(ctx, path, "fabric", sleeveFolds(ctx, d, 0.14));
    piece(ctx, mirror(path), "fabric", sleeveFolds(ctx, d, 0.2, true));
  };
  puff(g);
  // gathered cuff band
  const c = cuffPath(g, long ? 0.92 : 0.86);
  piece(ctx, c, "fabric", "", { silhouette: false });
  piece(ctx, mirror(c), "fabric", "", { silhouette: false });
  const gathers: string[] = [];
  for (let i = 1; i < 5; i++) {
    const t = i / 5;
    const a = lerp(lerp(g.top, g.cuffOut, long ? 0.92 : 0.86), lerp(g.armpit, g.cuffIn, long ? 0.92 : 0.86), t);
    const b = lerp(lerp(g.top, g.cuffOut, long ? 0.78 : 0.66), lerp(g.armpit, g.cuffIn, long ? 0.78 : 0.66), t);
    gathers.push(`M${pt(a)} L${pt(b)}`);
  }
  seam(ctx, both(gathers.join(" ")), 1, 0.6);
  seam(ctx, both("M160 96 L163 112 M164 100 L168 118 M168 104 L170 120"), 1, 0.55);
  topBody(ctx, "M256 110 C238 110 222 100 216 80", hem, { hemCurve: 10, flare: 8 });
  seam(ctx, both("M216 80 L160 96"), 1.4, 0.7);
  // narrow placket with pearl buttons and a bow at the neck
  seam(ctx, `M256 112 L256 ${hem + 4}`, 1.4);
  for (let y = 140; y < hem - 10; y += 36) button(ctx, 256, y, 3.2, "#f4f1ea");
  const tail = "M250 118 C244 146 234 176 222 204 L236 210 C244 184 252 150 258 120 Z";
  piece(ctx, tail, "fabric", fold(ctx, "M250 118 L222 204 L230 206 L256 122 Z", 0.14), { silhouette: false });
  piece(ctx, mirror("M252 118 C248 144 242 168 236 192 L250 196 C254 170 258 146 260 120 Z"), "fabric", "", { silhouette: false });
  const loop = "M254 112 C236 90 206 92 208 112 C210 132 238 130 254 116 Z";
  piece(ctx, loop, "fabric", fold(ctx, "M254 112 C236 100 220 102 214 112 L254 118 Z", 0.16), { silhouette: false });
  piece(ctx, mirror(loop), "fabric", fold(ctx, mirror("M254 112 C236 100 220 102 214 112 L254 118 Z"), 0.16), { silhouette: false });
  seam(ctx, both("M248 112 C236 104 224 104 218 110"), 1, 0.6);
  piece(ctx, "M247 104 L265 104 C267 110 267 118 265 122 L247 122 C245 118 245 110 247 104 Z", "fabric", fold(ctx, "M247 116 L265 116 L265 122 L247 122 Z", 0.2), { silhouette: false });
}

function drawHoodie(ctx: Ctx, hem: number): void {
  // hood, seen from the front lying behind the shoulders, with its lining inside
  const hood = sym("M256 22 C228 22 200 38 190 68 C184 86 184 100 190 112 L256 134");
  piece(ctx, hood, "fabric", fold(ctx, "M192 60 C186 90 196 110 216 122 L212 70 Z", 0.14) + fold(ctx, "M320 60 C326 90 316 110 296 122 L300 70 Z", 0.2));
  const opening = sym("M256 44 C234 46 216 62 214 86 C214 104 226 118 242 128 L256 132");
  piece(ctx, opening, "lining", fold(ctx, "M200 40 L312 40 L312 74 C290 62 222 62 200 74 Z", 0.3), { silhouette: false });
  seam(ctx, "M256 22 L256 44", 1.4, 0.7);
  const g: SleeveGeom = { ...TOP_LONG, cuffOut: [100, 360], cuffIn: [150, 368], bulge: 8 };
  sleeves(ctx, g);
  ribCuffs(ctx, g, 0.86);
  topBody(ctx, "M256 124 C236 124 214 112 204 88", hem - 26, { fx: bodyFolds(ctx, hem - 26) });
  // hood edges crossing at the neck
  const lapel = "M204 88 C210 110 232 124 256 128 C246 116 232 104 226 86 Z";
  piece(ctx, lapel, "fabric", "", { silhouette: false });
  piece(ctx, mirror(lapel), "fabric", "", { silhouette: false });
  const band = `M170 ${hem - 27} L342 ${hem - 27} L338 ${hem} L174 ${hem} Z`;
  piece(ctx, band, "fabric");
  ribs(ctx, [170, hem - 27], [342, hem - 27], [174, hem], [338, hem], 30);
  // drawstrings with aglets
  const cordColor = ctx.pal.light ? mix(ctx.pal.main, "#000", 0.18) : ctx.pal.dark ? lighten(ctx.pal.main, 0.5) : lighten(ctx.pal.main, 0.35);
  raw(ctx, `<path d="M244 124 C242 146 240 170 242 190 M268 124 C270 150 272 168 268 196" fill="none" stroke="${cordColor}" stroke-width="3.4" stroke-linecap="round"/>`);
  raw(ctx, `<path d="M242 190 L242 200 M268 196 L268 206" stroke="#a7a9ad" stroke-width="4.4" stroke-linecap="round"/>`);
  // kangaroo pocket
  const pocket = `M196 ${hem - 110} L316 ${hem - 110} L334 ${hem - 40} L178 ${hem - 40} Z`;
  const pocketL = `M196 ${hem - 110} C206 ${hem - 84} 200 ${hem - 56} 178 ${hem - 40}`;
  piece(ctx, pocket, "fabric", fold(ctx, `M196 ${hem - 110} L316 ${hem - 110} L316 ${hem - 100} L196 ${hem - 100} Z`, 0.12), { silhouette: false });
  raw(ctx, `<path d="${both(pocketL)}" fill="none" stroke="${ctx.pal.line}" stroke-width="2"/>`);
  stitch(ctx, both(`M200 ${hem - 104} C210 ${hem - 80} 204 ${hem - 56} 186 ${hem - 44}`));
  stitch(ctx, `M200 ${hem - 104} L312 ${hem - 104}`);
  graphic(ctx, 256, 180, 0.72);
}

// ================================================================== graphic prints

function graphic(ctx: Ctx, cx: number, cy: number, scale: number): void {
  if (ctx.spec.pattern !== "graphic") return;
  const a = ctx.pal.accent;
  const b = luminance(a) > 0.4 ? mix(a, "#000000", 0.45) : mix(a, "#ffffff", 0.45);
  const s = (n: number) => fmt(n * scale);
  const variant = Math.abs(ctx.spec.seed ?? 0) % 3;
  const t = `transform="translate(${fmt(cx)} ${fmt(cy)})"`;
  if (variant === 0) {
    // a sun over stripes, in a roundel
    raw(ctx, `<g ${t}><circle r="${s(40)}" fill="${a}"/><clipPath id="${ctx.id}-gc"><circle r="${s(40)}"/></clipPath><g clip-path="url(#${ctx.id}-gc)"><circle cy="${s(4)}" r="${s(20)}" fill="${b}"/><rect x="${s(-40)}" y="${s(8)}" width="${s(80)}" height="${s(5)}" fill="${a}"/><rect x="${s(-40)}" y="${s(17)}" width="${s(80)}" height="${s(5)}" fill="${a}"/><rect x="${s(-40)}" y="${s(26)}" width="${s(80)}" height="${s(14)}" fill="${b}"/></g></g>`);
  } else if (variant === 1) {
    // stacked waves
    const w = (y: number, c: string) => `<path d="M${s(-44)} ${s(y)} q${s(11)} ${s(-12)} ${s(22)} 0 t${s(22)} 0 t${s(22)} 0 t${s(22)} 0" fill="none" stroke="${c}" stroke-width="${s(7)}" stroke-linecap="round"/>`;
    raw(ctx, `<g ${t}>${w(-18, a)}${w(0, b)}${w(18, a)}</g>`);
  } else {
    // overlapping shapes
    raw(ctx, `<g ${t}><rect x="${s(-42)}" y="${s(-30)}" width="${s(46)}" height="${s(46)}" rx="${s(4)}" fill="${a}"/><circle cx="${s(14)}" cy="${s(8)}" r="${s(26)}" fill="${b}" opacity="0.92"/><path d="M${s(-20)} ${s(34)} L${s(40)} ${s(34)} L${s(10)} ${s(-14)} Z" fill="none" stroke="${a}" stroke-width="${s(4)}"/></g>`);
  }
}

// ================================================================== outerwear

function outerBody(ctx: Ctx, hem: number, hemHalfWidth: number, neck: string, extra = ""): string {
  const x = 256 - hemHalfWidth;
  const half = `${neck} L158 96 C162 130 164 160 166 190 L${x} ${hem}`;
  const left = `${half} L256 ${hem}`;
  const body = sym(left);
  piece(ctx, body, "fabric", [
    fold(ctx, `M166 190 C180 250 184 330 ${x + 16} ${hem} L${x - 4} ${hem} Z`, 0.14, true),
    fold(ctx, `M346 190 C330 250 326 330 ${mx(x) - 16} ${hem} L${mx(x) + 4} ${hem} Z`, 0.18),
    extra,
  ].join(""));
  return body;
}

function sleeveButtons(ctx: Ctx, g: SleeveGeom, n: number): void {
  for (let i = 0; i < n; i++) {
    const p = lerp(lerp(g.top, g.cuffOut, 0.9 - i * 0.035), lerp(g.armpit, g.cuffIn, 0.9 - i * 0.035), 0.8);
    button(ctx, p[0], p[1], 3);
    button(ctx, mx(p[0]), p[1], 3);
  }
}

function drawOuter(ctx: Ctx): void {
  const sub = ctx.spec.subcategory;
  const hem = HEM[sub];
  const g = OUTER_LONG;
  const darkButton = ctx.pal.dark ? lighten(ctx.pal.main, 0.1) : ctx.pal.light ? "#d9d5cc" : lighten(ctx.pal.main, -0.3);
  switch (sub) {
    case "blazer":
    case "wool_coat":
    case "trench_coat": {
      const coat = sub !== "blazer";
      const breakY = sub === "blazer" ? 250 : sub === "trench_coat" ? 200 : 216;
      // lining seen in the V
      piece(ctx, sym(`M256 ${breakY + 10} L222 84 L222 76 L256 76`), "lining", "", { outline: false, silhouette: false, lit: false });
      sleeves(ctx, g);
      if (sub === "trench_coat") {
        const strap = `M${pt(lerp(lerp(g.top, g.cuffOut, 0.84), lerp(g.armpit, g.cuffIn, 0.84), -0.02))} L${pt(lerp(lerp(g.top, g.cuffOut, 0.84), lerp(g.armpit, g.cuffIn, 0.84), 1.02))} L${pt(lerp(lerp(g.top, g.cuffOut, 0.9), lerp(g.armpit, g.cuffIn, 0.9), 1.02))} L${pt(lerp(lerp(g.top, g.cuffOut, 0.9), lerp(g.armpit, g.cuffIn, 0.9), -0.02))} Z`;
        piece(ctx, strap, "fabric", "", { silhouette: false });
        piece(ctx, mirror(strap), "fabric", "", { silhouette: false });
      } else sleeveButtons(ctx, g, coat ? 2 : 3);
      const hw = sub === "blazer" ? 92 : sub === "trench_coat" ? 118 : 110;
      const curve = sub === "blazer";
      // each front panel, the wearer's left (image right) overlapping
      const x = 256 - hw;
      const frontL = curve
        ? `M256 ${breakY} L222 84 L158 96 C162 130 164 160 166 190 L${x} ${hem - 8} C${x + 30} ${hem + 2} 236 ${hem + 2} 250 ${hem - 14} C256 ${hem - 30} 262 ${breakY + 70} 266 ${breakY} Z`
        : `M256 ${breakY} L222 84 L158 96 C162 130 164 160 166 190 L${x} ${hem} L${sub === "trench_coat" ? 274 : 268} ${hem} L${sub === "trench_coat" ? 274 : 268} ${breakY} Z`;
      const foldsL = [fold(ctx, `M166 190 C180 250 184 330 ${x + 16} ${hem} L${x - 4} ${hem} Z`, 0.14, true), fold(ctx, `M236 ${breakY + 40} C240 ${breakY + 120} 238 ${hem - 40} 244 ${hem} L262 ${hem} L262 ${breakY} Z`, 0.06)].join("");
      piece(ctx, frontL, "fabric", foldsL);
      piece(ctx, mirror(frontL), "fabric", fold(ctx, mirror(`M166 190 C180 250 184 330 ${x + 16} ${hem} L${x - 4} ${hem} Z`), 0.18));
      // collar band round the back of the neck, then collar and lapels
      piece(ctx, "M212 82 C228 68 284 68 300 82 L292 92 C276 82 236 82 220 92 Z", "fabric", fold(ctx, "M220 86 L292 86 L292 96 L220 96 Z", 0.25), { silhouette: false });
      const wide = sub === "trench_coat" ? 14 : sub === "wool_coat" ? 8 : 0;
      const lapel = `M222 84 L${206 - wide} ${136 + wide / 2} L${190 - wide} ${146 + wide / 2} L256 ${breakY} Z`;
      const collar = `M222 84 C234 78 246 78 256 80 L258 76 C244 72 228 74 214 80 L${196 - wide} ${128 + wide / 2} L${210 - wide} ${134 + wide / 2} Z`;
      for (const d of [lapel, collar]) {
        piece(ctx, d, "fabric", fold(ctx, `M222 84 L${190 - wide} ${146 + wide / 2} L210 160 Z`, 0.1), { silhouette: false });
        piece(ctx, mirror(d), "fabric", fold(ctx, mirror(`M222 84 L${190 - wide} ${146 + wide / 2} L210 160 Z`), 0.16), { silhouette: false });
      }
      if (sub === "trench_coat") {
        // storm flap and epaulettes
        const storm = "M298 90 L338 96 L344 176 L300 186 Z";
        piece(ctx, storm, "fabric", fold(ctx, "M300 178 L344 170 L344 186 L300 192 Z", 0.2), { silhouette: false });
        stitch(ctx, "M304 96 L334 101 L339 170 L304 178");
        const ep = "M218 86 L166 98 L168 110 L220 98 Z";
        piece(ctx, ep, "fabric", "", { silhouette: false });
        piece(ctx, mirror(ep), "fabric", "", { silhouette: false });
        button(ctx, 210, 96, 3);
        button(ctx, 302, 96, 3);
        // double-breasted buttons
        for (const y of [210, 256, 302]) {
          button(ctx, 230, y, 5, darkButton);
          button(ctx, 290, y, 5, darkButton);
        }
        // belt with buckle, tied through
        const beltY = 268;
        const belt = `M${166 - 4} ${beltY - 2} L${346 + 4} ${beltY - 2} L${346 + 5} ${beltY + 20} L${166 - 5} ${beltY + 20} Z`;
        piece(ctx, belt, "fabric", fold(ctx, `M160 ${beltY + 14} L352 ${beltY + 14} L352 ${beltY + 22} L160 ${beltY + 22} Z`, 0.2), { silhouette: false });
        stitch(ctx, `M164 ${beltY + 2} L348 ${beltY + 2} M164 ${beltY + 16} L348 ${beltY + 16}`);
        raw(ctx, `<rect x="244" y="${beltY - 6}" width="26" height="30" rx="4" fill="none" stroke="${ctx.pal.dark ? "#9a9ca1" : lighten(ctx.pal.main, -0.35)}" stroke-width="4"/>`);
        const tail = `M272 ${beltY + 14} L292 ${beltY + 60} L306 ${beltY + 56} L288 ${beltY + 10} Z`;
        piece(ctx, tail, "fabric", "", { silhouette: false });
        stitch(ctx, both(`M190 ${beltY + 90} L198 ${beltY + 150}`));
        seam(ctx, both(`M186 ${beltY + 86} L204 ${beltY + 84}`), 1.6);
        stitch(ctx, `M${x + 10} ${hem - 10} L264 ${hem - 10} M${mx(x) - 10} ${hem - 10} L${mx(264)} ${hem - 10}`);
      } else if (sub === "wool_coat") {
        for (const y of [236, 292, 348]) button(ctx, 258, y, 5.5, darkButton);
        const flap = "M180 330 L232 330 L232 346 L180 346 Z";
        piece(ctx, flap, "fabric", "", { silhouette: false });
        piece(ctx, mirror(flap), "fabric", "", { silhouette: false });
        seam(ctx, both("M178 400 L178 440"), 1.2, 0.5);
      } else {
        button(ctx, 258, breakY + 4, 5, darkButton);
        button(ctx, 258, breakY + 52, 5, darkButton);
        const flap = "M182 322 L232 322 L232 338 L182 338 Z";
        piece(ctx, flap, "fabric", fold(ctx, "M182 334 L232 334 L232 340 L182 340 Z", 0.2), { silhouette: false });
        piece(ctx, mirror(flap), "fabric", fold(ctx, mirror("M182 334 L232 334 L232 340 L182 340 Z"), 0.2), { silhouette: false });
        seam(ctx, "M290 176 L326 172", 3, 0.9);
        seam(ctx, both("M206 186 C204 240 206 280 206 322"), 1.2, 0.55);
      }
      break;
    }
    case "padded_jacket": {
      const pg: SleeveGeom = { top: [158, 96], armpit: [166, 190], cuffOut: [94, 360], cuffIn: [150, 372], bulge: 10 };
      piece(ctx, sym("M256 74 L226 74 L226 100 L256 100"), "lining", "", { outline: false, silhouette: false, lit: false });
      sleeves(ctx, pg);
      // quilting on the sleeves
      const q: string[] = [];
      for (const t of [0.28, 0.46, 0.64, 0.82]) q.push(acrossSleeve(pg, t));
      seam(ctx, both(q.join(" ")), 2, 0.9);
      const cuff = cuffPath(pg, 0.95);
      piece(ctx, cuff, ctx.pal.dark ? lighten(ctx.pal.main, 0.05) : lighten(ctx.pal.main, -0.08), "", { silhouette: false });
      piece(ctx, mirror(cuff), ctx.pal.dark ? lighten(ctx.pal.main, 0.05) : lighten(ctx.pal.main, -0.08), "", { silhouette: false });
      // puffy body: the sides bulge between the quilting lines
      const rows = [150, 196, 242, 288, 334, hem];
      let side = "M256 100 L222 86 L158 96 C162 130 164 160 166 190";
      let prevY = 190;
      for (const y of rows.slice(1)) {
        side += ` Q${fmt(158)} ${fmt((prevY + y) / 2)} ${fmt(166)} ${y}`;
        prevY = y;
      }
      side += ` L256 ${hem}`;
      const body = sym(side);
      const puffs = rows.slice(0, -1).map((y, i) => {
        const y1 = rows[i + 1] ?? hem;
        return fold(ctx, `M160 ${y1 - 12} L352 ${y1 - 12} L352 ${y1 + 2} L160 ${y1 + 2} Z`, 0.22) + fold(ctx, `M180 ${y + 8} L332 ${y + 8} L332 ${y + 16} L180 ${y + 16} Z`, 0.14, true);
      });
      piece(ctx, body, "fabric", puffs.join("") + fold(ctx, "M346 190 L346 386 L320 386 L324 190 Z", 0.16));
      seam(ctx, rows.slice(0, -1).map((y) => `M168 ${y} Q256 ${y + 6} 344 ${y}`).join(" "), 2, 0.9);
      // stand collar
      const collar = sym("M256 58 L222 60 L220 100 C236 104 248 106 256 106");
      piece(ctx, collar, "fabric", fold(ctx, "M220 92 L292 92 L292 106 L220 106 Z", 0.18));
      seam(ctx, "M222 80 Q256 84 290 80", 1.6, 0.8);
      zipper(ctx, `M256 62 L256 ${hem}`, [256, 66]);
      // hand pockets
      seam(ctx, both("M194 300 L206 352"), 2.4);
      break;
    }
    case "leather_jacket": {
      piece(ctx, sym("M256 300 L220 84 C236 90 250 92 256 92"), "lining", "", { outline: false, silhouette: false, lit: false });
      sleeves(ctx, g);
      zipper(ctx, both(`M${pt(lerp(g.armpit, g.cuffIn, 0.78))} L${pt(lerp(lerp(g.top, g.cuffOut, 0.98), lerp(g.armpit, g.cuffIn, 0.98), 0.7))}`));
      outerBody(ctx, hem - 22, 86, "M256 300 L222 84", fold(ctx, "M196 170 C202 230 204 290 200 340 L208 340 C212 290 210 230 204 170 Z", 0.5, true) + fold(ctx, "M314 200 C318 250 320 300 318 340 L324 340 C326 300 324 250 320 200 Z", 0.3, true));
      // belt at the hem
      const beltD = `M170 ${hem - 24} L342 ${hem - 24} L342 ${hem} L170 ${hem} Z`;
      piece(ctx, beltD, "fabric", fold(ctx, `M170 ${hem - 6} L342 ${hem - 6} L342 ${hem} L170 ${hem} Z`, 0.2));
      raw(ctx, `<rect x="184" y="${hem - 27}" width="22" height="30" rx="3" fill="none" stroke="url(#${ctx.id}-metal)" stroke-width="4"/>`);
      // asymmetric front: the wearer's right front laps over to a zip near the left side
      const lapelL = "M222 84 L190 134 L176 142 L232 238 L254 218 Z";
      piece(ctx, lapelL, "fabric", fold(ctx, "M190 134 L232 238 L214 170 Z", 0.12, true), { silhouette: false });
      const flap = "M292 84 L338 134 L352 128 L306 194 L286 150 Z";
      piece(ctx, flap, "fabric", fold(ctx, "M338 134 L306 194 L320 160 Z", 0.14, true), { silhouette: false });
      zipper(ctx, `M286 110 C300 170 304 260 300 ${hem - 24}`, [287, 112]);
      raw(ctx, `<circle cx="186" cy="146" r="3.2" fill="url(#${ctx.id}-metal)"/><circle cx="334" cy="140" r="3.2" fill="url(#${ctx.id}-metal)"/>`);
      // zipped pockets
      zipper(ctx, both("M188 276 L218 224"));
      zipper(ctx, "M326 178 L346 206");
      // leather sheen
      seam(ctx, both("M172 110 C186 170 190 250 188 300"), 1.4, 0.5);
      break;
    }
    case "denim_jacket": {
      piece(ctx, "M218 76 C236 68 276 68 294 76 L294 104 L218 104 Z", "inner", "", { outline: false, silhouette: false, lit: false });
      sleeves(ctx, g);
      const c = cuffPath(g, 0.9);
      piece(ctx, c, "fabric", "", { silhouette: false });
      piece(ctx, mirror(c), "fabric", "", { silhouette: false });
      stitch(ctx, both(acrossSleeve(g, 0.92, 0.04)));
      const cb = lerp(lerp(g.top, g.cuffOut, 0.95), lerp(g.armpit, g.cuffIn, 0.95), 0.78);
      button(ctx, cb[0], cb[1], 3.2, "url(#" + ctx.id + "-brass)");
      button(ctx, mx(cb[0]), cb[1], 3.2, "url(#" + ctx.id + "-brass)");
      outerBody(ctx, hem, 90, "M256 104 C242 104 228 96 220 80");
      // waistband, yoke, chest pockets with flaps, placket
      piece(ctx, `M166 ${hem - 28} L346 ${hem - 28} L346 ${hem} L166 ${hem} Z`, "fabric", fold(ctx, `M166 ${hem - 10} L346 ${hem - 10} L346 ${hem} L166 ${hem} Z`, 0.15), { silhouette: false });
      stitch(ctx, `M168 ${hem - 23} L344 ${hem - 23}`);
      stitch(ctx, both("M164 138 L222 148 L236 160"));
      stitch(ctx, both("M166 142 L222 152"));
      seam(ctx, both(`M208 186 L206 ${hem - 28} M306 186 L306 ${hem - 28}`), 1.4);
      stitch(ctx, both(`M212 230 L212 ${hem - 30}`));
      const pocket = "M194 172 L236 172 L236 218 L215 226 L194 218 Z";
      piece(ctx, pocket, "fabric", "", { silhouette: false });
      piece(ctx, mirror(pocket), "fabric", "", { silhouette: false });
      const flapD = "M192 166 L238 166 L238 186 L215 194 L192 186 Z";
      piece(ctx, flapD, "fabric", fold(ctx, "M192 182 L238 182 L215 194 Z", 0.2), { silhouette: false });
      piece(ctx, mirror(flapD), "fabric", fold(ctx, mirror("M192 182 L238 182 L215 194 Z"), 0.2), { silhouette: false });
      stitch(ctx, both("M196 172 L234 172 L234 184 L215 190 L196 184 Z"));
      seam(ctx, `M248 104 L248 ${hem} M264 104 L264 ${hem}`, 1.4);
      stitch(ctx, `M244 104 L244 ${hem}`);
      for (let y = 120; y < hem - 10; y += 46) button(ctx, 256, y, 4.4, "url(#" + ctx.id + "-brass)");
      button(ctx, 215, 186, 3.4, "url(#" + ctx.id + "-brass)");
      button(ctx, 297, 186, 3.4, "url(#" + ctx.id + "-brass)");
      button(ctx, 186, hem - 14, 3.8, "url(#" + ctx.id + "-brass)");
      button(ctx, 326, hem - 14, 3.8, "url(#" + ctx.id + "-brass)");
      // point collar
      piece(ctx, "M218 76 C236 68 276 68 294 76 L292 84 C276 78 236 78 220 84 Z", "fabric", "", { silhouette: false });
      const leaf = "M219 78 C224 90 236 102 256 108 L226 140 C216 124 206 104 202 84 Z";
      piece(ctx, leaf, "fabric", fold(ctx, "M256 108 L226 140 L222 120 Z", 0.18), { silhouette: false });
      piece(ctx, mirror(leaf), "fabric", fold(ctx, mirror("M256 108 L226 140 L222 120 Z"), 0.18), { silhouette: false });
      stitch(ctx, both("M207 88 C212 104 220 118 227 130"));
      break;
    }
    case "windbreaker":
    default: {
      piece(ctx, sym("M256 70 L224 72 L224 104 L256 104"), "lining", "", { outline: false, silhouette: false, lit: false });
      sleeves(ctx, g);
      const cuff = cuffPath(g, 0.93);
      piece(ctx, cuff, "fabric", "", { silhouette: false });
      piece(ctx, mirror(cuff), "fabric", "", { silhouette: false });
      // colour-blocked shoulders on the sleeves
      const block = `M${pt(g.top)} L${pt(lerp(g.top, g.cuffOut, 0.3))} L${pt(lerp(g.armpit, g.cuffIn, 0.15))} L${pt(g.armpit)} Z`;
      piece(ctx, block, "accent", "", { silhouette: false });
      piece(ctx, mirror(block), "accent", "", { silhouette: false });
      outerBody(ctx, hem - 12, 90, "M256 100 L222 86");
      // accent chest yoke
      const yoke = sym("M256 100 L222 86 L158 96 C161 116 163 136 164 154 L256 176");
      piece(ctx, yoke, "accent", fold(ctx, "M160 150 L352 150 L352 180 L160 180 Z", 0.14), { silhouette: false });
      // drawcord hem channel with toggles
      piece(ctx, `M170 ${hem - 14} L342 ${hem - 14} L342 ${hem} L170 ${hem} Z`, "fabric", fold(ctx, `M170 ${hem - 6} L342 ${hem - 6} L342 ${hem} L170 ${hem} Z`, 0.2), { silhouette: false });
      raw(ctx, `<path d="M180 ${hem} L178 ${hem + 16} M332 ${hem} L334 ${hem + 16}" stroke="${ctx.pal.dark ? "#c9cacd" : "#2f3136"}" stroke-width="2.4" stroke-linecap="round"/><rect x="173" y="${hem + 12}" width="10" height="12" rx="3" fill="#2f3136"/><rect x="329" y="${hem + 12}" width="10" height="12" rx="3" fill="#2f3136"/>`);
      // stand collar with a tucked hood seam
      const collar = sym("M256 54 L220 58 L218 104 C234 108 248 110 256 110");
      piece(ctx, collar, "fabric", fold(ctx, "M218 94 L294 94 L294 110 L218 110 Z", 0.18));
      seam(ctx, "M220 72 Q256 78 292 72", 1.6, 0.8);
      zipper(ctx, `M256 58 L256 ${hem}`, [256, 62]);
      // zip chest pocket and reflective logo tab
      zipper(ctx, "M290 196 L290 246");
      seam(ctx, both("M196 288 L208 332"), 2.4);
      break;
    }
  }
}

// ================================================================== dresses

function drawDress(ctx: Ctx): void {
  const sub = ctx.spec.subcategory;
  const hem = HEM[sub];
  const long = ctx.spec.sleeve !== "short";
  const waist = 206;
  const flare = sub === "sundress" ? 120 : sub === "wrap_dress" ? 96 : sub === "shirt_dress" ? 92 : sub === "slip_dress" ? 78 : 56;
  const dg: SleeveGeom = long
    ? { top: [192, 64], armpit: [198, 136], cuffOut: [140, 300], cuffIn: [178, 310], bulge: 5 }
    : { top: [192, 64], armpit: [198, 136], cuffOut: [152, 124], cuffIn: [186, 150], bulge: 3 };
  const bodice = (neck: string) => `${neck} L192 64 C194 90 196 116 198 136 C202 160 206 184 208 ${waist}`;
  const skirt = (w: number) => `C200 ${waist + 60} ${256 - w + 12} ${hem - 80} ${256 - w} ${hem} Q${256 - w / 2} ${hem + 10} 256 ${hem + 10}`;
  const skirtFolds = (w: number) =>
    [
      fold(ctx, `M230 ${waist + 10} C226 ${waist + 90} ${256 - w * 0.55} ${hem - 60} ${256 - w * 0.62} ${hem} L${256 - w * 0.46} ${hem} C${256 - w * 0.4} ${hem - 80} 238 ${waist + 80} 230 ${waist + 10} Z`, 0.14),
      fold(ctx, `M282 ${waist + 10} C286 ${waist + 90} ${256 + w * 0.55} ${hem - 60} ${256 + w * 0.62} ${hem} L${256 + w * 0.46} ${hem} C${256 + w * 0.4} ${hem - 80} 274 ${waist + 80} 282 ${waist + 10} Z`, 0.18),
      fold(ctx, `M256 ${waist + 30} C252 ${waist + 100} 262 ${hem - 80} 258 ${hem} L270 ${hem} C272 ${hem - 90} 262 ${waist + 100} 256 ${waist + 30} Z`, 0.1, true),
    ].join("");

  if (sub === "slip_dress") {
    // thin straps from the shoulder points, a V neckline edged in the same satin, bias-cut skirt
    raw(ctx, `<path d="M200 64 L206 124 M312 64 L306 124" stroke="${ctx.pal.line}" stroke-width="4.6" stroke-linecap="round"/><path d="M200 64 L206 124 M312 64 L306 124" stroke="${ctx.pal.main}" stroke-width="2.4" stroke-linecap="round"/>`);
    piece(ctx, sym("M256 146 L212 116 L200 130 C204 160 208 186 210 206"), "lining", "", { outline: false, silhouette: false, lit: false });
    const half = `M256 150 C240 136 224 120 204 118 C200 140 204 170 210 ${waist} ${skirt(flare)}`;
    const body = sym(half);
    piece(ctx, body, "fabric", skirtFolds(flare) + fold(ctx, `M226 170 C222 250 ${256 - flare * 0.3} 360 ${256 - flare * 0.4} ${hem} L${256 - flare * 0.2} ${hem} C240 360 238 250 232 170 Z`, 0.4, true) + fold(ctx, `M292 160 C300 250 ${256 + flare * 0.4} 360 ${256 + flare * 0.5} ${hem} L${256 + flare * 0.62} ${hem} C320 360 310 250 300 160 Z`, 0.2, true));
    seam(ctx, "M204 122 C226 124 242 138 256 154 C270 138 286 124 308 122", 1.6, 0.9);
    return;
  }

  if (sub === "sundress") piece(ctx, "M216 56 C236 64 276 64 296 56 L296 108 L216 108 Z", "inner", fold(ctx, "M216 56 L296 56 L296 74 L216 74 Z", 0.25), { outline: false, silhouette: false, lit: false });
  else if (sub === "shirt_dress") piece(ctx, "M226 52 C240 60 272 60 286 52 L286 110 L226 110 Z", "inner", "", { outline: false, silhouette: false, lit: false });

  const dressSleeves = () => {
    if (sub === "sundress") {
      const g: SleeveGeom = long ? { ...dg, bulge: 14 } : { top: [192, 64], armpit: [198, 136], cuffOut: [140, 116], cuffIn: [184, 146], bulge: 14 };
      const p = sleevePath(g);
      piece(ctx, p, "fabric", fold(ctx, `M${pt(g.armpit)} L${pt(lerp(g.top, g.cuffOut, 0.6))} L${pt(g.cuffIn)} Z`, 0.16));
      piece(ctx, mirror(p), "fabric", fold(ctx, mirror(`M${pt(g.armpit)} L${pt(lerp(g.top, g.cuffOut, 0.6))} L${pt(g.cuffIn)} Z`), 0.12));
      const c = cuffPath(g, long ? 0.93 : 0.84);
      piece(ctx, c, "fabric", "", { silhouette: false });
      piece(ctx, mirror(c), "fabric", "", { silhouette: false });
      seam(ctx, both("M192 66 L196 78 M188 70 L192 84 M184 76 L188 90"), 1, 0.6);
      return;
    }
    const g = sub === "wrap_dress" && !long ? { top: [192, 64] as Point, armpit: [198, 136] as Point, cuffOut: [144, 120] as Point, cuffIn: [182, 156] as Point, bulge: 8 } : dg;
    sleeves(ctx, g);
    if (sub === "knit_dress") ribCuffs(ctx, g, 0.88);
    else if (sub === "shirt_dress" && long) {
      const c = cuffPath(g, 0.9);
      piece(ctx, c, "fabric", "", { silhouette: false });
      piece(ctx, mirror(c), "fabric", "", { silhouette: false });
    } else if (!long) stitch(ctx, both(acrossSleeve(g, 0.86, 0.04)));
  };

  if (sub === "knit_dress") {
    dressSleeves();
    const half = `M256 72 C244 72 232 66 228 54 ${bodice("").trim()} C206 ${waist + 60} ${256 - flare} ${hem - 120} ${256 - flare} ${hem} L256 ${hem}`;
    piece(ctx, sym(half), "fabric", skirtFolds(flare));
    // mock neck
    piece(ctx, sym("M256 36 L228 36 L228 60 C240 66 250 68 256 68"), "fabric", fold(ctx, "M228 56 L284 56 L284 68 L228 68 Z", 0.16));
    ribs(ctx, [228, 36], [284, 36], [228, 60], [284, 60], 16);
    piece(ctx, `M${256 - flare} ${hem - 22} L${256 + flare} ${hem - 22} L${256 + flare} ${hem} L${256 - flare} ${hem} Z`, "fabric", "", { silhouette: false });
    ribs(ctx, [256 - flare, hem - 22], [256 + flare, hem - 22], [256 - flare, hem], [256 + flare, hem], 34);
    const ribLines: string[] = [];
    for (let x = 222; x <= 290; x += 11) ribLines.push(`M${x} 80 C${x - (256 - x) * 0.1} 200 ${x - (256 - x) * 0.25} 330 ${256 + (x - 256) * 1.2} ${hem - 24}`);
    seam(ctx, ribLines.join(" "), 1, 0.35);
    return;
  }

  dressSleeves();
  const neck = sub === "sundress" ? "M256 104 L216 104 L216 58" : sub === "wrap_dress" ? "M256 62 C244 62 234 58 228 54" : "M256 86 C244 86 232 78 228 56";
  const half = `${bodice(neck)} ${skirt(flare)}`;
  const wrapShade = sub === "wrap_dress" ? fold(ctx, "M276 66 L208 200 L200 192 L266 62 Z", 0.22) + fold(ctx, `M226 214 C232 280 228 360 ${256 - flare * 0.45} ${hem + 6} L${256 - flare * 0.6} ${hem + 6} C214 360 218 280 214 214 Z`, 0.2) : "";
  piece(ctx, sym(half), "fabric", skirtFolds(flare) + fold(ctx, "M198 136 C206 170 208 190 208 206 L220 206 C218 180 212 160 198 136 Z", 0.1) + wrapShade);
  seam(ctx, both("M228 56 L192 64"), 1.4, 0.6);
  // waist seam
  seam(ctx, `M208 ${waist} Q256 ${waist + 6} 304 ${waist}`, 1.8);

  if (sub === "shirt_dress") {
    seam(ctx, `M248 86 L248 ${hem + 8} M264 86 L264 ${hem + 8}`, 1.4);
    for (let y = 104; y < hem; y += 40) button(ctx, 256, y, 3.6);
    // collar
    piece(ctx, "M224 54 C238 48 274 48 288 54 L286 62 C272 56 240 56 226 62 Z", "fabric", "", { silhouette: false });
    const leaf = "M225 56 C230 68 240 80 256 88 L238 112 C230 100 220 84 216 62 Z";
    piece(ctx, leaf, "fabric", fold(ctx, "M256 88 L238 112 L232 100 Z", 0.18), { silhouette: false });
    piece(ctx, mirror(leaf), "fabric", fold(ctx, mirror("M256 88 L238 112 L232 100 Z"), 0.18), { silhouette: false });
    // self-tie belt
    piece(ctx, `M206 ${waist - 8} L306 ${waist - 8} L306 ${waist + 8} L206 ${waist + 8} Z`, "fabric", fold(ctx, `M206 ${waist + 2} L306 ${waist + 2} L306 ${waist + 8} L206 ${waist + 8} Z`, 0.2), { silhouette: false });
    const tie = `M272 ${waist} L262 ${waist + 72} L274 ${waist + 74} L280 ${waist + 4} Z M280 ${waist} L296 ${waist + 64} L306 ${waist + 58} L286 ${waist - 2} Z`;
    piece(ctx, tie, "fabric", "", { silhouette: false });
    piece(ctx, `M268 ${waist - 10} L288 ${waist - 10} L288 ${waist + 10} L268 ${waist + 10} Z`, "fabric", "", { silhouette: false });
  } else if (sub === "wrap_dress") {
    // the V: the overlapping front crosses from the right neck point to the left of the waist
    piece(ctx, "M228 54 C240 62 272 62 284 54 L247 132 Z", "inner", fold(ctx, "M228 54 L284 54 L284 70 L228 70 Z", 0.25), { silhouette: false, lit: false });
    raw(ctx, `<path d="M284 54 C270 100 246 160 210 204 M228 54 L247 132" fill="none" stroke="${ctx.pal.line}" stroke-width="2.2" stroke-linecap="round"/>`);
    raw(ctx, `<path d="M226 214 C232 280 228 360 ${256 - flare * 0.45} ${hem + 6}" fill="none" stroke="${ctx.pal.line}" stroke-width="2" stroke-linecap="round"/>`);
    piece(ctx, `M207 ${waist - 7} L305 ${waist - 7} L305 ${waist + 7} L207 ${waist + 7} Z`, "fabric", fold(ctx, `M207 ${waist + 2} L305 ${waist + 2} L305 ${waist + 8} L207 ${waist + 8} Z`, 0.2), { silhouette: false });
    // the tie knotted at the left side: two loops and two hanging ends
    const bow = `M214 ${waist} C196 ${waist - 22} 178 ${waist - 8} 190 ${waist + 6} C196 ${waist + 12} 206 ${waist + 8} 214 ${waist} Z M214 ${waist} C220 ${waist - 22} 240 ${waist - 20} 238 ${waist - 4} C236 ${waist + 8} 222 ${waist + 8} 214 ${waist} Z`;
    piece(ctx, bow, "fabric", fold(ctx, `M188 ${waist} L240 ${waist} L240 ${waist + 10} L188 ${waist + 10} Z`, 0.2), { silhouette: false });
    const ends = `M210 ${waist + 4} C204 ${waist + 30} 198 ${waist + 70} 190 ${waist + 104} L200 ${waist + 106} C208 ${waist + 72} 214 ${waist + 34} 218 ${waist + 6} Z M216 ${waist + 6} C222 ${waist + 30} 226 ${waist + 60} 222 ${waist + 84} L232 ${waist + 84} C236 ${waist + 58} 230 ${waist + 28} 222 ${waist + 4} Z`;
    piece(ctx, ends, "fabric", "", { silhouette: false });
    raw(ctx, `<ellipse cx="214" cy="${waist + 1}" rx="7" ry="8" fill="${fillOf(ctx, "fabric")}" stroke="${ctx.pal.line}" stroke-width="2"/>`);
  } else if (sub === "sundress") {
    // square neck trim, smocked bodice, tiered skirt
    seam(ctx, "M216 58 L216 104 L296 104 L296 58", 2);
    const smock: string[] = [];
    for (let y = 120; y < waist - 4; y += 12) smock.push(`M${206 - (y - 120) * 0.02} ${y} q6 -3 12 0 t12 0 t12 0 t12 0 t12 0 t12 0 t12 0 t12 0`);
    seam(ctx, smock.join(" "), 1, 0.6);
    const tier = waist + (hem - waist) * 0.5;
    seam(ctx, `M${256 - flare * 0.72} ${tier} Q256 ${tier + 10} ${256 + flare * 0.72} ${tier}`, 1.8);
    const gathers: string[] = [];
    for (let i = -4; i <= 4; i++) gathers.push(`M${256 + i * 12} ${waist + 4} l${i * 1.5} 14`, `M${256 + i * flare * 0.16} ${tier + 6} l${i * 2} 16`);
    seam(ctx, gathers.join(" "), 1, 0.5);
  }
}

// ================================================================== bottoms

function drawBottom(ctx: Ctx): void {
  const sub = ctx.spec.subcategory;
  const hem = HEM[sub];
  if (sub === "pencil_skirt" || sub === "a_line_skirt" || sub === "pleated_skirt") return drawSkirt(ctx, hem);
  const wide = sub === "wide_pants";
  const shorts = sub === "shorts";
  const jogger = sub === "joggers";
  const outHem = wide ? 122 : shorts ? 150 : jogger ? 178 : sub === "jeans" ? 166 : sub === "chinos" ? 172 : 164;
  const inHem = wide ? 250 : shorts ? 246 : jogger ? 236 : sub === "chinos" ? 240 : 244;
  const crotchY = GARMENT_ANCHORS.bottom.crotch[1];
  const outer = shorts ? `C164 190 154 226 ${outHem} ${hem}` : `C${wide ? 150 : 166} 260 ${outHem + (wide ? 0 : 4)} ${hem - 120} ${outHem} ${hem}`;
  const inner = shorts ? `C${inHem + 2} ${hem - 24} 252 ${crotchY + 18} 256 ${crotchY}` : `C${inHem + 2} ${hem - 140} 252 ${crotchY + 40} 256 ${crotchY}`;
  const half = `M256 64 L178 64 C172 100 168 128 168 150 ${outer} L${inHem} ${hem} ${inner}`;
  const legFolds = [
    fold(ctx, `M${outHem + 10} ${hem} C${outHem + 14} ${hem - 120} 196 240 206 180 L216 200 C206 260 ${outHem + 30} ${hem - 100} ${outHem + 26} ${hem} Z`, 0.08, true),
    fold(ctx, `M${mx(outHem) - 6} ${hem} C${mx(outHem) - 8} ${hem - 120} 340 240 336 160 L350 160 C350 260 ${mx(outHem) + 4} ${hem - 100} ${mx(outHem) + 4} ${hem} Z`, 0.2),
    fold(ctx, `M${inHem} ${hem} C${inHem} ${hem - 120} 252 ${crotchY + 40} 256 ${crotchY} L262 ${crotchY + 30} C266 ${crotchY + 80} ${mx(inHem) + 8} ${hem - 100} ${mx(inHem) + 10} ${hem} Z`, 0.14),
    shorts ? "" : fold(ctx, `M200 ${crotchY + 40} C214 ${crotchY + 30} 232 ${crotchY + 20} 244 ${crotchY} L244 ${crotchY + 10} C232 ${crotchY + 30} 216 ${crotchY + 44} 200 ${crotchY + 40} Z M312 ${crotchY + 40} C298 ${crotchY + 30} 280 ${crotchY + 20} 268 ${crotchY} L268 ${crotchY + 10} C280 ${crotchY + 30} 296 ${crotchY + 44} 312 ${crotchY + 40} Z`, 0.07),
  ].join("");
  // inside of the waistband at the back
  piece(ctx, "M180 58 C220 62 292 62 332 58 L334 68 L178 68 Z", "inner", "", { outline: true, silhouette: false, lit: false });
  piece(ctx, sym(half), "fabric", legFolds);
  // waistband
  const band = "M178 64 L334 64 L333 88 L179 88 Z";
  if (jogger) {
    piece(ctx, "M178 64 L334 64 L332 96 L180 96 Z", "fabric", fold(ctx, "M178 90 L334 90 L334 98 L178 98 Z", 0.16));
    const gathers: string[] = [];
    for (let x = 186; x < 330; x += 8) gathers.push(`M${x} 68 l1 24`);
    seam(ctx, gathers.join(" "), 1, 0.5);
    const cord = ctx.pal.light ? "#8c8c88" : ctx.pal.dark ? "#d9d9d9" : lighten(ctx.pal.main, 0.4);
    raw(ctx, `<path d="M250 92 C246 112 240 126 238 142 M262 92 C268 110 272 124 276 140" fill="none" stroke="${cord}" stroke-width="3.2" stroke-linecap="round"/><path d="M238 142 l-1 9 M276 140 l1 9" stroke="#a7a9ad" stroke-width="4" stroke-linecap="round"/><circle cx="250" cy="90" r="3" fill="${ctx.pal.inner}" stroke="${ctx.pal.line}"/><circle cx="262" cy="90" r="3" fill="${ctx.pal.inner}" stroke="${ctx.pal.line}"/>`);
    // ribbed ankle cuffs
    const cuff = `M${outHem} ${hem - 30} L${inHem} ${hem - 30} L${inHem} ${hem} L${outHem} ${hem} Z`;
    piece(ctx, cuff, "fabric", "", { silhouette: false });
    piece(ctx, mirror(cuff), "fabric", "", { silhouette: false });
    ribs(ctx, [outHem, hem - 30], [inHem, hem - 30], [outHem, hem], [inHem, hem], 9);
    ribs(ctx, [mx(inHem), hem - 30], [mx(outHem), hem - 30], [mx(inHem), hem], [mx(outHem), hem], 9);
    seam(ctx, both("M172 110 C190 118 200 140 200 160"), 1.6);
    return;
  }
  piece(ctx, band, "fabric", fold(ctx, "M178 82 L334 82 L334 90 L178 90 Z", 0.16));
  // fly
  const flyColor = sub === "jeans";
  stitch(ctx, `M${wide ? 268 : 270} 90 L${wide ? 268 : 270} ${crotchY - 34} C${wide ? 268 : 270} ${crotchY - 20} 262 ${crotchY - 10} 256 ${crotchY - 6}`);
  seam(ctx, `M256 88 L256 ${crotchY}`, 1.6);
  // belt loops
  for (const x of wide ? [] : [196, 232, 280, 316]) piece(ctx, `M${x - 4} 60 L${x + 4} 60 L${x + 4} 92 L${x - 4} 92 Z`, "fabric", "", { silhouette: false });
  button(ctx, 256, 76, flyColor ? 5.2 : 4.2, flyColor ? `url(#${ctx.id}-brass)` : undefined);
  if (sub === "jeans") {
    // scoop pockets, coin pocket, rivets, yoke-less front, whiskers
    seam(ctx, both("M184 90 C190 130 214 140 232 90"), 2);
    stitch(ctx, both("M188 94 C194 128 212 134 227 94"));
    piece(ctx, "M290 90 L320 90 L318 116 L292 116 Z", "fabric", "", { silhouette: false });
    stitch(ctx, "M292 95 L318 95");
    raw(ctx, [`232 92`, `280 92`, `186 132`, `326 132`].map((p) => `<circle cx="${p.split(" ")[0]}" cy="${p.split(" ")[1]}" r="2.6" fill="url(#${ctx.id}-brass)"/>`).join(""));
    const whiskers: string[] = [];
    for (let i = 0; i < 3; i++) whiskers.push(`M${236 - i * 6} ${crotchY - 6 + i * 10} C${222 - i * 8} ${crotchY + 2 + i * 10} ${210 - i * 6} ${crotchY + 4 + i * 12} ${198 - i * 4} ${crotchY + 2 + i * 14}`);
    raw(ctx, `<path d="${both(whiskers.join(" "))}" fill="none" stroke="#ffffff" stroke-width="2.4" stroke-linecap="round" opacity="${ctx.pal.dark ? 0.12 : 0.2}"/>`);
    stitch(ctx, both(`M${outHem + 3} ${hem - 10} L${inHem - 3} ${hem - 10}`));
    seam(ctx, both(`M${outHem + 2} ${hem - 1} L${inHem - 2} ${hem - 1}`), 1, 0.6);
    return;
  }
  // slant side pockets
  seam(ctx, both("M182 90 L204 148"), 2);
  if (sub === "slacks" || wide) {
    // pressed creases, and pleats for wide trousers
    const creaseX = (outHem + inHem) / 2;
    seam(ctx, both(`M214 90 C216 160 ${creaseX + 2} 300 ${creaseX} ${hem}`), 1.4, 0.6);
    if (wide) seam(ctx, both("M228 90 C230 110 230 124 228 136"), 1.4, 0.8);
    raw(ctx, `<path d="${both(`M214 92 C216 160 ${creaseX + 2} 300 ${creaseX} ${hem}`)}" fill="none" stroke="#ffffff" stroke-width="3" opacity="${ctx.pal.dark ? 0.1 : 0.18}" transform="translate(3 0)"/>`);
    seam(ctx, both("M310 106 L332 106"), 1.6, 0.8);
  }
  if (sub === "chinos" || shorts) {
    // turned-up cuffs
    const cuffH = shorts ? 22 : 26;
    const cuff = `M${outHem - 1} ${hem - cuffH} L${inHem + 1} ${hem - cuffH} L${inHem + 1} ${hem} L${outHem - 1} ${hem} Z`;
    piece(ctx, cuff, "fabric", fold(ctx, `M${outHem} ${hem - cuffH} L${inHem} ${hem - cuffH} L${inHem} ${hem - cuffH + 6} L${outHem} ${hem - cuffH + 6} Z`, 0.2), { silhouette: false });
    piece(ctx, mirror(cuff), "fabric", fold(ctx, mirror(`M${outHem} ${hem - cuffH} L${inHem} ${hem - cuffH} L${inHem} ${hem - cuffH + 6} L${outHem} ${hem - cuffH + 6} Z`), 0.2), { silhouette: false });
    if (sub === "chinos") seam(ctx, both("M304 118 L326 118"), 1.6, 0.8);
  } else stitch(ctx, both(`M${outHem + 3} ${hem - 9} L${inHem - 3} ${hem - 9}`));
}

function drawSkirt(ctx: Ctx, hem: number): void {
  const sub = ctx.spec.subcategory;
  piece(ctx, "M180 58 C220 62 292 62 332 58 L334 68 L178 68 Z", "inner", "", { outline: true, silhouette: false, lit: false });
  const bandH = 22;
  if (sub === "pencil_skirt") {
    const half = `M256 64 L178 64 C170 100 166 130 166 152 C166 220 172 280 178 ${hem} L256 ${hem}`;
    piece(ctx, sym(half), "fabric", fold(ctx, "M170 150 C172 220 178 280 190 330 L178 330 C172 280 166 220 168 150 Z", 0.1, true) + fold(ctx, "M342 150 C344 220 340 280 334 330 L320 330 C326 280 332 220 328 150 Z", 0.2) + fold(ctx, "M220 170 C240 180 272 180 292 170 L292 190 C272 200 240 200 220 190 Z", 0.06, true));
    piece(ctx, `M178 64 L334 64 L333 ${64 + bandH} L179 ${64 + bandH} Z`, "fabric", fold(ctx, "M178 80 L334 80 L334 88 L178 88 Z", 0.16));
    seam(ctx, both("M214 86 L218 146 M236 86 L238 128"), 1.4, 0.8);
    // front slit
    piece(ctx, `M250 ${hem} L256 ${hem - 44} L262 ${hem} Z`, "inner", "", { silhouette: false, lit: false });
    seam(ctx, `M256 ${hem - 44} L256 ${hem - 58}`, 1.4, 0.8);
    stitch(ctx, `M182 ${hem - 8} L330 ${hem - 8}`);
    return;
  }
  const pleated = sub === "pleated_skirt";
  const w = pleated ? 138 : 130;
  const half = `M256 64 L178 64 C172 90 166 110 160 130 L${256 - w} ${hem - 8} Q${256 - w / 2} ${hem + 8} 256 ${hem + 10}`;
  const body = sym(half);
  const folds = [
    fold(ctx, `M${256 - w + 16} ${hem} C${256 - w + 40} ${hem - 80} 200 200 214 130 L228 140 C220 200 ${256 - w + 60} ${hem - 80} ${256 - w + 44} ${hem + 4} Z`, 0.12),
    fold(ctx, `M${256 + w - 16} ${hem} C${256 + w - 40} ${hem - 80} 312 200 298 130 L284 140 C292 200 ${256 + w - 60} ${hem - 80} ${256 + w - 44} ${hem + 4} Z`, 0.2),
    fold(ctx, `M256 140 C248 200 250 260 244 ${hem + 6} L262 ${hem + 8} C266 260 262 200 256 140 Z`, 0.1, true),
  ].join("");
  piece(ctx, body, "fabric", pleated ? "" : folds);
  if (pleated) {
    // knife pleats fanning out from the waistband, alternate faces in shadow
    const n = 14;
    const top = (i: number) => 180 + (152 / n) * i;
    const bottom = (i: number) => 256 - w + ((2 * w) / n) * i;
    const shade: string[] = [];
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const x0 = top(i), x1 = top(i + 1), b0 = bottom(i), b1 = bottom(i + 1);
      const y = (x: number) => hem + 10 - Math.abs(x - 256) ** 2 / (w * w) * 18;
      shade.push(`M${fmt(x0 + (x1 - x0) * 0.55)} 88 L${fmt(x1)} 88 L${fmt(b1)} ${fmt(y(b1) + 2)} L${fmt(b0 + (b1 - b0) * 0.55)} ${fmt(y(b0 + (b1 - b0) * 0.55) + 2)} Z`);
      if (i > 0) lines.push(`M${fmt(x0)} 88 L${fmt(b0)} ${fmt(y(b0))}`);
    }
    const n2 = ctx.clips;
    ctx.defs.push(`<clipPath id="${ctx.id}-k${n2}"><path d="${body}"/></clipPath>`);
    ctx.clips++;
    raw(ctx, `<g clip-path="url(#${ctx.id}-k${n2})"><path d="${shade.join(" ")}" fill="#000000" opacity="${ctx.pal.dark ? 0.34 : 0.16}"/><rect width="512" height="512" fill="url(#${ctx.id}-light)"/></g>`);
    raw(ctx, `<path d="${lines.join(" ")}" fill="none" stroke="#ffffff" stroke-width="2.4" opacity="${ctx.pal.light ? 0.9 : 0.28}" transform="translate(1.6 0)"/>`);
    seam(ctx, lines.join(" "), 1.5, 0.95);
    raw(ctx, `<path d="${body}" fill="none" stroke="${ctx.pal.line}" stroke-width="2.2" stroke-linejoin="round"/>`);
  } else {
    seam(ctx, both("M222 86 L226 130"), 1.4, 0.8);
    seam(ctx, both(`M188 104 C200 110 208 116 212 126`), 1.6);
    stitch(ctx, `M${256 - w + 6} ${hem - 6} Q${256 - w / 2} ${hem + 6} 256 ${hem + 2} Q${256 + w / 2} ${hem + 6} ${256 + w - 6} ${hem - 6}`);
  }
  piece(ctx, `M178 64 L334 64 L333 ${64 + bandH} L179 ${64 + bandH} Z`, "fabric", fold(ctx, "M178 80 L334 80 L334 88 L178 88 Z", 0.16));
  button(ctx, 318, 75, 4);
}

// ================================================================== shoes

/** Shoes: a pair in profile, toes to the right, the far shoe behind, up and to the right. */
function drawShoes(ctx: Ctx): void {
  const sub = ctx.spec.subcategory;
  const k = 1.05;
  const outer = `translate(${fmt(98 - 100 * k)} ${fmt(348 - 404 * k)}) scale(${k})`;
  // the far shoe: the same drawing, shifted, under a darkening veil
  const mark = ctx.out.length;
  const silMark = ctx.silhouette.length;
  shoe(ctx, sub);
  const drawn = ctx.out.splice(mark);
  const sil = ctx.silhouette.splice(silMark);
  const [dx, dy] = [26, -46];
  ctx.out.push(`<g transform="${outer}"><g transform="translate(${dx} ${dy})">${drawn.join("")}${sil.map((d) => `<path d="${d}" fill="#000000" opacity="${ctx.pal.dark ? 0.3 : 0.16}"/>`).join("")}</g>`);
  ctx.silhouette.push(...sil.map((d) => translatePath(d, dx, dy)));
  shoe(ctx, sub);
  ctx.out.push(`</g>`);
  ctx.dropTransform = outer;
}

function translatePath(d: string, dx: number, dy: number): string {
  const tokens = d.match(/[MLHVQCZ]|-?\d*\.?\d+/g) ?? [];
  let cmd = "";
  let i = 0;
  return tokens
    .map((t) => {
      if (/[A-Z]/.test(t)) {
        cmd = t;
        i = 0;
        return t;
      }
      const n = Number(t);
      const isX = cmd === "H" || (cmd !== "V" && i % 2 === 0);
      i++;
      return fmt(isX ? n + dx : n + dy);
    })
    .join(" ");
}

/** One shoe in profile, toe to the right, standing on y ≈ 404, heel at x ≈ 106, toe at ≈ 370. */
function shoe(ctx: Ctx, sub: Subcategory): void {
  const { pal } = ctx;
  const soleDark = pal.dark ? "#101012" : pal.light ? mix(pal.main, "#000000", 0.45) : lighten(pal.main, -0.3);
  const heelFill = pal.dark ? "#0b0b0c" : lighten(soleDark, -0.06);
  const toeSheen = (d: string) => fold(ctx, d, pal.dark ? 0.28 : 0.45, true);
  const leatherSole = () => {
    piece(ctx, "M108 398 L150 398 L148 408 L110 408 Z", heelFill, "", { lit: false });
    piece(ctx, "M104 388 C200 391 300 391 358 389 C370 389 374 396 366 400 L104 400 Z", soleDark, "", { lit: false });
  };
  switch (sub) {
    case "loafers": {
      leatherSole();
      const upper = "M112 390 C106 368 106 346 112 326 C136 332 164 338 190 340 C206 330 226 322 250 322 C290 324 330 338 352 356 C366 368 370 384 360 390 Z";
      piece(ctx, upper, "fabric", fold(ctx, "M112 372 C200 378 300 378 366 376 L366 392 L112 392 Z", 0.18) + toeSheen("M286 332 C318 338 342 350 356 366 L334 360 C318 348 300 340 286 332 Z"));
      piece(ctx, "M112 326 C136 332 164 338 190 340 C172 348 136 346 114 338 Z", "lining", "", { silhouette: false, lit: false });
      // moc-toe apron and penny strap
      seam(ctx, "M250 330 C286 330 322 342 344 360", 1.8);
      stitch(ctx, "M252 336 C284 336 316 346 336 362");
      piece(ctx, "M190 340 C206 330 228 324 248 323 L252 342 C232 342 212 348 196 354 Z", "fabric", fold(ctx, "M194 348 L252 336 L252 344 L196 356 Z", 0.2), { silhouette: false });
      piece(ctx, "M212 336 L232 331 L233 337 L213 342 Z", "lining", "", { silhouette: false, lit: false });
      stitch(ctx, "M112 380 C200 384 300 384 360 382", 1.1);
      seam(ctx, "M140 334 C138 350 138 366 140 388", 1.3, 0.6);
      return;
    }
    case "derby_shoes": {
      leatherSole();
      const upper = "M112 390 C106 366 106 340 112 318 C136 324 162 328 186 328 C198 316 214 308 232 306 C276 310 322 330 350 352 C366 366 370 384 360 390 Z";
      piece(ctx, upper, "fabric", fold(ctx, "M112 372 C200 378 300 378 366 376 L366 392 L112 392 Z", 0.18) + toeSheen("M292 326 C322 336 342 348 356 364 L334 358 C318 346 304 336 292 326 Z"));
      piece(ctx, "M112 318 C136 324 162 328 186 328 C170 336 136 336 114 330 Z", "lining", "", { silhouette: false, lit: false });
      // quarters laced over the tongue, cap toe
      const quarter = "M116 322 C146 328 170 330 190 328 C206 340 220 356 228 374 C226 382 222 386 216 388 L114 388 C110 366 110 342 116 322 Z";
      piece(ctx, quarter, "fabric", fold(ctx, "M190 328 C206 340 220 356 228 374 L220 376 C214 358 202 342 186 332 Z", 0.2), { silhouette: false });
      stitch(ctx, "M120 328 C146 334 170 336 188 334 C202 344 214 358 222 372", 1.1);
      const lace = pal.dark ? "#d6d6d6" : pal.light ? "#a4a19b" : lighten(pal.main, -0.35);
      raw(ctx, `<path d="M196 334 L216 318 M205 344 L226 326 M213 354 L236 334 M200 318 L220 334" stroke="${lace}" stroke-width="2.2" stroke-linecap="round"/>`);
      for (const [x, y] of [[196, 334], [205, 344], [213, 354]] as const) raw(ctx, `<circle cx="${x}" cy="${y}" r="2.4" fill="${pal.dark ? "#6b6b70" : pal.line}"/>`);
      seam(ctx, "M306 330 C318 346 324 368 322 388", 1.6);
      stitch(ctx, "M300 332 C312 348 316 368 314 388", 1.1);
      stitch(ctx, "M112 380 C200 384 300 384 360 382", 1.1);
      return;
    }
    case "pumps": {
      const heel = "M118 334 C124 344 128 360 128 372 L132 406 L140 406 L138 372 C140 356 148 346 156 340 Z";
      piece(ctx, heel, heelFill, "", { lit: false });
      piece(ctx, "M126 334 C170 344 220 362 270 378 C300 388 340 394 372 394 C380 394 382 400 374 402 C330 404 280 398 238 388 C200 378 170 360 140 346 Z", soleDark, "", { lit: false });
      const upper = "M112 332 C108 318 110 304 116 296 C128 310 150 322 184 332 C222 344 250 348 272 350 C310 356 348 370 368 386 C374 392 370 396 362 396 C324 396 290 392 250 382 C200 370 160 350 126 338 Z";
      piece(ctx, upper, "fabric", toeSheen("M272 352 C310 360 346 374 364 388 L330 382 C310 372 290 362 272 352 Z") + fold(ctx, "M116 320 C150 340 200 360 260 376 L250 388 C200 374 150 356 112 336 Z", 0.16));
      piece(ctx, "M116 296 C128 310 150 322 184 332 C222 344 250 348 272 350 C256 358 222 356 188 344 C154 334 130 320 116 304 Z", "lining", "", { silhouette: false, lit: false });
      return;
    }
    case "flats": {
      piece(ctx, "M104 388 C200 391 300 392 356 390 C370 390 374 396 366 400 L104 400 Z", soleDark, "", { lit: false });
      const upper = "M112 390 C108 376 108 362 114 350 C150 356 190 358 226 356 C262 352 300 350 328 354 C352 358 368 370 368 382 C368 388 364 390 358 390 Z";
      piece(ctx, upper, "fabric", fold(ctx, "M112 376 L368 380 L368 392 L112 392 Z", 0.16) + toeSheen("M300 356 C326 358 350 366 362 378 L334 372 C322 364 310 360 300 356 Z"));
      piece(ctx, "M114 350 C150 356 190 358 226 356 C262 352 292 350 312 352 C288 362 246 366 204 366 C164 366 134 362 116 358 Z", "lining", "", { silhouette: false, lit: false });
      // bow on the toe
      piece(ctx, "M306 360 C294 346 280 350 282 362 C284 372 296 370 306 364 C316 370 328 372 330 362 C332 350 318 346 306 360 Z", "fabric", fold(ctx, "M282 362 L330 362 L330 372 L282 372 Z", 0.2), { silhouette: false });
      raw(ctx, `<rect x="301" y="355" width="10" height="11" rx="2.5" fill="${pal.inner}" stroke="${pal.line}" stroke-width="1.2"/>`);
      stitch(ctx, "M114 384 C200 386 300 386 362 384", 1.1);
      return;
    }
    case "sneakers": {
      const sole = pal.light ? "#e4e1da" : "#f6f4f0";
      const soleLine = "#b7b3ab";
      const stripe = ctx.spec.colors[1] !== undefined ? pal.accent : pal.light ? "#cfcbc2" : pal.dark ? "#f6f4f0" : lighten(pal.main, 0.3);
      const upper = "M108 374 C104 346 106 320 116 302 C124 296 136 296 146 302 C160 312 174 314 184 310 L194 300 C204 294 216 294 222 300 C262 318 312 330 342 344 C364 354 376 366 376 376 Z";
      piece(ctx, upper, "fabric", fold(ctx, "M112 360 L376 370 L376 380 L112 380 Z", 0.16) + toeSheen("M306 334 C330 342 352 352 366 364 L336 358 C324 350 316 342 306 334 Z"));
      piece(ctx, "M118 302 C126 298 136 298 144 304 C156 312 170 314 182 312 C170 322 140 322 120 312 Z", "lining", "", { silhouette: false, lit: false });
      // toe cap, side stripe, heel tab, laces
      piece(ctx, "M314 336 C336 344 364 356 376 376 L330 376 C328 360 322 346 314 336 Z", "fabric", fold(ctx, "M314 336 L376 376 L330 376 Z", 0.08), { silhouette: false });
      raw(ctx, `<path d="M168 360 C206 346 244 334 288 330" fill="none" stroke="${stripe}" stroke-width="9" stroke-linecap="round"/><path d="M168 360 C206 346 244 334 288 330" fill="none" stroke="${pal.line}" stroke-width="1" stroke-linecap="round" opacity="0.5"/>`);
      piece(ctx, "M106 318 C102 334 104 356 108 374 L126 374 C122 354 122 334 126 318 C120 314 112 314 106 318 Z", pal.light ? "#d9d5cd" : lighten(pal.main, pal.dark ? 0.12 : -0.1), "", { silhouette: false });
      const lace = pal.dark ? "#eeeeee" : pal.light ? "#bdbab3" : lighten(pal.main, 0.35);
      seam(ctx, "M184 312 C214 318 250 328 290 338", 1.4, 0.8);
      raw(ctx, `<path d="M196 308 L204 320 M214 312 L222 324 M232 318 L240 330 M250 324 L258 336" stroke="${lace}" stroke-width="3.2" stroke-linecap="round"/>`);
      // cupsole
      const cup = "M100 372 L380 372 C386 378 386 392 378 398 C300 402 180 402 106 400 C98 394 96 380 100 372 Z";
      piece(ctx, cup, sole, fold(ctx, "M100 392 L384 392 L384 402 L100 402 Z", 0.12), { outline: false });
      raw(ctx, `<path d="${cup}" fill="none" stroke="${soleLine}" stroke-width="2"/><path d="M106 386 L378 386" stroke="${soleLine}" stroke-width="1.2" stroke-dasharray="3 3"/>`);
      return;
    }
    case "ankle_boots": {
      piece(ctx, "M110 396 L156 396 L154 408 L112 408 Z", heelFill, "", { lit: false });
      piece(ctx, "M104 386 C200 391 300 392 356 390 C370 390 374 396 366 400 L104 400 Z", soleDark, "", { lit: false });
      const upper = "M110 390 C104 320 108 260 116 214 C150 210 190 210 218 214 C216 250 218 290 226 318 C256 330 300 340 334 350 C356 358 370 372 368 384 C368 388 364 390 358 390 Z";
      piece(ctx, upper, "fabric", fold(ctx, "M120 220 C124 280 124 330 126 388 L112 388 C108 320 112 260 118 214 Z", 0.14, true) + fold(ctx, "M204 214 C206 260 212 300 226 330 L240 330 C224 300 218 260 216 214 Z", 0.2) + toeSheen("M292 344 C326 352 352 362 364 376 L332 368 C318 358 304 350 292 344 Z") + fold(ctx, "M110 370 L368 378 L368 392 L110 392 Z", 0.16));
      piece(ctx, "M116 214 C150 210 190 210 218 214 C196 222 150 224 118 220 Z", "lining", "", { silhouette: false, lit: false });
      // elastic side gusset and pull tab
      piece(ctx, "M154 216 C160 250 166 282 172 306 L188 306 C192 280 196 250 198 216 Z", pal.dark ? "#3a3a3e" : lighten(pal.main, -0.25), "", { silhouette: false, lit: false });
      seam(ctx, "M160 232 L194 232 M163 248 L193 248 M166 264 L191 264 M168 280 L190 280 M170 296 L189 296", 1, 0.45);
      piece(ctx, "M114 216 L120 196 C124 192 130 192 132 196 L130 216 Z", pal.dark ? "#3a3a3e" : lighten(pal.main, -0.2), "", { silhouette: false, lit: false });
      stitch(ctx, "M112 380 C200 384 300 384 362 382", 1.1);
      return;
    }
    case "sandals":
    default: {
      // sole with a cork-coloured footbed; straps over the toes and instep, an ankle strap
      piece(ctx, "M104 380 C100 388 102 398 112 400 L360 400 C376 400 382 392 378 384 C370 376 350 374 330 374 C250 374 160 378 104 380 Z", soleDark, "", { lit: false });
      piece(ctx, "M108 376 C180 374 260 370 330 370 C352 370 368 374 374 382 C300 384 200 386 108 386 Z", pal.light ? "#c8b89a" : "#c9a77e", fold(ctx, "M108 376 L374 376 L374 386 L108 386 Z", 0.14), { silhouette: false });
      piece(ctx, "M258 376 C266 344 302 332 330 342 C340 348 344 360 344 372 L330 372 C330 362 326 356 320 354 C300 348 280 356 274 376 Z", "fabric", fold(ctx, "M258 376 C266 344 302 332 330 342 L326 350 C300 342 274 352 270 376 Z", 0.25, true));
      piece(ctx, "M190 378 C196 342 228 322 262 326 L262 342 C236 340 212 352 208 378 Z", "fabric", fold(ctx, "M190 378 C196 342 228 322 262 326 L262 332 C232 330 204 346 198 378 Z", 0.25, true));
      piece(ctx, "M118 382 C112 346 118 316 132 300 L148 302 C138 320 134 348 136 382 Z", "fabric");
      piece(ctx, "M132 300 C160 306 190 312 214 312 L214 326 C188 326 160 322 130 316 Z", "fabric");
      raw(ctx, `<rect x="204" y="308" width="16" height="22" rx="3" fill="none" stroke="url(#${ctx.id}-metal)" stroke-width="3.4"/>`);
      return;
    }
  }
}

// ================================================================== accessories

function drawAccessory(ctx: Ctx): void {
  const { pal } = ctx;
  const sub = ctx.spec.subcategory;
  switch (sub) {
    case "tote_bag": {
      const handle = (d: string) => raw(ctx, `<path d="${d}" fill="none" stroke="${pal.line}" stroke-width="13" stroke-linecap="round"/><path d="${d}" fill="none" stroke="${pal.dark ? lighten(pal.main, 0.06) : lighten(pal.main, -0.06)}" stroke-width="9.5" stroke-linecap="round"/>`);
      handle("M196 190 C196 110 236 96 246 96 C256 96 272 100 280 120");
      handle("M232 190 C232 120 276 104 296 118 C312 130 316 160 316 190");
      const body = "M136 186 L376 186 L400 396 C400 404 394 406 388 406 L124 406 C118 406 112 404 112 396 Z";
      piece(ctx, body, "fabric", fold(ctx, "M136 186 L170 186 L150 406 L112 406 Z", 0.12, true) + fold(ctx, "M340 186 L376 186 L400 406 L360 406 Z", 0.2) + fold(ctx, "M136 186 L376 186 L376 204 L136 204 Z", 0.12));
      stitch(ctx, "M142 196 L370 196 M122 394 L390 394");
      seam(ctx, "M132 226 L380 226", 1.4, 0.6);
      raw(ctx, `<rect x="188" y="178" width="16" height="26" rx="3" fill="${pal.inner}" stroke="${pal.line}" stroke-width="1.6"/><rect x="308" y="178" width="16" height="26" rx="3" fill="${pal.inner}" stroke="${pal.line}" stroke-width="1.6"/>`);
      raw(ctx, `<circle cx="196" cy="194" r="2.6" fill="url(#${ctx.id}-brass)"/><circle cx="316" cy="194" r="2.6" fill="url(#${ctx.id}-brass)"/>`);
      raw(ctx, `<rect x="228" y="246" width="56" height="10" rx="2" fill="${pal.dark ? lighten(pal.main, 0.2) : lighten(pal.main, -0.2)}" opacity="0.7"/>`);
      return;
    }
    case "crossbody_bag": {
      // a small flap bag on a long, thin adjustable strap
      const strapD = "M180 292 C150 210 168 96 256 86 C344 96 362 210 332 292";
      raw(ctx, `<path d="${strapD}" fill="none" stroke="${pal.line}" stroke-width="7"/><path d="${strapD}" fill="none" stroke="${pal.dark ? lighten(pal.main, 0.1) : lighten(pal.main, -0.1)}" stroke-width="4.4"/>`);
      raw(ctx, `<rect x="151" y="190" width="16" height="22" rx="3" transform="rotate(-12 159 201)" fill="none" stroke="url(#${ctx.id}-metal)" stroke-width="3.2"/>`);
      raw(ctx, `<circle cx="180" cy="292" r="8" fill="none" stroke="url(#${ctx.id}-metal)" stroke-width="3.4"/><circle cx="332" cy="292" r="8" fill="none" stroke="url(#${ctx.id}-metal)" stroke-width="3.4"/>`);
      ctx.silhouette.push(`M176 290 C146 210 164 92 256 82 C348 92 366 210 336 290 L328 292 C356 210 340 100 256 90 C172 100 156 210 184 292 Z`);
      const body = "M170 310 C170 294 180 286 196 286 L316 286 C332 286 342 294 342 310 L342 384 C342 396 334 404 320 404 L192 404 C178 404 170 396 170 384 Z";
      piece(ctx, body, "fabric", fold(ctx, "M312 286 L342 286 L342 404 L312 404 Z", 0.18) + fold(ctx, "M170 392 L342 392 L342 404 L170 404 Z", 0.14));
      const flap = "M170 306 C170 292 180 286 196 286 L316 286 C332 286 342 292 342 306 L342 334 C342 356 316 366 256 366 C196 366 170 356 170 334 Z";
      piece(ctx, flap, "fabric", fold(ctx, "M170 344 C200 366 312 366 342 344 L342 370 L170 370 Z", 0.2) + fold(ctx, "M190 292 L322 292 L322 302 L190 302 Z", 0.12, true), { silhouette: false });
      stitch(ctx, "M178 306 C178 298 186 294 198 294 L314 294 C326 294 334 298 334 306 L334 332 C334 350 312 358 256 358 C200 358 178 350 178 332 Z");
      raw(ctx, `<rect x="243" y="352" width="26" height="20" rx="5" fill="url(#${ctx.id}-metal)" stroke="#77797e" stroke-width="1.4"/><circle cx="256" cy="362" r="3.4" fill="none" stroke="#77797e" stroke-width="1.4"/>`);
      return;
    }
    case "belt": {
      // a buckled belt lying in a loop: the back shows its inside, the front its face
      const back = "M106 242 A150 56 0 0 1 406 242 L406 272 A150 56 0 0 0 106 272 Z";
      const front = "M106 242 A150 56 0 0 0 406 242 L406 272 A150 56 0 0 1 106 272 Z";
      piece(ctx, back, "lining", fold(ctx, "M106 242 A150 56 0 0 1 406 242 L406 262 A150 56 0 0 0 106 262 Z", 0.25));
      piece(ctx, front, "fabric", fold(ctx, "M106 262 A150 56 0 0 0 406 262 L406 276 A150 56 0 0 1 106 276 Z", 0.2) + fold(ctx, "M140 290 A150 56 0 0 0 372 290 L372 296 A150 56 0 0 1 140 296 Z", 0.3, true));
      stitch(ctx, "M112 250 A144 52 0 0 0 400 250 M112 266 A144 52 0 0 0 400 266");
      // holes along the front, the buckle and keeper on the left
      const bandY = (x: number) => 257 + 56 * Math.sqrt(Math.max(0, 1 - ((x - 256) / 150) ** 2));
      for (const x of [292, 314, 336, 356]) raw(ctx, `<ellipse cx="${x}" cy="${fmt(bandY(x))}" rx="2.8" ry="3.4" fill="${pal.dark ? "#000000" : lighten(pal.main, -0.4)}"/>`);
      piece(ctx, `M200 ${fmt(bandY(200) - 18)} L214 ${fmt(bandY(214) - 18)} L214 ${fmt(bandY(214) + 18)} L200 ${fmt(bandY(200) + 18)} Z`, "fabric", "", { silhouette: false });
      const bx = 150;
      const by = bandY(bx);
      raw(ctx, `<rect x="${bx - 20}" y="${fmt(by - 30)}" width="40" height="60" rx="9" fill="none" stroke="${pal.dark ? "#6f7176" : "#7b7d82"}" stroke-width="10"/><rect x="${bx - 20}" y="${fmt(by - 30)}" width="40" height="60" rx="9" fill="none" stroke="url(#${ctx.id}-metal)" stroke-width="7.5"/>`);
      raw(ctx, `<path d="M${bx - 16} ${fmt(by)} L${bx + 26} ${fmt(by + 1)}" stroke="#7b7d82" stroke-width="5.5" stroke-linecap="round"/><path d="M${bx - 16} ${fmt(by)} L${bx + 26} ${fmt(by + 1)}" stroke="url(#${ctx.id}-metal)" stroke-width="3.5" stroke-linecap="round"/>`);
      return;
    }
    case "tie": {
      const blade = sym("M256 140 L242 140 L218 372 L256 422");
      const knot = sym("M256 90 L230 90 L243 146 L256 148");
      piece(ctx, blade, "fabric", fold(ctx, "M242 140 L218 372 L236 386 L250 150 Z", 0.14, true) + fold(ctx, "M270 140 L294 372 L276 386 L262 150 Z", 0.18) + fold(ctx, "M236 140 L276 140 L272 166 L240 166 Z", 0.3));
      raw(ctx, `<path d="M226 368 L256 408 L286 368" fill="none" stroke="${pal.seam}" stroke-width="1.3" opacity="0.6"/>`);
      piece(ctx, knot, "fabric", fold(ctx, "M230 90 L282 90 L278 106 L234 106 Z", 0.2) + fold(ctx, "M243 146 L269 146 L272 128 L240 128 Z", 0.24) + fold(ctx, "M236 96 L246 140 L252 140 L244 96 Z", 0.25, true));
      seam(ctx, "M238 98 C248 116 252 132 251 144", 1.1, 0.55);
      return;
    }
    case "scarf": {
      // knotted scarf: the loop round the (absent) neck, a knot at the front and two fringed tails
      const back = "M162 118 A94 34 0 0 1 350 118 L350 160 A94 34 0 0 0 162 160 Z";
      const front = "M162 118 A94 34 0 0 0 350 118 L350 160 A94 34 0 0 1 162 160 Z";
      piece(ctx, back, "fabric", fold(ctx, back, 0.34));
      piece(ctx, front, "fabric", fold(ctx, "M162 144 A94 34 0 0 0 350 144 L350 166 A94 34 0 0 1 162 166 Z", 0.22) + fold(ctx, "M180 136 A94 34 0 0 0 332 136 L332 144 A94 34 0 0 1 180 144 Z", 0.3, true));
      seam(ctx, "M170 128 A94 34 0 0 0 342 128 M170 150 A94 34 0 0 0 342 150", 1, 0.35);
      const tailL = "M230 206 C220 260 206 340 196 414 L262 420 C264 340 266 270 270 210 Z";
      const tailR = "M258 206 C272 266 292 330 306 390 L360 374 C340 310 312 256 294 204 Z";
      piece(ctx, tailR, "fabric", fold(ctx, "M258 206 C272 266 292 330 306 390 L322 386 C306 324 288 262 272 206 Z", 0.24) + fold(ctx, "M294 204 C312 256 340 310 360 374 L346 378 C326 314 304 258 286 206 Z", 0.12, true));
      piece(ctx, tailL, "fabric", fold(ctx, "M230 206 C220 260 206 340 196 414 L214 416 C224 340 234 262 242 208 Z", 0.16, true) + fold(ctx, "M270 210 C266 270 264 340 262 420 L246 418 C248 340 252 270 258 210 Z", 0.22));
      seam(ctx, "M226 240 L266 244 M220 300 L264 304 M212 360 L262 364", 1, 0.25);
      piece(ctx, "M226 178 C236 166 278 166 290 178 C298 196 288 216 258 218 C232 218 220 198 226 178 Z", "fabric", fold(ctx, "M222 200 L294 200 L294 220 L222 220 Z", 0.3) + fold(ctx, "M236 172 L280 172 L278 180 L238 180 Z", 0.3, true));
      const fringe = (x0: number, y0: number, x1: number, y1: number) => {
        const f: string[] = [];
        const n = 9;
        for (let i = 0; i <= n; i++) {
          const x = x0 + ((x1 - x0) * i) / n;
          const y = y0 + ((y1 - y0) * i) / n;
          f.push(`M${fmt(x)} ${fmt(y)} l${fmt((y1 - y0) * 0.12)} 15`);
        }
        raw(ctx, `<path d="${f.join(" ")}" stroke="${pal.line}" stroke-width="3.4" stroke-linecap="round"/><path d="${f.join(" ")}" stroke="${pal.main}" stroke-width="1.8" stroke-linecap="round"/>`);
      };
      fringe(198, 415, 260, 421);
      fringe(308, 390, 358, 375);
      return;
    }
    case "cap":
    default: {
      // a ball cap in three-quarter view, peak to the left (shifted to centre the whole)
      ctx.out.push(`<g transform="translate(20 14)">`);
      ctx.dropTransform = "translate(20 14)";
      const crown = "M150 300 C140 220 180 150 262 146 C340 144 380 210 376 300 Z";
      const brim = "M150 296 C130 300 100 310 96 324 C94 336 130 340 180 334 C240 328 320 312 376 300 C300 290 210 288 150 296 Z";
      piece(ctx, crown, "fabric", fold(ctx, "M320 160 C360 190 378 240 376 300 L340 300 C344 240 336 200 320 160 Z", 0.18) + fold(ctx, "M190 170 C220 156 250 152 270 152 L240 180 C220 180 200 186 190 170 Z", 0.2, true));
      seam(ctx, "M262 148 C244 190 232 240 230 298 M262 148 C300 190 318 240 326 300 M262 148 C230 170 196 220 176 298", 1.6, 0.85);
      stitch(ctx, "M256 160 C240 200 232 250 232 294 M270 160 C300 200 314 246 318 294");
      for (const [x, y] of [[206, 220], [300, 214], [350, 236]] as const) raw(ctx, `<circle cx="${x}" cy="${y}" r="3" fill="${pal.inner}" stroke="${pal.line}" stroke-width="1"/>`);
      piece(ctx, brim, "fabric", fold(ctx, "M96 324 C130 340 240 328 376 300 L376 310 C240 338 130 346 96 330 Z", 0.26) + fold(ctx, "M150 298 C210 290 300 290 376 300 L376 304 C300 296 210 296 150 304 Z", 0.3));
      stitch(ctx, "M112 322 C140 328 200 322 260 310 M106 318 C140 324 200 316 250 306");
      raw(ctx, `<ellipse cx="262" cy="147" rx="9" ry="5" fill="${fillOf(ctx, "fabric")}" stroke="${pal.line}" stroke-width="1.8"/>`);
      ctx.out.push(`</g>`);
      return;
    }
  }
}

// ================================================================== patterns

function patternDef(ctx: Ctx): string {
  const { pal, id, spec } = ctx;
  const s = Math.abs(spec.seed ?? 0);
  const main = pal.main;
  const a = pal.accent;
  const tie = spec.subcategory === "tie";
  const rot = tie ? ` patternTransform="rotate(-38)"` : "";
  switch (spec.pattern) {
    case "stripe": {
      const p = tie ? 20 : [16, 14, 20][s % 3] ?? 16;
      const w = tie ? 6 : [4, 3, 7][s % 3] ?? 4;
      return `<pattern id="${id}-pat" width="${p}" height="${p}" patternUnits="userSpaceOnUse"${rot}><rect width="${p}" height="${p}" fill="${main}"/><rect x="${(p - w) / 2}" width="${w}" height="${p}" fill="${a}"/>${tie ? `<rect x="${(p - w) / 2 - 4}" width="1.5" height="${p}" fill="${a}" opacity="0.7"/>` : ""}</pattern>`;
    }
    case "check": {
      const p = [28, 24, 32][s % 3] ?? 28;
      const h = p / 2;
      const thin = pal.dark ? lighten(main, 0.35) : lighten(a, luminance(a) > 0.4 ? -0.2 : 0.2);
      return `<pattern id="${id}-pat" width="${p}" height="${p}" patternUnits="userSpaceOnUse"${tie ? ` patternTransform="rotate(45)"` : ""}><rect width="${p}" height="${p}" fill="${main}"/><rect width="${h}" height="${p}" fill="${a}" opacity="0.42"/><rect width="${p}" height="${h}" fill="${a}" opacity="0.42"/><rect x="${h + h / 2 - 0.75}" width="1.5" height="${p}" fill="${thin}" opacity="0.8"/><rect y="${h + h / 2 - 0.75}" width="${p}" height="1.5" fill="${thin}" opacity="0.8"/></pattern>`;
    }
    case "dot": {
      const p = tie ? 16 : 22;
      const r = tie ? 2.2 : 3.4;
      return `<pattern id="${id}-pat" width="${p}" height="${p}" patternUnits="userSpaceOnUse"><rect width="${p}" height="${p}" fill="${main}"/><circle cx="${p / 4}" cy="${p / 4}" r="${r}" fill="${a}"/><circle cx="${(3 * p) / 4}" cy="${(3 * p) / 4}" r="${r}" fill="${a}"/></pattern>`;
    }
    case "floral": {
      const p = 44;
      const centre = luminance(a) > 0.5 ? "#e8b84a" : "#f2d36b";
      const leaf = pal.dark ? "#5c7a52" : luminance(main) > 0.5 ? "#7d9b6a" : "#a9c49a";
      const flower = (cx: number, cy: number, r: number) => {
        const petals: string[] = [];
        for (let k = 0; k < 5; k++) {
          const ang = (k / 5) * Math.PI * 2 - Math.PI / 2;
          petals.push(`<circle cx="${fmt(cx + Math.cos(ang) * r * 1.05)}" cy="${fmt(cy + Math.sin(ang) * r * 1.05)}" r="${fmt(r)}"/>`);
        }
        return `<g fill="${a}">${petals.join("")}</g><circle cx="${cx}" cy="${cy}" r="${fmt(r * 0.7)}" fill="${centre}"/>`;
      };
      return `<pattern id="${id}-pat" width="${p}" height="${p}" patternUnits="userSpaceOnUse"><rect width="${p}" height="${p}" fill="${main}"/><path d="M16 20 q6 2 8 8 q-7 0 -8 -8 Z M36 38 q-6 -1 -9 4 q6 2 9 -4 Z" fill="${leaf}"/>${flower(11, 11, 3.4)}${flower(33, 32, 2.8)}<circle cx="36" cy="8" r="1.6" fill="${a}"/><circle cx="8" cy="36" r="1.6" fill="${a}"/></pattern>`;
    }
    default:
      return "";
  }
}

// ================================================================== the document

function hashSpec(spec: GarmentSpec): number {
  const key = `${spec.subcategory}|${spec.colors.join(",")}|${spec.pattern}|${spec.sleeve ?? ""}|${spec.seed ?? 0}`;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function garmentSvg(spec: GarmentSpec): string {
  const hash = hashSpec(spec);
  const id = `dg${hash.toString(36)}`;
  const pal = palette(spec.colors, spec.subcategory);
  const ctx: Ctx = { id, pal, spec, defs: [], out: [], silhouette: [], clips: 0 };

  switch (SUBCATEGORIES[spec.subcategory].category) {
    case "top":
      drawTop(ctx);
      break;
    case "outer":
      drawOuter(ctx);
      break;
    case "dress":
      drawDress(ctx);
      break;
    case "bottom":
      drawBottom(ctx);
      break;
    case "shoes":
      drawShoes(ctx);
      break;
    case "accessory":
      drawAccessory(ctx);
      break;
  }

  const lightTop = pal.dark ? 0.12 : 0.16;
  const defs = [
    patternDef(ctx),
    `<linearGradient id="${id}-light" gradientUnits="userSpaceOnUse" x1="96" y1="0" x2="416" y2="0"><stop offset="0" stop-color="#ffffff" stop-opacity="${lightTop}"/><stop offset="0.4" stop-color="#ffffff" stop-opacity="0"/><stop offset="0.7" stop-color="#000000" stop-opacity="0"/><stop offset="1" stop-color="#000000" stop-opacity="${pal.dark ? 0.2 : 0.13}"/></linearGradient>`,
    `<linearGradient id="${id}-metal" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f2f3f5"/><stop offset="0.5" stop-color="#b9bcc2"/><stop offset="1" stop-color="#8a8d93"/></linearGradient>`,
    `<linearGradient id="${id}-brass" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f1d48a"/><stop offset="0.55" stop-color="#c9a04a"/><stop offset="1" stop-color="#8f6d2a"/></linearGradient>`,
    `<filter id="${id}-blur" x="-8%" y="-8%" width="116%" height="116%" color-interpolation-filters="sRGB"><feGaussianBlur stdDeviation="7"/></filter>`,
    `<filter id="${id}-drop" x="-4%" y="-4%" width="108%" height="108%" color-interpolation-filters="sRGB"><feGaussianBlur stdDeviation="3"/></filter>`,
    ...ctx.defs,
  ].join("");
  const silhouette = ctx.silhouette.map((d) => `<path d="${d}"/>`).join("");
  const drop = `<g opacity="0.13" transform="translate(0 4)" filter="url(#${id}-drop)">${ctx.dropTransform ? `<g transform="${ctx.dropTransform}">${silhouette}</g>` : silhouette}</g>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">`,
    `<defs>${defs}</defs>`,
    drop,
    ...ctx.out,
    `</svg>`,
  ].join("");
}
