// The stylist chat, end to end against the real Worker and its offline stylist: a question
// in Korean streams four experts' answers with catalog products and the coordinator's one
// outfit; the room comes back after a reload; a phone stacks the answers; the English UI
// names the experts in English; older messages load upwards; a refused send keeps the text,
// a broken stream offers to reconnect, and an expert's failure can be tried again.
import type { Locator, Page, Route } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { pagePerTest, PHONE, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const open = pagePerTest(baseUrl);

const QUESTION = "다음 주 IT 회사 면접인데 뭐 입을까요?";
const EXPERTS_KO = ["스타일 분석가", "트렌드 전문가", "컬러 전문가", "핏팅 코디네이터"] as const;
const EXPERTS_EN = ["Style Analyst", "Trend Expert", "Color Expert", "Fitting Coordinator"] as const;
/** A whole turn of the offline stylist is paced over a few seconds; a busy machine is slower. */
const TURN_MS = 30_000;

const eventually = <T>(read: () => Promise<T> | T, timeout = 15_000) => expect.poll(read, { timeout });
const log = (page: Page, name = "대화") => page.getByRole("log", { name });
const answer = (page: Page, name: string, logName?: string) => log(page, logName).getByRole("region", { name }).last();
const cardsIn = (area: Locator) => area.locator("article.product-card");
const pageWidth = (page: Page) => page.evaluate<number>("document.documentElement.scrollWidth");

/** Every product picture in the area has loaded (its pixel width is known). */
const imagesLoaded = (area: Locator) =>
  area.locator(".product-card__media img").evaluateAll((imgs) => imgs.every((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth > 0));

/** The product ids the cards in the area link to. */
const cardIds = (area: Locator) =>
  area.locator(".product-card__name a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!.split("/").pop()!));

/**
 * The lengths an expert's text had while it streamed, sampled every frame in the page until
 * the answer is complete. Start it before asking: it waits for the answer to appear.
 */
function streamedLengths(page: Page, name: string): Promise<number[]> {
  return page.evaluate<number[]>(`new Promise((resolve) => {
    const seen = [];
    const tick = () => {
      const section = [...document.querySelectorAll("section.answer")].findLast((s) => s.querySelector("h3")?.textContent === ${JSON.stringify(name)});
      const text = section?.querySelector(".answer__text.is-streaming");
      if (text && text.textContent.length !== seen.at(-1)) seen.push(text.textContent.length);
      if (section?.dataset.status === "done") resolve(seen);
      else requestAnimationFrame(tick);
    };
    tick();
  })`);
}

async function ask(page: Page, question: string) {
  const box = page.getByRole("textbox", { name: /메시지|Message/ });
  await box.fill(question);
  await box.press("Enter");
}

/** The coordinator's "try on" link, once the whole turn has been answered. */
async function outfitLink(page: Page, name = "핏팅 코디네이터", label = "이 코디 입어 보기", logName?: string) {
  const link = answer(page, name, logName).getByRole("link", { name: label });
  await link.waitFor({ timeout: TURN_MS });
  return link;
}

type SseEvent = { id: string; event: string; data: { status: string; message: string; data: Record<string, unknown> } };

function parseStream(body: string): SseEvent[] {
  return body
    .split("\n\n")
    .map((block) => {
      const field = (name: string) => block.split("\n").find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
      const data = field("data");
      return data ? { id: field("id") ?? "", event: field("event") ?? "message", data: JSON.parse(data) } : null;
    })
    .filter((e): e is SseEvent => e !== null);
}

const streamBody = (events: SseEvent[]) => events.map((e) => `id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`).join("");

/**
 * Lets the turn's request reach the real Worker, waits for its whole stream, and hands the
 * page what `change` makes of its events instead: a fault on the way, not made-up answers.
 */
function alterStream(page: Page, change: (events: SseEvent[]) => SseEvent[]) {
  return page.route("**/api/chat/rooms/messages/stream?*", async (route: Route) => {
    const response = await route.fetch({ timeout: TURN_MS });
    const events = parseStream(await response.text());
    await route.fulfill({ response, body: streamBody(change(events)) });
  });
}

describe("a stylist chat", () => {
  test("a Korean question streams four answers with products and one outfit to try on, and a reload brings the room back", async () => {
    const page = await open();
    await signIn(page);
    await page.getByRole("heading", { level: 2, name: "어떤 자리를 준비하고 있나요?" }).waitFor();

    const analystLengths = streamedLengths(page, "스타일 분석가");
    const coordinatorLengths = streamedLengths(page, "핏팅 코디네이터");
    await ask(page, QUESTION);
    await page.waitForURL(/\/style\/\d+$/);
    const roomId = new URL(page.url()).pathname.split("/").pop();
    await log(page).getByText(QUESTION).waitFor();
    for (const name of EXPERTS_KO) await answer(page, name).waitFor();
    expect(await page.getByRole("button", { name: "보내기" }).isDisabled()).toBe(true);

    // Each answer grows piece by piece, then settles.
    for (const lengths of [await analystLengths, await coordinatorLengths]) {
      expect(lengths.length).toBeGreaterThanOrEqual(3);
      expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
    }
    const tryOn = await outfitLink(page);

    // Products under every answer, with pictures that load, each opening its product page.
    for (const name of EXPERTS_KO.slice(0, 3)) await eventually(() => cardsIn(answer(page, name)).count()).toBeGreaterThanOrEqual(1);
    const coordinator = answer(page, "핏팅 코디네이터");
    await eventually(() => cardsIn(coordinator).count()).toBeGreaterThanOrEqual(2);
    await eventually(() => imagesLoaded(log(page))).toBe(true);
    const outfit = await cardIds(coordinator);
    expect(await cardsIn(coordinator).first().getByRole("link").getAttribute("href")).toBe(`/products/${outfit[0]}`);
    await coordinator.getByText("오프라인 스타일리스트 (local)").waitFor();

    // The try-on link takes the outfit's top (or dress) and bottom.
    const href = new URL((await tryOn.getAttribute("href"))!, baseUrl);
    expect(href.pathname).toBe("/try-on");
    const upper = href.searchParams.get("upper")!;
    expect(outfit).toContain(upper);
    const category = async (id: string) => (await (await page.request.get(`/api/products/${id}`)).json()).data.category as string;
    expect(["top", "dress", "outer"]).toContain(await category(upper));
    if (href.searchParams.has("lower")) expect(await category(href.searchParams.get("lower")!)).toBe("bottom");

    // The room is in the list, marked as the open one; the box takes the next question.
    const rooms = page.getByRole("navigation", { name: "상담 내역" });
    const room = rooms.getByRole("link", { name: /다음 주 IT 회사 면접인데/ });
    await room.waitFor();
    expect(await room.getAttribute("aria-current")).toBe("page");
    expect(await room.getAttribute("href")).toBe(`/style/${roomId}`);
    await page.getByRole("textbox", { name: "메시지" }).fill("좀 더 캐주얼하게");
    expect(await page.getByRole("button", { name: "보내기" }).isEnabled()).toBe(true);

    await page.reload();
    await outfitLink(page);
    await log(page).getByText(QUESTION).waitFor();
    for (const name of EXPERTS_KO) expect((await answer(page, name).locator(".answer__text").textContent())!.length).toBeGreaterThan(40);
    await eventually(() => cardIds(answer(page, "핏팅 코디네이터"))).toEqual(outfit);
    await eventually(() => imagesLoaded(log(page))).toBe(true);
    expect(await (await outfitLink(page)).getAttribute("href")).toBe(await tryOn.getAttribute("href"));
    expect(await rooms.getByRole("link", { name: /다음 주 IT 회사 면접인데/ }).getAttribute("aria-current")).toBe("page");

    await (await outfitLink(page)).click();
    await page.waitForURL((url) => url.pathname === "/try-on" && url.searchParams.get("upper") === upper);
    await eventually(() => page.locator("main article.product-card").count()).toBe(href.searchParams.has("lower") ? 2 : 1);

    // Back in the chat, a new one starts empty.
    await page.goto(`/style/${roomId}`);
    await page.getByRole("link", { name: "새 상담" }).click();
    await page.waitForURL((url) => url.pathname === "/style");
    await page.getByRole("heading", { level: 2, name: "어떤 자리를 준비하고 있나요?" }).waitFor();
  });

  test("on a phone the answers stack, nothing is wider than the screen, and the rooms wait behind a button", async () => {
    const page = await open({ viewport: PHONE });
    await signIn(page);
    await page.getByRole("button", { name: "다음 주 IT 회사 면접 복장 추천해줘" }).click();
    const box = page.getByRole("textbox", { name: "메시지" });
    expect(await box.inputValue()).toBe("다음 주 IT 회사 면접 복장 추천해줘");
    await page.getByRole("button", { name: "보내기" }).click();
    await answer(page, "트렌드 전문가").waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await outfitLink(page);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    const boxes = await Promise.all(EXPERTS_KO.map((name) => answer(page, name).boundingBox()));
    for (let i = 1; i < boxes.length; i++) {
      expect(boxes[i]!.x).toBe(boxes[0]!.x);
      expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y + boxes[i - 1]!.height - 1);
    }
    // The message box sits above the tab bar.
    const composer = await box.boundingBox();
    const tabs = await page.getByRole("navigation", { name: "주요 메뉴" }).boundingBox();
    expect(composer!.y + composer!.height).toBeLessThanOrEqual(tabs!.y);

    const toggle = page.getByRole("button", { name: "상담 내역" });
    const room = page.getByRole("navigation", { name: "상담 내역" }).getByRole("link", { name: /면접 복장/ });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await room.isVisible()).toBe(false);
    await toggle.click();
    await room.waitFor();
    expect(await room.getAttribute("aria-current")).toBe("page");
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  });

  test("in English the experts, their roles and the outfit speak English", async () => {
    const page = await open();
    await signIn(page);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 2, name: "What's the occasion?" }).waitFor();
    for (const name of EXPERTS_EN) await page.getByText(name, { exact: true }).waitFor();
    await page.getByRole("button", { name: "Rainy day office outfit" }).click();
    await page.getByRole("button", { name: "Send" }).click();
    for (const name of EXPERTS_EN) await answer(page, name, "Conversation").waitFor();
    await answer(page, "Fitting Coordinator", "Conversation").getByText("Weighs it all and picks exactly one outfit").waitFor();
    await outfitLink(page, "Fitting Coordinator", "Try on this outfit", "Conversation");
    await answer(page, "Color Expert", "Conversation").getByText("Offline stylist (local)").waitFor();
    await page.getByRole("navigation", { name: "Your chats" }).getByRole("link", { name: /Rainy day office outfit/ }).waitFor();
  });

  test("a reload in the middle of a turn picks the answers up where they are", async () => {
    const page = await open();
    await signIn(page);
    await ask(page, QUESTION);
    await answer(page, "스타일 분석가").locator(".answer__text.is-streaming").waitFor();
    await page.reload();
    // The room's watch replays the turn so far, then streams the rest.
    const coordinatorLengths = streamedLengths(page, "핏팅 코디네이터");
    await outfitLink(page);
    expect((await coordinatorLengths).length).toBeGreaterThanOrEqual(3);
    for (const name of EXPERTS_KO) await answer(page, name).getByText("오프라인 스타일리스트 (local)").waitFor();
    expect(await log(page).getByText(QUESTION).count()).toBe(1);
    expect(await page.getByRole("alert").count()).toBe(0);
  });

  test("older messages load as the reader scrolls up, keeping what was on screen in place", async () => {
    const page = await open();
    await signIn(page);
    // Five turns in one room (25 messages; a page holds 20), asked through the API.
    const questions = ["출근룩 추천해 주세요", "주말 데이트룩 골라 주세요", "비 오는 날 출근룩은요?", "친구 결혼식 하객룩 추천해 주세요", "여름 휴가 여행룩은요?"];
    let roomId: number | undefined;
    for (const q of questions) {
      const path = roomId === undefined ? "/api/chat/rooms/messages/stream" : `/api/chat/rooms/${roomId}/messages/stream`;
      const response = await page.request.get(`${path}?user_input=${encodeURIComponent(q)}`, { timeout: TURN_MS });
      const events = parseStream(await response.text());
      roomId ??= Number(events.find((e) => e.event === "room")!.data.data.room_id);
      expect(events.at(-1)!.data.data.agent_id).toBe("fitting_coordinator");
    }

    await page.goto(`/style/${roomId}`);
    await outfitLink(page);
    const second = log(page).getByText(questions[1]!, { exact: true });
    await second.waitFor();
    expect(await log(page).getByText(questions[0]!, { exact: true }).count()).toBe(0);
    // Opened at its end: the last outfit is on screen.
    expect(await page.evaluate<number>("window.scrollY")).toBeGreaterThan(0);

    // The older page is held back until the position has been measured.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/messages\?.*cursor=/, async (route) => {
      await held;
      await route.continue();
    });
    await page.evaluate("window.scrollTo(0, 0)");
    await page.getByRole("status").getByText("이전 대화 불러오는 중…").waitFor();
    const before = (await second.boundingBox())!.y;
    release();
    await log(page).getByText(questions[0]!, { exact: true }).waitFor();
    expect(Math.abs((await second.boundingBox())!.y - before)).toBeLessThan(2);
    expect(await page.evaluate<number>("window.scrollY")).toBeGreaterThan(200);
    await eventually(() => log(page).getByRole("region", { name: "핏팅 코디네이터" }).count()).toBe(5);
  });
});

describe("when things go wrong", () => {
  test("a message that cannot be sent stays in the box, with the reason", async () => {
    const page = await open();
    await signIn(page);
    await page.route("**/api/chat/rooms/messages/stream?*", (route) => route.abort("internetdisconnected"));
    await ask(page, QUESTION);
    await page.getByRole("alert").getByText("메시지를 보내지 못했어요.", { exact: false }).waitFor();
    expect(await page.getByRole("textbox", { name: "메시지" }).inputValue()).toBe(QUESTION);
    expect(new URL(page.url()).pathname).toBe("/style");
    await page.getByRole("heading", { level: 2, name: "어떤 자리를 준비하고 있나요?" }).waitFor();

    await page.unroute("**/api/chat/rooms/messages/stream?*");
    await page.getByRole("button", { name: "보내기" }).click();
    await page.waitForURL(/\/style\/\d+$/);
    await outfitLink(page);
    expect(await page.getByRole("textbox", { name: "메시지" }).inputValue()).toBe("");
  });

  test("a stream that breaks before the coordinator offers to reconnect, which brings the stored answers", async () => {
    const page = await open();
    await signIn(page);
    // The connection drops right after the panel's answers.
    await alterStream(page, (events) => events.filter((e) => e.data.data.agent_id !== "fitting_coordinator"));
    await ask(page, QUESTION);
    const banner = page.getByRole("alert").filter({ hasText: "연결이 끊겨 답변을 끝까지 받지 못했어요." });
    await banner.waitFor({ timeout: TURN_MS });
    await answer(page, "컬러 전문가").getByText("오프라인 스타일리스트 (local)").waitFor();
    expect(await answer(page, "핏팅 코디네이터").getByRole("link").count()).toBe(0);

    await banner.getByRole("button", { name: "다시 연결" }).click();
    await outfitLink(page);
    expect(await banner.count()).toBe(0);
  });

  test("an expert who could not answer shows why, and trying again brings the answer", async () => {
    const page = await open();
    await signIn(page);
    // The color expert's answer is lost on the way, replaced by the failure the room sends.
    await alterStream(page, (events) =>
      events.flatMap((e) => {
        if (e.data.data.agent_id !== "color_expert") return [e];
        if (e.event !== "complete") return [];
        const data = { agent_id: "color_expert", turn_id: e.data.data.turn_id, retryable: true, type: "error" };
        return [{ id: e.id, event: "error", data: { status: "fail", message: "컬러 전문가: 응답 시간이 초과되었어요", data } }];
      }),
    );
    await ask(page, QUESTION);
    await outfitLink(page);
    const color = answer(page, "컬러 전문가");
    await color.getByText("답변하지 못했어요.").waitFor();
    await color.getByText("컬러 전문가: 응답 시간이 초과되었어요").waitFor();
    await page.unroute("**/api/chat/rooms/messages/stream?*");

    // The room stored the answer after all, so trying again shows it.
    await color.getByRole("button", { name: "다시 시도" }).click();
    await color.getByText("오프라인 스타일리스트 (local)").waitFor({ timeout: TURN_MS });
    await eventually(() => cardsIn(color).count()).toBeGreaterThanOrEqual(1);
  });
});
