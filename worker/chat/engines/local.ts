// The offline stylist: writes each expert's answer from the brief alone (the picks, the
// intent, the profile, the knowledge passages, the panel's picks), in the user's language
// and the expert's own voice. Deterministic: phrasing varies with the question, never at
// random. It streams the answer in small pieces like a model would; the caller paces them.
import type { ExpertBrief } from "../brief.ts";
import type { ExpertId } from "../experts.ts";
import { chunk } from "../local/chunks.ts";
import { writeColor } from "../local/color.ts";
import { writeCoordinator } from "../local/coordinator.ts";
import { nothingFound, photoLine } from "../local/facts.ts";
import { writeStyle } from "../local/style.ts";
import { writeTrend } from "../local/trend.ts";
import { seedOf } from "../local/words.ts";
import type { ExpertEngine } from "./engine.ts";

const VOICES: Record<ExpertId, (brief: ExpertBrief, seed: number) => string> = {
  style_analyst: writeStyle,
  trend_expert: writeTrend,
  color_expert: writeColor,
  fitting_coordinator: writeCoordinator,
};

/** The whole answer as text. */
export function composeAnswer(brief: ExpertBrief): string {
  const seed = seedOf(`${brief.expert}:${brief.question}`);
  const body = brief.picks.length ? VOICES[brief.expert](brief, seed) : nothingFound(brief, seed);
  return brief.photo ? `${body}\n\n${photoLine(brief.language)}` : body;
}

export function createLocalEngine(): ExpertEngine {
  return {
    name: "local",
    model: "debut-stylist-1",
    async *write(brief: ExpertBrief, signal?: AbortSignal) {
      for (const piece of chunk(composeAnswer(brief))) {
        signal?.throwIfAborted();
        yield piece;
      }
    },
  };
}
