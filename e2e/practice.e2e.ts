// The voice rehearsal end to end against the real Worker with the local partner: choose a
// scenario and its difficulty, talk by typing, watch the partner's lines stream in, end the
// session, read the report (scores, fillers, the transcript with fillers marked), and find it
// in the progress page; on a phone, in English.
import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { pagePerTest, PHONE, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const open = pagePerTest(baseUrl);
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000 });

async function answer(page: Page, text: string, partnerLinesBefore: number) {
  await page.getByLabel(/답변 입력|Your answer/).fill(text);
  await page.keyboard.press("Enter");
  await eventually(() => page.locator('.live__line[data-speaker="partner"]').count()).toBe(partnerLinesBefore + 1);
  // The line has finished streaming.
  await eventually(() => page.locator(".live__typing").count()).toBe(0);
}

describe("practice", () => {
  test("a typed interview rehearsal in Korean ends in a scored report with the fillers marked, and shows in progress", async () => {
    const page = await open();
    await signIn(page);
    await page.goto("/practice");
    const cards = page.locator(".scenario-card");
    await eventually(() => cards.count()).toBeGreaterThanOrEqual(8);
    await page.getByLabel("난이도").selectOption("easy");
    expect(await page.getByLabel("연습 언어").inputValue()).toBe("ko");
    await page.getByRole("button", { name: "연습 시작: 면접 (일반)" }).click();
    await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);

    // The partner opens.
    await page.getByText("대화 중").waitFor();
    await eventually(() => page.locator('.live__line[data-speaker="partner"]').first().textContent()).toContain("자기소개 부탁드립니다");
    await answer(page, "음, 안녕하세요. 저는 그, 결제 시스템을 5년 동안 개발한 백엔드 개발자입니다. 시간 내 주셔서 감사합니다.", 1);
    await answer(page, "어, 귀사의 결제 플랫폼이 작년에 거래액이 두 배가 됐다는 기사를 보고 지원했습니다.", 2);
    expect(await page.locator('.live__line[data-speaker="user"]').count()).toBe(2);
    await page.screenshot({ path: "e2e/artifacts/practice-live.png", fullPage: true });

    await page.getByRole("button", { name: "연습 끝내고 결과 보기" }).click();
    await page.waitForURL(/\/report$/);
    await page.getByRole("heading", { name: "연습 결과", level: 1 }).waitFor();
    const overall = Number(await page.getByLabel("종합", { exact: true }).first().textContent());
    expect(overall).toBeGreaterThan(0);
    expect(await page.locator(".score-bars").first().locator("li").count()).toBe(5);
    await page.locator(".report__figure", { hasText: "최소 3번" }).waitFor();
    expect(await page.locator(".report-transcript mark").allTextContents()).toEqual(["음", "그", "어"]);
    expect(await page.locator(".report__dimension").count()).toBe(4);
    await page.screenshot({ path: "e2e/artifacts/practice-report.png", fullPage: true });

    await page.getByRole("link", { name: "성장 기록 보기" }).click();
    await page.waitForURL("**/progress");
    const card = page.getByRole("region", { name: "면접 (일반)" });
    await card.waitFor();
    await eventually(() => card.locator("canvas").count()).toBeGreaterThan(0);
    await card.getByRole("link", { name: new RegExp(`${overall}점`) }).waitFor();

    // The session is listed on the practice page with its score.
    await page.goto("/practice");
    await page.getByRole("region", { name: "최근 연습" }).getByText(`${overall}점`).waitFor();
  });

  test("on a phone in English the rehearsal fits the screen and the report speaks English", async () => {
    const page = await open({ viewport: PHONE });
    await signIn(page);
    await page.getByRole("button", { name: "English" }).click();
    await page.goto("/practice");
    expect(await page.getByLabel("Rehearsal language").inputValue()).toBe("en");
    await page.getByRole("button", { name: "Start: Asking for a raise" }).click();
    await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
    await eventually(() => page.locator('.live__line[data-speaker="partner"]').first().textContent()).toContain("What's on your mind?");
    await answer(page, "Um, I'd like to talk about my salary. This year I, like, shipped the new billing system and cut support tickets by 40%.", 1);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
    await page.getByRole("button", { name: "End and see the report" }).click();
    await page.waitForURL(/\/report$/);
    await page.getByRole("heading", { name: "Your report", level: 1 }).waitFor();
    await page.locator(".report__figure", { hasText: "At least 2" }).waitFor();
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: "e2e/artifacts/practice-report-phone.png", fullPage: true });
  });
});
