// The room's fan-out to its watchers (worker/chat/room.ts, the stream part): a watcher that
// stops reading is dropped once it is MAX_BUFFERED_BYTES behind, without holding up or
// costing the watchers that read; its stream ends in an error (EventSource reconnects and
// resumes with Last-Event-ID), and the room no longer counts it.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { roomStub } from "../../worker/chat/expert-job";
import { Browser } from "../client";

/** A watcher that reads everything: the `fitting` events' sequence numbers it has seen. */
function reader(res: Response) {
  const seen: number[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  const r = res.body!.getReader();
  const reading = (async () => {
    for (;;) {
      const { done, value } = await r.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const n = /^event: fitting$/m.test(block) ? /"n":(\d+)/.exec(block)?.[1] : undefined;
        if (n !== undefined) seen.push(Number(n));
      }
    }
  })();
  return { seen, reading, stop: () => r.cancel() };
}

async function until(test: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("a watcher that stops reading", () => {
  it("is dropped past the room's buffer bound while the readers get every event", async () => {
    const browser = new Browser();
    await browser.devLogin(`slow-${crypto.randomUUID().slice(0, 6)}`);
    const sent = await browser.json<{ room_id: number }>("/api/chat/send", { method: "POST", body: { content: "데일리룩" } });
    const room = roomStub(env, sent.body.data.room_id);
    const path = `/api/chat/rooms/${sent.body.data.room_id}/events`;
    const before = await room.subscriberCount();

    const readers = [reader(await browser.fetch(path)), reader(await browser.fetch(path))];
    const slow = await browser.fetch(path); // never read
    await until(async () => (await room.subscriberCount()) === before + 3);

    // 24 events of 128 KiB: 3 MiB, three times what the room keeps for one watcher.
    const pad = "x".repeat(128 * 1024);
    let droppedAfter: number | null = null;
    for (let n = 1; n <= 24; n++) {
      await room.notify("fitting", { n, pad });
      // The readers keep up: each has this event before the next one goes out.
      await until(() => readers.every((r) => r.seen.at(-1) === n));
      if (droppedAfter === null && (await room.subscriberCount()) === before + 2) droppedAfter = n;
    }
    expect(droppedAfter).not.toBeNull();
    expect(droppedAfter!).toBeGreaterThanOrEqual(8); // not before it is 1 MiB behind
    for (const r of readers) expect(r.seen).toEqual(Array.from({ length: 24 }, (_, k) => k + 1));

    // What the slow watcher was sent before the drop is still there to read; then its stream errors.
    const r = slow.body!.getReader();
    await expect(
      (async () => {
        for (;;) if ((await r.read()).done) return "ended";
      })(),
    ).rejects.toThrow();

    expect(await room.subscriberCount()).toBe(before + 2);
    for (const reader of readers) {
      await reader.stop();
      await reader.reading.catch(() => {});
    }
  });
});
