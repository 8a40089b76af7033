// The benchmarks' SSE reading: events split out of a stream as they arrive, each stamped with
// the time its read happened, and the lean subscriber (a bare TCP socket) that lets one Node
// thread hold thousands of streams (bench/chat.ts's fan-out, bench/load.ts's watchers).
import type http from "node:http";
import net from "node:net";

export type Event = { event: string; data: string; at: number; wall: number };

/** Hands every whole event in `buffer` to `onEvent` (stamped with its read's times); returns the rest. */
export function takeEvents(buffer: string, at: number, wall: number, onEvent: (e: Event) => void): string {
  let end: number;
  while ((end = buffer.indexOf("\n\n")) >= 0) {
    const block = buffer.slice(0, end);
    buffer = buffer.slice(end + 2);
    const event = /^event: (.*)$/m.exec(block)?.[1];
    if (event) onEvent({ event, data: /^data: (.*)$/m.exec(block)?.[1] ?? "", at, wall });
  }
  return buffer;
}

export type Stream = { close: () => void; ended: Promise<void>; headers: http.IncomingHttpHeaders };

/**
 * The fan-out's subscriber: the same stream over a bare TCP socket, parsed as little as the
 * measurement needs. A thousand of them share one Node thread, and with Node's HTTP client
 * (chunked decoding, a UTF-8 decoder, an object per read) that thread was the slowest part of
 * a broadcast: the runtime's own floor then took 87 ms at p99. Here a read is timed first,
 * kept as latin1 (only ASCII fields are looked at), and split into events; the status line
 * and the chunked-encoding size lines are skipped by the event-line regex.
 */
export function openLeanStream(base: string, path: string, headers: Record<string, string>, onEvent: (e: Event) => void): Promise<Stream> {
  const { hostname, port } = new URL(base);
  return new Promise<Stream>((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    socket.setNoDelay(true);
    const ended = new Promise<void>((done) => socket.on("close", () => done()));
    const head = Object.entries({ host: `${hostname}:${port}`, accept: "text/event-stream", ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
    socket.write(`GET ${path} HTTP/1.1\r\n${head.join("")}\r\n`);
    let buffer = "";
    let opened = false;
    socket.on("error", (err) => (opened ? undefined : reject(err)));
    socket.on("data", (chunk: Buffer) => {
      const at = performance.now();
      const wall = Date.now();
      buffer += chunk.toString("latin1");
      if (!opened) {
        const status = /^HTTP\/1\.1 (\d+)/.exec(buffer)?.[1];
        if (status === undefined) return;
        if (status !== "200") return reject(new Error(`GET ${path}: ${status}`)), socket.destroy();
        opened = true;
        resolve({ close: () => socket.destroy(), ended, headers: {} });
      }
      buffer = takeEvents(buffer, at, wall, onEvent);
    });
  });
}

export const isCoordinatorComplete = (e: Event) => e.event === "complete" && e.data.includes('"agent_id":"fitting_coordinator"');
