// The catalog's controlled vocabulary, shared by the catalog generator, the importer, search
// filters and the stylists: categories and subcategories, colors, style tags and TPO
// (time/place/occasion) tags in the seed's Korean words with their English equivalents.

export const CATEGORIES = {
  top: { ko: "상의", en: "Tops" },
  bottom: { ko: "하의", en: "Bottoms" },
  outer: { ko: "아우터", en: "Outerwear" },
  dress: { ko: "원피스", en: "Dresses" },
  shoes: { ko: "신발", en: "Shoes" },
  accessory: { ko: "액세서리", en: "Accessories" },
} as const;

export type Category = keyof typeof CATEGORIES;

/** Subcategory key → its category and names; the key also picks the garment drawing. */
export const SUBCATEGORIES = {
  shirt: { category: "top", ko: "셔츠", en: "Shirt" },
  blouse: { category: "top", ko: "블라우스", en: "Blouse" },
  tshirt: { category: "top", ko: "티셔츠", en: "T-Shirt" },
  polo: { category: "top", ko: "폴로 셔츠", en: "Polo Shirt" },
  knit: { category: "top", ko: "니트", en: "Knit Sweater" },
  cardigan: { category: "top", ko: "카디건", en: "Cardigan" },
  sweatshirt: { category: "top", ko: "맨투맨", en: "Sweatshirt" },
  hoodie: { category: "top", ko: "후드티", en: "Hoodie" },
  slacks: { category: "bottom", ko: "슬랙스", en: "Slacks" },
  jeans: { category: "bottom", ko: "청바지", en: "Jeans" },
  chinos: { category: "bottom", ko: "치노 팬츠", en: "Chinos" },
  wide_pants: { category: "bottom", ko: "와이드 팬츠", en: "Wide Pants" },
  shorts: { category: "bottom", ko: "반바지", en: "Shorts" },
  joggers: { category: "bottom", ko: "조거 팬츠", en: "Joggers" },
  pencil_skirt: { category: "bottom", ko: "펜슬 스커트", en: "Pencil Skirt" },
  a_line_skirt: { category: "bottom", ko: "A라인 스커트", en: "A-Line Skirt" },
  pleated_skirt: { category: "bottom", ko: "플리츠 스커트", en: "Pleated Skirt" },
  blazer: { category: "outer", ko: "블레이저", en: "Blazer" },
  trench_coat: { category: "outer", ko: "트렌치 코트", en: "Trench Coat" },
  wool_coat: { category: "outer", ko: "울 코트", en: "Wool Coat" },
  padded_jacket: { category: "outer", ko: "패딩", en: "Padded Jacket" },
  leather_jacket: { category: "outer", ko: "레더 재킷", en: "Leather Jacket" },
  denim_jacket: { category: "outer", ko: "데님 재킷", en: "Denim Jacket" },
  windbreaker: { category: "outer", ko: "바람막이", en: "Windbreaker" },
  shirt_dress: { category: "dress", ko: "셔츠 원피스", en: "Shirt Dress" },
  wrap_dress: { category: "dress", ko: "랩 원피스", en: "Wrap Dress" },
  knit_dress: { category: "dress", ko: "니트 원피스", en: "Knit Dress" },
  slip_dress: { category: "dress", ko: "슬립 원피스", en: "Slip Dress" },
  sundress: { category: "dress", ko: "플레어 원피스", en: "Flared Sundress" },
  loafers: { category: "shoes", ko: "로퍼", en: "Loafers" },
  derby_shoes: { category: "shoes", ko: "더비 슈즈", en: "Derby Shoes" },
  pumps: { category: "shoes", ko: "펌프스", en: "Pumps" },
  flats: { category: "shoes", ko: "플랫 슈즈", en: "Flats" },
  sneakers: { category: "shoes", ko: "스니커즈", en: "Sneakers" },
  ankle_boots: { category: "shoes", ko: "앵클 부츠", en: "Ankle Boots" },
  sandals: { category: "shoes", ko: "샌들", en: "Sandals" },
  tote_bag: { category: "accessory", ko: "토트백", en: "Tote Bag" },
  crossbody_bag: { category: "accessory", ko: "크로스백", en: "Crossbody Bag" },
  belt: { category: "accessory", ko: "벨트", en: "Belt" },
  tie: { category: "accessory", ko: "넥타이", en: "Tie" },
  scarf: { category: "accessory", ko: "스카프", en: "Scarf" },
  cap: { category: "accessory", ko: "볼캡", en: "Ball Cap" },
} as const satisfies Record<string, { category: Category; ko: string; en: string }>;

export type Subcategory = keyof typeof SUBCATEGORIES;

export const COLORS = {
  black: { ko: "블랙", en: "Black", hex: "#1c1c1e" },
  white: { ko: "화이트", en: "White", hex: "#f7f7f4" },
  ivory: { ko: "아이보리", en: "Ivory", hex: "#eee6d3" },
  beige: { ko: "베이지", en: "Beige", hex: "#d8c3a0" },
  camel: { ko: "카멜", en: "Camel", hex: "#b07d48" },
  brown: { ko: "브라운", en: "Brown", hex: "#6a4a33" },
  charcoal: { ko: "차콜", en: "Charcoal", hex: "#3c3f45" },
  gray: { ko: "그레이", en: "Gray", hex: "#9b9ea3" },
  navy: { ko: "네이비", en: "Navy", hex: "#1f2c4c" },
  blue: { ko: "블루", en: "Blue", hex: "#3a6ea5" },
  light_blue: { ko: "라이트 블루", en: "Light Blue", hex: "#a9c8e8" },
  denim: { ko: "데님 블루", en: "Denim Blue", hex: "#4b6c8f" },
  khaki: { ko: "카키", en: "Khaki", hex: "#6e6b4a" },
  olive: { ko: "올리브", en: "Olive", hex: "#6f7a3a" },
  green: { ko: "그린", en: "Green", hex: "#2f6a4f" },
  mint: { ko: "민트", en: "Mint", hex: "#a9dcc9" },
  burgundy: { ko: "버건디", en: "Burgundy", hex: "#6b1f30" },
  red: { ko: "레드", en: "Red", hex: "#c0392b" },
  pink: { ko: "핑크", en: "Pink", hex: "#f1b9c7" },
  lavender: { ko: "라벤더", en: "Lavender", hex: "#c7b7e2" },
  butter_yellow: { ko: "버터 옐로우", en: "Butter Yellow", hex: "#f2e3a1" },
  mustard: { ko: "머스터드", en: "Mustard", hex: "#c99a2e" },
} as const;

export type ColorKey = keyof typeof COLORS;

export const PATTERNS = {
  solid: { ko: "무지", en: "Solid" },
  stripe: { ko: "스트라이프", en: "Stripe" },
  check: { ko: "체크", en: "Check" },
  floral: { ko: "플로럴", en: "Floral" },
  dot: { ko: "도트", en: "Polka Dot" },
  graphic: { ko: "그래픽", en: "Graphic" },
} as const;

export type Pattern = keyof typeof PATTERNS;

/** The seed's style tags (Korean) with English equivalents. */
export const STYLE_TAGS = {
  캐주얼: "casual",
  모던: "modern",
  "심플 베이직": "simple basic",
  미니멀: "minimal",
  스트릿: "street",
  포멀: "formal",
  클래식: "classic",
  스포티: "sporty",
  러블리: "lovely",
  페미닌: "feminine",
  댄디: "dandy",
  아메카지: "amekaji",
  고프코어: "gorpcore",
} as const;

/** The seed's TPO tags (Korean) with English equivalents. */
export const TPO_TAGS = {
  데일리: "daily",
  여행: "travel",
  데이트: "date",
  소개팅: "blind date",
  면접: "interview",
  출근: "office",
  하객: "wedding guest",
  상견례: "family meeting",
  캠퍼스: "campus",
  파티: "party",
  운동: "workout",
  아웃도어: "outdoor",
  발표: "presentation",
} as const;

export type StyleTag = keyof typeof STYLE_TAGS;
export type TpoTag = keyof typeof TPO_TAGS;

export const SEASONS = { spring: "봄", summer: "여름", fall: "가을", winter: "겨울" } as const;
export type Season = keyof typeof SEASONS;
