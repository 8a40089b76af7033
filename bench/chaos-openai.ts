// A fake OpenAI Chat Completions endpoint that fails at a given rate, for bench/faults.ts:
// each streamed request, with probability `rate`, gets one of the faults a real service
// shows (a 500, a 429 with `retry-after`, a stream cut after two deltas, a stream that ends
// without `finish_reason`/[DONE], a stream that goes silent until the client gives up);
// otherwise the whole answer in the real wire format. The draws come from a seeded PRNG, so
// a run can be repeated. `counts` says how many of each it served.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const FAULTS = ["500", "429", "cut", "early", "stall"] as const;
export type Fault = (typeof FAULTS)[number];

const ANSWER =
  "면접에는 네이비 싱글 블레이저에 흰 옥스퍼드 셔츠, 차콜 슬랙스가 가장 안전해요. " +
  "구두는 검정 더비로 맞추고, 벨트 색도 구두와 같게 하면 전체가 단정해 보여요. " +
  "For the interview: a navy blazer, a white oxford shirt and charcoal trousers read calm and prepared.";

/** mulberry32: a small, good-enough seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startChaosOpenAI(rate: number, seed = 8): Promise<{ baseURL: string; counts: Record<Fault | "ok", number>; close: () => Promise<void> }> {
  const random = prng(seed);
  const counts: Record<Fault | "ok", number> = { ok: 0, "500": 0, "429": 0, cut: 0, early: 0, stall: 0 };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    // Answer only once the request is read: workerd returns 500 to a fetch answered earlier.
    req.on("end", () => {
      const request = JSON.parse(body || "{}") as { model?: string };
      const fault: Fault | null = random() < rate ? FAULTS[Math.floor(random() * FAULTS.length)]! : null;
      counts[fault ?? "ok"]++;
      const error = (status: number, message: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify({ error: { message, type: status === 429 ? "requests" : "server_error", param: null, code: status === 429 ? "rate_limit_exceeded" : null } }));
      };
      if (fault === "500") return error(500, "The server had an error while processing your request. Sorry about that!");
      if (fault === "429") return error(429, "Rate limit reached for requests per min (RPM).", { "retry-after": "1" });
      const base = { id: "chatcmpl-chaos", object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model: request.model ?? "gpt-fake" };
      const chunk = (delta: object, finish: string | null = null) => `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
      const words = ANSWER.split(/(?<= )/);
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
      const head = chunk({ role: "assistant", content: "" }) + words.slice(0, 2).map((w) => chunk({ content: w })).join("");
      if (fault === "cut") {
        res.write(head);
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      if (fault === "early") return res.end(head);
      if (fault === "stall") {
        res.write(head); // then nothing, until the engine's idle timeout gives up on it
        return;
      }
      res.end(chunk({ role: "assistant", content: "" }) + words.map((w) => chunk({ content: w })).join("") + chunk({}, "stop") + "data: [DONE]\n\n");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
