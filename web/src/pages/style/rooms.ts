// The user's chat rooms for the list beside the conversation, most recently active first:
// the first page on entry and again whenever a turn ends (so the room just used comes to
// the top), older ones on demand.
import { createSignal, onMount } from "solid-js";
import { fetchRooms, type RoomSummary } from "../../api/chat";

export type RoomList = ReturnType<typeof createRoomList>;

export function createRoomList() {
  const [rooms, setRooms] = createSignal<RoomSummary[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [status, setStatus] = createSignal<"loading" | "ready" | "failed">("loading");
  const [failure, setFailure] = createSignal<unknown>(null);
  let latest = 0;

  async function load(after: string | null) {
    const request = ++latest;
    setStatus("loading");
    try {
      const page = await fetchRooms(after);
      if (request !== latest) return;
      setRooms(after ? [...rooms(), ...page.rooms] : page.rooms);
      setCursor(page.has_more ? page.next_cursor : null);
      setStatus("ready");
    } catch (err) {
      if (request !== latest) return;
      setFailure(err);
      setStatus("failed");
    }
  }

  onMount(() => void load(null));

  return {
    rooms,
    status,
    failure,
    hasMore: () => cursor() !== null,
    loadMore: () => void load(cursor()),
    /** The first page again (a refresh keeps the rooms shown until it arrives). */
    refresh: () => void load(null),
  };
}
