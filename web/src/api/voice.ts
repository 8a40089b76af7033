// The voice rehearsal API (worker/routes/voice.ts): scenarios, sessions, the end with its
// report, and progress over time. The live socket is in pages/practice/realtime.ts.
import { api } from "./client";

export type Lang2 = "ko" | "en";
export type Difficulty = "easy" | "normal" | "hard";
type Text = Record<Lang2, string>;

export type Scenario = {
  id: string;
  kind: string;
  title: Text;
  summary: Text;
  partner: { name: Text; role: Text };
  goal: Text;
  opening: Text;
  good_looks_like: Record<Lang2, string[]>;
  register: "formal" | "polite" | "casual";
  minutes: number;
  difficulties: Difficulty[];
};

export type VoiceSession = {
  id: string;
  scenarioId: string;
  language: Lang2;
  difficulty: Difficulty;
  engine: "openai" | "local";
  status: "created" | "live" | "ended" | "failed";
  endReason: string | null;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  overall?: number | null;
};

export type Turn = { seq: number; speaker: "user" | "partner"; text: string; start_ms: number; end_ms: number; input: "speech" | "text" };
export type SessionDetail = VoiceSession & { scenario: Scenario; turns: Turn[] };

export type Dimension = { score: number; explanation: string; quotes: string[]; suggestions: string[] };
export type Report = {
  session_id: string;
  overall: { score: number; summary: string };
  politeness: Dimension;
  clarity: Dimension;
  pace: Dimension & { measured: boolean; rate: number | null; unit: "wpm" | "spm"; good_range: [number, number]; per_turn: { at_ms: number; rate: number }[] };
  filler_words: Dimension & { total: number; per_minute: number | null; list: { word: string; count: number }[] };
  judged_by: string;
  metrics: { fillers: { byTurn: { seq: number; hits: { filler: string; start: number; end: number }[] }[] } };
  created_at: number;
};

export type ProgressPoint = { sessionId: string; createdAt: number; language: string; difficulty: string; overall: number; politeness: number; clarity: number; pace: number; filler_words: number };
export type Progress = { scenarios: { scenarioId: string; title: Text; sessions: ProgressPoint[] }[] };

export const fetchScenarios = async () => (await api<{ scenarios: Scenario[] }>("/api/voice/scenarios")).scenarios;
export const startSession = (body: { scenarioId: string; language: Lang2; difficulty: Difficulty; occasionId?: string }) => api<VoiceSession>("/api/voice/sessions", { method: "POST", body });
export const fetchSessions = async () => (await api<{ sessions: VoiceSession[] }>("/api/voice/sessions?limit=20")).sessions;
export const fetchSession = (id: string) => api<SessionDetail>(`/api/voice/sessions/${encodeURIComponent(id)}`);
export const endSession = (id: string) => api<Report>(`/api/voice/sessions/${encodeURIComponent(id)}/end`, { method: "POST" });
export const fetchReport = (id: string) => api<Report>(`/api/voice/sessions/${encodeURIComponent(id)}/feedback`);
export const fetchProgress = () => api<Progress>("/api/voice/progress");
