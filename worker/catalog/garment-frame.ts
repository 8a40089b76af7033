// The frame every catalog garment image is drawn in (scripts/catalog/garment-svg.ts) and its
// anchor points: where the shoulders, the waistband and the hem sit, so that the try-on
// compositor (worker/fitting/compositor) can map a garment onto a person's body.
import type { Subcategory } from "./vocabulary.ts";

export const GARMENT_FRAME = { width: 512, height: 512 } as const;

type Point = readonly [number, number];

/**
 * Anchor points in the 512 × 512 frame, per category, for the try-on compositor (map them to
 * the matching body landmarks, e.g. with a similarity transform from the two shoulder points
 * or the two waist points, then check the hem). "left" and "right" are as seen in the image:
 * a front view, so `leftShoulder` sits on the wearer's right shoulder.
 *
 * - top, outer: the shoulder points (where the shoulder seam meets the sleeve) at (160, 96)
 *   and (352, 96), the same for every top and outer so layers line up; `neck` the centre of
 *   the back neckline; the armpits; `hem` the usual hem line (tops 386; outer 398 for a
 *   blazer, jackets ≈ 380, coats ≈ 470: per subcategory in GARMENT_HEMS). Every drawing is
 *   centred on x = 256 and spans x ≈ 96–416, sleeves (hanging at the sides) included.
 * - dress: the shoulder points (192, 64) and (320, 64) (a slip dress's straps start there),
 *   `neck`, `waist` y = 206, `hem` the usual hem (446–470, see GARMENT_HEMS).
 * - bottom: the top corners of the waistband (178, 64) and (334, 64), the hips at y = 150,
 *   the `crotch` of trousers and shorts at (256, 212), `hem` 470 for trousers (shorts 262,
 *   skirts 330–382: GARMENT_HEMS).
 * - shoes, accessory: not layered on the body; `box` [x0, y0, x1, y1] bounds the drawing.
 *   Shoes are a pair in profile, toes to the right, the far one up and behind.
 */
export const GARMENT_ANCHORS = {
  top: { leftShoulder: [160, 96], rightShoulder: [352, 96], neck: [256, 88], leftArmpit: [168, 184], rightArmpit: [344, 184], hem: 386 },
  outer: { leftShoulder: [160, 96], rightShoulder: [352, 96], neck: [256, 88], leftArmpit: [166, 190], rightArmpit: [346, 190], hem: 398 },
  dress: { leftShoulder: [192, 64], rightShoulder: [320, 64], neck: [256, 58], waist: 206, hem: 450 },
  bottom: { waistLeft: [178, 64], waistRight: [334, 64], hipLeft: [168, 150], hipRight: [344, 150], crotch: [256, 212], hem: 470 },
  shoes: { box: [92, 72, 426, 356] },
  accessory: { box: [96, 80, 416, 440] },
} as const satisfies Record<string, Record<string, Point | number | readonly [number, number, number, number]>>;

/** The lowest point of each drawing in the 512 frame (its hem, or a shoe's sole, a bag's base). */
export const GARMENT_HEMS = {
  shirt: 400, blouse: 386, tshirt: 386, polo: 390, knit: 384, cardigan: 384, sweatshirt: 384, hoodie: 388,
  slacks: 470, jeans: 470, chinos: 470, wide_pants: 470, shorts: 262, joggers: 466,
  pencil_skirt: 330, a_line_skirt: 345, pleated_skirt: 382,
  blazer: 398, trench_coat: 470, wool_coat: 466, padded_jacket: 386, leather_jacket: 380, denim_jacket: 380, windbreaker: 388,
  shirt_dress: 450, wrap_dress: 456, knit_dress: 456, slip_dress: 470, sundress: 446,
  loafers: 352, derby_shoes: 352, pumps: 346, flats: 344, sneakers: 345, ankle_boots: 352, sandals: 344,
  tote_bag: 406, crossbody_bag: 392, belt: 330, tie: 408, scarf: 418, cap: 350,
} as const satisfies Record<Subcategory, number>;

