// The image proxy: allow-listed hosts only, no private addresses (directly or by redirect),
// images only, size-capped, with the seed's CORS and cache headers.
import { describe, expect, it } from "vitest";
import { Browser } from "../client";

async function signedIn() {
  const b = new Browser();
  await b.devLogin("Proxy User");
  return b;
}

const proxied = (url: string) => `/api/fitting/proxy-image?imageUrl=${encodeURIComponent(url)}`;

describe("GET /api/fitting/proxy-image", () => {
  it("proxies an allow-listed image with the seed's headers", async () => {
    const res = await (await signedIn()).fetch(proxied("https://images.test/shirt.jpg"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
    expect(new Uint8Array(await res.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));
  });

  it("follows a redirect that stays on allowed hosts", async () => {
    const res = await (await signedIn()).fetch(proxied("https://a.cdn.test/to-shirt"));
    expect(res.status).toBe(200);
    await res.arrayBuffer();
  });

  it("refuses hosts off the allow-list, private addresses and non-http schemes", async () => {
    const b = await signedIn();
    for (const [url, status] of [
      ["https://not-allowed.test/shirt.jpg", 403],
      ["http://127.0.0.1/secret", 403],
      ["http://169.254.169.254/latest/meta-data/", 403],
      ["http://[::1]/x.jpg", 403],
      ["http://2130706433/x.jpg", 403],
      ["http://localhost/x.jpg", 403],
      ["https://images.test:8443/shirt.jpg", 403],
      ["file:///etc/passwd", 400],
      ["not a url", 400],
    ] as const) {
      const { res, body } = await b.json(proxied(url));
      expect(res.status, url).toBe(status);
      expect(body.status).toBe("fail");
    }
  });

  it("refuses a redirect to a private address or to another host", async () => {
    const b = await signedIn();
    expect((await b.json(proxied("https://images.test/to-private"))).res.status).toBe(403);
    expect((await b.json(proxied("https://images.test/to-elsewhere"))).res.status).toBe(403);
  });

  it("refuses an allowed name whose DNS records point at a private, loopback or metadata address", async () => {
    const b = await signedIn();
    for (const host of ["rebind.cdn.test", "metadata.cdn.test", "private6.cdn.test", "mapped6.cdn.test"]) {
      const { res, body } = await b.json(proxied(`https://${host}/shirt.jpg`));
      expect(res.status, host).toBe(403);
      expect(body.message).toContain("resolves to a private address");
    }
    // And fails closed when the resolver cannot answer.
    expect((await b.json(proxied("https://down.cdn.test/shirt.jpg"))).res.status).toBe(502);
  });

  it("refuses IPv4 written as IPv6 (mapped or NAT64) and other disguises", async () => {
    const b = await signedIn();
    for (const url of ["http://[::ffff:127.0.0.1]/x.jpg", "http://[::ffff:a9fe:a9fe]/x.jpg", "http://[64:ff9b::a00:1]/x.jpg", "http://0x7f.1/x.jpg", "http://0177.0.0.1/x.jpg", "http://127.1/x.jpg"]) {
      const { res, body } = await b.json(proxied(url));
      expect(res.status, url).toBe(403);
      expect(body.message, url).toMatch(/private and internal addresses/);
    }
  });

  it("refuses what is not an image, and images over 10 MB", async () => {
    const b = await signedIn();
    expect((await b.json(proxied("https://images.test/page.html"))).res.status).toBe(415);
    expect((await b.json(proxied("https://images.test/huge.jpg"))).res.status).toBe(413);
    expect((await b.json(proxied("https://images.test/missing.jpg"))).res.status).toBe(502);
  });

  it("requires a session and an imageUrl", async () => {
    expect((await new Browser().fetch(proxied("https://images.test/shirt.jpg"))).status).toBe(401);
    const { res, body } = await (await signedIn()).json("/api/fitting/proxy-image");
    expect(res.status).toBe(400);
    expect(body.message).toMatch(/^imageUrl: /);
  });
});

describe("GET /api/fitting/proxy-test", () => {
  it("answers the seed's success message", async () => {
    const { res, body } = await new Browser().json<{ allowedHosts: string[] }>("/api/fitting/proxy-test");
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "success", message: "프록시 API가 정상 작동합니다." });
    expect(body.data.allowedHosts).toEqual(["images.test", "*.cdn.test"]);
  });
});
