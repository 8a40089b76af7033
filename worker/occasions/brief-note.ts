// The occasion as the stylists read it: one line of what the user told us when planning it,
// put before the room's conversation (worker/chat/brief-builder.ts), so the experts' first
// answers know the occasion, its date and its details without being told again. The words are
// the ones the intent reader knows ("면접", "first date", the month), in the occasion's language.
import { KINDS } from "./kinds.ts";
import type { OccasionRow } from "./store.ts";

export type NoteSource = Pick<OccasionRow, "kind" | "title" | "startsAt" | "timeZone" | "language" | "place" | "notes" | "details">;

export function occasionNote(o: NoteSource): string {
  const ko = o.language === "ko";
  const when = new Intl.DateTimeFormat(ko ? "ko-KR" : "en-US", { dateStyle: "full", timeStyle: "short", timeZone: o.timeZone }).format(o.startsAt);
  const d = o.details;
  const parts = [
    `${KINDS[o.kind].name[o.language]}: ${o.title}`,
    when,
    ...(o.place ? [`${ko ? "장소" : "place"}: ${o.place}`] : []),
    ...(d.company ? [`${ko ? "회사" : "company"}: ${d.company}`] : []),
    ...(d.role ? [`${ko ? "직무" : "role"}: ${d.role}`] : []),
    ...(d.dressCode ? [`${ko ? "드레스 코드" : "dress code"}: ${d.dressCode}`] : []),
    ...(d.weather ? [`${ko ? "예상 날씨" : "expected weather"}: ${d.weather}`] : []),
    ...(o.notes ? [`${ko ? "메모" : "notes"}: ${o.notes.replace(/\s+/g, " ").slice(0, 300)}`] : []),
  ];
  return `${ko ? "[준비 중인 일정]" : "[The occasion I'm preparing for]"} ${parts.join(" · ")}`;
}
