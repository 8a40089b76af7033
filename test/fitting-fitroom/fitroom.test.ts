// The try-on on FitRoom: the real client (worker/fitting/providers/fitroom.ts) against the
// fake FitRoom on loopback (test/fakes/fitroom.ts), on its own and through the endpoints and
// the job — a task walked to COMPLETED, a FAILED one, one that takes too long (and is resumed,
// not created twice), no credits, a 429 with retry-after, refused images, a bad key — and the
// try-on outcomes the job records in the metrics.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createFitRoomProvider } from "../../worker/fitting/providers/fitroom";
import { FittingError, type TryOnInput } from "../../worker/fitting/providers/provider";
import { runFittingJob } from "../../worker/fitting/job";
import { RetryLater } from "../../worker/queues/consumer";
import { seedCatalog } from "../catalog/seed";
import { Browser, type Envelope } from "../client";
import { decodeJpeg, garmentPng, personPhoto, storeGarment } from "../fitting/pictures";
import { recordMetrics } from "../metrics/recorder";

/** The fake FitRoom (vitest.config.ts points FITROOM_BASE_URL at it). */
const base = () => env.FITROOM_BASE_URL;
type Stats = { creates: number; polls: number; downloads: number; last: { name: string; filename: string | null; type: string | null }[]; values: Record<string, string> };
const stats = async (key: string) => (await (await fetch(`${base()}/__stats/${key}`)).json()) as Stats;

const input = (clothType: TryOnInput["clothType"] = "upper"): TryOnInput => ({
  clothType,
  hdMode: clothType === "combo",
  model: { bytes: personPhoto(120, 180), type: "image/jpeg" },
  upper: clothType === "lower" ? null : { bytes: garmentPng("top", [30, 40, 80]), type: "image/png", category: "top" },
  lower: clothType === "combo" || clothType === "lower" ? { bytes: garmentPng("bottom", [190, 140, 80]), type: "image/png", category: "bottom" } : null,
});

function provider(apiKey: string, timeoutMs = 5_000) {
  return createFitRoomProvider({ apiKey, baseUrl: base(), pollMs: 5, timeoutMs });
}

function recorder(providerTaskId: string | null = null) {
  const seen: { percent: number; providerTaskId?: string }[] = [];
  return { seen, ctx: { providerTaskId, progress: async (percent: number, id?: string) => void seen.push({ percent, ...(id ? { providerTaskId: id } : {}) }) } };
}

async function failure(p: Promise<unknown>): Promise<FittingError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(FittingError);
  return err as FittingError;
}

describe("the FitRoom client", () => {
  it("creates a task, polls it through PROCESSING to COMPLETED and downloads the result", async () => {
    const before = await stats("fr-ok");
    const { seen, ctx } = recorder();
    const result = await provider("fr-ok").run(input(), ctx);
    expect(result.type).toBe("image/jpeg");
    expect(decodeJpeg(result.bytes)).toMatchObject({ width: 8, height: 8 });
    const after = await stats("fr-ok");
    expect(after.creates).toBe(before.creates + 1);
    expect(after.polls - before.polls).toBe(4); // CREATED, 40 %, 80 %, COMPLETED
    expect(after.downloads).toBe(before.downloads + 1);
    // The provider's task id is recorded first, then progress only grows.
    expect(seen[0]).toMatchObject({ percent: 30, providerTaskId: expect.stringMatching(/^fr_task_/) });
    expect(seen.map((s) => s.percent)).toEqual([...seen.map((s) => s.percent)].sort((a, b) => a - b));
    expect(after.values).toMatchObject({ cloth_type: "upper", hd_mode: "false" });
    expect(after.last.map((p) => p.name).sort()).toEqual(["cloth_image", "cloth_type", "hd_mode", "model_image"]);
  });

  it("sends a combo as cloth_image plus lower_cloth_image, with hd_mode", async () => {
    await provider("fr-ok").run(input("combo"), recorder().ctx);
    const s = await stats("fr-ok");
    expect(s.values).toMatchObject({ cloth_type: "combo", hd_mode: "true" });
    expect(s.last.find((p) => p.name === "lower_cloth_image")).toMatchObject({ type: "image/png" });
    expect(s.last.find((p) => p.name === "model_image")).toMatchObject({ type: "image/jpeg", filename: "model.jpg" });
  });

  it("reports a FAILED task with FitRoom's reason, not to be retried", async () => {
    const err = await failure(provider("fr-fail").run(input(), recorder().ctx));
    expect(err.retryable).toBe(false);
    expect(err.message).toContain("No person detected in the model image");
  });

  it("gives up waiting at its bound (retryable), and a retry resumes the same task instead of creating another", async () => {
    const before = await stats("fr-slow");
    const first = recorder();
    const err = await failure(provider("fr-slow", 120).run(input(), first.ctx));
    expect(err.retryable).toBe(true);
    const taskId = first.seen.find((s) => s.providerTaskId)!.providerTaskId!;
    const again = await failure(provider("fr-slow", 120).run(input(), recorder(taskId).ctx));
    expect(again.retryable).toBe(true);
    const after = await stats("fr-slow");
    expect(after.creates).toBe(before.creates + 1);
    expect(after.polls).toBeGreaterThan(before.polls + 2);
  });

  it("maps no credits, a rate limit, refused images and a bad key to clear errors", async () => {
    const credits = await failure(provider("fr-credits").run(input(), recorder().ctx));
    expect(credits).toMatchObject({ retryable: false });
    expect(credits.message).toMatch(/크레딧|credits/);
    const busy = await failure(provider("fr-busy").run(input(), recorder().ctx));
    expect(busy).toMatchObject({ retryable: true, retryAfterSeconds: 7 });
    const bad = await failure(provider("fr-badimage").run(input(), recorder().ctx));
    expect(bad.retryable).toBe(false);
    expect(bad.message).toContain("Invalid model image");
    const key = await failure(provider("wrong").run(input(), recorder().ctx));
    expect(key.retryable).toBe(false);
    expect(key.message).toMatch(/API key/);
  });
});

describe("through the endpoints and the job", () => {
  const items = { top: "", bottom: "" };
  let userId = 0;
  let uploadId = "";

  beforeAll(async () => {
    await seedCatalog(300);
    for (const category of ["top", "bottom"] as const) {
      const row = await env.DB.prepare("select id, image_key from products where category = ? order by id limit 1").bind(category).first<{ id: string; image_key: string }>();
      items[category] = row!.id;
      await storeGarment(row!.image_key, category, [90, 90, 90]);
    }
  });

  it("answers with FitRoom's result, stored in R2 and served to its owner", async () => {
    const browser = new Browser();
    ({ userId } = await browser.devLogin("FitRoom User"));
    const before = await stats("fr-ok");
    const form = new FormData();
    form.append("model_image", new File([personPhoto()], "me.jpg", { type: "image/jpeg" }));
    form.append("upper_product_id", items.top);
    form.append("lower_product_id", items.bottom);
    const res = await browser.fetch("/api/fitting/try-on/combo", { method: "POST", body: form });
    const body = (await res.json()) as Envelope<{ provider: string; downloadUrl: string; success: boolean; modelUploadId: string }>;
    expect(res.status).toBe(200);
    expect(body.data).toMatchObject({ provider: "fitroom", success: true });
    uploadId = body.data.modelUploadId;
    const image = await browser.fetch(body.data.downloadUrl);
    expect(decodeJpeg(new Uint8Array(await image.arrayBuffer()))).toMatchObject({ width: 8, height: 8 });
    expect((await stats("fr-ok")).creates).toBe(before.creates + 1);
    expect((await stats("fr-ok")).values.cloth_type).toBe("combo");
  });

  async function task(providerTaskId: string | null = null) {
    const id = crypto.randomUUID();
    await env.DB.prepare("insert into fitting_tasks (id, user_id, kind, upper_product_id, model_upload_id, provider, provider_task_id) values (?, ?, 'single', ?, ?, 'fitroom', ?)")
      .bind(id, userId, items.top, uploadId, providerTaskId)
      .run();
    return id;
  }
  const row = (id: string) => env.DB.prepare("select status, progress, provider_task_id, error, result_key from fitting_tasks where id = ?").bind(id).first<{ status: string; progress: number; provider_task_id: string | null; error: string | null; result_key: string | null }>();
  const deliver = (taskId: string, attempts: number, vars: Record<string, string> = {}) =>
    runFittingJob({ id: `m-${taskId}-${attempts}`, body: { taskId }, attempts, timestamp: new Date(), ack() {}, retry() {} } as unknown as Message<unknown>, { ...env, ...vars } as Env);

  it("resumes a task a dead delivery had created: no second create", async () => {
    // The first delivery created FitRoom's task and died; the task row kept its id.
    const created = (await (await fetch(`${base()}/api/tryon/v2/tasks`, { method: "POST", headers: { "x-api-key": "fr-ok" }, body: (() => { const f = new FormData(); f.append("model_image", new File([personPhoto(60, 90)], "m.jpg", { type: "image/jpeg" })); f.append("cloth_image", new File([garmentPng("top", [1, 2, 3])], "c.png", { type: "image/png" })); f.append("cloth_type", "upper"); return f; })() })).json()) as { task_id: string };
    const id = await task(created.task_id);
    const before = await stats("fr-ok");
    await deliver(id, 2);
    expect((await stats("fr-ok")).creates).toBe(before.creates);
    expect(await row(id)).toMatchObject({ status: "completed", progress: 100, provider_task_id: created.task_id });
  });

  it("marks a FAILED task failed with the reason, and records it", async () => {
    const id = await task();
    await deliver(id, 1, { FITROOM_API_KEY: "fr-fail" });
    expect(await row(id)).toMatchObject({ status: "failed", error: expect.stringContaining("No person detected") });
    expect(await env.DB.prepare("select count(*) as n from failed_jobs where subject = ?").bind(`fitting:${id}`).first("n")).toBe(1);
  });

  it("has the queue retry what may pass (honouring retry-after), then fails the task and dead-letters it", async () => {
    const metrics = recordMetrics();
    const busy = await task();
    const wait = await deliver(busy, 1, { FITROOM_API_KEY: "fr-busy" }).then(() => null, (e: unknown) => e);
    expect(wait).toBeInstanceOf(RetryLater);
    expect((wait as RetryLater).delaySeconds).toBe(7);
    expect((await row(busy))!.status).toBe("queued");

    const slow = await task();
    const first = await deliver(slow, 1, { FITROOM_API_KEY: "fr-slow", FITROOM_TIMEOUT_MS: "150" }).then(() => null, (e: unknown) => e);
    expect(first).toBeInstanceOf(RetryLater);
    expect(await row(slow)).toMatchObject({ status: "processing", provider_task_id: expect.stringMatching(/^fr_task_/) });
    const last = await deliver(slow, 4, { FITROOM_API_KEY: "fr-slow", FITROOM_TIMEOUT_MS: "150" }).then(() => null, (e: unknown) => e);
    expect(last).toBeInstanceOf(RetryLater);
    expect((last as RetryLater).delaySeconds).toBe(0); // to the dead-letter queue
    expect(await row(slow)).toMatchObject({ status: "failed", error: expect.stringMatching(/too long|오래/) });
    // In the metrics: FitRoom busy is a retry; too slow is a retry, then a timeout for good.
    expect(metrics.points("tryon").map((p) => [p.blobs[1], p.blobs[2], p.blobs[4], p.doubles[2]])).toEqual([
      ["fitroom", "retry", "transient", 1],
      ["fitroom", "retry", "timeout", 1],
      ["fitroom", "timeout", "timeout", 4],
    ]);
    metrics.stop();
  });
});
