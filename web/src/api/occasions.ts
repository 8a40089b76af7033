// The occasions API (worker/routes/occasions.ts): plan a moment, see it at a glance, tick its
// checklist, pin its outfit, download it for a calendar.
import { api } from "./client";
import type { Lang2 } from "./voice";

export const OCCASION_KINDS = ["interview", "first_date", "boss_meeting", "meeting_parents", "wedding_guest", "presentation", "customer_meeting", "difficult_talk", "other"] as const;
export type OccasionKind = (typeof OCCASION_KINDS)[number];
type Text = Record<Lang2, string>;

export type ChecklistItem = { id: string; text: string; done: boolean; auto: boolean };
export type Occasion = {
  id: string;
  kind: OccasionKind;
  kind_name: Text;
  title: string;
  startsAt: number;
  timeZone: string;
  language: Lang2;
  place: string | null;
  notes: string | null;
  details: { company?: string; role?: string; dressCode?: string; weather?: string };
  roomId: number | null;
  outfit: { source: "coordinator" | "pinned"; products: { product_id: string; product_name: string; product_name_en: string; image_url: string; price: number; category: string }[] } | null;
  tryOn: { taskId: string; status: string; downloadUrl: string | null } | null;
  rehearsals: { sessionId: string; scenarioId: string; status: string; createdAt: number; overall: number | null }[];
  trend: number | null;
  checklist: ChecklistItem[];
  readiness: { done: number; total: number; percent: number };
  scenarios: { id: string; title: Text }[];
  past: boolean;
};

export type NewOccasion = {
  kind: OccasionKind;
  title: string;
  startsAt: string;
  timeZone: string;
  language: Lang2;
  place?: string;
  notes?: string;
  details: Occasion["details"];
};

const path = (id: string) => `/api/occasions/${encodeURIComponent(id)}`;

export const fetchOccasions = () => api<{ upcoming: Occasion[]; past: Occasion[] }>("/api/occasions");
export const fetchOccasion = (id: string) => api<Occasion>(path(id));
export const createOccasion = (body: NewOccasion) => api<Occasion>("/api/occasions", { method: "POST", body });
export const saveChecklist = (id: string, items: { id?: string; text: string; done: boolean }[]) => api<Occasion>(path(id), { method: "PATCH", body: { checklist: items } });
export const pinOutfit = (id: string, productIds: string[] | null) => api<Occasion>(path(id), { method: "PATCH", body: { outfit: productIds ? { productIds } : null } });
export const deleteOccasion = (id: string) => api<{ deleted: true }>(path(id), { method: "DELETE" });
export const calendarUrl = (id: string) => `${path(id)}/calendar.ics`;

/** "2026-12-10T14:00" from a datetime-local input, as ISO 8601 with this browser's offset. */
export function withLocalOffset(local: string): string {
  const date = new Date(local);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
  const mm = String(Math.abs(offset) % 60).padStart(2, "0");
  return `${local.length === 16 ? `${local}:00` : local}${sign}${hh}:${mm}`;
}

const byRoom = new Map<number, Promise<{ id: string; title: string } | null>>();
/** The occasion a stylist room was opened for (asked once per room and visit). */
export function occasionForRoom(roomId: number): Promise<{ id: string; title: string } | null> {
  let found = byRoom.get(roomId);
  if (!found) {
    found = api<{ occasion: { id: string; title: string } | null }>(`/api/occasions/for-room/${roomId}`).then((r) => r.occasion);
    found.catch(() => byRoom.delete(roomId));
    byRoom.set(roomId, found);
  }
  return found;
}
