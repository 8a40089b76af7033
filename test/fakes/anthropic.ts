// A fake Anthropic Messages endpoint (`POST /v1/messages`, `stream: true`) that speaks the
// real event stream: message_start, content_block_start, ping, content_block_delta
// (text_delta) …, content_block_stop, message_delta, message_stop — each as
// `event: <type>\ndata: {json}\n\n`. It checks the key (`x-api-key`, or `Authorization: Bearer`,
// which is how @anthropic-ai/sdk 1.x sends an API key) and `anthropic-version`. The real
// `@anthropic-ai/sdk` in the Worker talks to it.
//
// The API key picks the scenario, so tests running in parallel never share state; requests
// are recorded per key and read back with `GET /__requests?key=…`.
//   sk-ant-test-…          a normal answer that echoes what the model was given (below)
//   sk-ant-bad-…           401 authentication_error
//   sk-ant-fail-429-…      429 rate_limit_error with retry-after: 12
//   sk-ant-fail-500-…      500 api_error
//   sk-ant-fail-529-…      529 overloaded_error
//   sk-ant-fail-error-…    two deltas, then `event: error` with overloaded_error
//   sk-ant-fail-cut-…      two deltas, then the connection is destroyed
//   sk-ant-stall-…         one delta, then silence until the client goes away
// A request with `output_config.format: {type: "json_schema"}` (not streamed) is the rehearsal
// judge's: it gets the rubric of test/fakes/rubric.ts as the message's text.
// The normal answer is "Picks: <name> / <name>. Photo: <media type> <n> chars." — the pick
// names read from the "Pick N: <name> — " / "추천 N: <name> — " lines that prompt.ts writes,
// and the image block's media type and base64 length, or "Photo: none." — one word a delta.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fakeRubric } from "./rubric.ts";

export type RecordedRequest = { path: string; headers: Record<string, string | undefined>; body: any };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the fake model "saw": the picks named in the prompt and the photo, as one sentence. */
function echo(body: any): string {
  const user = body.messages?.find((m: any) => m.role === "user");
  const blocks: any[] = typeof user?.content === "string" ? [{ type: "text", text: user.content }] : (user?.content ?? []);
  const text = blocks.filter((b) => b.type === "text").map((b) => b.text).join("\n");
  const names = [...text.matchAll(/^(?:Pick|추천) \d+: (.+?) — /gm)].map((m) => m[1]);
  const image = blocks.find((b) => b.type === "image" && b.source?.type === "base64")?.source;
  return `Picks: ${names.join(" / ")}. Photo: ${image ? `${image.media_type} ${String(image.data).length} chars` : "none"}.`;
}

export async function startFakeAnthropic(): Promise<{ url: string; server: Server }> {
  const recorded = new Map<string, RecordedRequest[]>();

  const server = createServer(async (req, res) => {
    const raw = await readBody(req); // read the whole request before answering (workerd needs it)
    const url = new URL(req.url ?? "/", "http://fake");
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", "request-id": "req_fake", ...headers });
      res.end(JSON.stringify(value));
    };
    const error = (status: number, type: string, message: string, headers?: Record<string, string>) =>
      json(status, { type: "error", error: { type, message }, request_id: "req_fake" }, headers);

    if (req.method === "GET" && url.pathname === "/__requests") return json(200, recorded.get(url.searchParams.get("key") ?? "") ?? []);
    if (req.method !== "POST" || url.pathname !== "/v1/messages") return error(404, "not_found_error", `${req.method} ${url.pathname} not found`);

    // The API takes the key as `x-api-key` or, as @anthropic-ai/sdk 1.x sends it, `Authorization: Bearer`.
    const key = String(req.headers["x-api-key"] ?? req.headers.authorization?.replace(/^Bearer /, "") ?? "");
    const body = JSON.parse(raw);
    const list = recorded.get(key) ?? [];
    list.push({
      path: url.pathname,
      headers: {
        "anthropic-version": req.headers["anthropic-version"] as string,
        auth: req.headers["x-api-key"] ? "x-api-key" : req.headers.authorization ? "bearer" : undefined,
        "content-type": req.headers["content-type"], "x-stainless-retry-count": req.headers["x-stainless-retry-count"] as string },
      body,
    });
    recorded.set(key, list);

    if (!key.startsWith("sk-ant-") || key.startsWith("sk-ant-bad-")) return error(401, "authentication_error", "invalid x-api-key");
    if (!req.headers["anthropic-version"]) return error(400, "invalid_request_error", "anthropic-version: header is required");
    if (key.startsWith("sk-ant-fail-429-")) {
      return error(429, "rate_limit_error", "This request would exceed the rate limit for your organization of 50 requests per minute.", { "retry-after": "12" });
    }
    if (key.startsWith("sk-ant-fail-500-")) return error(500, "api_error", "Internal server error");
    if (key.startsWith("sk-ant-fail-529-")) return error(529, "overloaded_error", "Overloaded");
    if (typeof body.max_tokens !== "number") return error(400, "invalid_request_error", "max_tokens: Field required");
    if (body.output_config?.format?.type === "json_schema") return judged(body, json, error);
    if (body.stream !== true) return error(400, "invalid_request_error", "This fake only streams.");

    await stream(res, key, body);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}

async function stream(res: ServerResponse, key: string, body: any) {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "request-id": "req_fake" });
  const send = (type: string, data: object) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);

  send("message_start", {
    message: { id: "msg_fake", type: "message", role: "assistant", content: [], model: body.model, stop_reason: null, stop_sequence: null, usage: { input_tokens: 420, output_tokens: 1 } },
  });
  send("content_block_start", { index: 0, content_block: { type: "text", text: "" } });
  send("ping", {});
  const words = echo(body).split(/(?<= )/);
  const failing = /^sk-ant-fail-(error|cut)-/.exec(key)?.[1] ?? (key.startsWith("sk-ant-stall-") ? "stall" : null);
  for (const [i, word] of words.entries()) {
    if (failing && i === (failing === "stall" ? 1 : 2)) break;
    send("content_block_delta", { index: 0, delta: { type: "text_delta", text: word } });
    await sleep(2);
  }
  if (failing === "error") {
    send("error", { error: { type: "overloaded_error", message: "Overloaded" } });
    return res.end();
  }
  if (failing === "cut") {
    await sleep(50); // let the deltas reach the client first
    return res.socket?.destroy();
  }
  if (failing === "stall") {
    const timer = setTimeout(() => res.end(), 10_000);
    res.on("close", () => clearTimeout(timer));
    return;
  }
  send("content_block_stop", { index: 0 });
  send("message_delta", { delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: words.length } });
  send("message_stop", {});
  res.end();
}

function judged(body: any, json: (status: number, value: unknown) => void, error: (status: number, type: string, message: string) => void) {
  if (body.output_config.format.schema?.type !== "object") return error(400, "invalid_request_error", "output_config.format.schema: must be an object schema");
  const user = body.messages?.find((m: any) => m.role === "user");
  const transcript: string = typeof user?.content === "string" ? user.content : (user?.content ?? []).map((b: any) => b.text ?? "").join("\n");
  json(200, {
    id: "msg_judge",
    type: "message",
    role: "assistant",
    model: body.model,
    content: [{ type: "text", text: JSON.stringify(fakeRubric(transcript)) }],
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 100, output_tokens: 100 },
  });
}
