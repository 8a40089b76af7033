// A fake Kakao (kauth + kapi on one loopback server) that speaks the real REST wire format,
// for the real client in worker/auth/kakao.ts. Authorization codes are minted by the test
// as `code:<kakao id>:<nickname>`; each works once (a reused code gets KOE320, as Kakao
// answers). `code:fail` makes the token endpoint answer 401 invalid_client.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_KAKAO_CLIENT = { id: "test-client-id", secret: "test-client-secret" };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

export async function startFakeKakao(): Promise<{ url: string; server: Server }> {
  const usedCodes = new Set<string>();
  const server = createServer(async (req, res) => {
    const body = await readBody(req); // read the whole request before answering (workerd needs it)
    const url = new URL(req.url ?? "/", "http://fake");
    const json = (status: number, value: unknown, raw?: string) => {
      res.writeHead(status, { "content-type": "application/json;charset=UTF-8" });
      res.end(raw ?? JSON.stringify(value));
    };

    if (req.method === "POST" && url.pathname === "/oauth/token") {
      const form = new URLSearchParams(body);
      const code = form.get("code") ?? "";
      if (form.get("grant_type") !== "authorization_code") {
        return json(400, { error: "unsupported_grant_type", error_description: "grant_type missing", error_code: "KOE310" });
      }
      if (form.get("client_id") !== FAKE_KAKAO_CLIENT.id || form.get("client_secret") !== FAKE_KAKAO_CLIENT.secret || code === "code:fail") {
        return json(401, { error: "invalid_client", error_description: "Bad client credentials", error_code: "KOE010" });
      }
      if (!form.get("redirect_uri")?.endsWith("/api/auth/kakao/callback")) {
        return json(400, { error: "invalid_grant", error_description: "Redirect URI mismatch.", error_code: "KOE303" });
      }
      if (!code.startsWith("code:") || usedCodes.has(code)) {
        return json(400, { error: "invalid_grant", error_description: `authorization code not found for code=${code}`, error_code: "KOE320" });
      }
      usedCodes.add(code);
      return json(200, {
        token_type: "bearer",
        access_token: `token:${code.slice(5)}`,
        expires_in: 21599,
        refresh_token: "refresh",
        refresh_token_expires_in: 5183999,
      });
    }

    if (req.method === "GET" && url.pathname === "/v2/user/me") {
      const auth = req.headers.authorization ?? "";
      if (!auth.startsWith("Bearer token:")) return json(401, { msg: "this access token does not exist", code: -401 });
      const [id, nickname] = auth.slice("Bearer token:".length).split(":");
      // Written by hand so a 64-bit id stays an exact integer literal, as Kakao sends it.
      const profile = JSON.stringify({
        nickname: decodeURIComponent(nickname ?? "kakao"),
        thumbnail_image_url: "http://k.kakaocdn.net/thumb.jpg",
        profile_image_url: "http://k.kakaocdn.net/profile.jpg",
        is_default_image: false,
      });
      return json(200, null, `{"id":${id},"connected_at":"2026-11-25T00:00:00Z","kakao_account":{"profile_nickname_needs_agreement":false,"profile":${profile}}}`);
    }

    json(404, { msg: "not found", code: -404 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, server };
}
