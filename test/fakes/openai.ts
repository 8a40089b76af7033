// A fake OpenAI Chat Completions endpoint (`POST /v1/chat/completions`, `stream: true`) that
// speaks the real SSE wire format: `data: {chat.completion.chunk}` events, then a chunk with
// `finish_reason`, then `data: [DONE]`. The real `openai` SDK in the Worker talks to it.
//
// The API key (`Authorization: Bearer …`) picks the scenario, so tests running in parallel
// never share state; requests are recorded per key and read back with
// `GET /__requests?key=…`.
//   sk-test-…          a normal answer that echoes what the model was given (below)
//   sk-bad-…           401 invalid_api_key (quoting the key, as OpenAI's message does)
//   sk-fail-429-…      429 with retry-after: 7
//   sk-fail-500-…      500 server_error
//   sk-fail-cut-…      two deltas, then the connection is destroyed
//   sk-fail-chunk-…    two deltas, then an `error` object in the stream
//   sk-fail-early-…    two deltas, then the body ends without finish_reason or [DONE]
//   sk-stall-…         one delta, then silence until the client goes away
//   sk-flaky-…         by a marker in the user's question, counting requests per prompt:
//                        [cut-once]          the first request is cut after two deltas;
//                                            later ones answer in full, the same text
//                        [cut-once-reworded] the same, but later answers differ from the first
//                        [fail-N:tag]        each expert's first N requests answer 500
//                                            (counted per system prompt and tag)
//                      (no marker: a normal answer)
// A request with `response_format: {type: "json_schema"}` (not streamed) is the rehearsal
// judge's: it gets the rubric of test/fakes/rubric.ts; "[[judge-500]]" in the transcript
// answers 500.
// The normal answer is "Picks: <name> / <name>. Photo: <media type> <n> chars." — the pick
// names read from the "Pick N: <name> — " / "추천 N: <name> — " lines that prompt.ts writes,
// and the image part's media type and base64 length, or "Photo: none." — one word a delta.
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
  const parts: any[] = typeof user?.content === "string" ? [{ type: "text", text: user.content }] : (user?.content ?? []);
  const text = parts.filter((p) => p.type === "text").map((p) => p.text).join("\n");
  const names = [...text.matchAll(/^(?:Pick|추천) \d+: (.+?) — /gm)].map((m) => m[1]);
  const image = parts.find((p) => p.type === "image_url")?.image_url?.url as string | undefined;
  const photo = image?.match(/^data:([^;]+);base64,(.*)$/s);
  return `Picks: ${names.join(" / ")}. Photo: ${photo ? `${photo[1]} ${photo[2]!.length} chars` : "none"}.`;
}

export async function startFakeOpenAI(): Promise<{ url: string; baseURL: string; server: Server }> {
  const recorded = new Map<string, RecordedRequest[]>();
  /** sk-flaky: requests seen per prompt (system + user text), to fail only the first. */
  const seen = new Map<string, number>();

  const server = createServer(async (req, res) => {
    const raw = await readBody(req); // read the whole request before answering (workerd needs it)
    const url = new URL(req.url ?? "/", "http://fake");
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", "x-request-id": "req_fake", ...headers });
      res.end(JSON.stringify(value));
    };

    if (req.method === "GET" && url.pathname === "/__requests") return json(200, recorded.get(url.searchParams.get("key") ?? "") ?? []);
    if (req.method !== "POST" || url.pathname !== "/v1/chat/completions") {
      return json(404, { error: { message: `Invalid URL (${req.method} ${url.pathname})`, type: "invalid_request_error", param: null, code: null } });
    }

    const key = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const body = JSON.parse(raw);
    const list = recorded.get(key) ?? [];
    list.push({ path: url.pathname, headers: { "content-type": req.headers["content-type"], "x-stainless-retry-count": req.headers["x-stainless-retry-count"] as string }, body });
    recorded.set(key, list);

    if (!req.headers.authorization?.startsWith("Bearer sk-") || key.startsWith("sk-bad-")) {
      return json(401, {
        error: { message: `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: "invalid_request_error", param: null, code: "invalid_api_key" },
      });
    }
    if (key.startsWith("sk-fail-429-")) {
      return json(429, { error: { message: `Rate limit reached for ${body.model} on requests per min (RPM): Limit 3, Used 3, Requested 1.`, type: "requests", param: null, code: "rate_limit_exceeded" } }, { "retry-after": "7" });
    }
    if (key.startsWith("sk-fail-500-")) {
      return json(500, { error: { message: "The server had an error while processing your request. Sorry about that!", type: "server_error", param: null, code: null } });
    }
    let flaky: { cut: boolean; prefix: string } | undefined;
    if (key.startsWith("sk-flaky-")) {
      const prompt = JSON.stringify(body.messages);
      const n = (seen.get(prompt) ?? 0) + 1;
      seen.set(prompt, n);
      const failN = /\[fail-(\d+):(\w+)\]/.exec(prompt);
      const counted = failN ? `${JSON.stringify(body.messages?.[0])}|${failN[2]}` : prompt;
      const m = failN ? (seen.get(counted) ?? 0) + 1 : n;
      if (failN) seen.set(counted, m);
      if (failN && m <= Number(failN[1])) {
        return json(500, { error: { message: "The server had an error while processing your request. Sorry about that!", type: "server_error", param: null, code: null } });
      }
      const once = prompt.includes("[cut-once]") || prompt.includes("[cut-once-reworded]");
      flaky = { cut: once && n === 1, prefix: prompt.includes("[cut-once-reworded]") && n > 1 ? "Second try. " : "" };
    }
    if (body.response_format?.type === "json_schema") return judged(body, json);
    if (body.stream !== true) return json(400, { error: { message: "This fake only streams.", type: "invalid_request_error", param: "stream", code: null } });

    await stream(res, flaky?.cut ? "sk-fail-cut-" : key, body, flaky?.prefix ?? "");
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return { url, baseURL: `${url}/v1`, server };
}

async function stream(res: ServerResponse, key: string, body: any, prefix = "") {
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-request-id": "req_fake" });
  const base = { id: "chatcmpl-fake", object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model: body.model, system_fingerprint: "fp_fake", service_tier: "default" };
  const chunk = (delta: object, finish: string | null = null) =>
    res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`);

  chunk({ role: "assistant", content: "", refusal: null });
  const words = (prefix + echo(body)).split(/(?<= )/);
  const failing = /^sk-fail-(cut|chunk|early)-/.exec(key)?.[1] ?? (key.startsWith("sk-stall-") ? "stall" : null);
  for (const [i, word] of words.entries()) {
    if (failing && i === (failing === "stall" ? 1 : 2)) break;
    chunk({ content: word });
    await sleep(2);
  }
  if (failing === "cut") {
    await sleep(50); // let the deltas reach the client first
    return res.socket?.destroy();
  }
  if (failing === "chunk") {
    res.write(`data: ${JSON.stringify({ error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null } })}\n\n`);
    return res.end();
  }
  if (failing === "early") return res.end();
  if (failing === "stall") {
    const timer = setTimeout(() => res.end(), 10_000);
    res.on("close", () => clearTimeout(timer));
    return;
  }
  chunk({}, "stop");
  res.write("data: [DONE]\n\n");
  res.end();
}

function judged(body: any, json: (status: number, value: unknown) => void) {
  const format = body.response_format.json_schema;
  if (format?.strict !== true || format?.schema?.type !== "object") {
    return json(400, { error: { message: "response_format.json_schema must be a strict object schema", type: "invalid_request_error", param: "response_format", code: null } });
  }
  const transcript: string = body.messages?.find((m: any) => m.role === "user")?.content ?? "";
  if (transcript.includes("[[judge-500]]")) {
    return json(500, { error: { message: "The server had an error while processing your request. Sorry about that!", type: "server_error", param: null, code: null } });
  }
  const rubric = fakeRubric(transcript);
  json(200, {
    id: "chatcmpl-judge",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [{ index: 0, message: { role: "assistant", content: JSON.stringify(rubric), refusal: null }, logprobs: null, finish_reason: "stop" }],
    usage: { prompt_tokens: 100, completion_tokens: 100, total_tokens: 200 },
  });
}
