// What the words of one message mean for dressing: occasions, seasons, weather, colours,
// styles, garments, materials, gender, "cheap" — each mention found by a bilingual lexicon
// (Korean words take particles, so they match inside words; English words need edges) and
// marked as negated ("치마는 싫어요", "no heels") or asked for ("바지 추천", "just shoes").
// Lists share one negation or request: said at their end in Korean, at their start in English.
import { COLORS, SUBCATEGORIES, type Category, type ColorKey, type Season, type StyleTag, type Subcategory, type TpoTag } from "../catalog/vocabulary.ts";
import type { Intent } from "./brief.ts";

// ---------------------------------------------------------------------------- lexicon

export type Meaning =
  | { kind: "occasion"; tpo: TpoTag }
  | { kind: "season"; season: Season }
  | { kind: "weather"; weather: keyof Intent["weather"] }
  | { kind: "color"; color: ColorKey }
  | { kind: "style"; styles: StyleTag[] }
  | { kind: "garment"; category: Category; subs: Subcategory[] }
  | { kind: "material"; materials: string[] }
  | { kind: "outfit" }
  | { kind: "gender"; gender: "women" | "men" }
  | { kind: "cheap" }
  /** "비싼 거 말고", "not too expensive": negated, it asks for cheap. */
  | { kind: "pricey" }
  /** Words that rule items out by themselves: "비건" (no leather), "많이 걸어요" (no heels). */
  | { kind: "rules-out"; subs: Subcategory[]; materials: string[] };

/** English words need word edges; Korean words take particles, so they match inside words. */
const en = (words: string) => `(?<![a-z])(?:${words})(?![a-z])`;
const subsOf = (category: Category) => (Object.keys(SUBCATEGORIES) as Subcategory[]).filter((s) => SUBCATEGORIES[s].category === category);
export const SKIRTS: Subcategory[] = ["pencil_skirt", "a_line_skirt", "pleated_skirt"];
export const TROUSERS: Subcategory[] = ["slacks", "jeans", "chinos", "wide_pants", "shorts", "joggers"];
const JACKETS: Subcategory[] = ["blazer", "leather_jacket", "denim_jacket", "padded_jacket", "windbreaker"];

/** When one message names several occasions ("IT 회사 면접"), the more specific one wins. */
const OCCASIONS: [TpoTag, string][] = [
  ["면접", `면접|인터뷰|${en("job interview|interviews?|interviewing")}`],
  ["상견례", `상견례|예비 ?(시댁|시부모|처가|장인|장모)|(부모님|어른들?)(께| ?뵙| ?인사| ?만나)|${en("meet(ing)? (the|my|his|her|their|our) (partner'?s |boyfriend'?s |girlfriend'?s |fianc[ée]e?'?s )?parents|in-?laws")}`],
  ["하객", `하객|결혼식|웨딩|${en("weddings?")}`],
  ["발표", `발표|프레젠테이션|임원 ?보고|${en("presentation|presenting|pitch")}`],
  ["소개팅", `소개팅|첫 ?만남|${en("blind date|first date")}`],
  ["데이트", `데이트|${en("(?<!(due|expiry|release|start|end|up to) )dates?|dating")}`],
  ["파티", `파티|송년회|연말 ?모임|${en("party|parties|cocktail|gala")}`],
  ["여행", `여행|휴가|바캉스|${en("trip|travel(l?ing)?|vacation|holiday")}`],
  ["아웃도어", `등산|하이킹|캠핑|트레킹|아웃도어|${en("hik(e|ing)|camping|trekking|outdoors?")}`],
  ["운동", `운동|헬스장?|요가|필라테스|러닝|조깅|${en("gym|workout|work out|exercis(e|ing)|running|jogging|yoga|pilates")}`],
  ["캠퍼스", `캠퍼스|학교|대학|개강|수업|${en("campus|school|class(es)?|university|college|lectures?")}`],
  ["출근", `출근|회사|직장|사무실|오피스|출장|회의|${en("office|work|workplace|business trip|meetings?")}`],
  ["데일리", `데일리|일상|평소|주말|${en("everyday|daily|weekends?|errands")}`],
];
export const OCCASION_RANK = new Map(OCCASIONS.map(([tpo], i) => [tpo, i]));

const SEASON_WORDS: [Season, string][] = [
  // "가을웜", "여름쿨" are personal-colour types, not seasons.
  ["spring", `봄(?!\\s?(웜|쿨))|(?<!\\d)[345] ?월|${en("spring(time)?|march|april|(in|this|next|early|late|mid)[- ]may")}`],
  ["summer", `여름(?!\\s?(웜|쿨))|(?<!\\d)[678] ?월|${en("summer(time)?|june|july|august")}`],
  ["fall", `가을(?!\\s?(웜|쿨))|(?<!\\d)(9|10|11) ?월|${en("autumn|(this|next|in|the|for|early|late|mid)[- ]fall|fall (wedding|season|interview|date|outfit|look|trip)|september|october|november")}`],
  ["winter", `겨울(?!\\s?(웜|쿨))|(?<!\\d)(12|1|2) ?월|${en("winter(time)?|december|january|february")}`],
];

const WEATHER_WORDS: [keyof Intent["weather"], string][] = [
  // "비" alone is in 네이비, 비즈니스, 준비: only when it rains ("비가", "비 온대", "비 예보").
  ["rain", `장마|우천|소나기|빗길|폭우|우산|(?<![가-힣])비(?=\\s?(가|오|와|온|올|옴|내리|예보|소식|맞))|${en("rain(y|ing)?|monsoon|drizzl(e|y)|downpour|storm(y)?")}`],
  ["cold", `추운|추워|춥|추울|영하|한파|쌀쌀|칼바람|폭설|(?<![가-힣])눈(이|\\s)?\\s?(오|와|온|내리|올)|${en("cold|freezing|chilly|snow(y|ing)?|below zero|frost(y)?")}`],
  ["hot", `더운|더워|덥|폭염|무더|찜통|${en("hot(?! pink)|heat(wave)?|humid|sweltering|scorching")}`],
];

/** Every catalog colour by its own Korean name (네이비, 라이트 블루…) plus everyday words. */
const color = (key: ColorKey, ko: string, english: string): [ColorKey, string] => [key, `(?:${[COLORS[key].ko.replace(" ", " ?"), ko].filter(Boolean).join("|")})(?:색상?|계열|톤)?|${en(english)}`];
const COLOR_WORDS: [ColorKey, string][] = [
  color("black", "검정|검은|까만", "black"),
  color("white", "흰|하얀|하양", "white"),
  color("ivory", "크림색|오프 ?화이트", "ivory|cream|off-?white"),
  color("beige", "", "beige|sand"),
  color("camel", "", "camel|tan"),
  color("brown", "갈색", "brown|chocolate"),
  color("charcoal", "먹색|진회색", "charcoal"),
  color("gray", "회색", "gr[ae]y"),
  color("navy", "남색|곤색", "navy"),
  color("blue", "파란|파랑|청색", "blue|cobalt"),
  color("light_blue", "하늘색|연하늘|스카이 ?블루", "light blue|sky blue|baby blue|powder blue"),
  color("denim", "", "denim blue"),
  color("khaki", "", "khaki"),
  color("olive", "", "olive"),
  color("green", "초록|녹색", "green|forest green"),
  color("mint", "연두", "mint"),
  color("burgundy", "와인색|자주색", "burgundy|wine|maroon"),
  color("red", "빨간|빨강", "red"),
  color("pink", "분홍", "pink"),
  color("lavender", "연보라|보라(?!카이|매)|퍼플", "lavender|lilac|purple|violet"),
  color("butter_yellow", "노란|노랑|옐로우?", "(butter )?yellow"),
  color("mustard", "겨자색", "mustard"),
];

const STYLE_WORDS: [StyleTag[], string][] = [
  // "business casual" is a dress code, not a wish for casual clothes.
  [["모던", "심플 베이직"], `비즈니스 ?캐주얼|스마트 ?캐주얼|${en("business casual|smart casual")}`],
  [["캐주얼"], `캐주얼|편한 ?(옷|스타일|느낌)|${en("casual|relaxed")}`],
  [["모던"], `모던|세련|${en("modern|sleek")}`],
  [["심플 베이직"], `심플|베이직|기본템|${en("simple|basic")}`],
  [["미니멀"], `미니멀|깔끔|${en("minimal(ist)?|clean")}`],
  [["스트릿"], `스트릿|스트리트|${en("street(wear)?")}`],
  [["포멀"], `포멀|격식|정장|${en("formal|suit")}`],
  [["클래식"], `클래식|단정|${en("classic|timeless")}`],
  [["스포티"], `스포티|${en("sporty|athletic|athleisure")}`],
  [["러블리"], `러블리|귀여운|사랑스러운|${en("lovely|cute|sweet")}`],
  [["페미닌"], `페미닌|여성스러운|${en("feminine")}`],
  [["댄디"], `댄디|${en("dandy")}`],
  [["아메카지"], `아메카지|${en("amekaji|workwear")}`],
  [["고프코어"], `고프코어|${en("gorpcore|techwear")}`],
];

const GARMENT_WORDS: [Category, Subcategory[], string][] = [
  ["dress", ["shirt_dress"], `셔츠 ?원피스|${en("shirt ?dress(es)?")}`],
  ["dress", ["knit_dress"], `니트 ?원피스|${en("(knit|sweater) dress(es)?")}`],
  ["dress", subsOf("dress"), `원피스|드레스|${en("dress(es)?")}`],
  ["bottom", SKIRTS, `치마|스커트|${en("skirts?")}`],
  ["bottom", ["shorts"], `반바지|숏팬츠|${en("shorts")}`],
  ["bottom", ["jeans"], `청바지|데님 ?팬츠|${en("jeans")}`],
  ["bottom", ["slacks"], `슬랙스|${en("slacks|dress pants")}`],
  ["bottom", ["wide_pants"], `와이드 ?팬츠|${en("wide(-leg)? (pants|trousers)")}`],
  ["bottom", ["chinos"], `치노|면바지|${en("chinos?")}`],
  ["bottom", ["joggers"], `조거|트레이닝 ?바지|${en("joggers|sweatpants")}`],
  ["bottom", TROUSERS, `바지|팬츠|${en("pants|trousers")}`],
  ["bottom", [], `하의|${en("bottoms?")}`],
  ["top", ["tshirt"], `티셔츠|반팔티|${en("t-?shirts?|tees?")}`],
  ["top", ["polo"], `폴로|피케|${en("polos?")}`],
  ["top", ["shirt"], `셔츠|남방|${en("shirts?|button-?downs?")}`],
  ["top", ["blouse"], `블라우스|${en("blouses?")}`],
  ["top", ["knit", "cardigan", "knit_dress"], `니트|스웨터|${en("knit(wear)?|sweaters?|jumpers?")}`],
  ["top", ["cardigan"], `가디건|카디건|${en("cardigans?")}`],
  ["top", ["sweatshirt"], `맨투맨|스웨트 ?셔츠|${en("sweatshirts?|crewnecks?")}`],
  ["top", ["hoodie"], `후드티?|후디|${en("hood(ie|y)s?")}`],
  ["top", [], `상의|${en("tops?")}`],
  ["outer", ["padded_jacket"], `패딩|${en("puffer|padded jacket|down jacket")}`],
  ["outer", ["leather_jacket"], `(가죽|레더) ?(재킷|자켓)|${en("leather jacket")}`],
  ["outer", ["windbreaker"], `바람막이|${en("windbreaker|shell jacket")}`],
  ["outer", ["blazer"], `블레이저|정장 ?재킷|${en("blazers?|sport coat")}`],
  ["outer", JACKETS, `재킷|자켓|${en("jackets?")}`],
  ["outer", ["trench_coat"], `트렌치|${en("trench( coat)?")}`],
  ["outer", ["trench_coat", "wool_coat"], `코트|${en("coats?|overcoat")}`],
  ["outer", [], `아우터|겉옷|${en("outerwear|outer")}`],
  ["shoes", ["pumps"], `하이힐|힐|펌프스|${en("heels|high heels|pumps|stilettos")}`],
  ["shoes", ["sandals"], `샌들|슬리퍼|${en("sandals|slides|flip-?flops")}`],
  ["shoes", ["sneakers"], `운동화|스니커즈|${en("sneakers|trainers|running shoes")}`],
  ["shoes", ["loafers"], `로퍼|${en("loafers")}`],
  ["shoes", ["ankle_boots"], `부츠|${en("boots")}`],
  ["shoes", ["flats"], `플랫 ?슈즈|${en("flats|ballet flats")}`],
  ["shoes", ["loafers", "derby_shoes", "pumps"], `구두|${en("dress shoes")}`],
  ["shoes", [], `신발|${en("shoes|footwear")}`],
  ["accessory", ["tie"], `넥타이|${en("ties?|neckties?")}`],
  ["accessory", ["tote_bag", "crossbody_bag"], `가방|${en("bags?|handbags?|totes?")}`],
  ["accessory", ["belt"], `벨트|${en("belts?")}`],
  ["accessory", ["scarf"], `스카프|머플러|목도리|${en("scarf|scarves")}`],
  ["accessory", ["cap"], `모자|볼캡|${en("caps?|hats?")}`],
  ["accessory", [], `액세서리|악세서리|${en("accessor(y|ies)")}`],
];

/** Korean material names as the catalog stores them. */
const MATERIAL_WORDS: [string[], string][] = [
  // "울" alone: not the 울 of 겨울, 서울, 추울.
  [["울", "울 혼방"], `(?<![가-힣])울(?=$|[\\s은는이가을를도,.]|소재|혼방)|양모|${en("wool(len)?")}`],
  [["캐시미어"], `캐시미어|${en("cashmere")}`],
  [["린넨"], `린넨|리넨|${en("linen")}`],
  [["스웨이드"], `스웨이드|${en("suede")}`],
  [["레더", "스웨이드"], `가죽|레더|${en("leather")}`],
  [["데님", "라이트 데님"], `데님|${en("denim")}`],
  [["폴리에스터"], `폴리에스테?르?|폴리|${en("polyester|poly")}`],
  [["나일론"], `나일론|${en("nylon")}`],
  [["실크"], `실크|${en("silk")}`],
  [["새틴"], `새틴|${en("satin")}`],
  [["트위드"], `트위드|${en("tweed")}`],
  [["코듀로이"], `코듀로이|골덴|${en("corduroy")}`],
  [["기모 코튼"], `기모|${en("fleece")}`],
  [["덕다운"], `덕다운|구스다운|${en("duck down|goose down")}`],
];

const LEXICON: [string, Meaning][] = [
  ...OCCASIONS.map(([tpo, p]): [string, Meaning] => [p, { kind: "occasion", tpo }]),
  ...SEASON_WORDS.map(([season, p]): [string, Meaning] => [p, { kind: "season", season }]),
  ...WEATHER_WORDS.map(([weather, p]): [string, Meaning] => [p, { kind: "weather", weather }]),
  ...COLOR_WORDS.map(([color, p]): [string, Meaning] => [p, { kind: "color", color }]),
  ...STYLE_WORDS.map(([styles, p]): [string, Meaning] => [p, { kind: "style", styles }]),
  ...GARMENT_WORDS.map(([category, subs, p]): [string, Meaning] => [p, { kind: "garment", category, subs }]),
  ...MATERIAL_WORDS.map(([materials, p]): [string, Meaning] => [p, { kind: "material", materials }]),
  [`코디|룩|착장|한 ?벌|${en("outfit|look|whole outfit|full look")}`, { kind: "outfit" }],
  [`(남자|남성)(?!\\s?(친구|분|친|동료|사람))|${en("men'?s|male|for (a )?m[ae]n|i'?m a (man|guy)")}`, { kind: "gender", gender: "men" }],
  [`(여자|여성)(?!\\s?(친구|분|친|동료|사람))|${en("women'?s|female|ladies|for (a )?wom[ae]n|i'?m a (woman|girl)")}`, { kind: "gender", gender: "women" }],
  [`저렴|(?<!비)싸게|(?<!비)싼 ?(거|걸|것|옷)|가성비|${en("cheap(er)?|affordable|inexpensive|less expensive|budget-friendly")}`, { kind: "cheap" }],
  [`비싼|비싸|${en("expensive|pricey|pricy")}`, { kind: "pricey" }],
  [`비건|${en("vegan")}`, { kind: "rules-out", subs: [], materials: ["레더", "스웨이드"] }],
  [`(많이|오래) ?걸|낮은 ?굽|굽 ?낮은|${en("walk(ing)? a lot|lots of walking|low heels?|flat shoes")}`, { kind: "rules-out", subs: ["pumps"], materials: [] }],
];

const COMPILED = LEXICON.map(([pattern, meaning]) => ({ re: new RegExp(pattern, "giu"), meaning }));

// ---------------------------------------------------------------------------- scanning

export type Mention = { start: number; end: number; meaning: Meaning; negated: boolean; asked: boolean; only: boolean };

/** Korean negation follows the word ("치마는 싫어요", "흰색 말고"). */
const KO_NEGATION = /말고|빼고|빼 ?(줘|주)|제외|싫|없이|피해|피하|피할|별로|불편|않|안 ?(돼|되|입|신|좋|맞|어울|할)|못 ?(입|신)|금지|아닌|아니|노노|따가|가려|알레르기|알러지/u;
/** English negation precedes it ("no skirts", "don't want to wear white"). */
const EN_NEGATION_NEAR = /\b(no|not|avoid(ing)?|without|except|hate|skip|nothing|anything but|other than|instead of|rather than|allergic to|none of|zero)\s+(\S+\s+)?$/i;
const EN_NEGATION_FAR = /\b(don'?t|do not|never|can'?t|cannot|won'?t|doesn'?t)\s+(\S+\s+){0,3}$/i;
const EN_NEGATION_AFTER = /^(-free|\s+(is|are) (a |an )?(no|out|off-limits|not allowed))/i;
/** A request follows the word in Korean ("바지 추천", "신발만"), precedes it in English. */
const KO_ASK = /^(이나|나|도|을|를|으로|로|은|는)?\s*(만|추천|골라|고르|찾|보여|알려|사려|살까|뭐|뭘|어떤|어때|어떨|필요|위주|하나)/u;
const KO_ONLY = /^(은|는)?\s*만(?![원])/u;
const EN_ASK = /\b(just|only|recommend|suggest|need|find|show me|looking for|want|buy|pick|what|which|any|some|new|pair of)\s+(\S+\s+){0,2}$/i;
const EN_ONLY_BEFORE = /\b(just|only)\s+(\S+\s+){0,1}$/i;
const EN_AFTER_ASK = /^\s+(only|please|recommendations?|ideas?|suggestions?)\b/i;
/** Words that join a list: a list shares the negation or request said once at its end (ko) or start (en). */
const KO_JOIN = /^[\s,/·]*(이나|나|랑|이랑|하고|와|과|또는|및|혹은|이든|든)?[\s,/·]*$/u;
const EN_JOIN = /^\s*,?\s*(or|nor|and|&|\/)?\s*$/i;
const CLAUSE_END = /[.!?;\n]|,\s|(?<=[가-힣])(는데|지만|고서|니까)\s/u;

export function scan(text: string): Mention[] {
  const found: Mention[] = [];
  for (const { re, meaning } of COMPILED) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      if (m[0].length) found.push({ start: m.index, end: m.index + m[0].length, meaning, negated: false, asked: false, only: false });
    }
  }
  // Longest match wins where words overlap ("라이트 블루" over "블루", "티셔츠" over "셔츠").
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Mention[] = [];
  for (const m of found) if (!kept.length || m.start >= kept.at(-1)!.end) kept.push(m);

  const windowAfter = (i: number) => {
    const m = kept[i]!;
    const limit = Math.min(kept[i + 1]?.start ?? text.length, m.end + 14);
    const rest = text.slice(m.end, limit);
    const cut = rest.search(CLAUSE_END);
    return cut < 0 ? rest : rest.slice(0, cut);
  };
  const windowBefore = (i: number) => {
    const m = kept[i]!;
    const from = Math.max(kept[i - 1]?.end ?? 0, m.start - 32);
    const before = text.slice(from, m.start);
    const parts = before.split(/[.!?;\n]|,\s/);
    return parts.at(-1) ?? "";
  };

  const koNeg = kept.map((_, i) => KO_NEGATION.test(windowAfter(i)));
  const koAsk = kept.map((_, i) => KO_ASK.test(windowAfter(i)));
  const enNeg = kept.map((_, i) => EN_NEGATION_NEAR.test(windowBefore(i)) || EN_NEGATION_FAR.test(windowBefore(i)) || EN_NEGATION_AFTER.test(windowAfter(i)));
  const enAsk = kept.map((_, i) => EN_ASK.test(windowBefore(i)) || EN_AFTER_ASK.test(windowAfter(i)));
  // Korean lists inherit from their last word, English lists from their first.
  for (let i = kept.length - 2; i >= 0; i--) {
    if (KO_JOIN.test(text.slice(kept[i]!.end, kept[i + 1]!.start))) {
      koNeg[i] ||= koNeg[i + 1]!;
      koAsk[i] ||= koAsk[i + 1]!;
    }
  }
  for (let i = 1; i < kept.length; i++) {
    if (englishList(text, kept, i)) {
      enNeg[i] ||= enNeg[i - 1]!;
      enAsk[i] ||= enAsk[i - 1]!;
    }
  }
  kept.forEach((m, i) => {
    m.negated = koNeg[i]! || enNeg[i]!;
    m.asked = !m.negated && (koAsk[i]! || enAsk[i]!);
    m.only = !m.negated && (KO_ONLY.test(windowAfter(i)) || EN_ONLY_BEFORE.test(windowBefore(i)) || /^\s+only\b/i.test(windowAfter(i)));
  });
  return kept;
}

/** "no white, black or red" is a list; "no white, navy is fine" is not (no or/and in it). */
function englishList(text: string, kept: Mention[], i: number): boolean {
  const gap = text.slice(kept[i - 1]!.end, kept[i]!.start);
  if (!EN_JOIN.test(gap)) return false;
  if (/\b(or|nor|and)\b|&|\//i.test(gap)) return true;
  for (let j = i + 1; j < kept.length; j++) {
    const next = text.slice(kept[j - 1]!.end, kept[j]!.start);
    if (!EN_JOIN.test(next)) return false;
    if (/\b(or|nor|and)\b|&|\//i.test(next)) return true;
  }
  return false;
}
