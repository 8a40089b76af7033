// The virtual try-on through the real endpoints with the local compositor: single and combo,
// the result image (a real JPEG with the garments where the body is and the PREVIEW band),
// waiting vs 202 + polling, history and deleting, every refusal, another user's tasks, a
// job delivered twice, the room hearing about it, and the seed's own client functions.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { runFittingJob } from "../../worker/fitting/job";
import { seedCatalog } from "../catalog/seed";
import { Browser, type Envelope } from "../client";
import { jpeg as jpegHeader, png as pngHeader, webp } from "../images/fixtures";
import { readEvents } from "../sse";
import { colourAt, decodeJpeg, FIGURE, near, personPhoto, storeGarment, WALL } from "./pictures";

type Task = { taskId: string; status: string; progress: number; kind: string; downloadUrl: string | null; success: boolean; message: string; error: string | null; modelUploadId: string; modelImageUrl: string | null; provider: string; upperProductId: string | null; lowerProductId: string | null };

const NAVY: [number, number, number] = [30, 42, 80];
const CAMEL: [number, number, number] = [190, 140, 80];
const RED: [number, number, number] = [170, 30, 40];
const items: Record<"top" | "bottom" | "dress" | "outer", string> = { top: "", bottom: "", dress: "", outer: "" };

beforeAll(async () => {
  await seedCatalog(600);
  for (const [category, colour] of [["top", NAVY], ["bottom", CAMEL], ["dress", RED], ["outer", NAVY]] as const) {
    const row = await env.DB.prepare("select id, image_key from products where category = ? order by id limit 1").bind(category).first<{ id: string; image_key: string }>();
    items[category] = row!.id;
    await storeGarment(row!.image_key, category, colour);
  }
});

function form(fields: Record<string, string | Blob>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}
const photo = () => new File([personPhoto()], "me.jpg", { type: "image/jpeg" });

async function tryOn<T = Task>(browser: Browser, path: string, fields: Record<string, string | Blob>) {
  const res = await browser.fetch(path, { method: "POST", body: form(fields) });
  return { res, body: (await res.json()) as Envelope<T> };
}

async function signedIn(name: string) {
  const browser = new Browser();
  await browser.devLogin(name);
  return browser;
}

describe("a single try-on", () => {
  it("waits for the result and answers the seed's shape; the result is the photo with the top on it", async () => {
    const browser = await signedIn("Fitter");
    const { res, body } = await tryOn(browser, "/api/fitting/try-on", { model_image: photo(), upper_product_id: items.top, hd_mode: "false" });
    expect(res.status).toBe(200);
    expect(body.status).toBe("success");
    expect(body.data).toMatchObject({ success: true, message: "가상피팅이 완료되었습니다.", status: "completed", progress: 100, kind: "single", provider: "local", upperProductId: items.top, lowerProductId: null });
    expect(body.data.downloadUrl).toMatch(/^\/api\/images\/users\/\d+\/tryon\/[0-9a-f-]+\.jpg$/);
    expect(body.data.taskId).toMatch(/^[0-9a-f-]{36}$/);

    const image = await browser.fetch(body.data.downloadUrl!);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    const result = decodeJpeg(new Uint8Array(await image.arrayBuffer()));
    expect(Math.max(result.width, result.height)).toBeLessThanOrEqual(1024);
    expect(result.width / result.height).toBeCloseTo(600 / 900, 2);
    // The chest (a third of the way down the figure, at its centre) is the top's colour; the wall beside it is not.
    const chestY = FIGURE.top + FIGURE.height * 0.32;
    expect(near(colourAt(result, 0.5, chestY), NAVY)).toBe(true);
    expect(near(colourAt(result, 0.05, chestY), WALL)).toBe(true);
    // The legs stay as they were: no bottom was asked for.
    expect(near(colourAt(result, 0.46, FIGURE.top + FIGURE.height * 0.8), [80, 80, 88])).toBe(true);
    // The PREVIEW band: the bottom rows are dark, with white letters across the middle.
    const band = [0.1, 0.3, 0.5, 0.7, 0.9].map((fx) => colourAt(result, fx, 0.995));
    expect(band.filter((c) => c[0] < WALL[0] * 0.5).length).toBeGreaterThanOrEqual(3);
    const row = Math.floor(result.height * (1 - 0.03));
    let white = 0;
    for (let x = 0; x < result.width; x++) if (result.data[(row * result.width + x) * 4]! > 230) white++;
    expect(white).toBeGreaterThan(10);
  });

  it("keeps the photo as an upload and can try on again from it, by id or by its URL", async () => {
    const browser = await signedIn("Again");
    const first = await tryOn(browser, "/api/fitting/try-on", { model_image: photo(), lower_product_id: items.bottom });
    expect(first.res.status).toBe(200);
    expect(first.body.data.kind).toBe("single");
    const byId = await tryOn(browser, "/api/fitting/try-on", { model_upload_id: first.body.data.modelUploadId, upper_product_id: items.outer });
    expect(byId.res.status).toBe(200);
    expect(byId.body.data.modelUploadId).toBe(first.body.data.modelUploadId);
    const byUrl = await tryOn(browser, "/api/fitting/try-on", { model_image_url: first.body.data.modelImageUrl!, upper_product_id: items.dress });
    expect(byUrl.res.status).toBe(200);
    expect(byUrl.body.data.modelUploadId).toBe(first.body.data.modelUploadId);
  });

  it("runs a top and a bottom sent to the single endpoint as a combo (as the seed's client may send)", async () => {
    const browser = await signedIn("Both");
    const { res, body } = await tryOn(browser, "/api/fitting/try-on", { model_image: photo(), upper_product_id: items.top, lower_product_id: items.bottom });
    expect(res.status).toBe(200);
    expect(body.data.kind).toBe("combo");
  });
});

describe("a combo try-on", () => {
  it("puts the top over the chest and the bottom over the legs", async () => {
    const browser = await signedIn("Combo");
    const { res, body } = await tryOn(browser, "/api/fitting/try-on/combo", { model_image: photo(), upper_product_id: items.top, lower_product_id: items.bottom });
    expect(res.status).toBe(200);
    expect(body.data).toMatchObject({ success: true, message: "콤보 가상피팅이 완료되었습니다.", kind: "combo" });
    const result = decodeJpeg(new Uint8Array(await (await browser.fetch(body.data.downloadUrl!)).arrayBuffer()));
    expect(near(colourAt(result, 0.5, FIGURE.top + FIGURE.height * 0.32), NAVY)).toBe(true);
    expect(near(colourAt(result, 0.47, FIGURE.top + FIGURE.height * 0.75), CAMEL)).toBe(true);
  });

  it("needs both pieces", async () => {
    const browser = await signedIn("Half Combo");
    const { res, body } = await tryOn(browser, "/api/fitting/try-on/combo", { model_image: photo(), upper_product_id: items.top });
    expect(res.status).toBe(400);
    expect(body.message).toMatch(/^lower_product_id: /);
  });
});

describe("waiting and polling", () => {
  it("answers 202 at once with ?wait=false, and the status walks to completed", async () => {
    const browser = await signedIn("Poller");
    const { res, body } = await tryOn(browser, "/api/fitting/try-on?wait=false", { model_image: photo(), upper_product_id: items.top });
    expect(res.status).toBe(202);
    expect(body.data).toMatchObject({ success: false, status: "queued", downloadUrl: null });
    let status: Task | null = null;
    for (let i = 0; i < 100; i++) {
      const polled = await browser.json<Task>(`/api/fitting/status/${body.data.taskId}`);
      expect(polled.res.status).toBe(200);
      status = polled.body.data;
      if (status.status === "completed") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toMatchObject({ status: "completed", progress: 100, success: true });
    expect((await browser.fetch(status!.downloadUrl!)).status).toBe(200);
  });

  it("answers 202 when the result takes longer than the wait bound", async () => {
    const browser = new Browser({ FITTING_WAIT_MS: "0" });
    await browser.devLogin("Impatient");
    const { res, body } = await tryOn(browser, "/api/fitting/try-on", { model_image: photo(), upper_product_id: items.top });
    expect(res.status).toBe(202);
    expect(body.data.taskId).toBeTruthy();
  });
});

describe("refusals, each before anything is stored", () => {
  const uploadsOf = async (userId: number) => (await env.DB.prepare("select count(*) as n from uploads where user_id = ?").bind(userId).first<{ n: number }>())!.n;

  it("an unknown product, a bottom as the top, a dress with a bottom, no garment", async () => {
    const browser = new Browser();
    const { userId } = await browser.devLogin("Refused");
    const unknown = await tryOn(browser, "/api/fitting/try-on", { model_image: photo(), upper_product_id: "no-such-product" });
    expect(unknown.res.status).toBe(404);
    expect(unknown.body.code).toBe("unknown_product");
    expect(unknown.body.message).toMatch(/^upper_product_id: /);
    const swapped = await tryOn(browser, "/api/fitting/try-on", { model_image: photo(), upper_product_id: items.bottom });
    expect(swapped.res.status).toBe(400);
    expect(swapped.body.code).toBe("wrong_category");
    const wrongLower = await tryOn(browser, "/api/fitting/try-on", { model_image: photo(), lower_product_id: items.top });
    expect(wrongLower.res.status).toBe(400);
    const dressAndBottom = await tryOn(browser, "/api/fitting/try-on/combo", { model_image: photo(), upper_product_id: items.dress, lower_product_id: items.bottom });
    expect(dressAndBottom.res.status).toBe(400);
    const nothing = await tryOn(browser, "/api/fitting/try-on", { model_image: photo() });
    expect(nothing.res.status).toBe(400);
    expect(await uploadsOf(userId)).toBe(0);
  });

  it("a missing photo, a file that is not an image, an unreadable format, an oversize body", async () => {
    const browser = await signedIn("Bad Photo");
    const none = await tryOn(browser, "/api/fitting/try-on", { upper_product_id: items.top });
    expect(none.res.status).toBe(400);
    expect(none.body.message).toMatch(/^model_image: /);
    const text = await tryOn(browser, "/api/fitting/try-on", { model_image: new File(["hello"], "me.jpg", { type: "image/jpeg" }), upper_product_id: items.top });
    expect(text.res.status).toBe(415);
    const webpPhoto = await tryOn(browser, "/api/fitting/try-on", { model_image: new File([webp(800, 600)], "me.webp", { type: "image/webp" }), upper_product_id: items.top });
    expect(webpPhoto.res.status).toBe(415);
    expect(webpPhoto.body.message).toMatch(/JPEG/);
    const bomb = await tryOn(browser, "/api/fitting/try-on", { model_image: new File([pngHeader(50_000, 50_000)], "me.png", { type: "image/png" }), upper_product_id: items.top });
    expect(bomb.res.status).toBe(422);
    const huge = await browser.fetch("/api/fitting/try-on", { method: "POST", body: form({ model_image: new File([new Uint8Array(11 * 1024 * 1024)], "me.jpg"), upper_product_id: items.top }) });
    expect(huge.status).toBe(413);
    const someoneElses = await tryOn(browser, "/api/fitting/try-on", { model_upload_id: "00000000-0000-0000-0000-000000000000", upper_product_id: items.top });
    expect(someoneElses.res.status).toBe(404);
  });

  it("a photo the compositor cannot decode fails the task with a reason, and the photo is kept", async () => {
    const browser = new Browser();
    const { userId } = await browser.devLogin("Broken Photo");
    // A JPEG header with no picture in it: it passes the upload's checks, not the decoder.
    const { res, body } = await tryOn(browser, "/api/fitting/try-on", { model_image: new File([jpegHeader(640, 480)], "me.jpg", { type: "image/jpeg" }), upper_product_id: items.top });
    expect(res.status).toBe(502);
    expect(body.code).toBe("fitting_failed");
    expect(body.message).toMatch(/사진을 읽을 수 없습니다/);
    expect(await uploadsOf(userId)).toBe(1);
    const status = await browser.json<Task>(`/api/fitting/status/${(body.data as unknown as Task).taskId}`);
    expect(status.body.data).toMatchObject({ status: "failed", success: false });
  });

  it("needs a session", async () => {
    const { res } = await tryOn(new Browser(), "/api/fitting/try-on", { model_image: photo(), upper_product_id: items.top });
    expect(res.status).toBe(401);
  });
});

describe("history and ownership", () => {
  it("lists a user's try-ons newest first, page by page, and deletes one with its result", async () => {
    const browser = await signedIn("Historian");
    const ids: string[] = [];
    for (const upper of [items.top, items.outer, items.dress]) ids.push((await tryOn(browser, "/api/fitting/try-on", { model_image: photo(), upper_product_id: upper })).body.data.taskId);
    const first = await browser.json<{ tasks: Task[]; has_more: boolean; next_cursor: string; count: number }>("/api/fitting/tasks?limit=2");
    expect(first.body.data.tasks.map((t) => t.taskId)).toEqual([ids[2], ids[1]]);
    expect(first.body.data).toMatchObject({ has_more: true, count: 2 });
    const second = await browser.json<{ tasks: Task[]; has_more: boolean; next_cursor: string | null }>(`/api/fitting/tasks?limit=2&cursor=${first.body.data.next_cursor}`);
    expect(second.body.data.tasks.map((t) => t.taskId)).toEqual([ids[0]]);
    expect(second.body.data).toMatchObject({ has_more: false, next_cursor: null });
    expect((await browser.json("/api/fitting/tasks?cursor=nonsense")).res.status).toBe(400);

    const gone = first.body.data.tasks[0]!;
    const deleted = await browser.json(`/api/fitting/tasks/${gone.taskId}`, { method: "DELETE" });
    expect(deleted.res.status).toBe(200);
    expect((await browser.fetch(gone.downloadUrl!)).status).toBe(404);
    expect((await browser.json(`/api/fitting/status/${gone.taskId}`)).res.status).toBe(404);
    expect((await browser.json(`/api/fitting/tasks/${gone.taskId}`, { method: "DELETE" })).res.status).toBe(404);
  });

  it("shows another user nothing: not the status, the result, the history or a delete", async () => {
    const owner = await signedIn("Owner");
    const { body } = await tryOn(owner, "/api/fitting/try-on", { model_image: photo(), upper_product_id: items.top });
    const stranger = await signedIn("Stranger");
    expect((await stranger.json(`/api/fitting/status/${body.data.taskId}`)).res.status).toBe(404);
    expect((await stranger.fetch(body.data.downloadUrl!)).status).toBe(404);
    expect((await stranger.json(`/api/fitting/tasks/${body.data.taskId}`, { method: "DELETE" })).res.status).toBe(404);
    const list = await stranger.json<{ tasks: Task[] }>("/api/fitting/tasks");
    expect(list.body.data.tasks).toEqual([]);
    expect((await stranger.fetch(`/api/fitting/tasks`)).status).toBe(200);
    expect((await new Browser().fetch(`/api/fitting/status/${body.data.taskId}`)).status).toBe(401);
    // The owner still has it.
    expect((await owner.json(`/api/fitting/status/${body.data.taskId}`)).res.status).toBe(200);
  });
});

describe("the job", () => {
  it("does nothing for a task delivered again after it finished", async () => {
    const browser = await signedIn("Twice");
    const { body } = await tryOn(browser, "/api/fitting/try-on", { model_image: photo(), upper_product_id: items.top });
    const key = body.data.downloadUrl!.replace("/api/images/", "");
    const before = await env.IMAGES.head(key);
    const row = await env.DB.prepare("select completed_at, updated_at from fitting_tasks where id = ?").bind(body.data.taskId).first();
    await runFittingJob({ id: "again", body: { taskId: body.data.taskId }, attempts: 1, timestamp: new Date(), ack() {}, retry() {} } as unknown as Message<unknown>, env);
    expect((await env.IMAGES.head(key))!.etag).toBe(before!.etag);
    expect(await env.DB.prepare("select completed_at, updated_at from fitting_tasks where id = ?").bind(body.data.taskId).first()).toEqual(row);
    const results = await env.IMAGES.list({ prefix: key.replace(/[^/]+$/, "") });
    expect(results.objects.filter((o) => o.key.includes(body.data.taskId))).toHaveLength(1);
  });

  it("tells the room the outfit came from when the try-on is done", async () => {
    const browser = await signedIn("From Chat");
    const room = await browser.json<{ room_id: number }>("/api/chat/send", { method: "POST", body: { content: "면접 정장 추천해 주세요" } });
    const roomId = room.body.data.room_id;
    const watching = readEvents(await browser.fetch(`/api/chat/rooms/${roomId}/events`), { until: (m) => m.event === "fitting" });
    const { body } = await tryOn(browser, "/api/fitting/try-on", { model_image: photo(), upper_product_id: items.top, room_id: String(roomId) });
    const event = (await watching).at(-1)!;
    expect(event.event).toBe("fitting");
    expect(event.data.data).toMatchObject({ task_id: body.data.taskId, status: "completed", download_url: body.data.downloadUrl });
    const foreign = await signedIn("Not The Owner");
    const refused = await tryOn(foreign, "/api/fitting/try-on", { model_image: photo(), upper_product_id: items.top, room_id: String(roomId) });
    expect(refused.res.status).toBe(404);
  });
});

describe("the seed's own client functions", () => {
  it("tryOnFitting and tryOnComboFitting succeed against the app", async () => {
    const browser = await signedIn("Seed Client");
    // As the browser's fetch, same origin, with the session cookie.
    const fetch = (path: string, { credentials: _included, ...init }: RequestInit & { credentials?: "include" }) => browser.fetch(path, init);

    // ---- copied from the seed document (004), unchanged
    async function tryOnFitting(modelImageFile: File, upperProductId?: string, lowerProductId?: string) {
      try {
        const formData = new FormData();
        formData.append('model_image', modelImageFile);
        if (upperProductId) formData.append('upper_product_id', upperProductId);
        if (lowerProductId) formData.append('lower_product_id', lowerProductId);
        formData.append('hd_mode', 'false');
        const response = await fetch('/api/fitting/try-on', {
          method: 'POST',
          credentials: 'include',
          body: formData
        });
        const data = await response.json() as Envelope<{ downloadUrl: string }>;
        if (response.ok && data.status === 'success') {
          const result = data.data;
          console.log('가상피팅 완료:', result.downloadUrl);
          return result;
        } else {
          throw new Error(data.message || '가상피팅 실패');
        }
      } catch (error) {
        console.error('가상피팅 오류:', error);
        throw error;
      }
    }
    async function tryOnComboFitting(modelImageFile: File, upperProductId: string, lowerProductId: string) {
      try {
        const formData = new FormData();
        formData.append('model_image', modelImageFile);
        formData.append('upper_product_id', upperProductId);
        formData.append('lower_product_id', lowerProductId);
        const response = await fetch('/api/fitting/try-on/combo', {
          method: 'POST',
          credentials: 'include',
          body: formData
        });
        const data = await response.json() as Envelope<{ downloadUrl: string }>;
        if (response.ok && data.status === 'success') {
          const result = data.data;
          console.log('콤보 가상피팅 완료:', result.downloadUrl);
          return result;
        } else {
          throw new Error(data.message || '콤보 가상피팅 실패');
        }
      } catch (error) {
        console.error('콤보 가상피팅 오류:', error);
        throw error;
      }
    }
    // ---- end of the seed's code

    const single = await tryOnFitting(photo(), items.top);
    expect(single.downloadUrl).toMatch(/\.jpg$/);
    const combo = await tryOnComboFitting(photo(), items.top, items.bottom);
    expect((await browser.fetch(combo.downloadUrl)).status).toBe(200);
    await expect(tryOnFitting(photo(), items.bottom)).rejects.toThrow(/upper_product_id/);
  });
});
