// The OpenAI engine: one streamed Chat Completion per answer, through the official SDK.
//
// Chat Completions rather than the Responses API: an answer here is one stateless turn (the
// brief already carries the conversation), so the Responses API's server-side state, tools
// and reasoning items buy nothing; Chat Completions streams plain `choices[0].delta.content`,
// is supported indefinitely, and OpenAI-compatible gateways (a possible OPENAI_BASE_URL)
// speak it too.
//
// The SDK is imported on the first answer, not with the Worker: requests that never use
// this engine do not evaluate it (it is still in the bundle; esbuild does not split).
import type { ChatCompletionContentPart } from "openai/resources/chat/completions";
import type { ExpertBrief } from "../brief.ts";
import { EngineError, type ExpertEngine } from "./engine.ts";
import { buildPrompt, Deadline, httpFailure, IDLE_MS, MAX_OUTPUT_TOKENS, type Service } from "./prompt.ts";

export type OpenAIEngineOptions = {
  apiKey: string;
  model: string;
  baseURL?: string | undefined;
  /** How long the service may stay silent before the answer fails (tests shorten it). */
  idleMs?: number;
};

const SERVICE: Service = { engine: "openai", label: "OpenAI", keyVar: "OPENAI_API_KEY" };

export function createOpenAIEngine({ apiKey, model, baseURL, idleMs = IDLE_MS }: OpenAIEngineOptions): ExpertEngine {
  let sdk: Promise<typeof import("openai")> | undefined;
  let client: import("openai").OpenAI | undefined;

  return {
    name: "openai",
    model,
    async *write(brief: ExpertBrief, signal?: AbortSignal) {
      const mod = await (sdk ??= import("openai"));
      // No SDK retries (the queue retries the job); the timeout bounds the wait for headers.
      // `baseURL: null` keeps the SDK from reading OPENAI_BASE_URL from a process env.
      client ??= new mod.OpenAI({ apiKey, baseURL: baseURL ?? null, maxRetries: 0, timeout: idleMs });
      const prompt = buildPrompt(brief);
      const content: ChatCompletionContentPart[] = [{ type: "text", text: prompt.user }];
      if (prompt.photo) {
        // "low" detail (512 px) keeps the first token quick; colour and silhouette survive it.
        content.unshift({ type: "image_url", image_url: { url: `data:${prompt.photo.mediaType};base64,${prompt.photo.base64}`, detail: "low" } });
      }

      const deadline = new Deadline(idleMs, signal);
      let finished = false;
      try {
        const stream = await client.chat.completions.create(
          {
            model,
            stream: true,
            // max_completion_tokens (not max_tokens) is the one every current model accepts.
            max_completion_tokens: MAX_OUTPUT_TOKENS,
            messages: [
              { role: "system", content: prompt.system },
              { role: "user", content },
            ],
          },
          { signal: deadline.signal },
        );
        for await (const chunk of stream) {
          deadline.touch();
          const choice = chunk.choices[0];
          const text = choice?.delta?.content;
          if (text) yield text;
          if (choice?.finish_reason) finished = true;
        }
      } catch (err) {
        throw failure(mod, err, signal, deadline, apiKey);
      } finally {
        deadline.dispose();
      }
      // The SDK ends quietly when the request is aborted or the body closes early.
      if (signal?.aborted) throw signal.reason;
      if (deadline.timedOut) throw new EngineError("openai", "OpenAI went silent mid-answer (timed out).", true);
      if (!finished) throw new EngineError("openai", "OpenAI's answer was cut off mid-stream.", true);
    },
  };
}

function failure(mod: typeof import("openai"), err: unknown, signal: AbortSignal | undefined, deadline: Deadline, apiKey: string): unknown {
  if (signal?.aborted) return signal.reason; // the caller stopped: not a failure of OpenAI
  if (deadline.timedOut || err instanceof mod.APIConnectionTimeoutError) {
    return new EngineError("openai", "OpenAI did not answer in time.", true);
  }
  if (err instanceof mod.APIConnectionError) return new EngineError("openai", "Could not reach OpenAI.", true);
  if (err instanceof mod.APIError && err.status !== undefined) {
    return httpFailure(SERVICE, err.status, err.headers, (err.error as { message?: string } | undefined)?.message, apiKey);
  }
  if (err instanceof mod.APIError) {
    // An `error` object inside the event stream, after a 200.
    return new EngineError("openai", `OpenAI reported an error mid-answer${err.type ? ` (${err.type})` : ""}.`, true);
  }
  // The body broke off (connection lost) or sent something unreadable.
  return Object.assign(new EngineError("openai", "OpenAI's answer was cut off mid-stream.", true), { cause: err });
}
