// A conversation as turns: the user's message and the four experts' answers to it. Turns are
// built from a room's stored messages (newest page first, older pages merged in front) and
// changed in place by the stream's events, so a delta only touches its own expert's text.
import { EXPERT_IDS, isExpertId, type ChatEvent, type ChatMessage, type ExpertId } from "../../api/chat";

export type Answer = {
  status: "waiting" | "streaming" | "done" | "failed";
  text: string;
  productIds: string[];
  engine: string | null;
  model: string | null;
  /** Why the expert could not answer (the server's words), when it failed. */
  error: string | null;
};

export type Turn = {
  /** Stable while the turn is shown: its id, or a local one until the server names it. */
  key: string;
  turnId: string | null;
  /** Null while the user's message is on an older page not loaded yet. */
  question: { text: string; imageUrl: string | null } | null;
  answers: Partial<Record<ExpertId, Answer>>;
};

const waiting = (): Answer => ({ status: "waiting", text: "", productIds: [], engine: null, model: null, error: null });

/** A turn that has just been asked: every expert still to answer. */
export function askedTurn(key: string, turnId: string | null, question: Turn["question"]): Turn {
  return { key, turnId, question, answers: Object.fromEntries(EXPERT_IDS.map((id) => [id, waiting()])) };
}

export const isLive = (turn: Turn) => Object.values(turn.answers).some((a) => a.status === "waiting" || a.status === "streaming");

/**
 * The experts whose answer is missing from a finished turn: they failed (answers are stored
 * only when they succeed). Unknown while the turn's message is still on an unloaded page.
 */
export function unanswered(turn: Turn): ExpertId[] {
  const stored = Object.keys(turn.answers).length > 0;
  if (!turn.question || !stored || isLive(turn)) return [];
  return EXPERT_IDS.filter((id) => !turn.answers[id] || turn.answers[id].status === "failed");
}

export function markWaiting(turn: Turn, experts: readonly ExpertId[]) {
  for (const id of experts) turn.answers[id] = waiting();
}

export function markFailed(turn: Turn, experts: readonly ExpertId[], error: string | null) {
  for (const id of experts) turn.answers[id] = { ...waiting(), status: "failed", error };
}

/** A page of stored messages (newest first) as turns, oldest first. */
export function turnsFromMessages(messages: ChatMessage[]): Turn[] {
  const turns: Turn[] = [];
  const byKey = new Map<string, Turn>();
  for (const m of [...messages].reverse()) {
    const key = m.turn_id ?? `message-${m.id}`;
    let turn = byKey.get(key);
    if (!turn) {
      turn = { key, turnId: m.turn_id, question: null, answers: {} };
      byKey.set(key, turn);
      turns.push(turn);
    }
    if (m.message_type === "USER") turn.question = { text: m.content, imageUrl: m.image_url };
    else if (isExpertId(m.agent_id)) {
      turn.answers[m.agent_id] = { status: "done", text: m.content, productIds: m.products.map((p) => p.product_id), engine: m.engine, model: m.model, error: null };
    }
  }
  return turns;
}

/** Puts an older page's turns in front; a turn split across the two pages becomes one. */
export function prependOlder(turns: Turn[], older: Turn[]) {
  const first = turns[0];
  const split = older.at(-1);
  if (first && split && split.key === first.key) {
    first.question ??= split.question;
    first.answers = { ...split.answers, ...first.answers };
    older.pop();
  }
  turns.unshift(...older);
}

/**
 * Applies one stream event. `pendingKey` is the turn this tab has just asked, which learns
 * its id from the `turn` event; a turn asked elsewhere (another tab) is added when it starts.
 */
export function applyEvent(turns: Turn[], event: ChatEvent, pendingKey?: string) {
  if (event.type === "room" || event.type === "connect") return;
  const turn = turns.find((t) => t.turnId === event.turnId);
  if (event.type === "turn") {
    if (turn) return;
    const pending = turns.find((t) => t.key === pendingKey && t.turnId === null);
    if (pending) pending.turnId = event.turnId;
    else turns.push(askedTurn(event.turnId, event.turnId, { text: event.question, imageUrl: event.imageUrl }));
    return;
  }
  if (!turn) return;
  const answer = turn.answers[event.expert];
  // A stored answer is final: a watcher's replay of the turn never writes over it.
  if (answer?.status === "done" && event.type !== "complete") return;
  switch (event.type) {
    case "content":
      if (answer?.status === "streaming") answer.text += event.text;
      else turn.answers[event.expert] = { ...waiting(), status: "streaming", text: event.text };
      return;
    case "reset":
      if (answer) answer.text = "";
      return;
    case "complete":
      turn.answers[event.expert] = { status: "done", text: event.text, productIds: event.productIds, engine: event.engine, model: event.model, error: null };
      return;
    case "error":
      markFailed(turn, [event.expert], event.message);
  }
}
