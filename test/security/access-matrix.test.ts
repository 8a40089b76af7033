// The access-control matrix: user A owns one of everything (a room with a finished turn, an
// upload, a try-on and its result image, a voice session with its report and its socket, an
// occasion with its room and calendar file). For every route that takes an id, A is served,
// user B gets 404 (or 403) and never sees A's data, and a caller with no session gets 401.
// Routes that take another object's id in their body or form (a room to send to, a photo to
// try on, an occasion to rehearse for, a try-on to pin) are in the matrix too, and nothing is
// stored for B's refused attempts.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedCatalog } from "../catalog/seed";
import { Browser } from "../client";
import { personPhoto, storeGarment } from "../fitting/pictures";
import { connect } from "../voice/socket";

type Request = { name: string; path: string; method?: string; json?: unknown; form?: () => FormData; headers?: Record<string, string>; owner?: number[] };

const a = new Browser();
const b = new Browser();
const ids = { room: 0, turn: "", upload: "", uploadUrl: "", task: "", result: "", session: "", occasion: "", occasionRoom: 0, top: "" };
let requests: Request[];

async function json<T>(browser: Browser, path: string, init: Parameters<Browser["json"]>[1] = {}) {
  const { res, body } = await browser.json<T>(path, init);
  expect(res.status, `${path}: ${body.message}`).toBeLessThan(300);
  return body.data;
}

function photoForm(fields: Record<string, string>, photo = true): FormData {
  const form = new FormData();
  if (photo) form.append("model_image", new File([personPhoto()], "me.jpg", { type: "image/jpeg" }));
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

async function settled(roomId: number, turnId: string) {
  // The turn is done when the coordinator has answered (the local engine is quick).
  for (let i = 0; i < 100; i++) {
    const n = await env.DB.prepare("select count(*) as n from chat_messages where room_id = ? and turn_id = ? and sender_type = 'FITTING_COORDINATOR'").bind(roomId, turnId).first<number>("n");
    if (n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the turn did not finish");
}

beforeAll(async () => {
  await seedCatalog(120);
  const top = await env.DB.prepare("select id, image_key from products where category = 'top' order by id limit 1").first<{ id: string; image_key: string }>();
  ids.top = top!.id;
  await storeGarment(top!.image_key, "top", [30, 42, 80]);

  await a.devLogin(`Owner-${crypto.randomUUID().slice(0, 6)}`);
  await b.devLogin(`Stranger-${crypto.randomUUID().slice(0, 6)}`);

  const sent = await json<{ room_id: number; turn_id: string }>(a, "/api/chat/send", { method: "POST", body: { content: "면접 복장 추천해 주세요" } });
  ids.room = sent.room_id;
  ids.turn = sent.turn_id;
  await settled(ids.room, ids.turn);

  const form = new FormData();
  form.append("file", new File([personPhoto()], "me.jpg", { type: "image/jpeg" }));
  const up = await a.fetch("/api/chat/upload", { method: "POST", body: form });
  const upload = ((await up.json()) as { data: { upload_id: string; image_url: string } }).data;
  ids.upload = upload.upload_id;
  ids.uploadUrl = upload.image_url;

  const tryOn = await a.fetch("/api/fitting/try-on", { method: "POST", body: photoForm({ upper_product_id: ids.top }) });
  const task = ((await tryOn.json()) as { data: { taskId: string; downloadUrl: string } }).data;
  expect(tryOn.status).toBe(200);
  ids.task = task.taskId;
  ids.result = task.downloadUrl;

  const session = await json<{ id: string }>(a, "/api/voice/sessions", { method: "POST", body: { scenarioId: "interview-general", language: "ko", difficulty: "easy" } });
  ids.session = session.id;
  const socket = await connect(a, ids.session);
  await socket.nth("response.done", 1);
  socket.say("안녕하세요. 결제 시스템을 5년 동안 개발했습니다.");
  await socket.nth("response.done", 2);
  socket.close();
  await json(a, `/api/voice/sessions/${ids.session}/end`, { method: "POST" });

  const occasion = await json<{ id: string; roomId: number }>(a, "/api/occasions", {
    method: "POST",
    body: { kind: "interview", title: "Kakao interview", startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), language: "ko" },
  });
  ids.occasion = occasion.id;
  ids.occasionRoom = occasion.roomId;

  requests = [
    // Rooms and their messages.
    { name: "a room's messages", path: `/api/chat/rooms/${ids.room}/messages` },
    { name: "a streamed turn in a room", path: `/api/chat/rooms/${ids.room}/messages/stream?user_input=hi` },
    { name: "a room's event stream", path: `/api/chat/rooms/${ids.room}/events` },
    { name: "the polling answers of a room", path: `/api/chat/receive?room_id=${ids.room}` },
    { name: "sending into a room", path: "/api/chat/send", method: "POST", json: { room_id: ids.room, content: "내 방이 아니에요" } },
    { name: "retrying a turn", path: `/api/chat/rooms/${ids.room}/turns/${ids.turn}/retry`, method: "POST" },
    // Uploads and images.
    { name: "an uploaded photo", path: ids.uploadUrl },
    { name: "a try-on with someone's upload id", path: "/api/fitting/try-on?wait=false", method: "POST", form: () => photoForm({ upper_product_id: ids.top, model_upload_id: ids.upload }, false) },
    { name: "a try-on with someone's upload URL", path: "/api/fitting/try-on?wait=false", method: "POST", form: () => photoForm({ upper_product_id: ids.top, model_image_url: ids.uploadUrl }, false) },
    { name: "a try-on into someone's room", path: "/api/fitting/try-on?wait=false", method: "POST", form: () => photoForm({ upper_product_id: ids.top, room_id: String(ids.room) }) },
    // Try-on tasks and results.
    { name: "a try-on's status", path: `/api/fitting/status/${ids.task}` },
    { name: "a try-on's result image", path: ids.result },
    { name: "deleting a try-on", path: `/api/fitting/tasks/${ids.task}`, method: "DELETE" },
    // Voice sessions, their socket and their report.
    { name: "a voice session", path: `/api/voice/sessions/${ids.session}` },
    { name: "a voice session's report", path: `/api/voice/sessions/${ids.session}/feedback` },
    { name: "ending a voice session", path: `/api/voice/sessions/${ids.session}/end`, method: "POST" },
    // A's session has ended (its report is in the matrix too): A is told so, B that there is none.
    { name: "a voice session's socket", path: `/api/voice/sessions/${ids.session}/ws`, headers: { upgrade: "websocket" }, owner: [410] },
    { name: "a rehearsal for someone's occasion", path: "/api/voice/sessions", method: "POST", json: { scenarioId: "interview-general", language: "ko", difficulty: "easy", occasionId: ids.occasion } },
    // Occasions.
    { name: "an occasion", path: `/api/occasions/${ids.occasion}` },
    { name: "changing an occasion", path: `/api/occasions/${ids.occasion}`, method: "PATCH", json: { title: "Mine now" } },
    { name: "an occasion's calendar file", path: `/api/occasions/${ids.occasion}/calendar.ics` },
    { name: "deleting an occasion", path: `/api/occasions/${ids.occasion}`, method: "DELETE" },
  ];
}, 60_000);

async function send(browser: Browser, r: Request): Promise<{ status: number; text: string }> {
  const init: RequestInit = { method: r.method ?? "GET", headers: { ...r.headers } };
  if (r.json !== undefined) {
    init.body = JSON.stringify(r.json);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  }
  if (r.form) init.body = r.form();
  const res = await browser.fetch(r.path, init);
  if (res.webSocket) {
    res.webSocket.accept();
    res.webSocket.close();
    return { status: res.status, text: "" };
  }
  const type = res.headers.get("content-type") ?? "";
  if (type.startsWith("image/") || type.startsWith("text/event-stream")) {
    await res.body?.cancel(); // an open stream, or bytes we need not read
    return { status: res.status, text: type };
  }
  return { status: res.status, text: await res.text() };
}

/** Rows B could have created through A's ids. */
async function footprint() {
  const q = (sql: string) => env.DB.prepare(sql).first<number>("n");
  return {
    messages: await q("select count(*) as n from chat_messages"),
    tasks: await q("select count(*) as n from fitting_tasks"),
    sessions: await q("select count(*) as n from voice_sessions"),
    occasions: await q("select count(*) as n from occasions"),
  };
}

describe("the access-control matrix", () => {
  it("covers every kind of object", () => {
    expect(requests.length).toBeGreaterThanOrEqual(22);
  });

  it("refuses a caller with no session with 401 on every route", async () => {
    const anonymous = new Browser();
    for (const r of requests) {
      const { status } = await send(anonymous, r);
      expect(status, r.name).toBe(401);
    }
  });

  it("answers user B 404 (or 403) on every route with A's ids, shows none of A's data, and stores nothing", async () => {
    const before = await footprint();
    for (const r of requests) {
      const { status, text } = await send(b, r);
      expect([403, 404], `${r.name}: ${status} ${text.slice(0, 200)}`).toContain(status);
      expect(text, r.name).not.toContain("Kakao interview");
      expect(text, r.name).not.toContain("면접 복장 추천해 주세요");
    }
    expect(await footprint()).toEqual(before);
    // B's attempts changed nothing of A's: A's occasion is still titled as A left it.
    const occasion = await a.json<{ title: string }>(`/api/occasions/${ids.occasion}`);
    expect(occasion.body.data.title).toBe("Kakao interview");
  });

  it("tells B's stylist room nothing about A's occasion", async () => {
    const { res, body } = await b.json<{ occasion: unknown }>(`/api/occasions/for-room/${ids.occasionRoom}`);
    expect(res.status).toBe(200);
    expect(body.data).toEqual({ occasion: null });
  });

  it("serves A on every route (so the refusals above are about ownership, not a broken route)", async () => {
    const { body } = await a.json<{ occasion: { id: string } | null }>(`/api/occasions/for-room/${ids.occasionRoom}`);
    expect(body.data.occasion?.id).toBe(ids.occasion);
    // Reads first, then the requests that change or delete things.
    const order = [...requests].sort((x, y) => Number(x.method === "DELETE") - Number(y.method === "DELETE"));
    for (const r of order) {
      const { status, text } = await send(a, r);
      expect(r.owner ?? [200, 201, 202], `${r.name}: ${status} ${text.slice(0, 200)}`).toContain(status);
    }
  }, 60_000);
});
