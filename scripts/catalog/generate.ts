// The demo catalog: a deterministic generator (same seed and count → the same products,
// byte for byte) that draws products from scripts/catalog/templates.ts and writes each one's
// Korean and English names and a description in the seed's style (what it looks like, how
// to wear it). No public fashion catalog is reachable from here; a real one is imported with
// scripts/catalog/import.ts in the same row format.
import type { ProductRow } from "../../worker/catalog/product-row.ts";
import { COLORS, PATTERNS, SEASONS, STYLE_TAGS, SUBCATEGORIES, TPO_TAGS, type ColorKey, type Pattern, type Season, type TpoTag } from "../../worker/catalog/vocabulary.ts";
import { josa } from "./korean.ts";
import { allowedTpos, FITS, MATERIALS, seasonsFor, TEMPLATES, type Bilingual, type Template } from "./templates.ts";

/** mulberry32: a tiny, well-mixed 32-bit PRNG; enough for reproducible sampling. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const sample = <T>(xs: readonly T[], n: number): T[] => {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
    return out;
  };
  const between = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, pick, sample, between };
}

const BRANDS = [
  "Sunday Atelier", "Maison Dune", "Han Line", "Morning Form", "Studio Ondo", "Haneul", "Nord Basics", "Grey Harbor",
  "Petit Jour", "Urban Loom", "Seoul Standard", "Field Notes", "Quiet Hours", "Mellow Lab", "Common Thread", "Atelier Bom",
  "Rivermark", "Lumen & Co", "Oak Avenue", "Dalbit",
];

/** Collection names that make product names read like a real shop's ("Sunday Shirt"). */
const LINES: Bilingual[] = [
  { ko: "선데이", en: "Sunday" }, { ko: "모닝", en: "Morning" }, { ko: "시티", en: "City" }, { ko: "에센셜", en: "Essential" },
  { ko: "클래식", en: "Classic" }, { ko: "소프트", en: "Soft" }, { ko: "데일리", en: "Daily" }, { ko: "오피스", en: "Office" },
  { ko: "위켄드", en: "Weekend" }, { ko: "아틀리에", en: "Atelier" }, { ko: "코지", en: "Cozy" }, { ko: "에어리", en: "Airy" },
  { ko: "헤리티지", en: "Heritage" }, { ko: "모던", en: "Modern" }, { ko: "릴렉스", en: "Relaxed" }, { ko: "테일러드", en: "Tailored" },
];

/** A sentence on how to wear it, per occasion (Korean, English). */
const TPO_TIPS: Record<TpoTag, Bilingual> = {
  면접: { ko: "단정하고 신뢰감 있는 인상을 주어 면접 자리에 잘 어울립니다.", en: "It looks neat and trustworthy, right for an interview." },
  출근: { ko: "격식과 편안함 사이의 균형이 좋아 출근룩으로 활용하기 좋습니다.", en: "It balances polish and comfort for the office." },
  소개팅: { ko: "부드럽고 깔끔한 첫인상을 주고 싶은 소개팅에 추천합니다.", en: "A good pick for a blind date when you want a soft, clean first impression." },
  데이트: { ko: "과하지 않게 신경 쓴 느낌을 주어 데이트룩으로 좋습니다.", en: "It looks effortlessly put-together for a date." },
  하객: { ko: "신부보다 튀지 않으면서 화사해 하객룩으로 무난합니다.", en: "Bright enough for a wedding without upstaging the couple." },
  상견례: { ko: "차분하고 예의 바른 인상을 주어 상견례 자리에도 잘 어울립니다.", en: "Calm and respectful, it suits meeting your partner's family." },
  여행: { ko: "활동하기 편하고 관리가 쉬워 여행에도 좋습니다.", en: "Easy to move in and easy to care for on a trip." },
  데일리: { ko: "어떤 아이템과도 쉽게 어울려 데일리로 손이 자주 갑니다.", en: "It goes with almost anything, so you'll reach for it daily." },
  캠퍼스: { ko: "편안하면서도 센스 있어 캠퍼스룩으로 제격입니다.", en: "Comfortable yet sharp for campus." },
  파티: { ko: "은은한 광택과 실루엣으로 파티 자리에서 돋보입니다.", en: "Its line and sheen stand out at a party." },
  운동: { ko: "움직임이 자유로워 가벼운 운동에도 편합니다.", en: "It moves with you for a light workout." },
  아웃도어: { ko: "바람과 가벼운 비를 막아 주어 아웃도어 활동에 좋습니다.", en: "It keeps off wind and light rain outdoors." },
  발표: { ko: "시선을 분산시키지 않는 깔끔한 디자인이라 발표 자리에 좋습니다.", en: "Clean enough not to distract from what you present." },
};

/** What to pair it with, by category (Korean, English). */
const PAIRINGS: Record<string, Bilingual> = {
  top: { ko: "슬랙스와 매치하면 단정하게, 데님과 함께하면 편안하게 연출할 수 있습니다.", en: "Pair it with slacks for a polished look or with denim for an easy one." },
  bottom: { ko: "셔츠나 니트를 넣어 입으면 다리가 길어 보이는 비율을 만들 수 있습니다.", en: "Tuck in a shirt or knit to lengthen the leg line." },
  outer: { ko: "이너를 심플하게 두면 아우터의 실루엣이 더욱 살아납니다.", en: "Keep what's underneath simple and let the silhouette do the work." },
  dress: { ko: "가벼운 아우터나 카디건을 걸치면 다양한 자리에 활용할 수 있습니다.", en: "Add a light jacket or cardigan to take it to more places." },
  shoes: { ko: "바지 밑단과 색을 맞추면 전체적으로 정돈된 인상을 줍니다.", en: "Match it to your trouser hem for a tidy line." },
  accessory: { ko: "룩의 마무리로 더하면 전체 스타일에 완성도를 줍니다.", en: "Add it as the finishing touch to the whole look." },
};

const SEASON_EN: Record<Season, string> = { spring: "spring", summer: "summer", fall: "autumn", winter: "winter" };

function patternPhrase(p: Pattern, color: Bilingual): Bilingual {
  if (p === "solid") return { ko: `${color.ko} 컬러의 깔끔한 무지`, en: `clean solid ${color.en.toLowerCase()}` };
  return { ko: `${color.ko} 바탕에 ${PATTERNS[p].ko} 패턴이 돋보이는`, en: `${color.en.toLowerCase()} with a ${PATTERNS[p].en.toLowerCase()} pattern` };
}

function describe(t: Template, p: { color: ColorKey; pattern: Pattern; material: keyof typeof MATERIALS; fit: keyof typeof FITS; details: Bilingual[]; tpos: TpoTag[]; seasons: Season[]; sleeve?: "short" | "long" }): Bilingual {
  const sub = SUBCATEGORIES[t.sub];
  const color = COLORS[p.color];
  const material = MATERIALS[p.material];
  const fit = FITS[p.fit];
  const look = patternPhrase(p.pattern, color);
  const sleeveKo = p.sleeve === "short" ? "반팔 " : p.sleeve === "long" ? "긴팔 " : "";
  const sleeveEn = p.sleeve === "short" ? "short-sleeved " : p.sleeve === "long" ? "long-sleeved " : "";
  const [d1, d2] = p.details;
  const tips = p.tpos.slice(0, 2).map((tpo) => TPO_TIPS[tpo]);
  const pairing = PAIRINGS[sub.category]!;
  const seasonsKo = p.seasons.map((s) => SEASONS[s]).join("·");
  const seasonsEn = p.seasons.map((s) => SEASON_EN[s]).join(", ");

  const detailsKo = d2 ? `${josa(d1!.ko, "와", "과")} ${d2.ko}` : d1!.ko;
  const ko = [
    `${look.ko} ${material.ko} 소재의 ${sleeveKo}${sub.ko}입니다.`,
    p.fit === "standard" ? `${detailsKo}${directional((d2 ?? d1!).ko)} 마무리했습니다.` : `${detailsKo}${directional((d2 ?? d1!).ko)} 마무리한 ${fit.ko}입니다.`,
    pairing.ko,
    ...tips.map((x) => x.ko),
    `${seasonsKo} 시즌에 입기 좋습니다.`,
  ].join(" ");
  const en = [
    `${/s$/.test(sub.en) ? "A pair of " : "A "}${sleeveEn}${sub.en.toLowerCase()} in ${material.en}, ${look.en}.`,
    p.fit === "standard" ? `Finished with ${d1!.en}${d2 ? ` and ${d2.en}` : ""}.` : `${cap(d1!.en)}${d2 ? ` and ${d2.en}` : ""} finish its ${fit.en}.`,
    pairing.en,
    ...tips.map((x) => x.en),
    `Made for ${seasonsEn}.`,
  ].join(" ");
  return { ko, en };
}

/** "…칼라로" vs "…포켓으로": 으로 after a final consonant other than ㄹ. */
function directional(word: string): string {
  const last = word.at(-1)!.charCodeAt(0);
  const jong = last >= 0xac00 && last <= 0xd7a3 ? (last - 0xac00) % 28 : 0;
  return jong === 0 || jong === 8 ? "로" : "으로";
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type GeneratedProduct = ProductRow & { image: { subcategory: Template["sub"]; colors: string[]; pattern: Pattern; sleeve?: "short" | "long" } };

/**
 * `count` products, spread over the templates by weight, with ids from 4,000,000 up (numeric
 * strings like the seed's "4227290"). Two products never share name and color.
 */
export function generateCatalog(count = 2400, seed = 20261125): GeneratedProduct[] {
  const rand = prng(seed);
  const totalWeight = TEMPLATES.reduce((sum, t) => sum + t.weight, 0);
  const products: GeneratedProduct[] = [];
  const seen = new Set<string>();
  let id = 4_000_000;

  for (const t of TEMPLATES) {
    const quota = Math.max(1, Math.round((count * t.weight) / totalWeight));
    let attempts = 0;
    for (let made = 0; made < quota && attempts < quota * 20; attempts++) {
      const material = rand.pick(t.materials);
      const color = rand.pick(t.colors);
      const pattern = rand.pick(t.patterns);
      const line = rand.pick(LINES);
      const brand = rand.pick(BRANDS);
      const sleeve = t.sleeves ? (rand.next() < 0.45 && (MATERIALS[material].seasons as readonly Season[]).includes("summer") ? "short" : "long") : undefined;
      const key = `${brand}|${line.en}|${t.sub}|${color}|${pattern}|${sleeve}`;
      if (seen.has(key)) continue;
      const tpos = allowedTpos(t, material, color, pattern);
      const seasons = seasonsFor(t, material);
      if (tpos.length === 0 || seasons.length === 0) continue;
      seen.add(key);
      made++;

      const gender = rand.pick(t.genders);
      const fit = rand.pick(t.fits);
      const styles = rand.sample(t.styles, rand.between(2, 3));
      const chosenTpos = rand.sample(tpos, Math.min(tpos.length, rand.between(2, 4)));
      const details = rand.sample(t.details, 2);
      const secondary = pattern === "solid" ? undefined : rand.pick(["white", "ivory", "navy", "black", "beige"].filter((c) => c !== color) as ColorKey[]);
      const base = rand.between(t.price[0] / 1000, t.price[1] / 1000) * 1000;
      const price = Math.round((base * MATERIALS[material].price) / 1000) * 1000 - 100; // ₩…,900 like a real shop
      const sub = SUBCATEGORIES[t.sub];
      const c = COLORS[color];
      const patternWord = pattern === "solid" ? null : PATTERNS[pattern];
      const sleeveWord = sleeve === "short" ? { ko: "반팔", en: "Short Sleeve" } : null;
      const name_en = [patternWord?.en, line.en, sleeveWord?.en, sub.en].filter(Boolean).join(" ").toUpperCase() + ` [${c.en.toUpperCase()}]`;
      const name_ko = [patternWord?.ko, line.ko, sleeveWord?.ko, sub.ko].filter(Boolean).join(" ") + ` [${c.ko}]`;
      const description = describe(t, { color, pattern, material, fit, details, tpos: chosenTpos, seasons, sleeve });

      id += rand.between(3, 97);
      products.push({
        product_id: String(id),
        name_ko,
        name_en,
        brand,
        gender,
        subcategory: t.sub,
        colors: [{ name: c.ko, hex: c.hex }, ...(secondary ? [{ name: COLORS[secondary].ko, hex: COLORS[secondary].hex }] : [])],
        pattern,
        material: MATERIALS[material].ko,
        fit: FITS[fit].ko,
        seasons,
        price: Math.max(9900, price),
        style_tags: styles,
        tpo_tags: chosenTpos,
        comprehensive_description: description.ko,
        comprehensive_description_en: description.en,
        image: { subcategory: t.sub, colors: [c.hex, ...(secondary ? [COLORS[secondary].hex] : [])], pattern, ...(sleeve ? { sleeve } : {}) },
      });
    }
  }
  return products;
}

// Keep the vocabulary imports honest: every tag a template uses is one the catalog knows.
for (const t of TEMPLATES) {
  for (const s of t.styles) if (!(s in STYLE_TAGS)) throw new Error(`unknown style tag ${s}`);
  for (const tpo of t.tpos) if (!(tpo in TPO_TAGS)) throw new Error(`unknown TPO tag ${tpo}`);
}
