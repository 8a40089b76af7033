// The try-on end to end against the real Worker, its seeded catalog (with the drawn garment
// images) and the local compositor: from the coordinator's kind of link (?upper=&lower=) to
// the result beside the photo, downloaded, kept in the history across a reload, deleted.
import type { Page } from "playwright-core";
import { describe, expect, inject, test } from "vitest";
import { decodeJpeg, personPhoto } from "../test/images/people";
import { pagePerTest, PHONE, signIn } from "./browser";

const baseUrl = inject("baseUrl");
const open = pagePerTest(baseUrl);

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });
const loadedWidth = (page: Page, selector: string) =>
  page.locator(selector).evaluate((img) => {
    const image = img as unknown as { complete: boolean; naturalWidth: number };
    return image.complete ? image.naturalWidth : 0;
  });

async function firstOf(page: Page, category: string): Promise<string> {
  const res = await page.request.get(`/api/products/search?category=${category}&limit=1`);
  return (await res.json()).data.products[0].product_id;
}

describe("try-on", () => {
  test("a photo and an outfit become a result beside the photo, downloadable, kept in the history", async () => {
    const page = await open();
    await signIn(page);
    const [upper, lower] = [await firstOf(page, "top"), await firstOf(page, "bottom")];
    await page.goto(`/try-on?upper=${upper}&lower=${lower}`);
    const go = page.getByRole("button", { name: "내 사진에 입혀 보기" });
    expect(await go.isDisabled()).toBe(true);
    await page.getByText("먼저 내 사진을 올려 주세요.").waitFor();

    await page.locator('main input[type="file"]').setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: Buffer.from(personPhoto(600, 900)) });
    await page.getByRole("status").getByText("사진을 올렸어요.").waitFor();
    await eventually(() => go.isDisabled()).toBe(false);
    const started = page.waitForResponse((r) => r.url().includes("/api/fitting/try-on/combo"));
    await go.click();
    expect((await started).status()).toBe(202);

    const result = page.getByRole("img", { name: "입어 본 모습" }).first();
    await result.waitFor({ timeout: 30_000 });
    await eventually(() => loadedWidth(page, '.try-on-result img[alt="입어 본 모습"]')).toBe(600);
    await page.getByRole("img", { name: "원본 사진" }).first().waitFor();
    await page.getByText("오프라인 미리보기예요", { exact: false }).first().waitFor();

    const download = page.getByRole("link", { name: "내려받기" }).first();
    const href = await download.getAttribute("href");
    expect(href).toMatch(/^\/api\/images\/users\/\d+\/tryon\/[\w-]+\.jpg$/);
    const image = await page.request.get(href!);
    expect(image.headers()["content-type"]).toBe("image/jpeg");
    expect(decodeJpeg(new Uint8Array(await image.body()))).toMatchObject({ width: 600, height: 900 });

    const history = page.getByRole("region", { name: "지난 피팅" });
    await eventually(() => history.locator("li img").count()).toBe(1);
    await page.screenshot({ path: "e2e/artifacts/try-on-result.png", fullPage: true });

    await page.reload();
    await eventually(() => history.locator("li img").count()).toBe(1);
    await history.getByRole("button", { name: "이 피팅 결과 보기" }).click();
    await page.locator(".try-on__opened img[alt='입어 본 모습']").waitFor();

    page.once("dialog", (dialog) => void dialog.accept());
    await history.getByRole("button", { name: "이 피팅 기록 삭제" }).click();
    await eventually(() => history.locator("li").count()).toBe(0);
    expect((await page.request.get(href!)).status()).toBe(404);
  });

  test("on a phone, in English, a failed try-on says why and offers a retry", async () => {
    const page = await open({ viewport: PHONE });
    await signIn(page);
    await page.getByRole("button", { name: "English" }).click();
    const upper = await firstOf(page, "top");
    await page.goto(`/try-on?upper=${upper}`);
    await page.locator('main input[type="file"]').setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: Buffer.from(personPhoto(300, 450)) });
    await page.getByRole("status").getByText("Photo uploaded.", { exact: false }).waitFor();
    // The job's answer is replaced by a failure, as FitRoom's refusal would come back.
    await page.route("**/api/fitting/status/*", async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.data = { ...body.data, status: "failed", error: "No person detected in the model image", downloadUrl: null };
      await route.fulfill({ response: res, json: body });
    });
    await page.getByRole("button", { name: "Try it on my photo" }).click();
    const alert = page.getByRole("alert");
    await alert.getByText("The try-on failed. No person detected in the model image").waitFor();
    await page.unroute("**/api/fitting/status/*");
    await alert.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("img", { name: "Wearing the outfit" }).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: "e2e/artifacts/try-on-phone.png", fullPage: true });
  });
});
