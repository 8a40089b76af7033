// The stylist team: three experts who answer in parallel, then the fitting coordinator who
// reads their answers and settles on one outfit. Ids, names and roles are the seed's
// (`agent_id`, `agent_name`, `agent_role`); `senderType` is the seed's `sender_type`.
import type { Language } from "./brief.ts";

export const EXPERTS = {
  style_analyst: {
    order: 1,
    senderType: "STYLE",
    name: { ko: "스타일 분석가", en: "Style Analyst" },
    role: { ko: "체형과 상황에 맞는 스타일을 분석해요", en: "Reads your body, your occasion and your taste" },
  },
  trend_expert: {
    order: 2,
    senderType: "TREND",
    name: { ko: "트렌드 전문가", en: "Trend Expert" },
    role: { ko: "지금 시즌의 흐름을 알려드려요", en: "Knows what this season is wearing" },
  },
  color_expert: {
    order: 3,
    senderType: "COLOR",
    name: { ko: "컬러 전문가", en: "Color Expert" },
    role: { ko: "피부톤과 어울리는 색 조합을 찾아요", en: "Finds the colours that flatter you" },
  },
  fitting_coordinator: {
    order: 4,
    senderType: "FITTING_COORDINATOR",
    name: { ko: "핏팅 코디네이터", en: "Fitting Coordinator" },
    role: { ko: "종합적으로 딱 하나의 추천을 해드려요!", en: "Weighs it all and picks exactly one outfit" },
  },
} as const satisfies Record<string, { order: number; senderType: string; name: Record<Language, string>; role: Record<Language, string> }>;

export type ExpertId = keyof typeof EXPERTS;

/** The experts who answer first, in parallel. */
export const PANEL = ["style_analyst", "trend_expert", "color_expert"] as const satisfies readonly ExpertId[];
export type PanelExpertId = (typeof PANEL)[number];

export const COORDINATOR = "fitting_coordinator" satisfies ExpertId;

export const isExpertId = (id: string): id is ExpertId => Object.hasOwn(EXPERTS, id);

/** The seed's answer header for an expert, in the given language. */
export function agentHeader(id: ExpertId, language: Language) {
  const e = EXPERTS[id];
  return { agent_id: id, agent_name: e.name[language], agent_role: e.role[language], order: e.order };
}
