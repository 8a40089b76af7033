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

export function selectEngine(c: Config): ExpertEngine {
  const { engine, openai, anthropic } = c.llm;
  if (engine === "anthropic") {
    if (!anthropic) throw misconfigured("anthropic", "ANTHROPIC_API_KEY");
    return createAnthropicEngine(anthropic);
  }
  if (engine === "openai") {
    if (!openai) throw misconfigured("openai", "OPENAI_API_KEY");
    return createOpenAIEngine(openai);
  }
  return local;
}

const misconfigured = (engine: string, key: string) =>
  new AppError(500, `Server misconfigured: LLM_ENGINE=${engine} but ${key} is not set (wrangler secret put ${key}, or .dev.vars locally).`, "config");
