// ChatRoom: one Durable Object per chat room. It holds the room's live SSE subscribers and
// the turns in flight: it sends the panel's jobs, takes each expert's deltas from the queue
// consumer, fans every event out to all subscribers (encoded once, same bytes for all),
// enqueues the coordinator when the panel is done, and saves the turn's answers in one D1
// batch when the coordinator has spoken.
//
// A turn outlives the object: its state (who has answered, with what) is in the object's
// storage, so after a restart (an eviction, a deploy, a crash) the turn is rebuilt, its
// frames replayed to subscribers who reconnect, and the retried deliveries of the experts
// that were mid-answer pick up with a `reset`. An alarm bounds every turn: experts still
// out at its deadline end in an error with a dead-letter record, and a save that D1 refused
// is tried again until then, so no turn stays "in progress" and none is half saved.
import { DurableObject } from "cloudflare:workers";
import { config } from "../config.ts";
import { recordFailedJob } from "../queues/failed-jobs.ts";
import { agentHeader, COORDINATOR, EXPERTS, PANEL, type ExpertId } from "./experts.ts";
import { failedExpertJob, type ExpertJob, type ProductRef } from "./jobs.ts";
import { frame, HEARTBEAT, OPENING, SSE_HEADERS, type Frame, type SseEvent } from "./sse.ts";
import { concatBytes } from "../bytes.ts";
import { saveAnswers } from "./store.ts";
import type { TurnContext } from "./turn-context.ts";
import { record } from "../metrics/record.ts";
import type { Language } from "./brief.ts";

/** What the route hands the room when the user's message is stored. */
export type TurnStart = {
  turnId: string;
  roomId: number;
  userId: number;
  messageId: number;
  question: string;
  imageUrl: string | null;
  photoKey: string | null;
  language: Language;
  /** The request that started the turn, carried into its jobs so their log lines join its own. */
  requestId?: string | undefined;
  /** What every expert reads the same, read with the message's write (turn-context.ts) and sent in each job. */
  context?: TurnContext | undefined;
};

export type Answer = { text: string; products: ProductRef[]; engine: string; model: string; completedAt: number };

type ExpertState = {
  status: "pending" | "done" | "failed";
  /** The queue delivery whose text is streaming now. */
  attempt: number;
  /** Text already sent to subscribers, and the current attempt's text so far. */
  sent: string;
  current: string;
  answer: Answer | null;
  error: string | null;
  saved: boolean;
};

type Turn = {
  start: TurnStart;
  experts: Record<ExpertId, ExpertState>;
  coordinatorQueued: boolean;
  finished: boolean;
  /** When the experts still out are given up on (ms since the epoch). */
  deadline: number;
  /** Saving the answers failed: when to try again, and how many tries so far. */
  saveDue: number | null;
  saveFailures: number;
  /** Every frame of the turn, for a subscriber who joins late or resumes (Last-Event-ID). */
  frames: Frame[];
};

/** What storage keeps of a turn: everything but the frames, which are rebuilt from it. */
type StoredTurn = Omit<Turn, "frames" | "experts"> & { experts: Record<ExpertId, Omit<ExpertState, "sent" | "current">> };

const TURN_KEY = "turn:";
/**
 * What an expert who was mid-answer when the object restarted "has sent": no retried text
 * starts with it, so that expert's first new piece comes after a `reset`.
 */
const RESTARTED = "\u0000restarted";

type Subscriber = {
  controller: ReadableStreamDefaultController<Uint8Array>;
  /** A turn-bound stream ends with its turn; a watcher (null) stays until the client leaves. */
  turnId: string | null;
  /** When it opened, for its lifetime in the metrics. */
  openedAt: number;
  /**
   * Frames kept back to go out as one chunk (`release`): each chunk of a stream is carried
   * on its own, and while a queue consumer keeps the isolate busy the later ones of a burst
   * wait behind it (the `turn` event arrived some 20 ms after the stream's first bytes).
   */
  held: Uint8Array[] | null;
};

const HEARTBEAT_MS = 15_000;
/** A subscriber further behind than this is dropped; it may resume with Last-Event-ID. */
const MAX_BUFFERED_BYTES = 1 << 20;
/** Finished turns kept for late joiners; older ones are forgotten. */
const KEEP_FINISHED_TURNS = 2;

export class ChatRoom extends DurableObject<Env> {
  private readonly subscribers = new Set<Subscriber>();
  private readonly turns = new Map<string, Turn>();
  /** Event ids grow across restarts of the object (a restart starts from the clock). */
  private seq = Date.now();
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    void ctx.blockConcurrencyWhile(async () => {
      const stored = await ctx.storage.list<StoredTurn>({ prefix: TURN_KEY });
      for (const turn of stored.values()) this.revive(turn);
    });
  }

  // ------------------------------------------------------------------ HTTP: subscriptions

  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === "POST" && url.pathname === "/turn") {
      const body = (await request.json()) as { turn: TurnStart; stream: boolean; announceRoom: boolean };
      // Subscribe before the jobs go out, so not one event of the turn is missed.
      const sub = body.stream ? this.subscribe(body.turn.turnId, null, body.announceRoom ? body.turn.roomId : null) : null;
      const started = this.startTurn(body.turn); // emits `turn` before its first await
      if (!sub) {
        await started;
        return new Response(null, { status: 202 });
      }
      // The opening frames and `turn` go out as one chunk, at once; the jobs go out meanwhile
      // (startTurn reports a queue that fails on the stream itself).
      this.release(sub.subscriber);
      return new Response(sub.stream, { headers: SSE_HEADERS });
    }
    if (request.method === "GET" && url.pathname === "/watch") {
      const last = Number(request.headers.get("last-event-id") ?? url.searchParams.get("last_event_id") ?? NaN);
      const sub = this.subscribe(null, Number.isFinite(last) ? last : null, null);
      this.release(sub.subscriber);
      return new Response(sub.stream, { headers: SSE_HEADERS });
    }
    return new Response("not found", { status: 404 });
  }

  /** A new subscriber, holding its frames until `release`. */
  private subscribe(turnId: string | null, lastEventId: number | null, announceRoom: number | null): { stream: ReadableStream<Uint8Array>; subscriber: Subscriber } {
    let subscriber!: Subscriber;
    const stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          const held = [OPENING];
          if (announceRoom !== null) held.push(frame(this.nextId(), "room", { room_id: announceRoom }).bytes);
          held.push(frame(this.nextId(), "connect", { message: "SSE 연결 성공" }).bytes);
          subscriber = { controller, turnId, openedAt: Date.now(), held };
          if (turnId === null) this.replay(subscriber, lastEventId);
          this.subscribers.add(subscriber);
          this.keepAlive();
          record(this.env, { kind: "sse_open", room: this.roomNumber(), stream: turnId === null ? "watch" : "turn", subscribers: this.subscribers.size });
        },
        cancel: () => this.drop(subscriber, "client"),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
    );
    return { stream, subscriber };
  }

  /** Sends what a subscriber's stream held back, as one chunk; from now on frames go straight out. */
  private release(s: Subscriber) {
    const held = s.held;
    if (!held) return;
    s.held = null;
    this.write(s, concatBytes(held));
  }

  /** A watcher sees what the open turns said so far (after `lastEventId` when resuming). */
  private replay(s: Subscriber, lastEventId: number | null) {
    for (const turn of this.turns.values()) {
      if (turn.finished && lastEventId === null) continue;
      for (const f of turn.frames) if (lastEventId === null || f.id > lastEventId) this.write(s, f.bytes);
    }
  }

  private drop(subscriber: Subscriber, reason: "done" | "client" | "dropped") {
    if (!this.subscribers.delete(subscriber)) return;
    record(this.env, {
      kind: "sse_close",
      room: this.roomNumber(),
      stream: subscriber.turnId === null ? "watch" : "turn",
      reason,
      subscribers: this.subscribers.size,
      ms: Date.now() - subscriber.openedAt,
    });
    if (this.subscribers.size === 0 && this.heartbeat !== null) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  private keepAlive() {
    this.heartbeat ??= setInterval(() => this.tick(), HEARTBEAT_MS);
  }

  /** Every HEARTBEAT_MS while anyone listens: the comment that keeps proxies open, and the room's gauge of open streams. */
  private tick() {
    for (const s of this.subscribers) this.write(s, HEARTBEAT);
    if (this.subscribers.size > 0) record(this.env, { kind: "sse_active", room: this.roomNumber(), subscribers: this.subscribers.size, periodS: HEARTBEAT_MS / 1000 });
  }

  private write(s: Subscriber, bytes: Uint8Array) {
    if (s.held) {
      s.held.push(bytes);
      return;
    }
    try {
      if ((s.controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) throw new Error("subscriber too slow");
      s.controller.enqueue(bytes);
    } catch {
      this.close(s, true);
    }
  }

  private close(s: Subscriber, failed = false) {
    this.drop(s, failed ? "dropped" : "done");
    try {
      if (failed) s.controller.error(new Error("dropped"));
      else s.controller.close();
    } catch {
      // Already closed by the client.
    }
  }

  /** The room's id, from the object's name ("room:12"); 0 if it was made some other way. */
  private roomNumber(): number {
    return Number(this.ctx.id.name?.slice(5)) || 0;
  }

  private nextId(): number {
    return ++this.seq;
  }

  /** Records a frame in its turn and sends it to the turn's own stream and every watcher. */
  private emit(turn: Turn, event: SseEvent, data: Record<string, unknown>, fail?: string) {
    const f = frame(this.nextId(), event, { turn_id: turn.start.turnId, ...data }, fail);
    turn.frames.push(f);
    for (const s of this.subscribers) if (s.turnId === null || s.turnId === turn.start.turnId) this.write(s, f.bytes);
  }

  // ------------------------------------------------------------------ the turn

  private async startTurn(start: TurnStart) {
    const experts = Object.fromEntries(
      Object.keys(EXPERTS).map((id) => [id, { status: "pending", attempt: 0, sent: "", current: "", answer: null, error: null, saved: false } satisfies ExpertState]),
    ) as Record<ExpertId, ExpertState>;
    const turn: Turn = { start, experts, coordinatorQueued: false, finished: false, deadline: Date.now() + this.deadlineMs(), saveDue: null, saveFailures: 0, frames: [] };
    this.turns.set(start.turnId, turn);
    this.forgetOldTurns();
    this.emit(turn, "turn", this.turnData(start));
    this.persist(turn);
    try {
      await this.env.EXPERT_JOBS.sendBatch(PANEL.map((expert) => ({ body: this.job(start, expert, []) })));
    } catch (err) {
      // The message is stored; the turn ends failed, and the retry route can run it again.
      console.error(JSON.stringify({ level: "error", msg: "could not queue the panel", requestId: start.requestId, turn: start.turnId, error: String(err) }));
      for (const e of Object.values(turn.experts)) Object.assign(e, { status: "failed", error: "queue unavailable" } satisfies Partial<ExpertState>);
      this.emit(turn, "error", { retryable: true }, "전문가들에게 질문을 전하지 못했어요. 다시 시도해 주세요. (Could not reach the stylists; please retry.)");
      turn.finished = true;
      this.persist(turn);
      for (const s of this.subscribers) if (s.turnId === start.turnId) this.close(s);
    }
    // The deadline's alarm after the jobs are out: storage is no reason to keep them waiting.
    await this.schedule();
  }

  private turnData(start: TurnStart) {
    return { room_id: start.roomId, message_id: start.messageId, user_input: start.question, image_url: start.imageUrl };
  }

  private deadlineMs(): number {
    return config(this.env).llm.turnDeadlineMs;
  }

  // ------------------------------------------------------------------ durability

  /** Writes the turn's state (not its frames) to storage; the output gate holds replies until it is. */
  private persist(turn: Turn) {
    const { frames: _frames, experts, ...rest } = turn;
    const kept = Object.fromEntries(Object.entries(experts).map(([id, { sent: _s, current: _c, ...e }]) => [id, e]));
    void this.ctx.storage.put(TURN_KEY + turn.start.turnId, { ...rest, experts: kept } as StoredTurn);
  }

  /** A stored turn after a restart: its state, and the frames a resuming subscriber needs. */
  private revive(stored: StoredTurn) {
    const experts = Object.fromEntries(
      Object.entries(stored.experts).map(([id, e]) => [id, { ...e, sent: e.status === "pending" ? RESTARTED : "", current: "" }]),
    ) as Record<ExpertId, ExpertState>;
    const turn: Turn = { ...stored, experts, frames: [] };
    this.turns.set(turn.start.turnId, turn);
    this.emit(turn, "turn", this.turnData(turn.start));
    for (const id of Object.keys(EXPERTS) as ExpertId[]) {
      const state = experts[id];
      if (state.status === "failed") this.emit(turn, "error", { ...this.header(turn, id), retryable: true }, `${EXPERTS[id].name[turn.start.language]}: ${state.error}`);
      if (state.status !== "done" || !state.answer) continue;
      // A subscriber resuming may hold part of this text already: it starts again.
      this.emit(turn, "reset", { ...this.header(turn, id), attempt: state.attempt });
      this.emit(turn, "content", { ...this.header(turn, id), message: state.answer.text, attempt: state.attempt });
      state.sent = state.answer.text;
      // The coordinator's `complete` follows the save (finish), as on the first run.
      if (id !== COORDINATOR || state.saved) this.emit(turn, "complete", this.completion(turn, id, state.answer));
    }
  }

  /** The alarm at the nearest deadline or save retry of the turns in flight (none when all are done). */
  private async schedule() {
    const due = [...this.turns.values()].filter((t) => !t.finished).map((t) => t.saveDue ?? t.deadline);
    if (due.length) await this.ctx.storage.setAlarm(Math.min(...due));
    else await this.ctx.storage.deleteAlarm();
  }

  override async alarm() {
    const now = Date.now();
    for (const turn of [...this.turns.values()]) {
      if (turn.finished) continue;
      if (turn.saveDue !== null && turn.saveDue <= now) await this.finish(turn);
      else if (turn.deadline <= now) await this.expire(turn);
    }
    await this.schedule();
  }

  /** The deadline passed with experts still out: each ends in an error and a dead-letter record. */
  private async expire(turn: Turn) {
    const late = (Object.keys(turn.experts) as ExpertId[]).filter((e) => turn.experts[e].status === "pending");
    const seconds = Math.round(this.deadlineMs() / 1000);
    await Promise.all(
      late.map((expert) => recordFailedJob(this.env, failedExpertJob(this.job(turn.start, expert, []), turn.experts[expert].attempt), `deadline: no answer within ${seconds} s`)),
    );
    for (const expert of late) {
      Object.assign(turn.experts[expert], { status: "failed", error: "답변이 너무 늦어졌어요. 다시 시도해 주세요. (No answer in time; please retry.)" } satisfies Partial<ExpertState>);
      this.emit(turn, "error", { ...this.header(turn, expert), retryable: true }, `${EXPERTS[expert].name[turn.start.language]}: ${turn.experts[expert].error}`);
      console.warn(JSON.stringify({ level: "warn", msg: "expert past the turn's deadline", requestId: turn.start.requestId, turn: turn.start.turnId, expert }));
    }
    await this.finish(turn);
  }

  private job(start: TurnStart, expert: ExpertId, peers: ExpertJob["peers"]): ExpertJob {
    return {
      roomId: start.roomId,
      userId: start.userId,
      turnId: start.turnId,
      expert,
      question: start.question,
      photoKey: start.photoKey,
      peers,
      requestId: start.requestId,
      context: start.context,
    };
  }

  private forgetOldTurns() {
    const finished = [...this.turns.values()].filter((t) => t.finished);
    for (const t of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED_TURNS))) {
      this.turns.delete(t.start.turnId);
      void this.ctx.storage.delete(TURN_KEY + t.start.turnId);
    }
  }

  private expertOf(turnId: string, expert: ExpertId): { turn: Turn; state: ExpertState } | null {
    const turn = this.turns.get(turnId);
    const state = turn?.experts[expert];
    return turn && state && state.status === "pending" ? { turn, state } : null;
  }

  // ------------------------------------------------------------------ RPC from the consumer

  /**
   * A piece of an expert's answer from delivery `attempt`. A retried delivery starts its text
   * again: what subscribers already have is not sent twice, and if the new text differs
   * from it, a `reset` event tells them to clear that expert's text first.
   * Answers false when the turn is unknown or the expert already finished (stop writing).
   */
  async delta(turnId: string, expert: ExpertId, attempt: number, text: string): Promise<boolean> {
    const found = this.expertOf(turnId, expert);
    if (!found) return false;
    const { turn, state } = found;
    if (attempt < state.attempt) return false; // a stale delivery still running
    if (attempt > state.attempt) {
      state.attempt = attempt;
      state.current = "";
    }
    state.current += text;
    const fresh = this.unsent(turn, expert, state);
    if (fresh) this.emit(turn, "content", { ...this.header(turn, expert), message: fresh, attempt });
    return true;
  }

  /** The part of the current attempt's text that subscribers have not seen yet. */
  private unsent(turn: Turn, expert: ExpertId, state: ExpertState): string {
    const { sent, current } = state;
    if (current.length <= sent.length && sent.startsWith(current)) return "";
    if (current.startsWith(sent)) {
      state.sent = current;
      return current.slice(sent.length);
    }
    this.emit(turn, "reset", { ...this.header(turn, expert), attempt: state.attempt });
    state.sent = current;
    return current;
  }

  async complete(turnId: string, expert: ExpertId, attempt: number, answer: Omit<Answer, "completedAt">): Promise<boolean> {
    const found = this.expertOf(turnId, expert);
    if (!found || attempt < found.state.attempt) return false;
    const { turn, state } = found;
    state.attempt = attempt;
    state.current = answer.text;
    const fresh = this.unsent(turn, expert, state);
    if (fresh) this.emit(turn, "content", { ...this.header(turn, expert), message: fresh, attempt });
    state.status = "done";
    state.answer = { ...answer, completedAt: Date.now() };
    this.persist(turn);
    if (expert === COORDINATOR) await this.finish(turn);
    else {
      this.emit(turn, "complete", this.completion(turn, expert, state.answer));
      await this.afterPanelAnswer(turn);
    }
    return true;
  }

  /** The expert's last delivery failed: tell subscribers, and go on without it. */
  async fail(turnId: string, expert: ExpertId, reason: string): Promise<boolean> {
    const found = this.expertOf(turnId, expert);
    if (!found) return false;
    const { turn, state } = found;
    state.status = "failed";
    state.error = reason;
    this.persist(turn);
    const message = `${EXPERTS[expert].name[turn.start.language]}: ${reason}`;
    this.emit(turn, "error", { ...this.header(turn, expert), retryable: true }, message);
    if (expert === COORDINATOR) await this.finish(turn);
    else await this.afterPanelAnswer(turn);
    return true;
  }

  /** When the panel is through: the coordinator's turn, or (after a retry) the save. */
  private async afterPanelAnswer(turn: Turn) {
    if (PANEL.some((e) => turn.experts[e].status === "pending")) return;
    const coordinator = turn.experts[COORDINATOR];
    if (coordinator.status !== "pending") return this.finish(turn);
    if (turn.coordinatorQueued) return;
    turn.coordinatorQueued = true;
    this.persist(turn);
    const peers = PANEL.flatMap((e) => {
      const a = turn.experts[e].answer;
      return a ? [{ expert: e, text: a.text, product_ids: a.products.map((p) => p.product_id) }] : [];
    });
    await this.env.EXPERT_JOBS.send(this.job(turn.start, COORDINATOR, peers));
  }

  /**
   * Saves the turn's new answers in one D1 batch, then sends the coordinator's `complete`
   * (so a reload after it finds everything in history) and closes the turn's streams. When
   * D1 refuses the batch, nothing of it is stored: the answers stay here and the alarm tries
   * again (0.5 s, 1 s, 2 s… up to the deadline, then an error the user's retry can clear).
   */
  private async finish(turn: Turn) {
    const unsaved = (Object.keys(turn.experts) as ExpertId[]).filter((e) => turn.experts[e].answer && !turn.experts[e].saved);
    try {
      await saveAnswers(
        this.env.DB,
        turn.start,
        unsaved.map((expert) => ({ expert, answer: turn.experts[expert].answer! })),
      );
    } catch (err) {
      turn.saveFailures++;
      console.error(JSON.stringify({ level: "error", msg: "could not save the turn's answers", requestId: turn.start.requestId, turn: turn.start.turnId, tries: turn.saveFailures, error: String(err) }));
      const next = Date.now() + Math.min(30_000, 500 * 2 ** (turn.saveFailures - 1));
      if (next < turn.deadline) {
        turn.saveDue = next;
      } else {
        turn.saveDue = null;
        turn.finished = true;
        this.emit(turn, "error", { ...this.header(turn, COORDINATOR), retryable: true }, "답변을 저장하지 못했어요. 다시 시도해 주세요. (Could not save the answers; please retry.)");
        for (const s of this.subscribers) if (s.turnId === turn.start.turnId) this.close(s);
      }
      this.persist(turn);
      await this.schedule();
      return;
    }
    turn.saveDue = null;
    for (const e of unsaved) turn.experts[e].saved = true;
    const coordinator = turn.experts[COORDINATOR];
    if (coordinator.answer && unsaved.includes(COORDINATOR)) this.emit(turn, "complete", this.completion(turn, COORDINATOR, coordinator.answer));
    turn.finished = true;
    this.persist(turn);
    await this.schedule();
    for (const s of this.subscribers) if (s.turnId === turn.start.turnId) this.close(s);
  }

  private header(turn: Turn, expert: ExpertId) {
    return agentHeader(expert, turn.start.language);
  }

  private completion(turn: Turn, expert: ExpertId, answer: Answer) {
    return { ...this.header(turn, expert), message: answer.text, products: answer.products, engine: answer.engine, model: answer.model };
  }

  // ------------------------------------------------------------------ RPC from routes

  /**
   * Runs the failed experts of a finished turn again (the user's retry button); the
   * coordinator runs again only if it failed itself. Answers that could not be saved are
   * saved now. The turn gets a new deadline.
   */
  async retry(turnId: string): Promise<{ retried: ExpertId[] } | null> {
    const turn = this.turns.get(turnId);
    if (!turn || !turn.finished) return null;
    const failed = (Object.keys(turn.experts) as ExpertId[]).filter((e) => turn.experts[e].status === "failed");
    const unsaved = (Object.keys(turn.experts) as ExpertId[]).some((e) => turn.experts[e].answer && !turn.experts[e].saved);
    if (failed.length === 0 && !unsaved) return { retried: [] };
    Object.assign(turn, { finished: false, deadline: Date.now() + this.deadlineMs(), saveDue: null, saveFailures: 0 } satisfies Partial<Turn>);
    if (failed.length === 0) {
      await this.finish(turn);
      return { retried: [] };
    }
    for (const e of failed) Object.assign(turn.experts[e], { status: "pending", attempt: 0, sent: "", current: "", error: null } satisfies Partial<ExpertState>);
    if (failed.includes(COORDINATOR)) turn.coordinatorQueued = false;
    this.persist(turn);
    await this.schedule();
    const panel = failed.filter((e) => e !== COORDINATOR);
    if (panel.length) await this.env.EXPERT_JOBS.sendBatch(panel.map((e) => ({ body: this.job(turn.start, e, []) })));
    else await this.afterPanelAnswer(turn);
    return { retried: failed };
  }

  /**
   * News about the room that is not part of a turn (a try-on started from it has finished):
   * to the watchers open now, not kept for later ones.
   */
  async notify(event: "fitting", data: Record<string, unknown>): Promise<void> {
    const f = frame(this.nextId(), event, data);
    for (const s of this.subscribers) if (s.turnId === null) this.write(s, f.bytes);
  }

  /** Subscribers open now (for tests and metrics). */
  async subscriberCount(): Promise<number> {
    return this.subscribers.size;
  }
}
