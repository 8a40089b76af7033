// An occasion end to end with the offline engines: plan an interview (company and role), ask
// its stylist room a bare question and see the coordinator's outfit become the occasion's,
// then pin another answer's products instead,
// rehearse it by typing (the interviewer names the company and the role), tick a step, and
// watch the occasion page and the home list fill in; the calendar file downloads.
import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { pagePerTest, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const open = pagePerTest(baseUrl);
const eventually = <T>(read: () => Promise<T> | T, timeout = 20_000) => expect.poll(read, { timeout });

/** datetime-local for three days from now, at 14:00. */
function inThreeDays(): string {
  const d = new Date(Date.now() + 3 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T14:00`;
}

const readiness = (page: Page) => page.locator(".occasion__head [role=meter]").getAttribute("aria-valuenow").then(Number);

describe("occasions", () => {
  test("an interview occasion gathers its outfit, a rehearsal and a ticked step, and shows on the home page", async () => {
    const page = await open();
    await signIn(page);
    await page.getByRole("navigation", { name: "주요 메뉴" }).getByRole("link", { name: "일정" }).click();
    await page.waitForURL("**/occasions");
    await page.getByText("아직 준비 중인 일정이 없어요").waitFor();

    await page.getByText("새 일정", { exact: true }).click();
    await page.getByLabel("어떤 자리인가요?").selectOption("interview");
    await page.getByLabel("제목").fill("카카오 백엔드 면접");
    await page.getByLabel("날짜와 시간").fill(inThreeDays());
    await page.getByLabel("회사 (선택)").fill("카카오");
    await page.getByLabel("직무 (선택)").fill("백엔드 개발자");
    await page.getByRole("button", { name: "일정 만들기" }).click();
    await page.waitForURL(/\/occasions\/[0-9a-f-]{36}$/);
    const occasionUrl = page.url();
    await page.getByRole("heading", { name: "카카오 백엔드 면접", level: 1 }).waitFor();
    expect(await page.locator(".occasion__countdown").textContent()).toBe("3일 후");
    expect(await readiness(page)).toBe(0);
    expect(await page.getByText("아직 정한 옷이 없어요").count()).toBe(1);

    // The stylist room knows the occasion: a bare question is answered for the interview.
    await page.getByRole("link", { name: "스타일리스트와 상담하기" }).click();
    await page.waitForURL(/\/style\/\d+$/);
    const box = page.getByRole("textbox", { name: /메시지/ });
    await box.fill("뭐 입으면 좋을까요?");
    await box.press("Enter");
    const coordinator = page.getByRole("log", { name: "대화" }).getByRole("region", { name: "핏팅 코디네이터" }).last();
    await coordinator.getByRole("link", { name: "이 코디 입어 보기" }).waitFor({ timeout: 60_000 });
    expect(await coordinator.textContent()).toContain("면접");

    await page.goto(occasionUrl);
    await page.getByText("피팅 코디네이터의 추천").waitFor();
    expect(await page.locator(".occasion__products li").count()).toBeGreaterThan(0);

    // Any answer's products can be pinned instead: the style analyst's.
    await page.goBack();
    const analyst = page.getByRole("log", { name: "대화" }).getByRole("region", { name: "스타일 분석가" }).last();
    const pin = analyst.getByRole("button", { name: "\"카카오 백엔드 면접\" 일정에 입을 옷으로 고르기" });
    await pin.click();
    await analyst.getByRole("button", { name: "\"카카오 백엔드 면접\"에 입을 옷으로 골랐어요" }).waitFor();
    const pinned = await analyst.locator(".product-card__name a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    await page.goto(occasionUrl);
    await page.getByText("직접 고른 옷").waitFor();
    expect(await page.locator(".occasion__products a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).toEqual(pinned);
    await eventually(() => readiness(page)).toBeGreaterThan(0);
    // Its try-on starts from that outfit, in the occasion's room (so the result comes back here).
    expect(await page.getByRole("link", { name: "가상 피팅 하러 가기" }).getAttribute("href")).toMatch(/^\/try-on\?upper=\d+(&lower=\d+)?&room=\d+$/);

    // A rehearsal for it: the interviewer names the company and the role.
    await page.getByRole("button", { name: "연습하기: 면접 (개발 직군)" }).click();
    await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
    await eventually(() => page.locator('.live__line[data-speaker="partner"]').first().textContent()).toContain("카카오 백엔드 개발자 면접입니다");
    await page.getByLabel("답변 입력").fill("감사합니다. 저는 결제 시스템을 5년 동안 개발했고, 장애를 40% 줄였습니다.");
    await page.keyboard.press("Enter");
    await eventually(() => page.locator('.live__line[data-speaker="partner"]').count()).toBe(2);
    await page.getByRole("button", { name: "연습 끝내고 결과 보기" }).click();
    await page.waitForURL(/\/report$/);

    await page.goto(occasionUrl);
    await page.locator(".occasion__rehearsals li").first().waitFor();
    expect(await page.locator(".occasion__rehearsals li").first().textContent()).toMatch(/\d+점/);
    expect(await page.getByLabel("말하기 연습 한 번 이상 하기").isChecked()).toBe(true);

    // Tick a step: readiness goes up and stays after a reload.
    const before = await readiness(page);
    await page.getByLabel("면접관에게 할 질문 2~3개 준비하기").check();
    await eventually(() => readiness(page)).toBeGreaterThan(before);
    await page.reload();
    expect(await page.getByLabel("면접관에게 할 질문 2~3개 준비하기").isChecked()).toBe(true);
    await page.screenshot({ path: "e2e/artifacts/occasion.png", fullPage: true });

    // The calendar file.
    const href = await page.getByRole("link", { name: "캘린더에 추가 (.ics)" }).getAttribute("href");
    const ics = await page.request.get(href!);
    expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    expect((await ics.text()).replace(/\r\n /g, "")).toContain("SUMMARY:카카오 백엔드 면접");

    // Home: upcoming, with its readiness.
    await page.goto("/");
    const card = page.locator(".occasion-card", { hasText: "카카오 백엔드 면접" });
    await card.waitFor();
    expect(Number(await card.getByRole("meter").getAttribute("aria-valuenow"))).toBeGreaterThan(0);
    await page.screenshot({ path: "e2e/artifacts/occasions-home.png", fullPage: true });
  });
});
