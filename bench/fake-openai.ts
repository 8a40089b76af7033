// A zero-latency stand-in for OpenAI's Chat Completions (`POST /v1/chat/completions`,
// `stream: true`) for the chat and load benches: it reads the request, then writes a whole
// answer at once in the real wire format (`data: {chat.completion.chunk}` per word, a chunk
// with `finish_reason`, `data: [DONE]`), so what is timed is the app, not a model. A request
// without `stream: true` (the voice rehearsal's rubric judge, worker/voice/feedback/judge.ts,
// asks for a JSON schema) gets one `chat.completion` at once: for a `json_schema` response
// format a fixed rubric that fits the judge's schema, else the same answer as plain text.
// (test/fakes/openai.ts paces its words 2 ms apart, which would be timed too.)
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const ANSWER =
  "면접에는 네이비 싱글 블레이저에 흰 옥스퍼드 셔츠, 차콜 슬랙스가 가장 안전해요. " +
  "구두는 검정 더비로 맞추고, 벨트 색도 구두와 같게 하면 전체가 단정해 보여요. " +
  "예산 안에서 블레이저에 가장 많이 쓰고, 셔츠와 슬랙스는 기본형으로 고르세요. " +
  "For the interview: a navy blazer, a white oxford shirt and charcoal trousers read calm and prepared.";

const judged = (explanation: string) => ({ score: 72, explanation, quotes: [], suggestions: ["Lead with the result, then the steps that got you there."] });
const RUBRIC = JSON.stringify({
  politeness: judged("Courteous throughout, and calm when pushed."),
  clarity: judged("Answers the question asked; one example would make it land."),
  summary: "A steady rehearsal. Next time, open each answer with its point.",
});

export async function startInstantOpenAI(): Promise<{ baseURL: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    // Answer only once the request is read: workerd returns 500 to a fetch answered earlier.
    req.on("end", () => {
      const request = JSON.parse(body || "{}") as { model?: string; stream?: boolean; response_format?: { type?: string } };
      const model = request.model ?? "gpt-fake";
      if (request.stream !== true) {
        const content = request.response_format?.type === "json_schema" ? RUBRIC : ANSWER;
        res.writeHead(200, { "content-type": "application/json", "x-request-id": "req_bench" });
        res.end(
          JSON.stringify({
            id: "chatcmpl-bench",
            object: "chat.completion",
            created: Math.floor(Date.now() / 1000),
            model,
            system_fingerprint: "fp_bench",
            choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" }],
            usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
          }),
        );
        return;
      }
      const base = { id: "chatcmpl-bench", object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model, system_fingerprint: "fp_bench" };
      const chunk = (delta: object, finish: string | null = null) =>
        `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })}\n\n`;
      const words = ANSWER.split(/(?<= )/);
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", "x-request-id": "req_bench" });
      res.end(chunk({ role: "assistant", content: "" }) + words.map((w) => chunk({ content: w })).join("") + chunk({}, "stop") + "data: [DONE]\n\n");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => undefined),
  };
}
