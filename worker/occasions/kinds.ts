// What each kind of occasion brings: its name in both languages, the rehearsal scenarios that
// fit it, and the preparation steps a person ticks off (beyond the outfit, the try-on and the
// rehearsal, which the occasion page checks by itself).
import type { OCCASION_KINDS } from "../db/schema.ts";

export type OccasionKind = (typeof OCCASION_KINDS)[number];
type Text = { ko: string; en: string };

export type KindInfo = {
  name: Text;
  /** Voice scenarios to rehearse, best first (worker/voice/scenarios.ts ids). */
  scenarios: readonly string[];
  /** Preparation steps, in the order a person would do them. */
  steps: readonly Text[];
  /** How long it usually lasts, for the calendar entry. */
  minutes: number;
};

export const KINDS: Record<OccasionKind, KindInfo> = {
  interview: {
    name: { ko: "면접", en: "Job interview" },
    scenarios: ["interview-general", "interview-developer"],
    steps: [
      { ko: "회사와 직무 조사하기 (최근 뉴스, 제품, 채용 공고)", en: "Research the company and the role (recent news, products, the job ad)" },
      { ko: "경험마다 숫자가 들어간 사례 3개 준비하기", en: "Prepare three examples from your experience, each with a figure" },
      { ko: "면접관에게 할 질문 2~3개 준비하기", en: "Prepare two or three questions to ask them" },
      { ko: "가는 길 확인하기 (10분 일찍 도착)", en: "Plan the route (arrive ten minutes early)" },
    ],
    minutes: 60,
  },
  first_date: {
    name: { ko: "소개팅 / 첫 데이트", en: "First date" },
    scenarios: ["first-date"],
    steps: [
      { ko: "장소 예약하고 위치 확인하기", en: "Book the place and check where it is" },
      { ko: "상대에 대해 들은 것 정리하기 (취미, 일)", en: "Note what you know about them (hobbies, work)" },
      { ko: "가볍게 꺼낼 이야깃거리 3개 생각하기", en: "Think of three easy topics to bring up" },
    ],
    minutes: 120,
  },
  boss_meeting: {
    name: { ko: "상사와의 면담 / 보고", en: "Meeting the boss" },
    scenarios: ["boss-report-problem", "ask-for-raise"],
    steps: [
      { ko: "결론을 한 문장으로 정리하기", en: "Put your point in one sentence" },
      { ko: "근거가 되는 숫자와 자료 준비하기", en: "Have the figures and documents that back it" },
      { ko: "예상 질문과 답 적어 보기", en: "Write down the questions they may ask, and your answers" },
    ],
    minutes: 30,
  },
  meeting_parents: {
    name: { ko: "상견례 / 부모님 뵙기", en: "Meeting the parents" },
    scenarios: ["meeting-parents"],
    steps: [
      { ko: "선물 준비하기", en: "Get a gift" },
      { ko: "가족 구성원 호칭 확인하기", en: "Check how to address each family member" },
      { ko: "식당 예약과 자리 배치 확인하기", en: "Confirm the restaurant booking and the seating" },
    ],
    minutes: 120,
  },
  wedding_guest: {
    name: { ko: "결혼식 하객", en: "Wedding guest" },
    scenarios: [],
    steps: [
      { ko: "축의금 준비하기", en: "Prepare the gift (or the envelope)" },
      { ko: "식장 위치와 시간 확인하기", en: "Check the venue and the time" },
      { ko: "신부 드레스와 겹치지 않는 색인지 확인하기 (흰색 피하기)", en: "Make sure you are not wearing white" },
    ],
    minutes: 120,
  },
  presentation: {
    name: { ko: "발표", en: "Presentation" },
    scenarios: ["presentation-qa"],
    steps: [
      { ko: "발표 자료 마무리하고 백업하기", en: "Finish the slides and keep a backup" },
      { ko: "처음부터 끝까지 소리 내어 한 번 연습하기 (시간 재기)", en: "Run through it out loud once, timed" },
      { ko: "예상 질문 5개와 답 준비하기", en: "Prepare five likely questions and your answers" },
    ],
    minutes: 60,
  },
  customer_meeting: {
    name: { ko: "고객 미팅 / 사과", en: "Customer meeting" },
    scenarios: ["customer-apology"],
    steps: [
      { ko: "무슨 일이 있었는지 사실관계 정리하기", en: "Get the facts of what happened straight" },
      { ko: "제안할 해결책과 보상 정하기", en: "Decide the fix and what you can offer" },
    ],
    minutes: 60,
  },
  difficult_talk: {
    name: { ko: "어려운 대화", en: "A difficult talk" },
    scenarios: ["partner-difficult-talk"],
    steps: [
      { ko: "내가 원하는 것을 한 문장으로 정리하기", en: "Put what you want in one sentence" },
      { ko: "상대 입장에서 한 번 생각해 보기", en: "Think it through from their side once" },
    ],
    minutes: 60,
  },
  other: {
    name: { ko: "기타", en: "Other" },
    scenarios: [],
    steps: [{ ko: "일정과 장소 확인하기", en: "Check the time and the place" }],
    minutes: 60,
  },
};

/** The scenarios for an occasion, the best fit first: a developer role puts the developer interview first. */
export function scenariosFor(kind: OccasionKind, role: string | undefined): string[] {
  const list = [...KINDS[kind].scenarios];
  if (kind === "interview" && role && /(개발|엔지니어|프로그래머|developer|engineer|programmer|software|backend|frontend|devops|data)/i.test(role)) {
    return ["interview-developer", ...list.filter((id) => id !== "interview-developer")];
  }
  return list;
}
