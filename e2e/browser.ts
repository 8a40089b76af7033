// Chromium for the browser tests (Debian's, never a downloaded one), a fresh context per
// test, a screenshot in e2e/artifacts/ when a test fails, and signing in with the dev login.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

const ARTIFACTS = path.resolve(import.meta.dirname, "artifacts");

/** `args`: more Chromium flags (e.g. a fake microphone, e2e/fake-mic.ts). */
export function launchChromium(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
      ...args,
    ],
  });
}

export type Session = { context: BrowserContext; page: Page; errors: string[] };

/** A new browser profile (no cookies, no localStorage) whose page starts at `baseUrl`. */
export async function openSession(
  browser: Browser,
  baseUrl: string,
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? "ko-KR",
    viewport: options.viewport ?? DESKTOP,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  // Uncaught exceptions in the SPA fail the test that caused them.
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  return { context, page, errors };
}

/** Saves what the page looked like, named after the test, then closes the profile. */
export async function closeSession(session: Session, testName: string, failed: boolean): Promise<void> {
  if (failed) {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = `${testName.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "")}.png`;
    await session.page.screenshot({ path: path.join(ARTIFACTS, file), fullPage: true }).catch(() => {});
  }
  await session.context.close();
}

/**
 * One Chromium for a test file and a fresh profile per test: returns `open`, which starts the
 * test's page. After each test its profile is closed (with a screenshot when it failed), and
 * a passing test must not have left an uncaught error in the page.
 */
export function pagePerTest(baseUrl: string): (options?: Parameters<typeof openSession>[2]) => Promise<Page> {
  let browser: Browser | undefined;
  let session: Session | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async (ctx) => {
    if (!session) return;
    const failed = ctx.task.result?.state === "fail";
    if (!failed) expect(session.errors, "uncaught errors in the page").toEqual([]);
    await closeSession(session, ctx.task.name, failed);
    session = undefined;
  });
  return async (options = {}) => {
    if (!browser) throw new Error("pagePerTest: the browser starts in beforeAll");
    session = await openSession(browser, baseUrl, options);
    return session.page;
  };
}

/** Fills in the dev login form on the login page and submits it. */
export async function devLogin(page: Page, nickname: string, labels = { field: "닉네임", submit: "닉네임으로 로그인" }): Promise<void> {
  await page.getByLabel(labels.field).fill(nickname);
  await page.getByRole("button", { name: labels.submit }).click();
}

/** Signs a new user in from the login page and waits for the Style page. */
export async function signIn(page: Page, nickname = freshNickname()): Promise<string> {
  await page.goto("/login");
  await devLogin(page, nickname);
  await page.waitForURL("**/style");
  await page.locator("main h1").waitFor();
  return nickname;
}

/** A nickname no earlier run has used, so each test starts as a brand-new user. */
export function freshNickname(prefix = "e2e"): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
