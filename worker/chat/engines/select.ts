// Which engine writes the experts' answers: LLM_ENGINE picks one, `auto` takes Anthropic
// (it reads photos, as the seed's Claude Vision did) or OpenAI when their key is set, and the
// offline stylist otherwise. (The SDK-backed engines load their SDK on first use.)
import type { Config } from "../../config";
import { AppError } from "../../http/errors";
import type { ExpertEngine } from "./engine.ts";
import { createAnthropicEngine } from "./anthropic.ts";
import { createLocalEngine } from "./local.ts";
import { createOpenAIEngine } from "./openai.ts";

const local = createLocalEngine();
/** One engine (and its SDK client) per configuration and isolate: a job does not build its own. */
const made = new Map<string, ExpertEngine>();
const once = (key: unknown, make: () => ExpertEngine) => {
  const id = JSON.stringify(key);
  let engine = made.get(id);
  if (!engine) made.set(id, (engine = make()));
  return engine;
};

export function selectEngine(c: Config): ExpertEngine {
  const { engine, openai, anthropic } = c.llm;
  if (engine === "anthropic") {
    if (!anthropic) throw misconfigured("anthropic", "ANTHROPIC_API_KEY");
    return once(["anthropic", anthropic], () => createAnthropicEngine(anthropic));
  }
  if (engine === "openai") {
    if (!openai) throw misconfigured("openai", "OPENAI_API_KEY");
    return once(["openai", openai], () => createOpenAIEngine(openai));
  }
  return local;
}

const misconfigured = (engine: string, key: string) =>
  new AppError(500, `Server misconfigured: LLM_ENGINE=${engine} but ${key} is not set (wrangler secret put ${key}, or .dev.vars locally).`, "config");
