// Building an expert's brief from D1 and R2: the user's profile facts, the room's earlier
// messages (oldest first, bounded, product rows and this turn left out), the intent read with
// them and the season from the date, each expert's own knowledge notes, the photo as base64,
// and the picks (the planner's for the panel, the one outfit for the coordinator).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { PeerAnswer } from "../../worker/chat/brief";
import { buildBrief, HISTORY_LIMITS, loadHistory, loadPhoto, seasonAt } from "../../worker/chat/brief-builder";
import { planOutfit, planPicks } from "../../worker/chat/planner";
import { seedCatalog } from "../catalog/seed";
import { seedKnowledge } from "./stylist-fixtures";

const NOW = new Date("2026-10-20T03:00:00Z");
let userId: number;
let roomId: number;

async function say(room: number, sender: string, message: string, turnId: string, at: number) {
  await env.DB.prepare("insert into chat_messages (room_id, sender_type, message, turn_id, created_at) values (?, ?, ?, ?, ?)").bind(room, sender, message, turnId, at).run();
}

beforeAll(async () => {
  await seedCatalog(600);
  await seedKnowledge();
  userId = (await env.DB.prepare(
    "insert into users (provider, provider_user_id, nickname, height_cm, body_shape, skin_tone, gender, preferred_styles) values ('dev', 'seoyeon', '서연', 165, 'hourglass', 'cool', 'women', '[\"클래식\"]') returning id",
  ).first<{ id: number }>())!.id;
  roomId = (await env.DB.prepare("insert into chat_rooms (user_id) values (?) returning id").bind(userId).first<{ id: number }>())!.id;
  await say(roomId, "USER", "다음 주 상견례 자리에 입을 옷 추천해줘. 예산 30만원, 흰색은 빼고", "t1", 1_000);
  await say(roomId, "STYLE", "상견례에는 차분한 실루엣이 좋아요.", "t1", 2_000);
  await say(roomId, "STYLE_PRODUCT", "클래식 블라우스 [네이비]", "t1", 2_001);
  await say(roomId, "FITTING_COORDINATOR", "세 가지 합계 280,000원으로 예산 30만원 안이에요.", "t1", 3_000);
  await say(roomId, "USER", "좀 더 저렴한 걸로", "t2", 4_000);
});

describe("the brief", () => {
  it("carries the profile facts, the history before this turn and the intent read with it", async () => {
    const brief = await buildBrief(env, { userId, roomId, turnId: "t2", expert: "style_analyst", question: "좀 더 저렴한 걸로", photoKey: null, peers: [] }, NOW);
    expect(brief.profile).toEqual({ nickname: "서연", heightCm: 165, bodyShape: "hourglass", skinTone: "cool", gender: "women", preferredStyles: ["클래식"] });
    expect(brief.history).toEqual([
      { role: "user", text: "다음 주 상견례 자리에 입을 옷 추천해줘. 예산 30만원, 흰색은 빼고" },
      { role: "expert", expert: "style_analyst", text: "상견례에는 차분한 실루엣이 좋아요." },
      { role: "expert", expert: "fitting_coordinator", text: "세 가지 합계 280,000원으로 예산 30만원 안이에요." },
    ]);
    expect(brief.intent.occasion).toBe("상견례");
    expect(brief.intent.avoidColors).toEqual(["white"]);
    expect(brief.intent.budget.max).toBe(210_000);
    expect(brief.intent.gender).toBe("women");
    // No season was said: the date (October in Korea) decides.
    expect(brief.intent.season).toBe("fall");
    expect(brief.language).toBe("ko");
    expect(brief.peers).toEqual([]);
  });

  it("picks with the planner: the panel's lens, and the coordinator's one outfit from the peers", async () => {
    const req = { userId, roomId, turnId: "t2", question: "좀 더 저렴한 걸로", photoKey: null };
    const style = await buildBrief(env, { ...req, expert: "style_analyst", peers: [] }, NOW);
    expect(style.picks.map((p) => p.product_id)).toEqual((await planPicks(env.DB, style.intent, style.profile, "style_analyst")).map((p) => p.product_id));
    const peers: PeerAnswer[] = [{ expert: "style_analyst", text: "…", products: style.picks }];
    const coordinator = await buildBrief(env, { ...req, expert: "fitting_coordinator", peers }, NOW);
    expect(coordinator.peers).toEqual(peers);
    expect(coordinator.picks.map((p) => p.product_id)).toEqual((await planOutfit(env.DB, coordinator.intent, coordinator.profile, peers)).map((p) => p.product_id));
    for (const p of coordinator.picks) expect(p.colors[0]!.name).not.toBe("화이트");
  });

  it("gives each expert notes on its own subject, in the user's language first", async () => {
    const req = { userId, roomId, turnId: "t9", question: "겨울 면접 코디 추천해줘", photoKey: null, peers: [] };
    const topics = async (expert: "style_analyst" | "trend_expert" | "color_expert" | "fitting_coordinator") => (await buildBrief(env, { ...req, expert }, NOW)).passages;
    const trend = await topics("trend_expert");
    expect(trend.length).toBeGreaterThan(0);
    expect(trend.length).toBeLessThanOrEqual(4);
    expect(trend[0]!.topic).toBe("trends");
    expect((await topics("color_expert"))[0]!.topic).toBe("color");
    const style = await topics("style_analyst");
    expect(style.map((p) => p.topic)).toContain("dress-codes");
    expect(style.map((p) => p.topic)).toContain("body-shape");
    expect(style[0]!.language).toBe("ko");
    expect((await topics("fitting_coordinator")).map((p) => p.topic)).toContain("fabric-weather");
  });

  it("fails loudly for a user who does not exist", async () => {
    await expect(buildBrief(env, { userId: 999_999, roomId, turnId: "x", expert: "style_analyst", question: "hi", photoKey: null, peers: [] }, NOW)).rejects.toThrow(/not found/);
  });
});

describe("the history", () => {
  it("is bounded by message count and characters, keeping the newest", async () => {
    const room = (await env.DB.prepare("insert into chat_rooms (user_id) values (?) returning id").bind(userId).first<{ id: number }>())!.id;
    for (let i = 0; i < 20; i++) await say(room, i % 2 ? "COLOR" : "USER", `message ${i}`, `t${i}`, 10_000 + i);
    const history = await loadHistory(env.DB, room, "now");
    expect(history).toHaveLength(HISTORY_LIMITS.messages);
    expect(history.at(-1)).toEqual({ role: "expert", expert: "color_expert", text: "message 19" });
    expect(history[0]).toEqual({ role: "user", text: "message 8" });

    const long = (await env.DB.prepare("insert into chat_rooms (user_id) values (?) returning id").bind(userId).first<{ id: number }>())!.id;
    for (let i = 0; i < 5; i++) await say(long, "USER", `${i}`.repeat(1_500), `t${i}`, 20_000 + i);
    const bounded = await loadHistory(env.DB, long, "now");
    expect(bounded.map((h) => h.text[0])).toEqual(["3", "4"]);
  });
});

describe("the photo", () => {
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3];
  const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16];

  it("is read from R2 as base64 with its media type, sniffed when R2 has none", async () => {
    await env.IMAGES.put("users/1/uploads/a.png", new Uint8Array(PNG), { httpMetadata: { contentType: "image/png" } });
    expect(await loadPhoto(env.IMAGES, "users/1/uploads/a.png")).toEqual({ mediaType: "image/png", base64: btoa(String.fromCharCode(...PNG)) });
    await env.IMAGES.put("users/1/uploads/b", new Uint8Array(JPEG));
    expect((await loadPhoto(env.IMAGES, "users/1/uploads/b"))?.mediaType).toBe("image/jpeg");
  });

  it("is left out when missing or of a type the vision APIs do not take", async () => {
    expect(await loadPhoto(env.IMAGES, null)).toBeNull();
    expect(await loadPhoto(env.IMAGES, "users/1/uploads/none.png")).toBeNull();
    await env.IMAGES.put("users/1/uploads/c.gif", new TextEncoder().encode("GIF89a…"), { httpMetadata: { contentType: "image/gif" } });
    expect(await loadPhoto(env.IMAGES, "users/1/uploads/c.gif")).toBeNull();
  });

  it("encodes a large photo without overflowing the stack", async () => {
    const big = new Uint8Array(600_000);
    big.set(JPEG);
    await env.IMAGES.put("users/1/uploads/big.jpg", big, { httpMetadata: { contentType: "image/jpeg" } });
    const photo = await loadPhoto(env.IMAGES, "users/1/uploads/big.jpg");
    expect(photo?.base64.length).toBe(800_000);
  });
});

describe("the season from the date", () => {
  it.each([
    ["2026-02-28T14:00:00Z", "winter"], // 23:00 KST, still February
    ["2026-02-28T15:00:00Z", "spring"], // midnight KST, March 1st
    ["2026-07-01T00:00:00Z", "summer"],
    ["2026-11-30T14:59:00Z", "fall"],
    ["2026-12-01T00:00:00Z", "winter"],
  ])("%s → %s", (iso, season) => expect(seasonAt(new Date(iso))).toBe(season));
});
