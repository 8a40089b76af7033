// POST /api/chat/upload: what is stored, and every way a bad file is refused before storing.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Browser, type Envelope } from "../client";
import { jpeg, png, upload, webp } from "./fixtures";

type Upload = { upload_id: string; image_url: string; content_type: string; width: number; height: number };

async function send(browser: Browser, form: FormData) {
  const res = await browser.fetch("/api/chat/upload", { method: "POST", body: form });
  return { status: res.status, body: (await res.json()) as Envelope<Upload> };
}

async function storedCount(userId: number) {
  const listed = await env.IMAGES.list({ prefix: `users/${userId}/` });
  return listed.objects.length;
}

describe("photo upload", () => {
  it("stores JPEG, PNG and WebP under the user's prefix and serves them back to the owner", async () => {
    const me = new Browser();
    const { userId } = await me.devLogin("Uploader");
    for (const [bytes, name, type, w, h] of [
      [jpeg(640, 480), "me.jpg", "image/jpeg", 640, 480],
      [png(300, 400), "me.png", "image/png", 300, 400],
      [webp(800, 600), "me.webp", "image/webp", 800, 600],
    ] as const) {
      const { status, body } = await send(me, upload(bytes, name, type));
      expect(status).toBe(200);
      expect(body.data).toMatchObject({ content_type: type, width: w, height: h });
      expect(body.data.image_url).toMatch(new RegExp(`^/api/images/users/${userId}/uploads/[0-9a-f-]{36}\\.(jpg|png|webp)$`));
      const image = await me.fetch(body.data.image_url);
      expect(image.status).toBe(200);
      expect(image.headers.get("content-type")).toBe(type);
      expect(new Uint8Array(await image.arrayBuffer())).toEqual(bytes);
    }
    const rows = await env.DB.prepare("select count(*) as n from uploads where user_id = ?").bind(userId).first<{ n: number }>();
    expect(rows?.n).toBe(3);
  });

  it("refuses a file whose bytes are not what its name says, and stores nothing", async () => {
    const me = new Browser();
    const { userId } = await me.devLogin("Disguiser");
    const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>`;
    const cases: [string | Uint8Array, string, string, number][] = [
      [svg, "cat.jpg", "image/jpeg", 415],
      ["<html><script>alert(1)</script></html>", "cat.png", "image/png", 415],
      [new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0]), "cat.png", "image/png", 415],
      [new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63]), "cat.heic", "image/heic", 415],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), "broken.jpg", "image/jpeg", 415],
    ];
    for (const [bytes, name, type, status] of cases) {
      const res = await send(me, upload(bytes, name, type));
      expect(res.status, name).toBe(status);
      expect(res.body.status).toBe("fail");
      expect(res.body.message).toMatch(/^file: /);
    }
    expect(await storedCount(userId)).toBe(0);
  });

  it("refuses polyglots: an image that also carries markup, script or another file, and stores nothing", async () => {
    const me = new Browser();
    const { userId } = await me.devLogin("Polyglot");
    const text = (t: string) => new TextEncoder().encode(t);
    const join = (...parts: Uint8Array[]) => {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
      return out;
    };
    const base = jpeg(64, 64);
    /** A JPEG comment segment (COM) right after the start-of-image marker. */
    const withComment = (comment: string) => {
      const body = text(comment);
      return join(base.subarray(0, 2), new Uint8Array([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body, base.subarray(2));
    };
    const basePng = png(4, 4);
    const textChunk = (t: string) => {
      const data = join(text("Comment\0"), text(t));
      const c = new Uint8Array(12 + data.length);
      new DataView(c.buffer).setUint32(0, data.length);
      c.set(text("tEXt"), 4);
      c.set(data, 8);
      return c; // the CRC is not checked by anything that matters here
    };
    const cases: [string, Uint8Array, string][] = [
      ["script in a JPEG comment", withComment("<script>alert(document.cookie)</script>"), "image/jpeg"],
      ["PHP in a JPEG comment", withComment("<?php system($_GET['c']); ?>"), "image/jpeg"],
      ["HTML after the JPEG's end", join(base, text("<html><body onload=alert(1)>")), "image/jpeg"],
      ["a ZIP after the JPEG's end (GIFAR-style)", join(base, text("PK\u0003\u0004\u0014\u0000\u0000\u0000evil.class")), "image/jpeg"],
      ["a PDF after the PNG's end", join(basePng, text("%PDF-1.7\n1 0 obj")), "image/png"],
      ["script in a PNG text chunk", join(basePng.subarray(0, 33), textChunk('<svg onload="alert(1)">'), basePng.subarray(33)), "image/png"],
    ];
    for (const [name, bytes, type] of cases) {
      const res = await send(me, upload(bytes, "photo", type));
      expect(res.status, name).toBe(415);
      expect(res.body.code, name).toBe("polyglot");
      expect(res.body.message, name).toMatch(/^file: /);
    }
    // Structure that does not hold together is refused too: a PNG chunk longer than the file.
    const truncated = basePng.slice(0, 30);
    expect((await send(me, upload(truncated, "cut.png", "image/png"))).status).toBe(415);
    expect(await storedCount(userId)).toBe(0);
  });

  it("keeps only the image proper when harmless bytes follow its end (a phone's motion-photo video)", async () => {
    const me = new Browser();
    await me.devLogin("Motion Photo");
    const base = jpeg(64, 64);
    const video = new Uint8Array(4096);
    video.set(new TextEncoder().encode("\u0000\u0000\u0000\u0018ftypmp42"), 0);
    const sent = new Uint8Array(base.length + video.length);
    sent.set(base, 0);
    sent.set(video, base.length);
    const res = await send(me, upload(sent, "PXL_motion.jpg", "image/jpeg"));
    expect(res.status).toBe(200);
    const data = res.body.data as unknown as { image_url: string; size: number };
    expect(data.size).toBe(base.length);
    const served = new Uint8Array(await (await me.fetch(data.image_url)).arrayBuffer());
    expect(served).toEqual(base);
  });

  it("refuses decompression bombs by their declared dimensions", async () => {
    const me = new Browser();
    const { userId } = await me.devLogin("Bomber");
    for (const [bytes, type] of [[png(50_000, 50_000), "image/png"], [jpeg(30_000, 30_000), "image/jpeg"], [webp(16_000, 16_000), "image/webp"], [png(8_000, 8_000), "image/png"]] as const) {
      const res = await send(me, upload(bytes, "bomb", type));
      expect(res.status, type).toBe(422);
      expect(res.body.code).toBe("bad_dimensions");
    }
    expect(await storedCount(userId)).toBe(0);
  });

  it("refuses files over 10 MB", async () => {
    const me = new Browser();
    await me.devLogin("Big Files");
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(jpeg(), 0);
    const res = await send(me, upload(big, "big.jpg", "image/jpeg"));
    expect(res.status).toBe(413);
  });

  it("asks for a file when the form has none", async () => {
    const me = new Browser();
    await me.devLogin("No File");
    const form = new FormData();
    form.append("image", "nope");
    const res = await send(me, form);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^file: /);
  });

  it("requires a session", async () => {
    const res = await send(new Browser(), upload(jpeg(), "me.jpg", "image/jpeg"));
    expect(res.status).toBe(401);
  });
});
