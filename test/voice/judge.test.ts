// The rubric judge on Anthropic (the stylists' engine `auto` prefers when its key is set),
// against the fake Anthropic API: the same rubric as a JSON schema output format, validated;
// and which LLM judges for a given configuration.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { config } from "../../worker/config";
import { judge, judgeFor, mergeRubric } from "../../worker/voice/feedback/judge";
import type { TranscriptTurn } from "../../worker/voice/feedback/metrics";
import { buildReport } from "../../worker/voice/feedback/report";
import { scenario } from "../../worker/voice/scenarios";

const baseURL = (env as unknown as { ANTHROPIC_BASE_URL: string }).ANTHROPIC_BASE_URL;
const turns: TranscriptTurn[] = [
  { seq: 0, speaker: "partner", text: "안녕하세요. 자기소개 부탁드립니다.", startMs: 0, endMs: 2_000, input: "speech" },
  { seq: 1, speaker: "user", text: "감사합니다. 저는 결제 시스템을 5년 동안 개발했습니다.", startMs: 3_000, endMs: 7_000, input: "speech" },
];

describe("the rubric judge", () => {
  it("asks Anthropic for the rubric as a JSON schema output and merges what fits", async () => {
    const key = `sk-ant-test-judge-${crypto.randomUUID().slice(0, 6)}`;
    const s = scenario("interview-general")!;
    const report = buildReport(turns, "ko", s.register);
    const judged = await judge(turns, s, report, { provider: "anthropic", apiKey: key, model: "claude-sonnet-5-5", baseURL });
    expect(judged).toMatchObject({ rubric: { politeness: { score: 90 }, clarity: { score: 80 }, summary: "Fake judge read 1 user turns." } });

    const [request] = (await (await fetch(`${baseURL}/__requests?key=${key}`)).json()) as { body: any }[];
    expect(request!.body.output_config.format).toMatchObject({ type: "json_schema", schema: { type: "object", required: ["politeness", "clarity", "summary"] } });
    expect(request!.body.system).toContain("면접 (일반)");
    expect(request!.body.system).toContain("Write the explanations, suggestions and summary in Korean");
    expect(request!.body.messages[0].content).toContain("USER: 감사합니다. 저는 결제 시스템을 5년 동안 개발했습니다.");

    const merged = mergeRubric(report, (judged as { rubric: any }).rubric, turns, "claude-sonnet-5-5");
    expect(merged.judged_by).toBe("claude-sonnet-5-5");
    expect(merged.politeness.score).toBe(Math.round((report.politeness.score + 90) / 2));
    expect(merged.politeness.quotes).toContain("감사합니다. 저는 결제 시스템을 5년 동안 개발했습니다.".slice(0, 40));
    expect(merged.politeness.quotes).not.toContain("A line the user never said");
  });

  it("fails cleanly on a refused key", async () => {
    const s = scenario("interview-general")!;
    const judged = await judge(turns, s, buildReport(turns, "ko", s.register), { provider: "anthropic", apiKey: "sk-ant-bad-judge", model: "m", baseURL });
    expect(judged).toMatchObject({ error: expect.stringMatching(/401|invalid x-api-key/) });
  });

  it("is the stylists' LLM: Anthropic first on auto, the forced engine otherwise, none offline", () => {
    const judgeOf = (vars: Record<string, string>) => judgeFor(config({ APP_ENV: "test", ...vars }))?.provider ?? "none";
    expect(judgeOf({})).toBe("none");
    expect(judgeOf({ OPENAI_API_KEY: "sk-1" })).toBe("openai");
    expect(judgeOf({ OPENAI_API_KEY: "sk-1", ANTHROPIC_API_KEY: "sk-ant-1" })).toBe("anthropic");
    expect(judgeOf({ OPENAI_API_KEY: "sk-1", ANTHROPIC_API_KEY: "sk-ant-1", LLM_ENGINE: "openai" })).toBe("openai");
    expect(judgeOf({ OPENAI_API_KEY: "sk-1", LLM_ENGINE: "local" })).toBe("none");
  });
});
