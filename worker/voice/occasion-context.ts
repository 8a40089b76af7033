// A scenario made for one occasion: the details the user gave (the company and the role, the
// place, what it is) folded into the partner's persona, so the OpenAI partner plays along, and,
// for an interview, into the partner's first line, so the local partner says it too.
import type { Scenario } from "./scenarios.ts";

export type OccasionContext = { title: string; company?: string | undefined; role?: string | undefined; place?: string | undefined };

export function withOccasion(s: Scenario, c: OccasionContext | undefined): Scenario {
  if (!c) return s;
  const facts = {
    ko: [`일정: ${c.title}`, ...(c.company ? [`회사: ${c.company}`] : []), ...(c.role ? [`직무: ${c.role}`] : []), ...(c.place ? [`장소: ${c.place}`] : [])].join(", "),
    en: [`occasion: ${c.title}`, ...(c.company ? [`company: ${c.company}`] : []), ...(c.role ? [`role: ${c.role}`] : []), ...(c.place ? [`place: ${c.place}`] : [])].join(", "),
  };
  const persona = {
    ko: `${s.partner.persona.ko} 사용자가 준비 중인 자리 (${facts.ko}). 이 회사와 직무, 장소에 맞춰 자연스럽게 이야기한다.`,
    en: `${s.partner.persona.en} The user is preparing for this (${facts.en}); speak as someone from that company, about that role and place, where it fits.`,
  };
  return { ...s, partner: { ...s.partner, persona }, opening: s.kind === "interview" && (c.company || c.role) ? interviewOpening(s, c) : s.opening };
}

/** The interviewer names the company and the role after the greeting. */
function interviewOpening(s: Scenario, c: OccasionContext): Scenario["opening"] {
  const ko = `${[c.company, c.role].filter(Boolean).join(" ")} 면접입니다.`;
  const en = `This is the interview for ${c.role ? `the ${c.role} position` : "the position"}${c.company ? ` at ${c.company}` : ""}.`;
  return { ko: afterFirstSentence(s.opening.ko, ko), en: afterFirstSentence(s.opening.en, en) };
}

function afterFirstSentence(text: string, insert: string): string {
  const m = /^(.*?[.!?])\s+(.*)$/su.exec(text);
  return m ? `${m[1]} ${insert} ${m[2]}` : `${insert} ${text}`;
}
