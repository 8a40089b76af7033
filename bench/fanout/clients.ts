// A child process of bench/fanout.ts that holds subscribers: lean SSE streams (bench/sse.ts's
// bare TCP sockets) or lean WebSockets (below), so that the clients' file descriptors and
// their reading are spread over processes of their own, not counted against the bench's or
// workerd's. The parent drives it over IPC:
//   {op: "open", url, paths, headers, kind}  → {op: "opened", opened, errors}
//   {op: "arm", marker, end}                 → {op: "armed"}; then, when every subscriber has
//        seen the round's `end` event (or `timeoutMs` passed): {op: "round", arrivals, stamps,
//        walls} (per subscriber: the monotonic time its `marker` event was read, in ms; the
//        event's own timestamp, the server's clock; and the wall clock at that read)
//   {op: "close"}                            → {op: "closed"}
// Times are process.hrtime (CLOCK_MONOTONIC), the same clock in every process of the machine.
import { randomBytes } from "node:crypto";
import net from "node:net";
import { openLeanStream, type Event } from "../sse.ts";

type Sub = { close: () => void; closed: boolean };
type Round = { marker: string; end: string; arrivals: number[]; ends: number[]; stamps: number[]; walls: number[]; ended: boolean[]; left: number; timer: NodeJS.Timeout };

const subs: Sub[] = [];
let round: Round | null = null;
const now = () => Number(process.hrtime.bigint()) / 1e6;
/** performance.now() (bench/sse.ts stamps each read with it) on the hrtime scale: both are the monotonic clock. */
const PERF_TO_HR = now() - performance.now();
const send = (m: unknown) => process.send!(m);

function onEvent(i: number, e: Event, at: number) {
  const r = round;
  if (!r) return;
  if (e.event === r.marker && Number.isNaN(r.arrivals[i]!)) {
    r.arrivals[i] = at;
    r.stamps[i] = Number(/"(?:timestamp|at)":(\d+)/.exec(e.data)?.[1]);
    r.walls[i] = e.wall;
  }
  const isEnd = r.end === "coordinator" ? e.event === "complete" && e.data.includes('"agent_id":"fitting_coordinator"') : e.event === r.end;
  if (isEnd && !r.ended[i] && !Number.isNaN(r.arrivals[i]!)) {
    r.ended[i] = true;
    r.ends[i] = at;
    if (--r.left === 0) finish();
  }
}

function finish() {
  const r = round;
  if (!r) return;
  clearTimeout(r.timer);
  round = null;
  send({ op: "round", arrivals: r.arrivals, ends: r.ends, stamps: r.stamps, walls: r.walls });
}

/**
 * A WebSocket client as lean as the SSE one: the upgrade written by hand, server frames
 * (unmasked) split out of the bytes as they arrive, text messages handed on as events whose
 * name is the JSON's `type`. Pings are answered (masked, as a client must).
 */
function openLeanSocket(base: string, path: string, headers: Record<string, string>, onMessage: (e: Event) => void): Promise<Sub> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    socket.setNoDelay(true);
    const sub: Sub = { close: () => socket.destroy(), closed: false };
    socket.on("close", () => (sub.closed = true));
    const head = Object.entries({
      host: `${hostname}:${port}`,
      upgrade: "websocket",
      connection: "Upgrade",
      "sec-websocket-key": randomBytes(16).toString("base64"),
      "sec-websocket-version": "13",
      ...headers,
    }).map(([k, v]) => `${k}: ${v}\r\n`);
    socket.write(`GET ${path} HTTP/1.1\r\n${head.join("")}\r\n`);
    let buffer: Buffer = Buffer.alloc(0);
    let opened = false;
    socket.on("error", (err) => (opened ? undefined : reject(err)));
    socket.on("data", (chunk: Buffer) => {
      const at = now();
      const wall = Date.now();
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      if (!opened) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const status = /^HTTP\/1\.1 (\d+)/.exec(buffer.subarray(0, end).toString("latin1"))?.[1];
        if (status !== "101") return reject(new Error(`GET ${path}: ${status}`)), socket.destroy();
        opened = true;
        buffer = buffer.subarray(end + 4);
        resolve(sub);
      }
      for (;;) {
        if (buffer.length < 2) break;
        const opcode = buffer[0]! & 0x0f;
        let len = buffer[1]! & 0x7f;
        let offset = 2;
        if (len === 126) {
          if (buffer.length < 4) break;
          len = buffer.readUInt16BE(2);
          offset = 4;
        } else if (len === 127) {
          if (buffer.length < 10) break;
          len = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffer.length < offset + len) break;
        const payload = buffer.subarray(offset, offset + len);
        buffer = buffer.subarray(offset + len);
        if (opcode === 1) {
          const data = payload.toString("latin1");
          onMessage({ event: /"type":"(\w+)"/.exec(data)?.[1] ?? "message", data, at, wall });
        } else if (opcode === 9) {
          const mask = randomBytes(4);
          const masked = Buffer.from(payload.map((b, k) => b ^ mask[k % 4]!));
          socket.write(Buffer.concat([Buffer.from([0x8a, 0x80 | masked.length]), mask, masked]));
        } else if (opcode === 8) {
          socket.destroy();
        }
      }
    });
  });
}

process.on("message", async (m: { op: string; url: string; paths: string[]; headers: Record<string, string>; kind: "sse" | "ws"; marker: string; end: string; timeoutMs: number }) => {
  if (m.op === "open") {
    const errors: string[] = [];
    const from = subs.length;
    for (let i = 0; i < m.paths.length; i += 100) {
      const batch = m.paths.slice(i, i + 100).map((path, k) => {
        const index = from + i + k;
        if (m.kind === "ws") return openLeanSocket(m.url, path, m.headers, (e) => onEvent(index, e, e.at));
        return openLeanStream(m.url, path, m.headers, (e) => onEvent(index, e, e.at + PERF_TO_HR)).then((s) => {
          const sub: Sub = { close: s.close, closed: false };
          void s.ended.then(() => (sub.closed = true));
          return sub;
        });
      });
      for (const r of await Promise.allSettled(batch)) {
        if (r.status === "fulfilled") subs.push(r.value);
        else if (errors.length < 5) errors.push(String(r.reason));
        else errors.push("");
      }
    }
    send({ op: "opened", opened: subs.length - from, errors: errors.filter(Boolean), failed: errors.length });
  } else if (m.op === "arm") {
    const n = subs.length;
    round = {
      marker: m.marker,
      end: m.end,
      arrivals: new Array<number>(n).fill(NaN),
      ends: new Array<number>(n).fill(NaN),
      stamps: new Array<number>(n).fill(NaN),
      walls: new Array<number>(n).fill(NaN),
      ended: new Array<boolean>(n).fill(false),
      left: n,
      timer: setTimeout(finish, m.timeoutMs),
    };
    send({ op: "armed" });
    if (n === 0) finish();
  } else if (m.op === "count") {
    send({ op: "count", open: subs.filter((s) => !s.closed).length });
  } else if (m.op === "close") {
    for (const s of subs.splice(0)) s.close();
    send({ op: "closed" });
  }
});
