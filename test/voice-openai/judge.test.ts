// The rehearsal report with a real LLM configured: the judge asks the (fake) OpenAI model for
// a rubric as a strict structured output, and the report merges it with the measured rules;
// a failing or malformed judge leaves the measured report, saved all the same.
import { describe, expect, it } from "vitest";
import { env as workerEnv } from "cloudflare:workers";
import { Browser } from "../client";
import { buildReport } from "../../worker/voice/feedback/report";
import { connect } from "../voice/socket";

const KEY = "sk-voice-key-only-the-server-knows";
type Dim = { score: number; explanation: string; quotes: string[]; suggestions: string[] };
type Report = { judged_by: string; overall: { score: number; summary: string }; politeness: Dim; clarity: Dim; pace: Dim; filler_words: Dim };

async function rehearse(lines: string[]) {
  const b = new Browser();
  await b.devLogin(`judge-${crypto.randomUUID().slice(0, 6)}`);
  const { body } = await b.json<{ id: string }>("/api/voice/sessions", { method: "POST", body: { scenarioId: "interview-general", language: "en", difficulty: "normal" } });
  const id = body.data.id;
  const socket = await connect(b, id);
  await socket.nth("response.done");
  for (const [i, line] of lines.entries()) {
    socket.say(line);
    await socket.nth("response.done", i + 2);
  }
  const ended = await b.json<Report>(`/api/voice/sessions/${id}/end`, { method: "POST" });
  expect(ended.res.status, ended.body.message).toBe(200);
  return { b, id, report: ended.body.data };
}

const measured = async (id: string) => {
  const { results } = await workerEnv.DB.prepare("select seq, speaker, text, start_ms as startMs, end_ms as endMs, input from voice_turns where session_id = ? order by seq").bind(id).all<any>();
  return buildReport(results, "en", "formal");
};

const judgeRequests = async () => {
  const res = await fetch(`${(workerEnv as unknown as { OPENAI_BASE_URL: string }).OPENAI_BASE_URL.replace(/\/v1$/, "")}/__requests?key=${KEY}`);
  return ((await res.json()) as { body: any }[]).filter((r) => r.body.response_format);
};

describe("the rubric judge", () => {
  it("merges the model's politeness and clarity with the measured scores, keeping only the user's own quotes", async () => {
    const line = "Thank you for having me. I led the billing rewrite and cut failed payments by 30% in one year.";
    const before = (await judgeRequests()).length;
    const { b, id, report } = await rehearse([line]);
    const rules = await measured(id);

    expect(report.judged_by).toBe("gpt-4.1-mini");
    expect(report.politeness.score).toBe(Math.round((rules.politeness.score + 90) / 2));
    expect(report.clarity.score).toBe(Math.round((rules.clarity.score + 80) / 2));
    // Pace and fillers stay measured.
    expect(report.pace.score).toBe(rules.pace.score);
    expect(report.filler_words.score).toBe(rules.filler_words.score);
    expect(report.politeness.explanation).toMatch(/^Fake judge: warm and respectful\. /);
    expect(report.politeness.explanation).toContain(rules.politeness.explanation);
    expect(report.politeness.quotes[0]).toBe(line.slice(0, 40));
    expect(report.politeness.quotes).not.toContain("A line the user never said");
    expect(report.clarity.suggestions[0]).toBe("Fake judge: open with your strongest result.");
    expect(report.clarity.suggestions.length).toBeLessThanOrEqual(3);
    expect(report.overall.summary).toBe("Fake judge read 1 user turns.");

    // One strict structured-output request with the scenario and the transcript, the user's line labelled.
    const requests = (await judgeRequests()).slice(before);
    expect(requests).toHaveLength(1);
    const { body } = requests[0]!;
    expect(body.stream).toBeUndefined();
    expect(body.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "rehearsal_rubric", strict: true } });
    expect(Object.keys(body.response_format.json_schema.schema.properties)).toEqual(["politeness", "clarity", "summary"]);
    expect(body.messages[0].content).toContain("Job interview (general)");
    expect(body.messages[1].content).toContain(`USER: ${line}`);
    expect(body.messages[1].content).toMatch(/PARTNER \(Sarah Kim\): Hello, thanks for coming in/);

    // Stored: the feedback route returns the same merged report.
    const stored = await b.json<Report>(`/api/voice/sessions/${id}/feedback`);
    expect(stored.body.data).toMatchObject({ judged_by: "gpt-4.1-mini", politeness: report.politeness, clarity: report.clarity, overall: report.overall });
  });

  it("keeps the measured report when the model fails", async () => {
    const { b, id, report } = await rehearse(["I would say [[judge-500]] that I like building things, I think."]);
    const rules = await measured(id);
    expect(report.judged_by).toBe("heuristic");
    expect(report.politeness).toEqual(rules.politeness);
    expect(report.overall.score).toBe(rules.overall.score);
    const again = await b.json<Report>(`/api/voice/sessions/${id}/feedback`);
    expect(again.body.data.judged_by).toBe("heuristic");
    expect(again.body.data.clarity.score).toBe(rules.clarity.score);
  });

  it("refuses a rubric that does not fit the schema", async () => {
    const { id, report } = await rehearse(["Thanks. [[judge-garbage]] I shipped 3 products."]);
    expect(report.judged_by).toBe("heuristic");
    expect(report.politeness.score).toBe((await measured(id)).politeness.score);
  });
});
