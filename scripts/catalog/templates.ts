// What each kind of garment can be: its materials, fits, colors, patterns, styles, the
// occasions (TPO) it suits, price range and design details. The generator draws products
// from these, and the rules below keep combinations sensible (no wool in summer, no
// sandals at an interview, no graphic tee at 상견례).
import type { ColorKey, Pattern, Season, StyleTag, Subcategory, TpoTag } from "../../worker/catalog/vocabulary.ts";

export type Bilingual = { ko: string; en: string };

export const MATERIALS = {
  cotton: { ko: "코튼", en: "cotton", seasons: ["spring", "summer", "fall"], price: 1 },
  linen: { ko: "린넨", en: "linen", seasons: ["spring", "summer"], price: 1.2 },
  seersucker: { ko: "시어서커", en: "seersucker", seasons: ["summer"], price: 1.1 },
  wool: { ko: "울", en: "wool", seasons: ["fall", "winter"], price: 1.6 },
  wool_blend: { ko: "울 혼방", en: "wool-blend", seasons: ["spring", "fall", "winter"], price: 1.3 },
  cashmere: { ko: "캐시미어", en: "cashmere", seasons: ["fall", "winter"], price: 2.4 },
  tweed: { ko: "트위드", en: "tweed", seasons: ["fall", "winter"], price: 1.7 },
  corduroy: { ko: "코듀로이", en: "corduroy", seasons: ["fall", "winter"], price: 1.1 },
  polyester: { ko: "폴리에스터", en: "polyester", seasons: ["spring", "summer", "fall", "winter"], price: 0.8 },
  tencel: { ko: "텐셀", en: "Tencel", seasons: ["spring", "summer", "fall"], price: 1.2 },
  silk: { ko: "실크", en: "silk", seasons: ["spring", "summer", "fall"], price: 2 },
  satin: { ko: "새틴", en: "satin", seasons: ["spring", "summer", "fall"], price: 1.3 },
  jersey: { ko: "저지", en: "jersey", seasons: ["spring", "summer", "fall"], price: 0.9 },
  fleece: { ko: "기모 코튼", en: "brushed cotton fleece", seasons: ["fall", "winter"], price: 1 },
  denim: { ko: "데님", en: "denim", seasons: ["spring", "fall", "winter"], price: 1.1 },
  light_denim: { ko: "라이트 데님", en: "lightweight denim", seasons: ["spring", "summer"], price: 1 },
  leather: { ko: "레더", en: "leather", seasons: ["spring", "fall", "winter"], price: 2.2 },
  vegan_leather: { ko: "비건 레더", en: "vegan leather", seasons: ["spring", "fall", "winter"], price: 1.3 },
  suede: { ko: "스웨이드", en: "suede", seasons: ["fall", "winter"], price: 2 },
  nylon: { ko: "나일론", en: "nylon", seasons: ["spring", "fall"], price: 1 },
  down: { ko: "덕다운", en: "duck down", seasons: ["winter"], price: 2.2 },
  canvas: { ko: "캔버스", en: "canvas", seasons: ["spring", "summer", "fall"], price: 0.8 },
  mesh: { ko: "메쉬", en: "mesh", seasons: ["spring", "summer"], price: 0.9 },
  rubber: { ko: "러버", en: "rubber-soled leather", seasons: ["spring", "summer", "fall", "winter"], price: 1.5 },
} as const satisfies Record<string, Bilingual & { seasons: Season[]; price: number }>;

export type Material = keyof typeof MATERIALS;

export const FITS = {
  slim: { ko: "슬림핏", en: "slim fit" },
  regular: { ko: "레귤러핏", en: "regular fit" },
  relaxed: { ko: "릴렉스핏", en: "relaxed fit" },
  oversized: { ko: "오버핏", en: "oversized fit" },
  straight: { ko: "스트레이트핏", en: "straight fit" },
  wide: { ko: "와이드핏", en: "wide fit" },
  tapered: { ko: "테이퍼드핏", en: "tapered fit" },
  cropped: { ko: "크롭 기장", en: "cropped length" },
  midi: { ko: "미디 기장", en: "midi length" },
  knee: { ko: "무릎 기장", en: "knee length" },
  mini: { ko: "미니 기장", en: "mini length" },
  maxi: { ko: "롱 기장", en: "maxi length" },
  standard: { ko: "기본 사이즈", en: "true to size" },
} as const satisfies Record<string, Bilingual>;

export type Fit = keyof typeof FITS;

export type Template = {
  sub: Subcategory;
  genders: ("women" | "men" | "any")[];
  materials: Material[];
  fits: Fit[];
  colors: ColorKey[];
  /** Weighted: listed more than once is drawn more often. */
  patterns: Pattern[];
  styles: StyleTag[];
  tpos: TpoTag[];
  price: [number, number];
  details: Bilingual[];
  sleeves?: true;
  /** How many products of this kind, relative to the others. */
  weight: number;
};

const NEUTRALS: ColorKey[] = ["black", "white", "ivory", "beige", "charcoal", "gray", "navy"];
const EARTH: ColorKey[] = ["camel", "brown", "khaki", "olive"];
const SOFT: ColorKey[] = ["light_blue", "pink", "lavender", "mint", "butter_yellow"];
const BOLD: ColorKey[] = ["red", "burgundy", "green", "blue", "mustard"];

const d = (ko: string, en: string): Bilingual => ({ ko, en });

export const TEMPLATES: Template[] = [
  // ------------------------------------------------------------------ tops
  {
    sub: "shirt", genders: ["women", "men"], materials: ["cotton", "linen", "tencel", "seersucker"], fits: ["slim", "regular", "oversized"],
    colors: [...NEUTRALS, "light_blue", "blue", "pink", "butter_yellow"], patterns: ["solid", "solid", "solid", "stripe", "stripe", "check"],
    styles: ["심플 베이직", "모던", "미니멀", "클래식", "댄디", "캐주얼"], tpos: ["출근", "면접", "소개팅", "데이트", "상견례", "하객", "데일리", "발표", "여행"],
    price: [39000, 129000], details: [d("버튼다운 칼라", "a button-down collar"), d("정면 패치 포켓", "a chest patch pocket"), d("라운드 밑단", "a curved hem"), d("히든 버튼 여밈", "a concealed button placket")], sleeves: true, weight: 10,
  },
  {
    sub: "blouse", genders: ["women"], materials: ["silk", "satin", "polyester", "tencel", "cotton"], fits: ["regular", "relaxed"],
    colors: [...NEUTRALS, ...SOFT, "burgundy"], patterns: ["solid", "solid", "solid", "dot", "floral", "stripe"],
    styles: ["페미닌", "러블리", "모던", "클래식", "미니멀"], tpos: ["출근", "면접", "소개팅", "데이트", "하객", "상견례", "발표"],
    price: [45000, 159000], details: [d("리본 타이 넥", "a tie-neck bow"), d("퍼프 소매", "soft puff sleeves"), d("진주 버튼", "pearl buttons"), d("라운드 넥라인", "a round neckline")], sleeves: true, weight: 8,
  },
  {
    sub: "tshirt", genders: ["women", "men", "any"], materials: ["cotton", "jersey"], fits: ["regular", "oversized", "slim"],
    colors: [...NEUTRALS, ...SOFT, ...BOLD, ...EARTH], patterns: ["solid", "solid", "solid", "stripe", "graphic", "graphic"],
    styles: ["캐주얼", "심플 베이직", "스트릿", "미니멀", "스포티"], tpos: ["데일리", "여행", "캠퍼스", "데이트", "운동"],
    price: [19000, 59000], details: [d("라운드 넥", "a crew neck"), d("탄탄한 싱글 저지", "a sturdy single jersey"), d("드롭 숄더", "dropped shoulders")], sleeves: true, weight: 10,
  },
  {
    sub: "polo", genders: ["men", "women"], materials: ["cotton", "jersey"], fits: ["regular", "slim"],
    colors: [...NEUTRALS, "green", "burgundy", "light_blue"], patterns: ["solid", "solid", "stripe"],
    styles: ["클래식", "댄디", "캐주얼", "심플 베이직"], tpos: ["출근", "데일리", "데이트", "여행", "소개팅"],
    price: [39000, 99000], details: [d("피케 조직", "piqué knit"), d("2버튼 플라켓", "a two-button placket"), d("리브 칼라", "a ribbed collar")], sleeves: true, weight: 4,
  },
  {
    sub: "knit", genders: ["women", "men"], materials: ["wool", "cashmere", "wool_blend", "cotton"], fits: ["regular", "relaxed", "oversized"],
    colors: [...NEUTRALS, ...EARTH, "burgundy", "butter_yellow", "lavender"], patterns: ["solid", "solid", "solid", "stripe"],
    styles: ["미니멀", "클래식", "캐주얼", "모던", "심플 베이직"], tpos: ["출근", "소개팅", "데이트", "데일리", "상견례", "캠퍼스"],
    price: [49000, 229000], details: [d("골지 밑단과 소매", "ribbed hem and cuffs"), d("크루넥", "a crew neck"), d("하프 집업", "a half zip"), d("케이블 조직", "a cable stitch")], weight: 8,
  },
  {
    sub: "cardigan", genders: ["women", "men"], materials: ["wool", "cashmere", "cotton", "wool_blend"], fits: ["regular", "cropped", "oversized"],
    colors: [...NEUTRALS, ...SOFT, "camel", "burgundy"], patterns: ["solid", "solid", "stripe"],
    styles: ["러블리", "클래식", "캐주얼", "미니멀", "페미닌"], tpos: ["출근", "데일리", "소개팅", "데이트", "캠퍼스", "상견례"],
    price: [49000, 189000], details: [d("V넥 버튼 여밈", "a V-neck button front"), d("골지 밑단", "a ribbed hem"), d("메탈 버튼", "metal buttons")], weight: 5,
  },
  {
    sub: "sweatshirt", genders: ["any", "women", "men"], materials: ["cotton", "fleece"], fits: ["regular", "oversized"],
    colors: [...NEUTRALS, ...EARTH, ...SOFT, "green"], patterns: ["solid", "solid", "graphic"],
    styles: ["캐주얼", "스트릿", "스포티", "심플 베이직"], tpos: ["데일리", "캠퍼스", "여행", "운동"],
    price: [35000, 89000], details: [d("골지 밑단과 소매", "ribbed hem and cuffs"), d("라운드 넥", "a crew neck"), d("기모 안감", "a brushed lining")], weight: 5,
  },
  {
    sub: "hoodie", genders: ["any", "women", "men"], materials: ["cotton", "fleece"], fits: ["regular", "oversized"],
    colors: [...NEUTRALS, ...EARTH, "green", "burgundy", "light_blue"], patterns: ["solid", "solid", "graphic"],
    styles: ["캐주얼", "스트릿", "스포티"], tpos: ["데일리", "캠퍼스", "여행", "운동"],
    price: [39000, 99000], details: [d("캥거루 포켓", "a kangaroo pocket"), d("스트링 후드", "a drawstring hood"), d("골지 밑단", "a ribbed hem")], weight: 5,
  },
  // ------------------------------------------------------------------ bottoms
  {
    sub: "slacks", genders: ["women", "men"], materials: ["wool", "wool_blend", "polyester", "linen", "tencel"], fits: ["slim", "straight", "wide", "tapered"],
    colors: ["black", "charcoal", "gray", "navy", "beige", "ivory", "camel", "brown", "khaki"], patterns: ["solid", "solid", "solid", "solid", "check", "stripe"],
    styles: ["포멀", "모던", "미니멀", "클래식", "댄디", "심플 베이직"], tpos: ["출근", "면접", "상견례", "하객", "소개팅", "데이트", "발표"],
    price: [49000, 169000], details: [d("센터 턱 주름", "a pressed centre crease"), d("원턱 디테일", "a single pleat"), d("사이드 어저스터", "side adjusters"), d("히든 훅 여밈", "a hidden hook closure")], weight: 10,
  },
  {
    sub: "jeans", genders: ["women", "men", "any"], materials: ["denim", "light_denim"], fits: ["straight", "slim", "wide", "tapered"],
    colors: ["denim", "blue", "light_blue", "black", "charcoal", "ivory"], patterns: ["solid"],
    styles: ["캐주얼", "아메카지", "스트릿", "심플 베이직", "모던"], tpos: ["데일리", "데이트", "여행", "캠퍼스", "소개팅"],
    price: [49000, 149000], details: [d("5포켓 구성", "a five-pocket build"), d("버튼 플라이", "a button fly"), d("원워시 가공", "a clean one-wash finish")], weight: 9,
  },
  {
    sub: "chinos", genders: ["men", "women"], materials: ["cotton", "linen"], fits: ["slim", "straight", "tapered"],
    colors: ["beige", "khaki", "navy", "olive", "ivory", "black", "brown", "gray"], patterns: ["solid"],
    styles: ["캐주얼", "댄디", "클래식", "아메카지", "심플 베이직"], tpos: ["출근", "데일리", "데이트", "소개팅", "여행", "캠퍼스"],
    price: [39000, 119000], details: [d("슬랜트 포켓", "slant pockets"), d("롤업하기 좋은 밑단", "a hem made for rolling up"), d("스트레치 원단", "a touch of stretch")], weight: 6,
  },
  {
    sub: "wide_pants", genders: ["women", "any"], materials: ["cotton", "linen", "polyester", "wool_blend", "tencel"], fits: ["wide", "relaxed"],
    colors: ["black", "ivory", "beige", "gray", "charcoal", "navy", "khaki", "brown", "butter_yellow"], patterns: ["solid", "solid", "stripe"],
    styles: ["모던", "미니멀", "캐주얼", "스트릿"], tpos: ["데일리", "출근", "데이트", "여행", "캠퍼스"],
    price: [39000, 129000], details: [d("밴딩 허리", "an elastic back waist"), d("핀턱 주름", "pintucks"), d("바닥에 닿는 롱 기장", "a floor-grazing length")], weight: 5,
  },
  {
    sub: "shorts", genders: ["men", "women", "any"], materials: ["cotton", "linen", "light_denim", "nylon", "seersucker"], fits: ["regular", "relaxed"],
    colors: ["beige", "khaki", "navy", "black", "ivory", "denim", "olive", "light_blue"], patterns: ["solid", "solid", "stripe", "check"],
    styles: ["캐주얼", "스포티", "아메카지"], tpos: ["데일리", "여행", "운동", "캠퍼스"],
    price: [29000, 79000], details: [d("밴딩 허리", "an elastic waist"), d("사이드 포켓", "side pockets"), d("무릎 위 기장", "an above-the-knee length")], weight: 4,
  },
  {
    sub: "joggers", genders: ["any", "men", "women"], materials: ["cotton", "fleece", "nylon", "jersey"], fits: ["tapered", "relaxed"],
    colors: ["black", "gray", "charcoal", "navy", "khaki", "olive"], patterns: ["solid"],
    styles: ["스포티", "캐주얼", "스트릿", "고프코어"], tpos: ["운동", "데일리", "여행", "아웃도어"],
    price: [35000, 89000], details: [d("밴딩 밑단", "cuffed ankles"), d("스트링 허리", "a drawstring waist"), d("지퍼 포켓", "zip pockets")], weight: 3,
  },
  {
    sub: "pencil_skirt", genders: ["women"], materials: ["wool_blend", "polyester", "tweed", "vegan_leather"], fits: ["knee", "midi"],
    colors: ["black", "charcoal", "navy", "beige", "gray", "ivory", "burgundy", "camel"], patterns: ["solid", "solid", "check"],
    styles: ["포멀", "클래식", "모던", "페미닌"], tpos: ["출근", "면접", "하객", "상견례", "발표"],
    price: [45000, 139000], details: [d("뒷트임", "a back vent"), d("하이웨이스트", "a high waist"), d("히든 지퍼", "a concealed zip")], weight: 4,
  },
  {
    sub: "a_line_skirt", genders: ["women"], materials: ["cotton", "polyester", "wool_blend", "denim", "corduroy"], fits: ["knee", "midi", "mini"],
    colors: [...NEUTRALS, ...SOFT, "camel", "burgundy", "denim"], patterns: ["solid", "solid", "check", "floral", "dot"],
    styles: ["러블리", "페미닌", "캐주얼", "클래식"], tpos: ["데이트", "소개팅", "데일리", "캠퍼스", "하객", "출근"],
    price: [39000, 119000], details: [d("A라인 실루엣", "an A-line silhouette"), d("앞 버튼 여밈", "a button front"), d("사이드 포켓", "side pockets")], weight: 5,
  },
  {
    sub: "pleated_skirt", genders: ["women"], materials: ["polyester", "satin", "wool_blend"], fits: ["midi", "knee", "mini"],
    colors: [...NEUTRALS, ...SOFT, "green", "burgundy"], patterns: ["solid", "solid", "check"],
    styles: ["페미닌", "러블리", "모던", "클래식"], tpos: ["데이트", "소개팅", "하객", "출근", "데일리"],
    price: [45000, 129000], details: [d("잔잔한 아코디언 플리츠", "fine accordion pleats"), d("밴딩 허리", "an elastic waist"), d("움직일 때 흐르는 실루엣", "a hem that moves as you walk")], weight: 4,
  },
  // ------------------------------------------------------------------ outerwear
  {
    sub: "blazer", genders: ["women", "men"], materials: ["wool", "wool_blend", "polyester", "linen", "tweed"], fits: ["slim", "regular", "oversized"],
    colors: ["black", "charcoal", "navy", "gray", "beige", "ivory", "camel", "brown", "burgundy"], patterns: ["solid", "solid", "solid", "check", "stripe"],
    styles: ["포멀", "모던", "클래식", "미니멀", "댄디"], tpos: ["면접", "출근", "상견례", "하객", "발표", "소개팅", "데이트"],
    price: [99000, 329000], details: [d("노치드 라펠", "notch lapels"), d("싱글 2버튼", "a single-breasted two-button front"), d("플랩 포켓", "flap pockets"), d("센터 벤트", "a centre vent")], weight: 8,
  },
  {
    sub: "trench_coat", genders: ["women", "men"], materials: ["cotton", "polyester"], fits: ["regular", "oversized", "maxi"],
    colors: ["beige", "camel", "khaki", "navy", "black", "ivory"], patterns: ["solid"],
    styles: ["클래식", "모던", "미니멀", "댄디"], tpos: ["출근", "데이트", "소개팅", "하객", "상견례", "데일리", "여행"],
    price: [139000, 389000], details: [d("허리 벨트", "a waist belt"), d("더블 브레스티드 여밈", "a double-breasted front"), d("건 플랩", "a gun flap"), d("발수 가공", "a water-repellent finish")], weight: 4,
  },
  {
    sub: "wool_coat", genders: ["women", "men"], materials: ["wool", "cashmere", "wool_blend"], fits: ["regular", "oversized", "maxi"],
    colors: ["black", "charcoal", "camel", "navy", "gray", "beige", "ivory", "brown"], patterns: ["solid", "solid", "check"],
    styles: ["클래식", "미니멀", "모던", "포멀", "댄디"], tpos: ["출근", "면접", "상견례", "하객", "데이트", "소개팅", "데일리"],
    price: [189000, 590000], details: [d("숄더 라인이 자연스러운 라글란 소매", "raglan sleeves for an easy shoulder"), d("노치드 칼라", "a notch collar"), d("핸드메이드 마감", "a handmade double-face finish")], weight: 5,
  },
  {
    sub: "padded_jacket", genders: ["any", "women", "men"], materials: ["down", "nylon"], fits: ["regular", "oversized", "cropped"],
    colors: ["black", "navy", "ivory", "beige", "khaki", "gray", "olive", "burgundy"], patterns: ["solid"],
    styles: ["캐주얼", "스포티", "고프코어", "스트릿", "미니멀"], tpos: ["데일리", "여행", "아웃도어", "캠퍼스"],
    price: [129000, 459000], details: [d("퀼팅 스티치", "box quilting"), d("스탠드 칼라", "a stand collar"), d("투웨이 지퍼", "a two-way zip")], weight: 4,
  },
  {
    sub: "leather_jacket", genders: ["women", "men"], materials: ["leather", "vegan_leather", "suede"], fits: ["regular", "cropped", "slim"],
    colors: ["black", "brown", "camel", "burgundy", "charcoal"], patterns: ["solid"],
    styles: ["스트릿", "모던", "캐주얼"], tpos: ["데이트", "데일리", "파티", "여행"],
    price: [159000, 490000], details: [d("메탈 지퍼", "a metal zip"), d("스탠드 칼라", "a stand collar"), d("지퍼 포켓", "zip pockets")], weight: 3,
  },
  {
    sub: "denim_jacket", genders: ["any", "women", "men"], materials: ["denim", "light_denim"], fits: ["regular", "cropped", "oversized"],
    colors: ["denim", "light_blue", "blue", "black", "ivory"], patterns: ["solid"],
    styles: ["캐주얼", "아메카지", "스트릿"], tpos: ["데일리", "여행", "캠퍼스", "데이트"],
    price: [69000, 169000], details: [d("플랩 가슴 포켓", "flap chest pockets"), d("메탈 버튼", "metal shank buttons"), d("트러커 스타일 절개", "trucker panelling")], weight: 3,
  },
  {
    sub: "windbreaker", genders: ["any", "men", "women"], materials: ["nylon", "polyester"], fits: ["regular", "oversized"],
    colors: ["black", "navy", "khaki", "olive", "gray", "blue", "green", "ivory"], patterns: ["solid"],
    styles: ["고프코어", "스포티", "캐주얼", "스트릿"], tpos: ["아웃도어", "여행", "운동", "데일리"],
    price: [59000, 189000], details: [d("방풍 후드", "a packable hood"), d("발수 코팅", "a water-repellent coating"), d("밑단 스트링", "a drawcord hem")], weight: 3,
  },
  // ------------------------------------------------------------------ dresses
  {
    sub: "shirt_dress", genders: ["women"], materials: ["cotton", "linen", "tencel", "polyester"], fits: ["midi", "maxi", "knee"],
    colors: [...NEUTRALS, "light_blue", "khaki", "butter_yellow", "pink"], patterns: ["solid", "solid", "stripe", "check"],
    styles: ["미니멀", "클래식", "캐주얼", "모던"], tpos: ["출근", "데이트", "소개팅", "여행", "데일리", "상견례"],
    price: [69000, 179000], details: [d("허리 스트링", "a waist tie"), d("셔츠 칼라", "a shirt collar"), d("앞 버튼 여밈", "a full button front")], sleeves: true, weight: 4,
  },
  {
    sub: "wrap_dress", genders: ["women"], materials: ["jersey", "polyester", "silk", "satin"], fits: ["midi", "knee", "maxi"],
    colors: [...NEUTRALS, ...SOFT, "burgundy", "green", "blue"], patterns: ["solid", "solid", "floral", "dot"],
    styles: ["페미닌", "러블리", "모던", "클래식"], tpos: ["하객", "데이트", "소개팅", "출근", "상견례", "파티"],
    price: [79000, 229000], details: [d("랩 여밈", "a wrap front"), d("V넥", "a V-neck"), d("허리 리본", "a waist tie")], sleeves: true, weight: 4,
  },
  {
    sub: "knit_dress", genders: ["women"], materials: ["wool_blend", "wool", "cotton", "cashmere"], fits: ["midi", "maxi", "knee"],
    colors: ["black", "ivory", "beige", "gray", "charcoal", "camel", "brown", "burgundy", "navy"], patterns: ["solid"],
    styles: ["미니멀", "페미닌", "모던", "클래식"], tpos: ["데이트", "소개팅", "출근", "하객", "상견례"],
    price: [79000, 259000], details: [d("골지 조직", "a ribbed knit"), d("하이넥", "a high neck"), d("슬릿 밑단", "a side slit")], weight: 3,
  },
  {
    sub: "slip_dress", genders: ["women"], materials: ["satin", "silk", "polyester"], fits: ["midi", "maxi"],
    colors: ["black", "ivory", "beige", "burgundy", "green", "lavender", "butter_yellow", "navy"], patterns: ["solid"],
    styles: ["모던", "페미닌", "미니멀"], tpos: ["파티", "데이트", "하객"],
    price: [69000, 199000], details: [d("가는 어깨끈", "slim straps"), d("바이어스 재단", "a bias cut"), d("카울 넥", "a cowl neck")], weight: 2,
  },
  {
    sub: "sundress", genders: ["women"], materials: ["cotton", "linen", "polyester"], fits: ["midi", "maxi", "knee"],
    colors: ["white", "ivory", ...SOFT, "blue", "red", "green"], patterns: ["solid", "floral", "floral", "dot", "check"],
    styles: ["러블리", "페미닌", "캐주얼"], tpos: ["여행", "데이트", "데일리", "파티"],
    price: [49000, 149000], details: [d("퍼프 소매", "puff sleeves"), d("플레어 밑단", "a flared skirt"), d("스퀘어 넥", "a square neck")], sleeves: true, weight: 3,
  },
  // ------------------------------------------------------------------ shoes
  {
    sub: "loafers", genders: ["women", "men"], materials: ["leather", "suede"], fits: ["standard"],
    colors: ["black", "brown", "burgundy", "camel", "beige"], patterns: ["solid"],
    styles: ["클래식", "댄디", "모던", "미니멀"], tpos: ["출근", "면접", "상견례", "하객", "소개팅", "데이트", "발표"],
    price: [89000, 259000], details: [d("페니 스트랩", "a penny strap"), d("레더 솔", "a leather sole"), d("아몬드 토", "an almond toe")], weight: 4,
  },
  {
    sub: "derby_shoes", genders: ["men", "women"], materials: ["leather"], fits: ["standard"],
    colors: ["black", "brown", "burgundy"], patterns: ["solid"],
    styles: ["포멀", "클래식", "댄디"], tpos: ["면접", "출근", "상견례", "하객", "발표"],
    price: [119000, 329000], details: [d("오픈 레이싱", "open lacing"), d("굿이어 웰트", "a Goodyear welt"), d("플레인 토", "a plain toe")], weight: 3,
  },
  {
    sub: "pumps", genders: ["women"], materials: ["leather", "suede"], fits: ["standard"],
    colors: ["black", "beige", "navy", "burgundy", "ivory", "red"], patterns: ["solid"],
    styles: ["포멀", "페미닌", "클래식", "모던"], tpos: ["면접", "출근", "하객", "상견례", "파티", "발표"],
    price: [79000, 229000], details: [d("5cm 블록 힐", "a 5 cm block heel"), d("포인티드 토", "a pointed toe"), d("쿠션 인솔", "a cushioned insole")], weight: 3,
  },
  {
    sub: "flats", genders: ["women"], materials: ["leather", "suede", "satin"], fits: ["standard"],
    colors: ["black", "beige", "ivory", "burgundy", "pink", "navy"], patterns: ["solid"],
    styles: ["페미닌", "러블리", "클래식", "미니멀"], tpos: ["출근", "데이트", "소개팅", "데일리", "여행", "상견례"],
    price: [59000, 169000], details: [d("메리제인 스트랩", "a Mary Jane strap"), d("리본 장식", "a bow detail"), d("라운드 토", "a round toe")], weight: 3,
  },
  {
    sub: "sneakers", genders: ["any", "women", "men"], materials: ["leather", "canvas", "mesh", "suede"], fits: ["standard"],
    colors: ["white", "black", "ivory", "gray", "navy", "beige", "green"], patterns: ["solid"],
    styles: ["캐주얼", "미니멀", "스트릿", "스포티", "심플 베이직"], tpos: ["데일리", "여행", "캠퍼스", "데이트", "운동"],
    price: [59000, 189000], details: [d("컵솔", "a cupsole"), d("미니멀한 레이스업", "a clean lace-up"), d("쿠셔닝 미드솔", "a cushioned midsole")], weight: 5,
  },
  {
    sub: "ankle_boots", genders: ["women", "men"], materials: ["leather", "suede"], fits: ["standard"],
    colors: ["black", "brown", "camel", "burgundy", "beige"], patterns: ["solid"],
    styles: ["모던", "클래식", "캐주얼", "스트릿"], tpos: ["데일리", "데이트", "출근", "여행", "소개팅"],
    price: [99000, 289000], details: [d("사이드 고어", "elastic side gores"), d("러그 솔", "a lug sole"), d("사이드 지퍼", "a side zip")], weight: 3,
  },
  {
    sub: "sandals", genders: ["women", "men", "any"], materials: ["leather", "vegan_leather", "rubber"], fits: ["standard"],
    colors: ["black", "brown", "beige", "ivory", "camel"], patterns: ["solid"],
    styles: ["캐주얼", "미니멀", "스포티"], tpos: ["여행", "데일리", "데이트"],
    price: [39000, 139000], details: [d("스트랩 버클", "buckled straps"), d("쿠션 풋베드", "a cushioned footbed"), d("플랫 솔", "a flat sole")], weight: 3,
  },
  // ------------------------------------------------------------------ accessories
  {
    sub: "tote_bag", genders: ["women", "any"], materials: ["leather", "vegan_leather", "canvas", "nylon"], fits: ["standard"],
    colors: ["black", "brown", "camel", "beige", "ivory", "navy", "burgundy"], patterns: ["solid"],
    styles: ["미니멀", "클래식", "모던", "캐주얼"], tpos: ["출근", "면접", "데일리", "여행", "캠퍼스"],
    price: [59000, 289000], details: [d("A4가 들어가는 수납", "room for A4 documents"), d("내부 지퍼 포켓", "an inner zip pocket"), d("숄더 스트랩", "shoulder straps")], weight: 3,
  },
  {
    sub: "crossbody_bag", genders: ["women", "any", "men"], materials: ["leather", "vegan_leather", "nylon"], fits: ["standard"],
    colors: ["black", "brown", "beige", "ivory", "burgundy", "pink", "navy", "khaki"], patterns: ["solid"],
    styles: ["캐주얼", "미니멀", "모던", "러블리"], tpos: ["데일리", "데이트", "소개팅", "여행", "하객"],
    price: [49000, 229000], details: [d("조절 가능한 스트랩", "an adjustable strap"), d("플랩 여밈", "a flap closure"), d("메탈 버클", "a metal buckle")], weight: 3,
  },
  {
    sub: "belt", genders: ["men", "women"], materials: ["leather"], fits: ["standard"],
    colors: ["black", "brown", "camel", "burgundy"], patterns: ["solid"],
    styles: ["클래식", "미니멀", "댄디", "포멀"], tpos: ["출근", "면접", "상견례", "하객", "데일리"],
    price: [39000, 129000], details: [d("실버 버클", "a silver buckle"), d("3cm 폭", "a 3 cm width"), d("스티치 마감", "stitched edges")], weight: 2,
  },
  {
    sub: "tie", genders: ["men"], materials: ["silk", "wool"], fits: ["standard"],
    colors: ["navy", "burgundy", "charcoal", "gray", "black", "green", "light_blue"], patterns: ["solid", "solid", "stripe", "dot", "check"],
    styles: ["포멀", "클래식", "댄디"], tpos: ["면접", "출근", "하객", "상견례", "발표"],
    price: [39000, 99000], details: [d("7cm 폭", "a 7 cm blade"), d("손바느질 마감", "a hand-rolled finish")], weight: 2,
  },
  {
    sub: "scarf", genders: ["any", "women", "men"], materials: ["wool", "cashmere", "silk"], fits: ["standard"],
    colors: ["camel", "gray", "navy", "burgundy", "ivory", "beige", "charcoal", "green"], patterns: ["solid", "check", "stripe"],
    styles: ["클래식", "미니멀", "캐주얼"], tpos: ["데일리", "출근", "데이트", "여행"],
    price: [29000, 159000], details: [d("프린지 마감", "fringed ends"), d("넉넉한 길이", "a generous length")], weight: 2,
  },
  {
    sub: "cap", genders: ["any"], materials: ["cotton", "nylon", "corduroy"], fits: ["standard"],
    colors: ["black", "navy", "beige", "ivory", "khaki", "gray", "green"], patterns: ["solid"],
    styles: ["캐주얼", "스트릿", "스포티", "고프코어"], tpos: ["데일리", "여행", "운동", "캠퍼스", "아웃도어"],
    price: [25000, 59000], details: [d("조절 스트랩", "an adjustable back strap"), d("커브드 챙", "a curved brim")], weight: 2,
  },
];

// ------------------------------------------------------------------ combination rules

/** Occasions where a conservative look is expected. */
const FORMAL_TPO: TpoTag[] = ["면접", "상견례", "발표"];
const DRESSY_TPO: TpoTag[] = ["면접", "상견례", "하객", "발표", "출근"];
/** Colors that read as calm and trustworthy at an interview or a family meeting. */
const CONSERVATIVE_COLORS: ColorKey[] = ["black", "white", "ivory", "beige", "charcoal", "gray", "navy", "light_blue", "camel", "brown", "burgundy"];

/** The occasions a concrete product suits: the template's, minus what its make rules out. */
export function allowedTpos(t: Template, material: Material, color: ColorKey, pattern: Pattern): TpoTag[] {
  return t.tpos.filter((tpo) => {
    if (FORMAL_TPO.includes(tpo)) {
      if (!CONSERVATIVE_COLORS.includes(color)) return false;
      if (pattern === "floral" || pattern === "graphic" || pattern === "dot") return false;
      if (material === "linen" || material === "seersucker" || material === "denim" || material === "light_denim") return false;
    }
    if (DRESSY_TPO.includes(tpo) && pattern === "graphic") return false;
    // White and ivory belong to the bride at a Korean wedding.
    if (tpo === "하객" && (color === "white" || color === "ivory") && t.sub !== "shirt" && t.sub !== "blouse") return false;
    return true;
  });
}

/** Knits and sweats are never summer wear, whatever the yarn. */
const WARM_LAYERS: Subcategory[] = ["knit", "cardigan", "sweatshirt", "hoodie", "knit_dress", "wool_coat", "padded_jacket", "leather_jacket"];

/** Seasons a product can be worn in: the material decides; heavy outerwear never in summer. */
export function seasonsFor(t: Template, material: Material): Season[] {
  const seasons = [...MATERIALS[material].seasons] as Season[];
  if (t.sub === "wool_coat" || t.sub === "padded_jacket") return seasons.filter((s) => s === "fall" || s === "winter");
  if (t.sub === "shorts" || t.sub === "sandals" || t.sub === "sundress") return seasons.filter((s) => s === "spring" || s === "summer");
  if (WARM_LAYERS.includes(t.sub)) return seasons.filter((s) => s !== "summer");
  return seasons;
}
