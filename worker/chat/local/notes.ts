// The offline stylist's phrase bank for reasons: what a fit does, what a colour says, what a
// body shape or skin tone asks for, what this season's looks are, and why a fabric suits the
// weather. Short clauses, written to be joined into sentences by the voices.
import type { ColorKey } from "../../catalog/vocabulary.ts";
import type { Intent, ProfileFacts } from "../brief.ts";
import type { TrendLook } from "../lenses.ts";
import type { Bi } from "./words.ts";

/** What a fit does for the wearer ("…라 {ko}" / "…; {en}"). */
export const FIT_EFFECT: Record<string, Bi> = {
  슬림핏: { ko: "몸에 맞게 떨어져 군더더기 없이 깔끔해 보여요", en: "a close fit for a clean, sharp line" },
  레귤러핏: { ko: "너무 붙지도 크지도 않아 단정해 보여요", en: "neither tight nor loose, so it looks neat" },
  릴렉스핏: { ko: "적당한 여유가 있어 편하면서도 부드러워 보여요", en: "a little ease that looks soft and feels comfortable" },
  오버핏: { ko: "여유 있는 실루엣이 편안하고 멋스러운 인상을 줘요", en: "a roomy silhouette that looks relaxed and current" },
  스트레이트핏: { ko: "일자로 떨어져 다리가 곧고 길어 보여요", en: "a straight fall that makes the legs look long and clean" },
  와이드핏: { ko: "허리에서 넉넉하게 떨어지는 라인이 다리 라인을 자연스럽게 덮어 줘요", en: "a wide leg that falls from the waist and skims the line of the legs" },
  테이퍼드핏: { ko: "발목으로 갈수록 좁아져 경쾌하고 단정해요", en: "a taper to the ankle that looks light and tidy" },
  "크롭 기장": { ko: "짧은 기장이 허리선을 올려 비율을 좋아 보이게 해요", en: "a short length that lifts the waistline and improves proportions" },
  "미디 기장": { ko: "무릎 아래로 떨어지는 기장이 차분하고 우아해요", en: "a below-the-knee length that looks calm and graceful" },
  "무릎 기장": { ko: "무릎 기장이라 앉아도 단정해요", en: "a knee length that stays neat when you sit" },
  "미니 기장": { ko: "짧은 기장이 경쾌한 인상을 줘요", en: "a short length that feels light and playful" },
  "롱 기장": { ko: "긴 기장이 세로선을 길게 만들어 줘요", en: "a long length that draws a long vertical line" },
};

/** What a kind of shoe does for the look (shoes have no fit to speak of). */
export const SHOE_EFFECT: Record<string, Bi> = {
  loafers: { ko: "끈 없이도 단정해서 정장에도 캐주얼에도 잘 어울려요", en: "laceless yet neat, at home with tailoring and casual clothes alike" },
  derby_shoes: { ko: "격식 있는 자리에서 가장 믿음직한 클래식 구두예요", en: "a classic lace-up to rely on for formal occasions" },
  pumps: { ko: "적당한 굽이 자세를 곧게 세워 줘요", en: "a modest heel that keeps your posture tall" },
  flats: { ko: "굽이 없어 오래 걸어도 편해요", en: "no heel, so you can walk in them all day" },
  sneakers: { ko: "쿠션이 좋아 하루 종일 편해요", en: "cushioned enough for a whole day on your feet" },
  ankle_boots: { ko: "발목을 감싸 바지 밑단을 깔끔하게 마무리해 줘요", en: "they hug the ankle and finish a trouser hem cleanly" },
  sandals: { ko: "통풍이 좋아 더운 날에도 시원해요", en: "open and airy for hot days" },
};

/** What a colour says ("{colour}은 {impression}을 줘요"). */
export const COLOR_IMPRESSION: Record<ColorKey, Bi> = {
  black: { ko: "단정함", en: "polish" },
  white: { ko: "깔끔함", en: "crispness" },
  ivory: { ko: "부드러움", en: "softness" },
  beige: { ko: "편안함", en: "ease" },
  camel: { ko: "따뜻함", en: "warmth" },
  brown: { ko: "안정감", en: "steadiness" },
  charcoal: { ko: "차분한 무게감", en: "quiet authority" },
  gray: { ko: "차분함", en: "calm" },
  navy: { ko: "신뢰감", en: "trust" },
  blue: { ko: "시원함", en: "freshness" },
  light_blue: { ko: "부드러운 호감", en: "friendly softness" },
  denim: { ko: "편안한 친근함", en: "easygoing charm" },
  khaki: { ko: "실용적인 느낌", en: "practicality" },
  olive: { ko: "차분한 깊이", en: "earthy depth" },
  green: { ko: "생기", en: "vitality" },
  mint: { ko: "산뜻함", en: "freshness" },
  burgundy: { ko: "깊이 있는 세련미", en: "depth and sophistication" },
  red: { ko: "자신감", en: "confidence" },
  pink: { ko: "화사함", en: "brightness" },
  lavender: { ko: "산뜻한 우아함", en: "gentle elegance" },
  butter_yellow: { ko: "밝은 생기", en: "sunny brightness" },
  mustard: { ko: "따뜻한 포인트", en: "a warm accent" },
};

export const BODY_NOTE: Record<NonNullable<ProfileFacts["bodyShape"]>, Bi> = {
  triangle: { ko: "하체에 볼륨이 있는 삼각형 체형이라, 상의는 어깨선이 또렷하게, 하의는 허리에서 여유 있게 떨어지는 라인으로 균형을 맞췄어요.", en: "For a pear (triangle) shape, I kept the shoulders defined and let the bottoms fall easily from the waist to balance the hips." },
  inverted_triangle: { ko: "어깨가 넓은 역삼각형 체형이라, 상의는 장식 없이 심플하게 두고 하의에 볼륨을 주어 균형을 잡았어요.", en: "For an inverted-triangle shape, the tops stay simple and the volume goes below to balance broad shoulders." },
  oval: { ko: "복부가 고민인 사과형 체형이라, 세로선을 만들고 허리에 여유가 있는 스트레이트 핏 위주로 골랐어요.", en: "For an oval shape, I chose long vertical lines and straight fits with ease at the middle." },
  hourglass: { ko: "허리선이 살아 있는 모래시계 체형이라, 허리 라인을 따라가는 핏으로 장점을 살렸어요.", en: "For an hourglass shape, I followed the waist to show off your proportions." },
  rectangle: { ko: "일자형 체형이라, 레이어드와 주름, 허리선으로 입체감을 더했어요.", en: "For a straight (rectangle) shape, layers, pleats and a defined waist add shape." },
};

export function heightNote(kind: "short" | "tall", cm: number): Bi {
  return kind === "short"
    ? { ko: `키가 ${cm}cm라 상하의 톤을 이어 주고 허리선을 높게 잡아 다리가 길어 보이게 했어요.`, en: `At ${cm} cm, I kept one tone from top to bottom and a high waistline so your legs look longer.` }
    : { ko: `키가 ${cm}cm로 커서 와이드 실루엣이나 긴 기장도 부담 없이 소화하실 수 있어요.`, en: `At ${cm} cm you can carry wide silhouettes and longer lengths with ease.` };
}

export const TONE_NOTE: Record<"warm" | "cool" | "neutral" | "unknown", Bi> = {
  warm: { ko: "웜톤이시라 카멜·베이지·아이보리·올리브처럼 노란 기가 도는 색이 얼굴을 환하게 해 줘요.", en: "With a warm undertone, yellow-based colours such as camel, beige, ivory and olive light up your face." },
  cool: { ko: "쿨톤이시라 네이비·차콜·화이트·라벤더처럼 푸른 기가 도는 색이 피부를 맑아 보이게 해요.", en: "With a cool undertone, blue-based colours such as navy, charcoal, white and lavender make your skin look clear." },
  neutral: { ko: "뉴트럴 톤이라 웜·쿨 양쪽 색을 고르게 소화하실 수 있어요.", en: "With a neutral undertone, you can wear both warm and cool colours." },
  unknown: { ko: "피부톤 정보가 없어서 누구에게나 무난한 뉴트럴 배색으로 잡았어요. 프로필에 피부톤을 넣어 주시면 더 정확하게 골라 드릴게요.", en: "I don't know your skin tone yet, so I kept to neutrals that flatter everyone; add it to your profile for a closer match." },
};

/** Each look's name, what it is and how to wear it. */
export const TREND_NOTE: Record<TrendLook, { name: Bi; what: Bi; wear: Bi }> = {
  quietLuxury: {
    name: { ko: "콰이어트 럭셔리", en: "quiet luxury" },
    what: { ko: "로고 없이 좋은 소재와 정돈된 핏으로 고급스러움을 보여 주는 흐름이에요", en: "logo-free pieces where good fabric and a precise fit do the talking" },
    wear: { ko: "트렌드는 소재와 핏으로만 보여 주고, 색은 네이비·그레이·카멜 같은 차분한 톤에 머무르세요.", en: "Let fabric and fit carry the trend and keep the colours calm: navy, grey, camel." },
  },
  balletcore: {
    name: { ko: "발레코어", en: "balletcore" },
    what: { ko: "발레복에서 영감을 얻은 부드러운 소재와 파스텔, 리본 같은 디테일이 특징인 흐름이에요", en: "soft fabrics, pastels and ribbon details borrowed from ballet" },
    wear: { ko: "분위기를 내는 아이템은 하나만 두고 나머지는 단정하게 받쳐 주면 과하지 않아요.", en: "Let one piece carry the mood and keep the rest clean, so it never looks like a costume." },
  },
  gorpcore: {
    name: { ko: "고프코어", en: "gorpcore" },
    what: { ko: "아웃도어 옷을 일상복으로 입는 실용적인 흐름이에요", en: "outdoor gear worn as everyday clothes" },
    wear: { ko: "온몸을 아웃도어로 채우기보다 기능성 아이템 하나를 평범한 옷과 섞으면 도시적으로 보여요.", en: "Mix one technical piece with ordinary clothes rather than going head-to-toe outdoor." },
  },
};

/** Why a fabric suits the weather the user mentioned, or null when it says nothing. */
export function weatherReason(materialKo: string, weather: Intent["weather"]): Bi | null {
  if (weather.rain && ["폴리에스터", "나일론", "레더", "비건 레더", "러버"].includes(materialKo)) return { ko: "물에 강하고 빨리 마르는 소재라 비 오는 날에도 안심이에요", en: "the fabric shrugs off rain and dries fast" };
  if (weather.cold && ["울", "울 혼방", "캐시미어", "덕다운", "기모 코튼", "트위드", "코듀로이"].includes(materialKo)) return { ko: "보온성이 좋아 추운 날에도 든든해요", en: "it keeps you warm in the cold" };
  if (weather.hot && ["린넨", "코튼", "시어서커", "텐셀", "저지", "메쉬"].includes(materialKo)) return { ko: "통기성이 좋아 더운 날에도 산뜻해요", en: "it breathes, so it stays fresh in the heat" };
  return null;
}
