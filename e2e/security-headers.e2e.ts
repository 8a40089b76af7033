// The built app as it is deployed (the Worker and the SPA's assets in workerd, public/_headers
// applied by the assets server): every page is served with a Content-Security-Policy that has
// no inline script, and the SPA runs under it without one violation; the security headers are
// on pages, assets and API answers; and no secret reaches a client, neither in the built files
// nor in any response the browser receives.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp } from "../scripts/app-in-workerd.ts";
import { closeSession, freshNickname, launchChromium, openSession, devLogin } from "./browser";

/** What the server holds and no client may ever see. */
const SECRETS = {
  OPENAI_API_KEY: "sk-proj-built-app-openai-key-0123456789abcdef",
  ANTHROPIC_API_KEY: "sk-ant-built-app-anthropic-key-0123456789",
  FITROOM_API_KEY: "fr-built-app-fitroom-key-0123456789abcdef",
  KAKAO_CLIENT_SECRET: "kakao-built-app-client-secret-0123456789",
  JWT_SECRET: "built-app-jwt-secret-that-is-long-enough-0123",
};

/** Shapes of real keys and private material, for the built files (which hold no test values). */
const KEY_PATTERNS = [/sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/, /AKIA[0-9A-Z]{16}/, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, /\bxox[abp]-[A-Za-z0-9-]{10,}/, /\bghp_[A-Za-z0-9]{30,}/];

let app: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;

beforeAll(async () => {
  const built = spawnSync("vite", ["build"], { encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } });
  if (built.status !== 0) throw new Error(`vite build failed:\n${built.stdout}\n${built.stderr}`);
  app = await startApp(
    {
      ...SECRETS,
      // The keys are there, but every engine stays offline: nothing may call out.
      LLM_ENGINE: "local",
      VOICE_ENGINE: "local",
      FITTING_ENGINE: "local",
      KAKAO_CLIENT_ID: "built-app-kakao-client",
      LOCAL_STREAM_PACE_MS: "0",
    },
    { assets: true },
  );
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.mf.dispose();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

function directives(csp: string | null): Map<string, string[]> {
  return new Map((csp ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe("the deployed shape", () => {
  test("pages and assets carry a CSP without inline script, HSTS, nosniff, frame and referrer policies", async () => {
    const html = await fetch(`${app.url}/style`); // a deep link: the SPA's index.html
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toMatch(/text\/html/);
    const csp = directives(html.headers.get("content-security-policy"));
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("style-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(html.headers.get("content-security-policy")).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(html.headers.get("strict-transport-security")).toMatch(/max-age=\d{8,}/);
    expect(html.headers.get("x-content-type-options")).toBe("nosniff");
    expect(html.headers.get("x-frame-options")).toBe("DENY");
    expect(html.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");

    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await html.text())?.[1];
    expect(script).toBeTruthy();
    const asset = await fetch(`${app.url}${script}`);
    expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
    expect(asset.headers.get("cache-control")).toMatch(/immutable/);

    const api = await fetch(`${app.url}/api/health`);
    expect(api.headers.get("content-security-policy")).toMatch(/default-src 'none'.*sandbox/);
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(api.headers.get("strict-transport-security")).toBeTruthy();
  });

  test("the built files hold no secret: neither the server's values nor anything shaped like a key", () => {
    const files = [...filesUnder("dist/client"), ...filesUnder("bench/.build")];
    expect(files.some((f) => f.endsWith(".js"))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file, "latin1");
      for (const [name, value] of Object.entries(SECRETS)) expect(text.includes(value), `${name} in ${file}`).toBe(false);
      for (const pattern of KEY_PATTERNS) expect(pattern.exec(text)?.[0], `${pattern} in ${file}`).toBeUndefined();
    }
  });
});

test("the SPA runs under its CSP without a violation, and no response to the browser carries a secret", async () => {
  const session = await openSession(browser, app.url);
  const { page } = session;
  const refused: string[] = [];
  const leaked: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  // Runs in the page (a string, so that this Node-typed file needs no DOM types).
  await page.addInitScript(`document.addEventListener("securitypolicyviolation", (e) => console.error("Refused to load (Content Security Policy): " + e.violatedDirective + " " + e.blockedURI))`);
  page.on("response", async (res) => {
    // Streams and redirects have no body to read, and a response still arriving when the
    // test closes its page has neither body nor headers any more.
    const body = await res.body().catch(() => null);
    const headers = await res.allHeaders().catch(() => null);
    if (!headers) return;
    const text = `${JSON.stringify(headers)}\n${body?.toString("latin1") ?? ""}`;
    for (const [name, value] of Object.entries(SECRETS)) if (text.includes(value)) leaked.push(`${name} in ${res.url()}`);
  });
  let failed = true;
  try {
    await page.goto("/login");
    await devLogin(page, freshNickname("csp"));
    await page.waitForURL("**/style");
    const box = page.getByRole("textbox", { name: "메시지" });
    await box.fill("다음 주 면접에 입을 옷 추천해 주세요");
    await page.getByRole("button", { name: "보내기" }).click();
    await page.getByRole("log", { name: "대화" }).getByRole("region").first().waitFor();
    for (const route of ["/", "/catalog", "/try-on", "/practice", "/profile"]) {
      await page.goto(route);
      await page.locator("main h1").first().waitFor();
    }
    // A typed rehearsal to its report (scores, charts, the marked transcript).
    await page.goto("/practice");
    await page.getByRole("button", { name: "연습 시작: 면접 (일반)" }).click();
    await page.waitForURL(/\/practice\/[0-9a-f-]{36}$/);
    await page.locator('.live__line[data-speaker="partner"]').first().waitFor();
    await page.getByLabel("답변 입력").fill("음, 안녕하세요. 저는 결제 시스템을 5년 동안 개발한 백엔드 개발자입니다. 감사합니다.");
    await page.keyboard.press("Enter");
    await page.locator('.live__line[data-speaker="user"]').first().waitFor();
    await page.getByRole("button", { name: "연습 끝내고 결과 보기" }).click();
    await page.waitForURL(/\/report$/);
    await page.getByRole("heading", { name: "연습 결과", level: 1 }).waitFor();
    await page.goto("/progress");
    await page.locator("main h1").first().waitFor();
    expect(refused).toEqual([]);
    expect(leaked).toEqual([]);
    expect(session.errors).toEqual([]);
    failed = false;
  } finally {
    await closeSession(session, "csp", failed);
  }
});
