// Reading a conversation: the occasion, season, weather, colours, styles, asked-for kinds,
// exclusions, budget and gender, in Korean and English, with negation and follow-ups.
import { describe, expect, it } from "vitest";
import type { HistoryItem, Intent } from "../../worker/chat/brief";
import { readBudget, readIntent } from "../../worker/chat/intent";
import { profile } from "./stylist-fixtures";

const read = (question: string, history: HistoryItem[] = [], p = profile()) => readIntent(question, history, p);
const user = (text: string): HistoryItem => ({ role: "user", text });
const SKIRTS = ["pencil_skirt", "a_line_skirt", "pleated_skirt"];

describe("the occasion", () => {
  const cases: [string, Intent["occasion"]][] = [
    ["내일 면접인데 뭐 입지?", "면접"],
    ["다음 주에 인터뷰가 있어요", "면접"],
    ["I have a job interview on Monday", "면접"],
    ["내일 IT 회사 면접인데 뭐 입지?", "면접"],
    ["소개팅 룩 추천해줘", "소개팅"],
    ["First date this Friday, help!", "소개팅"],
    ["blind date tomorrow", "소개팅"],
    ["주말 데이트 코디", "데이트"],
    ["What should I wear on a date?", "데이트"],
    ["출근룩 추천", "출근"],
    ["회사에 입고 갈 옷", "출근"],
    ["Something for the office", "출근"],
    ["after work drinks", "출근"],
    ["친구 결혼식 하객룩", "하객"],
    ["What to wear to a wedding", "하객"],
    ["다음 달 상견례 자리", "상견례"],
    ["meeting my boyfriend's parents", "상견례"],
    ["제주도 여행 갈 때", "여행"],
    ["weekend trip to Busan", "여행"],
    ["임원 발표 날 복장", "발표"],
    ["I'm giving a presentation", "발표"],
    ["연말 파티 룩", "파티"],
    ["학교 갈 때 입을 옷", "캠퍼스"],
    ["헬스장 갈 때", "운동"],
    ["workout clothes", "운동"],
    ["등산 갈 때 입을 옷", "아웃도어"],
    ["hiking this weekend", "아웃도어"],
    ["데일리룩 추천", "데일리"],
    ["an everyday outfit", "데일리"],
    ["면접 말고 출근룩 추천해줘", "출근"],
    ["I need to update my wardrobe", null],
    ["옷 추천해줘", null],
  ];
  it.each(cases)("%s → %s", (q, occasion) => expect(read(q).occasion).toBe(occasion));

  it("keeps the last named occasion for a follow-up, and the current message wins", () => {
    const history = [user("내일 면접인데 뭐 입지?"), { role: "expert", expert: "fitting_coordinator", text: "소개팅에는 이 한 벌로 가세요" } as HistoryItem];
    expect(read("좀 더 저렴한 걸로", history).occasion).toBe("면접");
    expect(read("이번엔 데이트룩", history).occasion).toBe("데이트");
    // An expert's words never set the occasion.
    expect(read("좀 더 저렴한 걸로", [{ role: "expert", expert: "style_analyst", text: "소개팅에서는 부드러운 색이 좋아요" }]).occasion).toBeNull();
  });
});

describe("season and weather", () => {
  const seasons: [string, Intent["season"]][] = [
    ["봄 소개팅", "spring"],
    ["초여름 결혼식", "summer"],
    ["늦가을 여행", "fall"],
    ["한겨울 출근룩", "winter"],
    ["12월 파티", "winter"],
    ["3월 입학식", "spring"],
    ["a wedding in May", "spring"],
    ["this fall", "fall"],
    ["an autumn wedding", "fall"],
    ["가을웜톤인데 뭐가 어울려요?", null],
    ["겨울쿨톤 코디", null],
  ];
  it.each(seasons)("%s → %s", (q, season) => expect(read(q).season).toBe(season));

  const weather: [string, Partial<Intent["weather"]>][] = [
    ["내일 비 온대요", { rain: true }],
    ["장마철 출근룩", { rain: true }],
    ["rainy day outfit", { rain: true }],
    ["네이비 정장에 비즈니스 캐주얼", { rain: false }],
    ["영하 10도래요", { cold: true }],
    ["추운 날 데이트", { cold: true }],
    ["눈이 와요", { cold: true }],
    ["it might snow", { cold: true }],
    ["폭염인데 출근해야 해요", { hot: true }],
    ["더운 날 면접", { hot: true }],
    ["a hot day in Seoul", { hot: true }],
    ["hot pink is my thing", { hot: false }],
    ["비 안 온대요", { rain: false }],
  ];
  it.each(weather)("%s → %o", (q, w) => expect(read(q).weather).toMatchObject(w));
});

describe("colours wanted and avoided", () => {
  const cases: [string, string[], string[]][] = [
    ["네이비 정장 느낌으로", ["navy"], []],
    ["흰색 말고 네이비로 해주세요", ["navy"], ["white"]],
    ["흰색이나 검정은 싫어요", [], ["white", "black"]],
    ["하얀색은 빼주세요", [], ["white"]],
    ["남색 좋아요", ["navy"], []],
    ["라이트 블루 셔츠", ["light_blue"], []],
    ["no white please", [], ["white"]],
    ["no white or black, navy is fine", ["navy"], ["white", "black"]],
    ["no white, navy is fine", ["navy"], ["white"]],
    ["I don't want to wear black", [], ["black"]],
    ["anything but beige", [], ["beige"]],
    ["an off-white blouse", ["ivory"], []],
    ["가을웜톤이에요", [], []],
  ];
  it.each(cases)("%s", (q, colors, avoid) => {
    const i = read(q);
    expect(i.colors).toEqual(colors);
    expect(i.avoidColors).toEqual(avoid);
  });

  it("lets a later message take a colour back", () => {
    expect(read("화이트도 괜찮아요", [user("흰색은 싫어요")]).avoidColors).toEqual([]);
  });
});

describe("styles", () => {
  it.each([
    ["미니멀하고 깔끔하게", ["미니멀"]],
    ["something classic and feminine", ["클래식", "페미닌"]],
    ["IT 회사는 비즈니스 캐주얼이래요", ["모던", "심플 베이직"]],
    ["너무 캐주얼하지 않게", []],
  ] as const)("%s → %o", (q, styles) => expect(read(q).styles).toEqual(styles));
});

describe("what is asked for", () => {
  const cases: [string, string[]][] = [
    ["바지만 추천해줘", ["bottom"]],
    ["면접 신발 추천해줘", ["shoes"]],
    ["just shoes please", ["shoes"]],
    ["청바지에 어울리는 상의 추천해줘", ["top"]],
    ["Can you recommend a blazer?", ["outer"]],
    ["면접룩 추천", []],
    ["What should I wear with these jeans?", []],
  ];
  it.each(cases)("%s → %o", (q, categories) => expect(read(q).categories).toEqual(categories));

  it("narrows to the kind named", () => {
    expect(read("스커트 추천해줘").subcategories).toEqual(SKIRTS);
    const trousers = read("바지만 보여줘");
    expect(trousers.subcategories).toContain("slacks");
    expect(trousers.excludeSubcategories).toEqual(SKIRTS);
  });

  it("keeps the asked kind through a follow-up and drops it for a whole new look", () => {
    const history = [user("면접 신발 추천해줘")];
    expect(read("좀 더 저렴한 걸로", history).categories).toEqual(["shoes"]);
    expect(read("이번엔 데이트 코디 전체", history).categories).toEqual([]);
  });
});

describe("exclusions", () => {
  const cases: [string, string[], string[]][] = [
    ["치마는 싫어요", SKIRTS, []],
    ["no skirts", SKIRTS, []],
    ["Skirts are out", SKIRTS, []],
    ["no heels, please", ["pumps"], []],
    ["힐은 못 신어요", ["pumps"], []],
    ["원피스 말고 다른 걸로", ["shirt_dress", "wrap_dress", "knit_dress", "slip_dress", "sundress"], []],
    ["반바지는 안 돼요", ["shorts"], []],
    ["후드티랑 청바지는 빼주세요", ["hoodie", "jeans"], []],
    ["울은 따가워서 싫어요", [], ["울", "울 혼방"]],
    ["wool-free please", [], ["울", "울 혼방"]],
    ["I'm vegan", [], ["레더", "스웨이드"]],
    ["하루 종일 많이 걸어야 해요", ["pumps"], []],
    ["겨울 서울 여행", [], []],
  ];
  it.each(cases)("%s", (q, subs, materials) => {
    const i = read(q);
    expect(i.excludeSubcategories).toEqual(subs);
    expect(i.excludeMaterials).toEqual(materials);
  });

  it("keeps an exclusion through the conversation until the user asks for it again", () => {
    expect(read("좀 더 저렴한 걸로", [user("면접룩, 치마는 싫어요")]).excludeSubcategories).toEqual(SKIRTS);
    expect(read("이번엔 데이트룩", [user("면접룩, 치마는 싫어요")]).excludeSubcategories).toEqual(SKIRTS);
    expect(read("역시 스커트 추천해줘", [user("치마는 싫어요")]).excludeSubcategories).toEqual([]);
  });
});

describe("the budget", () => {
  const cases: [string, Intent["budget"] | null][] = [
    ["예산 20만원", { min: null, max: 200_000 }],
    ["20만 원 이하로", { min: null, max: 200_000 }],
    ["5만원대 셔츠", { min: 50_000, max: 59_999 }],
    ["10만원대", { min: 100_000, max: 199_999 }],
    ["10~20만원 정도", { min: 100_000, max: 200_000 }],
    ["10만원에서 20만원 사이", { min: 100_000, max: 200_000 }],
    ["30만원 이상", { min: 300_000, max: null }],
    ["150,000원까지", { min: null, max: 150_000 }],
    ["3만5천원", { min: null, max: 35_000 }],
    ["십만원 안으로", { min: null, max: 100_000 }],
    ["이십만원", { min: null, max: 200_000 }],
    ["under 100,000 won", { min: null, max: 100_000 }],
    ["budget ₩150,000", { min: null, max: 150_000 }],
    ["around 100k won", { min: null, max: 100_000 }],
    ["at least 50,000 KRW", { min: 50_000, max: null }],
    ["about $150", null],
    ["1년 된 바지", null],
  ];
  it.each(cases)("%s", (q, budget) => expect(readBudget(q)).toEqual(budget));

  it("turns 'cheaper' into a lower cap: of the stated budget, of the last quoted total, or a modest one", () => {
    expect(read("좀 더 저렴한 걸로", [user("면접룩 예산 20만원")]).budget).toEqual({ min: null, max: 140_000 });
    expect(read("cheaper please", [user("date outfit"), { role: "expert", expert: "fitting_coordinator", text: "Together the three pieces come to ₩187,000." }]).budget).toEqual({ min: null, max: 130_000 });
    expect(read("저렴한 면접룩").budget).toEqual({ min: null, max: 150_000 });
    expect(read("비싼 거 말고").budget.max).toBe(150_000);
    expect(read("not too expensive").budget.max).toBe(150_000);
    // A budget stated in the same message is the budget, cheap words or not.
    expect(read("20만원 이하로 저렴하게").budget).toEqual({ min: null, max: 200_000 });
    expect(read("비싸도 괜찮아요").budget).toEqual({ min: null, max: null });
  });
});

describe("gender and language", () => {
  it("takes the profile's gender first, then explicit words, never a partner's", () => {
    expect(read("남자 면접룩", [], profile({ gender: "women" })).gender).toBe("women");
    expect(read("남자 면접룩").gender).toBe("men");
    expect(read("men's interview outfit").gender).toBe("men");
    expect(read("여성용 블라우스", [], profile({ gender: "any" })).gender).toBe("women");
    expect(read("남자친구 생일 선물로 셔츠").gender).toBeNull();
    expect(read("a shirt for my girlfriend").gender).toBeNull();
  });

  it("answers in the language of the question", () => {
    expect(read("IT 면접 복장").language).toBe("ko");
    expect(read("What should I wear?").language).toBe("en");
  });

  it("is deterministic", () => {
    const q = "내일 IT 회사 면접인데 뭐 입지? 예산 20만원, 치마는 싫어요";
    expect(read(q)).toEqual(read(q));
  });
});
