// The open room's conversation: its turns, loaded newest page first and older pages on
// demand, and the one live stream the tab has open at a time — the turn it asked (which
// creates the room on the first message), or the room's watch stream while a turn asked
// before a reload, or an expert's retry, is still being answered.
import { batch, createSignal, onCleanup } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { EXPERT_IDS, fetchMessages, retryTurn, streamTurn, watchRoom, type ChatEvent, type ChatMessage } from "../../api/chat";
import { cachedProduct } from "../../catalog/product-cache";
import { errorText } from "../../i18n/error-text";
import { applyEvent, askedTurn, isLive, markFailed, markWaiting, prependOlder, turnsFromMessages, unanswered, type Turn } from "./turns";

/** How long a watch may stay silent about the turn it was opened for before giving up on it. */
const RESUME_GRACE_MS = 4000;
/** How long a room's newest page waits for its products before it shows with placeholders. */
const PRODUCTS_WAIT_MS = 1000;

const withinMs = (ms: number, work: Promise<unknown>) => Promise.race([work, new Promise((done) => setTimeout(done, ms))]);
const productIdsOf = (messages: ChatMessage[]) => [...new Set(messages.flatMap((m) => m.products.map((p) => p.product_id)))];

export type Conversation = ReturnType<typeof createConversation>;

export function createConversation(hooks: { roomCreated: (roomId: number) => void; turnEnded: () => void }) {
  const [state, setState] = createStore<{ turns: Turn[] }>({ turns: [] });
  const [roomId, setRoomId] = createSignal<number | null>(null);
  const [loading, setLoading] = createSignal<"newest" | "older" | null>(null);
  const [loadFailure, setLoadFailure] = createSignal<{ error: unknown; older: boolean } | null>(null);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [streaming, setStreaming] = createSignal(false);
  const [broken, setBroken] = createSignal(false);
  let pageLoad: AbortController | undefined;
  let live: AbortController | undefined;
  let asked = 0;

  const update = (change: (turns: Turn[]) => void) => setState(produce((s) => change(s.turns)));
  const apply = (event: ChatEvent, pendingKey?: string) => update((turns) => applyEvent(turns, event, pendingKey));
  const findIn = (turns: Turn[], key: string) => turns.find((t) => t.key === key || t.turnId === key);
  const find = (key: string) => findIn(state.turns, key);
  /** Changes one turn, when it is still shown. */
  const updateTurn = (key: string, change: (turn: Turn) => void) =>
    update((turns) => {
      const turn = findIn(turns, key);
      if (turn) change(turn);
    });

  /** Ends the live stream, if any, and makes the next one the live one. */
  function goLive(): AbortController {
    live?.abort();
    const controller = (live = new AbortController());
    setStreaming(true);
    return controller;
  }

  function endLive(controller: AbortController) {
    if (live !== controller) return;
    live = undefined;
    setStreaming(false);
    hooks.turnEnded();
  }

  /** Shows a room from its newest messages, or a new chat (null). */
  function open(id: number | null) {
    live?.abort();
    live = undefined;
    pageLoad?.abort();
    batch(() => {
      setRoomId(id);
      setState("turns", []);
      setCursor(null);
      setStreaming(false);
      setBroken(false);
      setLoadFailure(null);
    });
    if (id !== null) void loadNewest(id, true);
  }

  async function loadPage(id: number, older: boolean) {
    pageLoad?.abort();
    const controller = (pageLoad = new AbortController());
    setLoading(older ? "older" : "newest");
    setLoadFailure(null);
    try {
      const page = await fetchMessages(id, older ? cursor() : null, controller.signal);
      // A room's newest page comes with its answers' products: they are fetched before it
      // shows (for a moment at most), so that the conversation is laid out once, whole, rather
      // than once for its text and again as each card arrives (on a phone each layout of a
      // long room is tens of milliseconds of a busy main thread).
      if (!older) await withinMs(PRODUCTS_WAIT_MS, Promise.allSettled(productIdsOf(page.messages).map(cachedProduct)));
      return controller.signal.aborted ? null : page;
    } catch (error) {
      if (!controller.signal.aborted) setLoadFailure({ error, older });
      return null;
    } finally {
      if (pageLoad === controller) setLoading(null);
    }
  }

  async function loadNewest(id: number, resume: boolean) {
    const page = await loadPage(id, false);
    if (!page) return;
    batch(() => {
      setState("turns", turnsFromMessages(page.messages));
      setCursor(page.has_more ? page.next_cursor : null);
    });
    const last = state.turns.at(-1);
    if (resume && last?.turnId && last.question && Object.keys(last.answers).length === 0) void resumeTurn(id, last.turnId);
  }

  /** Loads the page before the oldest shown; true when it brought one. */
  async function loadOlder(): Promise<boolean> {
    const id = roomId();
    if (id === null || loading() || !cursor()) return false;
    const page = await loadPage(id, true);
    if (!page || roomId() !== id) return false;
    batch(() => {
      update((turns) => prependOlder(turns, turnsFromMessages(page.messages)));
      setCursor(page.has_more ? page.next_cursor : null);
    });
    return true;
  }

  /**
   * Asks the stylists. Resolves as soon as the room has taken the message (its first event)
   * while the answers go on streaming; rejects, showing nothing, when it could not be sent.
   */
  function send(question: { text: string; imageUrl: string | null }): Promise<void> {
    const key = `asked-${++asked}`;
    const controller = goLive();
    setBroken(false);
    update((turns) => turns.push(askedTurn(key, null, question)));
    return new Promise((accepted, refused) => {
      let heard = false;
      const onEvent = (event: ChatEvent) => {
        if (!heard) accepted();
        heard = true;
        if (event.type !== "room") return apply(event, key);
        setRoomId(event.roomId);
        hooks.roomCreated(event.roomId);
      };
      streamTurn(roomId(), question, { signal: controller.signal, onEvent })
        .then(() => {
          const turn = find(key);
          if (turn && isLive(turn)) setBroken(true); // the stream ended before the coordinator did
        })
        .catch((err: unknown) => {
          if (controller.signal.aborted) return;
          if (heard) return void setBroken(true);
          update((turns) => turns.splice(turns.findIndex((t) => t.key === key), 1));
          refused(err);
        })
        .finally(() => {
          accepted(); // a stream that ended or was left without a word: nothing more to wait for
          endLive(controller);
        });
    });
  }

  /**
   * Follows a turn on the room's watch stream until none of its experts is still answering.
   * `connected` runs once the watch is open, before anything is asked of the room.
   */
  async function follow(id: number, turnId: string, connected: (watch: { controller: AbortController; heard: () => boolean }) => void) {
    const controller = goLive();
    let heard = false;
    try {
      await watchRoom(id, {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.type === "connect") return connected({ controller, heard: () => heard });
          if (event.type !== "room" && event.turnId === turnId) heard = true;
          apply(event);
          const turn = find(turnId);
          if (turn && !isLive(turn)) controller.abort();
        },
      });
      setBroken(true); // the server closed a watch that should still be open
    } catch {
      if (!controller.signal.aborted) setBroken(true);
    } finally {
      endLive(controller);
    }
  }

  /**
   * A turn asked before a reload, still being answered: the watch replays its events so far.
   * If the room no longer knows the turn, its answers may have been stored in the meantime,
   * so the newest page is read once more.
   */
  function resumeTurn(id: number, turnId: string) {
    updateTurn(turnId, (turn) => markWaiting(turn, EXPERT_IDS));
    return follow(id, turnId, (watch) =>
      setTimeout(() => {
        if (watch.heard() || watch.controller.signal.aborted) return;
        watch.controller.abort();
        void loadNewest(id, false);
      }, RESUME_GRACE_MS),
    );
  }

  /** Runs a finished turn's failed experts again, following their answers on the watch. */
  async function retry(turnId: string) {
    const id = roomId();
    const turn = find(turnId);
    if (id === null || !turn) return;
    const experts = unanswered(turn);
    updateTurn(turnId, (turn) => markWaiting(turn, experts));
    await follow(id, turnId, ({ controller }) =>
      retryTurn(id, turnId).then(
        ({ retried }) => {
          if (retried.length > 0) return updateTurn(turnId, (turn) => markFailed(turn, experts.filter((e) => !retried.includes(e)), null));
          // The room has nothing left to retry: the answers were stored after all.
          controller.abort();
          void loadNewest(id, false);
        },
        (err: unknown) => {
          controller.abort();
          updateTurn(turnId, (turn) => markFailed(turn, experts, errorText(err)));
        },
      ),
    );
  }

  onCleanup(() => {
    live?.abort();
    pageLoad?.abort();
  });

  return {
    turns: () => state.turns,
    roomId,
    loading,
    loadFailure,
    hasOlder: () => cursor() !== null,
    streaming,
    broken,
    open,
    loadOlder,
    /** The room as stored now (after a failed load or a broken stream), following a turn still in flight. */
    reopen: () => open(roomId()),
    send,
    retry,
  };
}
