// The Anthropic engine: one streamed Messages call per answer, through the official SDK.
// `messages.create({ stream: true })` hands over the raw events; the `messages.stream()`
// helper would also rebuild the whole message, which we never need.
//
// The SDK is imported on the first answer, not with the Worker: requests that never use
// this engine do not evaluate it (it is still in the bundle; esbuild does not split).
import type { ContentBlockParam } from "@anthropic-ai/sdk/resources/messages";
import type { ExpertBrief } from "../brief.ts";
import { EngineError, type ExpertEngine } from "./engine.ts";
import { buildPrompt, Deadline, httpFailure, IDLE_MS, MAX_OUTPUT_TOKENS, type Service } from "./prompt.ts";

export type AnthropicEngineOptions = {
  apiKey: string;
  model: string;
  baseURL?: string | undefined;
  /** How long the service may stay silent before the answer fails (tests shorten it). */
  idleMs?: number;
};

const SERVICE: Service = { engine: "anthropic", label: "Anthropic", keyVar: "ANTHROPIC_API_KEY" };

export function createAnthropicEngine({ apiKey, model, baseURL, idleMs = IDLE_MS }: AnthropicEngineOptions): ExpertEngine {
  let sdk: Promise<typeof import("@anthropic-ai/sdk")> | undefined;
  let client: import("@anthropic-ai/sdk").Anthropic | undefined;

  return {
    name: "anthropic",
    model,
    async *write(brief: ExpertBrief, signal?: AbortSignal) {
      const mod = await (sdk ??= import("@anthropic-ai/sdk"));
      // No SDK retries (the queue retries the job); the timeout bounds the wait for headers.
      // `baseURL: null` keeps the SDK from reading ANTHROPIC_BASE_URL from a process env.
      client ??= new mod.Anthropic({ apiKey, baseURL: baseURL ?? null, maxRetries: 0, timeout: idleMs });
      const prompt = buildPrompt(brief);
      const content: ContentBlockParam[] = [{ type: "text", text: prompt.user }];
      if (prompt.photo) {
        // Image first, then the text that refers to it (Anthropic's recommended order).
        content.unshift({ type: "image", source: { type: "base64", media_type: prompt.photo.mediaType, data: prompt.photo.base64 } });
      }

      const deadline = new Deadline(idleMs, signal);
      let finished = false;
      try {
        const stream = await client.messages.create(
          { model, max_tokens: MAX_OUTPUT_TOKENS, stream: true, system: prompt.system, messages: [{ role: "user", content }] },
          { signal: deadline.signal },
        );
        for await (const event of stream) {
          deadline.touch();
          if (event.type === "content_block_delta" && event.delta.type === "text_delta" && event.delta.text) yield event.delta.text;
          else if (event.type === "message_stop") finished = true;
        }
      } catch (err) {
        throw failure(mod, err, signal, deadline, apiKey);
      } finally {
        deadline.dispose();
      }
      // The SDK ends quietly when the request is aborted or the body closes early.
      if (signal?.aborted) throw signal.reason;
      if (deadline.timedOut) throw new EngineError("anthropic", "Anthropic went silent mid-answer (timed out).", true);
      if (!finished) throw new EngineError("anthropic", "Anthropic's answer was cut off mid-stream.", true);
    },
  };
}

function failure(mod: typeof import("@anthropic-ai/sdk"), err: unknown, signal: AbortSignal | undefined, deadline: Deadline, apiKey: string): unknown {
  if (signal?.aborted) return signal.reason; // the caller stopped: not a failure of Anthropic
  if (deadline.timedOut || err instanceof mod.APIConnectionTimeoutError) {
    return new EngineError("anthropic", "Anthropic did not answer in time.", true);
  }
  if (err instanceof mod.APIConnectionError) return new EngineError("anthropic", "Could not reach Anthropic.", true);
  if (err instanceof mod.APIError && err.status !== undefined) return httpFailure(SERVICE, err.status, err.headers, err.apiMessage, apiKey);
  if (err instanceof mod.APIError) {
    // `event: error` inside the stream after a 200, e.g. overloaded_error.
    const what = err.type === "overloaded_error" ? "overloaded" : `reported an error mid-answer${err.type ? ` (${err.type})` : ""}`;
    return new EngineError("anthropic", `Anthropic ${what}.`, true);
  }
  // The body broke off (connection lost) or sent something unreadable.
  return Object.assign(new EngineError("anthropic", "Anthropic's answer was cut off mid-stream.", true), { cause: err });
}
