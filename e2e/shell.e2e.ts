// The SPA shell, end to end against the real Worker: signing in with the dev login, the
// frame and its navigation, both languages, the profile form, signing out, and the guards
// that send a signed-out visitor to the login page and back.
import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { DESKTOP, devLogin, freshNickname, pagePerTest, PHONE, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const open = pagePerTest(baseUrl);

const heading = (page: Page) => page.locator("main h1").first().textContent();
/** Polls until the page catches up; generous, for a dev build loading a page's modules on first use. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 10_000 });

describe("signing in", () => {
  test("dev login lands on Style inside the app frame, showing the nickname", async () => {
    const page = await open();
    await page.goto("/login");
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    await page.getByRole("heading", { name: "Debut에 오신 걸 환영해요" }).waitFor();
    await page.getByText("중요한 순간을 위해 옷을 고르고, 소리 내어 연습하세요.").waitFor();
    // The dev server has no Kakao keys, so only the dev login is offered.
    expect(await page.getByRole("link", { name: "카카오로 로그인" }).count()).toBe(0);

    const nickname = freshNickname("지민");
    await devLogin(page, nickname);
    await page.waitForURL("**/style");
    await eventually(() => heading(page)).toBe("스타일 상담");

    expect(await page.locator("header").count()).toBeGreaterThan(0);
    expect(await page.locator("main#main").count()).toBe(1);
    const nav = page.getByRole("navigation", { name: "주요 메뉴" });
    await nav.waitFor();
    expect(await nav.getByRole("link", { name: "스타일" }).getAttribute("aria-current")).toBe("page");
    await page.locator("header").getByText(nickname).waitFor();
    await page.getByRole("button", { name: "로그아웃" }).waitFor();
    await page.getByRole("link", { name: "본문으로 건너뛰기" }).waitFor({ state: "attached" });
  });

  test("an empty nickname is explained, not sent", async () => {
    const page = await open();
    await page.goto("/login");
    await page.getByRole("button", { name: "닉네임으로 로그인" }).click();
    await page.getByText("닉네임을 1–30자로 입력해 주세요.").waitFor();
    expect(await page.getByLabel("닉네임").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  test("a signed-out visit to a page goes to login, then back to that page", async () => {
    const page = await open();
    await page.goto("/profile");
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("return_to")).toBe("/profile");
    await devLogin(page, freshNickname());
    await page.waitForURL("**/profile");
    await eventually(() => heading(page)).toBe("프로필");
  });

  test("a return_to pointing off-site is ignored", async () => {
    const page = await open();
    await page.goto(`/login?return_to=${encodeURIComponent("//evil.example/steal")}`);
    await devLogin(page, freshNickname());
    await page.waitForURL("**/style");
    expect(new URL(page.url()).origin).toBe(new URL(baseUrl).origin);
  });

  test("when the server offers Kakao, its button starts the Kakao login with the wanted page", async () => {
    const page = await open();
    // This dev server has no Kakao keys; answer the config call as a Kakao-enabled server
    // would. The click itself goes to the real Worker, which (unconfigured) sends the user
    // back with ?error=config, so the whole round trip is exercised.
    await page.route("**/api/auth/config", (route) =>
      route.fulfill({ json: { status: "success", message: "요청 성공", data: { kakao: true, devLogin: true } } }),
    );
    await page.goto(`/login?return_to=${encodeURIComponent("/practice")}`);
    const kakao = page.getByRole("link", { name: "카카오로 로그인" });
    await kakao.waitFor();
    expect(await kakao.getAttribute("href")).toBe(`/api/auth/kakao/login?return_to=${encodeURIComponent("/practice")}`);
    const background = "getComputedStyle(document.querySelector('a[href^=\"/api/auth/kakao/login\"]')).backgroundColor";
    expect(await page.evaluate<string>(background)).toBe("rgb(254, 229, 0)"); // Kakao yellow #FEE500
    await page.getByText("또는").waitFor();
    await page.getByLabel("닉네임").waitFor();

    await kakao.click();
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("error") === "config");
    await page.getByRole("alert").getByText("이 서버에는 카카오 로그인이 설정되어 있지 않아요.").waitFor();
  });

  test("with no sign-in method enabled, the page says so", async () => {
    const page = await open({ locale: "en-US" });
    await page.route("**/api/auth/config", (route) =>
      route.fulfill({ json: { status: "success", message: "OK", data: { kakao: false, devLogin: false } } }),
    );
    await page.goto("/login");
    await page.getByText("No sign-in method is enabled on this server right now.", { exact: false }).waitFor();
    expect(await page.getByRole("textbox").count()).toBe(0);
  });

  test("errors sent back by the Kakao callback are explained in words", async () => {
    const page = await open();
    await page.goto("/login?error=kakao_denied");
    await page.getByRole("alert").getByText("카카오 로그인을 취소하셨어요.", { exact: false }).waitFor();
    await page.goto("/login?error=state_mismatch");
    await page.getByRole("alert").getByText("로그인 요청이 만료되었거나", { exact: false }).waitFor();
    await page.goto("/login?error=something_new");
    await page.getByRole("alert").getByText("로그인하지 못했어요. 다시 시도해 주세요.").waitFor();
  });
});

describe("the frame", () => {
  test("switching language changes the texts and survives a reload", async () => {
    const page = await open();
    await signIn(page);
    await eventually(() => heading(page)).toBe("스타일 상담");

    await page.getByRole("button", { name: "English" }).click();
    await eventually(() => heading(page)).toBe("Style");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Try-on" }).waitFor();
    await page.getByRole("button", { name: "Log out" }).waitFor();

    await page.reload();
    await eventually(() => heading(page)).toBe("Style");
    expect(await page.evaluate(() => localStorage.getItem("debut.lang"))).toBe("en");

    await page.getByRole("button", { name: "한국어" }).click();
    await eventually(() => heading(page)).toBe("스타일 상담");
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    await page.reload();
    await eventually(() => heading(page)).toBe("스타일 상담");
    await page.getByRole("link", { name: "가상 피팅" }).waitFor();
  });

  test("an English-speaking browser starts in English", async () => {
    const page = await open({ locale: "en-US" });
    await page.goto("/login");
    await page.getByRole("heading", { name: "Welcome to Debut" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByText("Dress for the moment that matters, and rehearse it out loud.").waitFor();
  });

  test("the navigation reaches every section, each with its own first content", async () => {
    const page = await open();
    await signIn(page);
    const nav = page.getByRole("navigation", { name: "주요 메뉴" });
    const sections = [
      { link: "일정", path: "/occasions", title: "준비 중인 일정", h2: "다가오는 일정" },
      { link: "둘러보기", path: "/catalog", title: "둘러보기", h2: "검색 결과" },
      { link: "가상 피팅", path: "/try-on", title: "가상 피팅", h2: "내 사진" },
      { link: "말하기 연습", path: "/practice", title: "말하기 연습", h2: "면접 (일반)" },
      { link: "성장 기록", path: "/progress", title: "성장 기록", h2: "아직 점수가 없어요" },
      { link: "프로필", path: "/profile", title: "프로필", h2: null },
      { link: "스타일", path: "/style", title: "스타일 상담", h2: "어떤 자리를 준비하고 있나요?" },
    ];
    for (const section of sections) {
      await nav.getByRole("link", { name: section.link }).click();
      await page.waitForURL(`**${section.path}`);
      await eventually(() => heading(page)).toBe(section.title);
      expect(await nav.getByRole("link", { name: section.link }).getAttribute("aria-current")).toBe("page");
      expect(await nav.locator('[aria-current="page"]').count()).toBe(1);
      if (section.h2) await page.getByRole("heading", { level: 2, name: section.h2 }).waitFor();
    }
    expect(await page.title()).toBe("스타일 상담 · Debut");
  });

  test("when the server cannot be reached, the frame says so in words and can try again", async () => {
    const page = await open();
    await signIn(page);
    await page.route("**/api/auth/me", (route) => route.abort("internetdisconnected"));
    await page.reload();
    const alert = page.getByRole("alert");
    await alert.getByText("Debut 서버에 연결할 수 없어요.", { exact: false }).waitFor();
    await page.unroute("**/api/auth/me");
    await alert.getByRole("button", { name: "다시 시도" }).click();
    await eventually(() => heading(page)).toBe("스타일 상담");
  });

  test("keyboard users can skip to the content, and see where focus is", async () => {
    const page = await open();
    await signIn(page);
    await page.keyboard.press("Tab");
    const focused = () => page.evaluate<string>("document.activeElement?.textContent ?? ''");
    expect(await focused()).toBe("본문으로 건너뛰기");
    const ring = "getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).outlineWidth";
    expect(await page.evaluate<string>(ring)).toBe("solid 3px");
    await page.keyboard.press("Enter");
    expect(await page.evaluate<string>("document.activeElement?.id ?? ''")).toBe("main");
    expect(new URL(page.url()).pathname).toBe("/style");
  });

  test("on a phone the sections are a tab bar at the bottom of the screen", async () => {
    const page = await open({ viewport: PHONE });
    await signIn(page);
    const box = await page.getByRole("navigation", { name: "주요 메뉴" }).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeCloseTo(PHONE.height, 0);
    // Nothing is wider than the screen.
    // (A string, not a function: the Node-side types know no `document`.)
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
  });

  test("an unknown address shows the not-found page", async () => {
    const page = await open({ viewport: DESKTOP });
    await page.goto("/no-such-page");
    await page.getByRole("heading", { name: "페이지를 찾을 수 없어요" }).waitFor();
    await page.getByRole("link", { name: "스타일 상담으로 가기" }).waitFor();
  });
});

describe("profile", () => {
  test("saves the stylist's facts, which are still there after a reload", async () => {
    const page = await open();
    await signIn(page);
    await page.getByRole("navigation").getByRole("link", { name: "프로필" }).click();
    await page.waitForURL("**/profile");

    // A height out of range is caught before anything is sent.
    await page.getByLabel("키 (cm)").fill("90");
    await page.getByRole("button", { name: "저장" }).click();
    await page.getByText("키는 100에서 230 사이의 숫자로 입력해 주세요.").waitFor();

    await page.getByLabel("키 (cm)").fill("172");
    await page.getByLabel("체형").selectOption("hourglass");
    await page.getByRole("group", { name: "피부 톤" }).getByLabel("쿨톤").check();
    await page.getByRole("group", { name: "추천받을 옷" }).getByLabel("구분 없음").check();
    const styles = page.getByRole("group", { name: "선호 스타일" });
    await styles.getByLabel("미니멀").check();
    await styles.getByLabel("포멀").check();
    await page.getByRole("button", { name: "저장" }).click();
    await page.getByRole("status").getByText("저장했어요.").waitFor();

    const me = await page.request.get("/api/auth/me");
    expect((await me.json()).data.profile).toEqual({
      heightCm: 172,
      bodyShape: "hourglass",
      skinTone: "cool",
      gender: "any",
      preferredStyles: ["미니멀", "포멀"],
    });

    await page.reload();
    await eventually(() => page.getByLabel("키 (cm)").inputValue()).toBe("172");
    expect(await page.getByLabel("체형").inputValue()).toBe("hourglass");
    expect(await page.getByRole("group", { name: "피부 톤" }).getByLabel("쿨톤").isChecked()).toBe(true);
    expect(await page.getByRole("group", { name: "추천받을 옷" }).getByLabel("구분 없음").isChecked()).toBe(true);
    expect(await styles.getByLabel("미니멀").isChecked()).toBe(true);
    expect(await styles.getByLabel("포멀").isChecked()).toBe(true);
    expect(await styles.getByLabel("캐주얼").isChecked()).toBe(false);

    // Clearing a field sends null, and the server forgets it.
    await page.getByLabel("키 (cm)").fill("");
    await page.getByRole("group", { name: "피부 톤" }).getByLabel("선택 안 함").check();
    await page.getByRole("button", { name: "저장" }).click();
    await page.getByRole("status").getByText("저장했어요.").waitFor();
    const cleared = (await (await page.request.get("/api/auth/me")).json()).data.profile;
    expect(cleared).toMatchObject({ heightCm: null, skinTone: null, bodyShape: "hourglass" });
  });

  test("a value the server refuses shows the server's own message", async () => {
    const page = await open();
    await signIn(page);
    await page.goto("/profile");
    // The form never sends a bad height, so tamper with the request on its way to the real
    // Worker to see its validation message come back through the UI.
    await page.route("**/api/auth/me/profile", (route) =>
      route.continue({ postData: JSON.stringify({ ...route.request().postDataJSON(), heightCm: 999 }) }),
    );
    await page.getByLabel("키 (cm)").fill("170");
    await page.getByRole("button", { name: "저장" }).click();
    const status = page.getByRole("status");
    await status.getByText("저장하지 못했어요:", { exact: false }).waitFor();
    expect(await status.textContent()).toContain("heightCm");
  });
});

describe("signing out", () => {
  test("log out returns to the login page, and the app stays closed", async () => {
    const page = await open();
    await signIn(page);
    await page.getByRole("button", { name: "로그아웃" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByRole("heading", { name: "Debut에 오신 걸 환영해요" }).waitFor();

    await page.goto("/style");
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("return_to")).toBe("/style");
    expect((await page.request.get("/api/auth/me")).status()).toBe(401);
  });
});
