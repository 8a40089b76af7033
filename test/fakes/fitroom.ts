// A fake FitRoom (platform.fitroom.app) on loopback, speaking its try-on API: POST
// /api/tryon/v2/tasks (multipart model_image, cloth_image, cloth_type, lower_cloth_image for
// a combo, hd_mode; header X-API-KEY) → {task_id, status}; GET /api/tryon/v2/tasks/{id} →
// {task_id, status, progress, download_signed_url, error}; the result at the signed URL.
// The API key picks the scenario:
//   fr-ok       CREATED → PROCESSING (40 %, 80 %) → COMPLETED, one step per status check
//   fr-fail     PROCESSING → FAILED ("No person detected in the model image")
//   fr-slow     PROCESSING forever
//   fr-credits  402 on create; fr-busy: 429 with retry-after: 7; fr-badimage: 400
//   fr-chaos    like fr-ok, but each request (create, status check, download) fails at
//               `chaosRate` (a seeded draw): a 500, a 429 with retry-after: 1, or the
//               connection dropped (bench/faults.ts)
//   anything else: 401
// GET /__stats/{key} tells a test what the fake saw (creates, polls, the last request's parts).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import jpeg from "jpeg-js";

/** The bytes every completed task downloads: a real 8 × 8 JPEG. */
export const FITROOM_RESULT = new Uint8Array(jpeg.encode({ width: 8, height: 8, data: new Uint8Array(8 * 8 * 4).fill(200) }, 90).data);

type Part = { name: string; filename: string | null; type: string | null; size: number };
type Task = { id: string; key: string; step: number };
type Stats = { creates: number; polls: number; downloads: number; last: Part[]; values: Record<string, string> };

const CLOTH_TYPES = ["upper", "lower", "full_set", "combo"];

/** mulberry32: a small seeded PRNG, so a chaos run can be repeated. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type ChaosCounts = { ok: number; "500": number; "429": number; drop: number };

export async function startFakeFitRoom(options: { chaosRate?: number; seed?: number } = {}): Promise<{ url: string; server: Server; chaos: ChaosCounts }> {
  const random = prng(options.seed ?? 7);
  const chaos: ChaosCounts = { ok: 0, "500": 0, "429": 0, drop: 0 };
  /** For an fr-chaos request: true when it was answered with a fault. */
  const faulted = (res: import("node:http").ServerResponse): boolean => {
    const draw = random() < (options.chaosRate ?? 0) ? (["500", "429", "drop"] as const)[Math.floor(random() * 3)]! : null;
    chaos[draw ?? "ok"]++;
    if (draw === "500") res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: "Internal server error" }));
    if (draw === "429") res.writeHead(429, { "content-type": "application/json", "retry-after": "1" }).end(JSON.stringify({ message: "Too many requests" }));
    if (draw === "drop") res.socket?.destroy();
    return draw !== null;
  };
  const tasks = new Map<string, Task>();
  const stats = new Map<string, Stats>();
  const statsOf = (key: string) => {
    if (!stats.has(key)) stats.set(key, { creates: 0, polls: 0, downloads: 0, last: [], values: {} });
    return stats.get(key)!;
  };
  let next = 1;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const origin = `http://${req.headers.host}`;
    const url = new URL(req.url ?? "/", origin);
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(value));
    };

    const stat = /^\/__stats\/(.+)$/.exec(url.pathname);
    if (stat) return json(200, statsOf(decodeURIComponent(stat[1]!)));
    const result = /^\/results\/(.+)\.jpg$/.exec(url.pathname);
    if (result) {
      const task = tasks.get(result[1]!);
      if (!task || url.searchParams.get("sig") !== "ok") return json(403, { message: "Request has expired" });
      if (task.key === "fr-chaos" && faulted(res)) return;
      statsOf(task.key).downloads++;
      res.writeHead(200, { "content-type": "image/jpeg" });
      return res.end(FITROOM_RESULT);
    }

    const key = String(req.headers["x-api-key"] ?? "");
    if (!key.startsWith("fr-")) return json(401, { error: "Invalid API key" });
    if (key === "fr-chaos" && faulted(res)) return;

    if (req.method === "POST" && url.pathname === "/api/tryon/v2/tasks") {
      if (key === "fr-credits") return json(402, { error: "Insufficient credits" });
      if (key === "fr-busy") return json(429, { message: "Too many requests" }, { "retry-after": "7" });
      const form = await new Request(url, { method: "POST", headers: req.headers as Record<string, string>, body }).formData();
      const s = statsOf(key);
      s.last = [...form.entries()].map(([name, v]) => (typeof v === "string" ? { name, filename: null, type: null, size: v.length } : { name, filename: v.name, type: v.type, size: v.size }));
      s.values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string") as [string, string][]);
      const clothType = String(form.get("cloth_type") ?? "");
      const isFile = (name: string) => typeof form.get(name) === "object" && form.get(name) !== null;
      if (key === "fr-badimage") return json(400, { message: "Invalid model image" });
      if (!isFile("model_image") || !isFile("cloth_image") || !CLOTH_TYPES.includes(clothType) || (clothType === "combo") !== isFile("lower_cloth_image")) {
        return json(400, { message: "model_image, cloth_image and a valid cloth_type are required (lower_cloth_image for combo)" });
      }
      s.creates++;
      const id = `fr_task_${next++}`;
      tasks.set(id, { id, key, step: 0 });
      return json(200, { task_id: id, status: "CREATED" });
    }

    const poll = /^\/api\/tryon\/v2\/tasks\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && poll) {
      const task = tasks.get(decodeURIComponent(poll[1]!));
      if (!task || task.key !== key) return json(404, { message: "Task not found" });
      statsOf(key).polls++;
      const step = task.step++;
      const base = { task_id: task.id };
      if (key === "fr-fail") return json(200, step === 0 ? { ...base, status: "PROCESSING", progress: 10 } : { ...base, status: "FAILED", progress: 10, error: "No person detected in the model image" });
      if (key === "fr-slow") return json(200, { ...base, status: "PROCESSING", progress: 5 });
      if (step === 0) return json(200, { ...base, status: "CREATED", progress: 0 });
      if (step <= 2) return json(200, { ...base, status: "PROCESSING", progress: step * 40 });
      return json(200, { ...base, status: "COMPLETED", progress: 100, download_signed_url: `${origin}/results/${task.id}.jpg?sig=ok` });
    }
    json(404, { message: "Not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, chaos };
}
