// The catalog, the product page and the try-on photo upload, end to end against the real
// Worker and its seeded catalog: searching in Korean and English, filters kept in the URL,
// paging, a product in both languages, and a photo sent with progress, refused or cancelled.
import { crc32, deflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { pagePerTest, PHONE, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const open = pagePerTest(baseUrl);

type Product = { product_id: string; product_name: string; product_name_en: string; price: number; style_tags: string[]; tpo_tags: string[] };
type SearchPage = { products: Product[]; total: number };

/** What the search API itself answers, to compare the page with. */
async function search(page: Page, params: Record<string, string>): Promise<SearchPage> {
  const response = await page.request.get(`/api/products/search?${new URLSearchParams({ limit: "24", ...params })}`);
  return (await response.json()).data;
}

/** Polls until the page catches up; generous, for a busy machine serving a dev build. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const won = (amount: number) => new Intl.NumberFormat("en-US").format(amount);
const heading = (page: Page) => page.locator("main h1").first().textContent();
const resultCount = (page: Page) => page.getByTestId("result-count").textContent();
const cards = (page: Page) => page.locator("main article.product-card");
const cardNames = (page: Page) => page.locator("main .product-card__name").allTextContents();
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
/** 0 until the image has loaded; its pixel width after. (Node's types know no DOM.) */
const loadedWidth = (page: Page, selector: string) =>
  page.locator(selector).evaluate((img) => {
    const image = img as unknown as { complete: boolean; naturalWidth: number };
    return image.complete ? image.naturalWidth : 0;
  });

/** A real, decodable PNG: `width` × `height` pixels of one color. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0xa2, 0x3a, 0x25]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", pixels), chunk("IEND", Buffer.alloc(0))]);
}

describe("catalog", () => {
  test("a Korean or English search shows the matching cards and their count, and keeps the words in the URL", async () => {
    const page = await open();
    await signIn(page);
    await page.getByRole("navigation", { name: "주요 메뉴" }).getByRole("link", { name: "둘러보기" }).click();
    await page.waitForURL("**/catalog");
    await eventually(() => heading(page)).toBe("둘러보기");
    const everything = await search(page, {});
    await eventually(() => resultCount(page)).toBe(`${won(everything.total)}개 상품`);

    // Typing searches by itself a moment later.
    await page.getByRole("searchbox", { name: "상품 검색" }).fill("셔츠");
    await page.waitForURL((url) => url.searchParams.get("q") === "셔츠");
    const shirts = await search(page, { q: "셔츠" });
    expect(shirts.total).toBeGreaterThan(0);
    expect(shirts.total).toBeLessThan(everything.total);
    await eventually(() => resultCount(page)).toBe(`${won(shirts.total)}개 상품`);
    await eventually(() => cardNames(page)).toEqual(shirts.products.map((p) => p.product_name));

    // Enter searches at once; English words find the same catalog.
    const box = page.getByRole("searchbox", { name: "상품 검색" });
    await box.fill("navy blazer");
    await box.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "navy blazer");
    const blazers = await search(page, { q: "navy blazer" });
    expect(blazers.total).toBeGreaterThan(0);
    await eventually(() => cardNames(page)).toEqual(blazers.products.map((p) => p.product_name));

    // The words survive a reload.
    await page.reload();
    expect(await box.inputValue()).toBe("navy blazer");
    await eventually(() => resultCount(page)).toBe(`${won(blazers.total)}개 상품`);
  });

  test("category and color filters narrow the results, through a reload and the back button", async () => {
    const page = await open();
    await signIn(page);
    await page.goto("/catalog");
    await page.getByRole("group", { name: "종류" }).getByLabel("하의").check();
    await page.waitForURL((url) => url.searchParams.get("category") === "bottom");
    const bottoms = await search(page, { category: "bottom" });
    await eventually(() => resultCount(page)).toBe(`${won(bottoms.total)}개 상품`);

    const navy = page.getByRole("group", { name: "색상" }).getByLabel("네이비", { exact: true });
    await navy.check();
    await page.waitForURL((url) => url.searchParams.get("color") === "navy" && url.searchParams.get("category") === "bottom");
    const navyBottoms = await search(page, { category: "bottom", color: "navy" });
    expect(navyBottoms.total).toBeGreaterThan(0);
    expect(navyBottoms.total).toBeLessThan(bottoms.total);
    await eventually(() => resultCount(page)).toBe(`${won(navyBottoms.total)}개 상품`);
    await eventually(() => cardNames(page)).toEqual(navyBottoms.products.map((p) => p.product_name));

    await page.reload();
    await eventually(() => resultCount(page)).toBe(`${won(navyBottoms.total)}개 상품`);
    expect(await navy.isChecked()).toBe(true);
    expect(await page.getByRole("group", { name: "종류" }).getByLabel("하의").isChecked()).toBe(true);

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get("color") === null);
    expect(param(page, "category")).toBe("bottom");
    await eventually(() => resultCount(page)).toBe(`${won(bottoms.total)}개 상품`);
    expect(await navy.isChecked()).toBe(false);

    await page.getByRole("button", { name: "필터 지우기" }).click();
    await page.waitForURL((url) => url.search === "");
    await eventually(() => resultCount(page)).toBe(`${won((await search(page, {})).total)}개 상품`);
  });

  test("load more adds the next page of cards", async () => {
    const page = await open();
    await signIn(page);
    await page.goto("/catalog");
    await eventually(() => cards(page).count()).toBe(24);
    await page.getByRole("button", { name: "더 보기" }).click();
    await eventually(() => cards(page).count()).toBeGreaterThanOrEqual(48);
    const ids = await page.locator("main .product-card__name a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("no match says so and clears everything; a failed request can be tried again", async () => {
    const page = await open();
    await signIn(page);
    await page.goto("/catalog?q=zxqvzxqv&season=winter");
    await page.getByRole("heading", { name: "조건에 맞는 상품이 없어요" }).waitFor();
    expect(await resultCount(page)).toBe("0개 상품");
    await page.getByRole("button", { name: "검색어와 필터 지우기" }).click();
    await page.waitForURL((url) => url.search === "");
    await eventually(() => cards(page).count()).toBeGreaterThan(0);

    await page.route("**/api/products/search?*", (route) => route.abort("internetdisconnected"));
    await page.goto("/catalog?category=shoes");
    const alert = page.getByRole("alert");
    await alert.getByText("상품을 불러오지 못했어요.", { exact: false }).waitFor();
    await page.unroute("**/api/products/search?*");
    await alert.getByRole("button", { name: "다시 시도" }).click();
    await eventually(() => cards(page).count()).toBeGreaterThan(0);
  });
});

describe("product page", () => {
  test("a card opens its product with the same name, price and tags, in either language, and leads to the try-on", async () => {
    const page = await open();
    await signIn(page);
    await page.goto("/catalog?category=top");
    const card = cards(page).first();
    const name = await card.locator(".product-card__name").textContent();
    const price = await card.locator(".product-card__price").textContent();
    await card.getByRole("link").click();
    await page.waitForURL(/\/products\/\d+$/);
    const id = new URL(page.url()).pathname.split("/").pop()!;
    const product: Product = (await (await page.request.get(`/api/products/${id}`)).json()).data;

    expect(name).toBe(product.product_name);
    expect(price).toBe(`${won(product.price)}원`);
    await eventually(() => heading(page)).toBe(product.product_name);
    expect(await page.locator(".product__price").textContent()).toBe(price);
    await page.getByText(product.product_name_en, { exact: true }).waitFor();
    const facts = page.locator(".product__facts");
    for (const tag of [...product.style_tags, ...product.tpo_tags]) await facts.getByText(tag, { exact: true }).waitFor();
    await eventually(() => loadedWidth(page, ".product__media img")).toBeGreaterThan(0);
    expect(await page.getByRole("img", { name: product.product_name }).count()).toBe(1);
    expect(await page.title()).toBe(`${product.product_name} · Debut`);

    await page.getByRole("button", { name: "English" }).click();
    await eventually(() => heading(page)).toBe(product.product_name_en);
    await page.getByText(product.product_name, { exact: true }).waitFor();
    expect(await page.locator(".product__price").textContent()).toBe(`₩${won(product.price)}`);

    const tryOn = page.getByRole("link", { name: "Try it on" });
    expect(await tryOn.getAttribute("href")).toBe(`/try-on?upper=${id}`);
    await tryOn.click();
    await page.waitForURL(`**/try-on?upper=${id}`);
    const chosen = page.getByRole("region", { name: "Selected clothes" });
    await chosen.getByRole("link", { name: product.product_name_en }).waitFor();

    // Bottoms are tried on below.
    const [bottom] = (await search(page, { category: "bottom", limit: "1" })).products;
    await page.goto(`/products/${bottom!.product_id}`);
    expect(await page.getByRole("link", { name: "Try it on" }).getAttribute("href")).toBe(`/try-on?lower=${bottom!.product_id}`);
  });

  test("back to the catalog returns to the same search", async () => {
    const page = await open();
    await signIn(page);
    await page.goto("/catalog?category=dress&gender=women");
    await cards(page).first().getByRole("link").click();
    await page.waitForURL(/\/products\/\d+$/);
    await page.getByRole("link", { name: "둘러보기로 돌아가기" }).click();
    await page.waitForURL((url) => url.pathname === "/catalog");
    expect(param(page, "category")).toBe("dress");
    expect(param(page, "gender")).toBe("women");
  });

  test("an unknown product id shows not-found", async () => {
    const page = await open();
    await signIn(page);
    for (const id of ["999999999", "not-a-number"]) {
      await page.goto(`/products/${id}`);
      await page.getByRole("heading", { level: 1, name: "상품을 찾을 수 없어요" }).waitFor();
      await page.getByRole("link", { name: "둘러보기로 돌아가기" }).waitFor();
    }
  });
});

describe("try-on photo upload", () => {
  const input = (page: Page) => page.locator('main input[type="file"]');

  test("a valid photo is previewed, sent with progress, then shown from the server and remembered", async () => {
    const page = await open();
    await signIn(page);
    await page.goto("/try-on");
    await page.getByRole("heading", { level: 2, name: "내 사진" }).waitFor();
    expect(await input(page).getAttribute("accept")).toBe("image/jpeg,image/png,image/webp,image/heic");

    // Hold the request a moment so the sending state can be seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/chat/upload", async (route) => {
      await held;
      await route.continue();
    });
    await input(page).setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png(60, 120) });
    await page.getByRole("progressbar", { name: "업로드 진행률" }).waitFor();
    await page.getByRole("status").getByText("업로드 중…").waitFor();
    expect(await page.getByRole("img", { name: "올리는 중인 사진 미리 보기" }).getAttribute("src")).toMatch(/^blob:/);
    await eventually(() => loadedWidth(page, 'img[src^="blob:"]')).toBe(60);

    release();
    await page.getByRole("status").getByText("사진을 올렸어요.").waitFor();
    const stored = page.getByTestId("stored-photo");
    expect(await stored.getAttribute("src")).toMatch(/^\/api\/images\/users\/\d+\/uploads\/[\w-]+\.png$/);
    await eventually(() => loadedWidth(page, '[data-testid="stored-photo"]')).toBe(60);
    expect(await page.getByRole("progressbar").count()).toBe(0);

    await page.reload();
    await eventually(() => loadedWidth(page, '[data-testid="stored-photo"]')).toBe(60);
    await page.getByRole("button", { name: "다른 사진으로 바꾸기" }).waitFor();
  });

  test("the server's refusal is shown in its own words; a photo over 10 MB is refused before sending", async () => {
    const page = await open();
    await signIn(page);
    await page.goto("/try-on");
    const sent: string[] = [];
    page.on("request", (request) => request.url().endsWith("/api/chat/upload") && sent.push(request.method()));

    const answer = page.waitForResponse("**/api/chat/upload");
    await input(page).setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("this is text, not a picture") });
    const refusal = await answer;
    expect(refusal.status()).toBe(415);
    const message: string = (await refusal.json()).message;
    const alert = page.getByRole("alert");
    await alert.getByText("사진을 올리지 못했어요.", { exact: false }).waitFor();
    expect(await alert.textContent()).toContain(message);
    expect(await alert.getByRole("button", { name: "다시 시도" }).count()).toBe(0); // a refusal stays one
    expect(sent).toHaveLength(1);

    await input(page).setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
    await page.getByRole("alert").getByText("10MB 이하의 사진만 올릴 수 있어요. 이 파일은 10.1MB예요.").waitFor();
    await input(page).setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await page.getByRole("alert").getByText("JPEG, PNG, WebP, HEIC 사진만 올릴 수 있어요.").waitFor();
    expect(sent).toHaveLength(1);

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("alert").getByText("Only JPEG, PNG, WebP or HEIC photos can be uploaded.").waitFor();
  });

  test("an upload can be cancelled while it is sending", async () => {
    const page = await open();
    await signIn(page);
    await page.goto("/try-on");
    await page.route("**/api/chat/upload", () => {
      // Never answered: only the cancel ends it.
    });
    await input(page).setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png(40, 80) });
    await page.getByRole("button", { name: "업로드 취소" }).click();
    await page.getByRole("status").getByText("업로드를 취소했어요.").waitFor();
    expect(await page.getByRole("progressbar").count()).toBe(0);
    await page.getByRole("button", { name: "사진 선택" }).waitFor();
    expect(await page.evaluate<number>("Object.keys(localStorage).filter((k) => k.startsWith('debut.tryOn.photo')).length")).toBe(0);
  });
});

describe("on a phone", () => {
  test("the catalog is a two-column grid under a filter button, reached from the tab bar", async () => {
    const page = await open({ viewport: PHONE });
    await signIn(page);
    const nav = page.getByRole("navigation", { name: "주요 메뉴" });
    const box = await nav.boundingBox();
    expect(box!.y + box!.height).toBeCloseTo(PHONE.height, 0);
    await nav.getByRole("link", { name: "둘러보기" }).click();
    await page.waitForURL("**/catalog");
    await eventually(() => cards(page).count()).toBe(24);

    const [first, second, third] = await Promise.all([0, 1, 2].map((i) => cards(page).nth(i).boundingBox()));
    expect(second!.y).toBe(first!.y);
    expect(second!.x).toBeGreaterThan(first!.x + first!.width);
    expect(third!.y).toBeGreaterThan(first!.y);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);

    // The filters wait behind their button.
    const category = page.getByRole("group", { name: "종류" });
    expect(await category.isVisible()).toBe(false);
    const toggle = page.getByRole("button", { name: "필터", exact: true });
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    await category.getByLabel("신발").check();
    await page.waitForURL((url) => url.searchParams.get("category") === "shoes");
    await eventually(() => resultCount(page)).toBe(`${won((await search(page, { category: "shoes" })).total)}개 상품`);

    await cards(page).first().getByRole("link").click();
    await page.waitForURL(/\/products\/\d+$/);
    expect(await nav.getByRole("link", { name: "둘러보기" }).getAttribute("class")).toContain("is-active");
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(PHONE.width);
  });
});
