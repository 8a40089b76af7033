// Every JSON answer is the seed's envelope {status, message, data}, whatever happens.
import { describe, expect, it } from "vitest";
import { Browser } from "../client";

describe("the envelope", () => {
  it("wraps a success", async () => {
    const { res, body } = await new Browser().json<{ ok: boolean; db: boolean }>("/api/health");
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "success", message: "요청 성공", data: { ok: true, db: true } });
  });

  it("answers an unknown API path with a 404 envelope", async () => {
    const { res, body } = await new Browser().json("/api/no-such-thing");
    expect(res.status).toBe(404);
    expect(body).toMatchObject({ status: "fail", data: null, code: "not_found" });
    expect(body.message).toContain("/api/no-such-thing");
  });

  it("names the invalid field in a 400", async () => {
    const { res, body } = await new Browser().json("/api/auth/dev-login", { method: "POST", body: { nickname: "" } });
    expect(res.status).toBe(400);
    expect(body.status).toBe("fail");
    expect(body.message).toMatch(/^nickname: /);
  });

  it("refuses a malformed JSON body with a 400 envelope", async () => {
    const { res, body } = await new Browser().json("/api/auth/dev-login", {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(body.status).toBe("fail");
  });

  it("hides the details of an unexpected error", async () => {
    const broken = {
      prepare() {
        throw new Error("boom in /srv/secret/path.ts:12");
      },
    };
    const res = await new Browser({ DB: broken as unknown as D1Database }).fetch("/api/health");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: "fail", data: null, code: "internal" });
    expect(text).not.toContain("boom");
    expect(text).not.toContain("secret/path");
  });
});

describe("API documentation", () => {
  it("publishes an OpenAPI document generated from the route schemas", async () => {
    const res = await new Browser().fetch("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/health", "/api/auth/me", "/api/auth/kakao/callback", "/api/auth/logout", "/api/auth/me/profile"]),
    );
    expect(JSON.stringify(doc.paths["/api/auth/dev-login"])).toContain("nickname");
  });

  it("serves interactive docs", async () => {
    const res = await new Browser().fetch("/api/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("/api/openapi.json");
  });
});
