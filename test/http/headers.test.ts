// The Worker's own security headers (the SPA's come from public/_headers, checked on the built
// app in e2e/security-headers.e2e.ts): every API answer is sandboxed data, never a page.
import { describe, expect, it } from "vitest";
import { Browser } from "../client";
import { jpeg } from "../images/fixtures";

function expectApiHeaders(res: Response) {
  expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
}

describe("security headers on the API", () => {
  it("are on successes, errors and 404s alike", async () => {
    const browser = new Browser();
    expectApiHeaders(await browser.fetch("/api/health"));
    expectApiHeaders(await browser.fetch("/api/auth/me")); // 401
    expectApiHeaders(await browser.fetch("/api/nowhere")); // 404
    expectApiHeaders(await browser.fetch("/api/auth/dev-login", { method: "POST", headers: { "content-type": "application/json" }, body: "{" })); // 400
  });

  it("sandbox an uploaded file served back, so a file that is also HTML cannot run script", async () => {
    const browser = new Browser();
    await browser.devLogin("Sandboxed");
    const form = new FormData();
    form.append("file", new File([jpeg(64, 64)], "me.jpg", { type: "image/jpeg" }));
    const up = await browser.fetch("/api/chat/upload", { method: "POST", body: form });
    const url = ((await up.json()) as { data: { image_url: string } }).data.image_url;
    const image = await browser.fetch(url);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    expectApiHeaders(image);
  });

  it("let the API docs page load Swagger UI, and nothing else", async () => {
    const res = await new Browser().fetch("/api/docs");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src https://cdn.jsdelivr.net");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("*");
  });
});
