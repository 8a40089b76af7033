// Kakao Login over REST (https://developers.kakao.com/docs/latest/en/kakaologin/rest-api):
// the authorize URL, the code-for-token exchange, and the user profile. Base URLs come from
// config so tests point this real client at a fake Kakao on loopback.
import { z } from "zod";
import type { Config } from "../config";

export type KakaoConfig = NonNullable<Config["kakao"]>;

export class KakaoError extends Error {
  constructor(
    message: string,
    /** Kakao's own error code (e.g. KOE320: code reused or expired), when it sent one. */
    readonly kakaoCode?: string,
  ) {
    super(message);
    this.name = "KakaoError";
  }
}

const TIMEOUT_MS = 8000;

export function authorizeUrl(k: KakaoConfig, redirectUri: string, state: string): string {
  const url = new URL("/oauth/authorize", k.authBaseUrl);
  url.search = new URLSearchParams({ client_id: k.clientId, redirect_uri: redirectUri, response_type: "code", state }).toString();
  return url.toString();
}

const TokenResponse = z.object({ access_token: z.string().min(1), token_type: z.string().optional() });
const KakaoErrorBody = z.object({ error: z.string().optional(), error_code: z.string().optional(), error_description: z.string().optional(), msg: z.string().optional(), code: z.number().optional() });

export async function exchangeCode(k: KakaoConfig, redirectUri: string, code: string): Promise<string> {
  const res = await call(new URL("/oauth/token", k.authBaseUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded;charset=utf-8" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: k.clientId,
      client_secret: k.clientSecret,
      redirect_uri: redirectUri,
      code,
    }),
  });
  const parsed = TokenResponse.safeParse(res);
  if (!parsed.success) throw new KakaoError("Kakao token response without access_token");
  return parsed.data.access_token;
}

const Profile = z.object({
  id: z.union([z.number(), z.string()]),
  kakao_account: z
    .object({
      profile: z.object({ nickname: z.string().optional(), profile_image_url: z.string().optional() }).partial().optional(),
    })
    .partial()
    .optional(),
  properties: z.object({ nickname: z.string().optional(), profile_image: z.string().optional() }).partial().optional(),
});

export type KakaoProfile = { id: string; nickname: string; profileImageUrl: string | null };

export async function fetchProfile(k: KakaoConfig, accessToken: string): Promise<KakaoProfile> {
  const body = await call(new URL("/v2/user/me", k.apiBaseUrl), { headers: { authorization: `Bearer ${accessToken}` } });
  const parsed = Profile.safeParse(body);
  if (!parsed.success) throw new KakaoError("Kakao profile response is malformed");
  const p = parsed.data;
  const profile = p.kakao_account?.profile;
  return {
    id: String(p.id),
    nickname: profile?.nickname ?? p.properties?.nickname ?? "Kakao user",
    profileImageUrl: profile?.profile_image_url ?? p.properties?.profile_image ?? null,
  };
}

/**
 * Kakao's `id` is a 64-bit integer, beyond JSON numbers' safe range: read it from the raw
 * text so that 9007199254740993 does not become …992.
 */
function parsePreservingId(text: string): unknown {
  return JSON.parse(text.replace(/"id"\s*:\s*(\d{16,})/, '"id":"$1"'));
}

async function call(url: URL, init: RequestInit): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new KakaoError(`Kakao unreachable: ${String(err)}`);
  }
  const text = await res.text();
  let body: unknown;
  try {
    body = parsePreservingId(text);
  } catch {
    throw new KakaoError(`Kakao answered ${res.status} with a non-JSON body`);
  }
  if (!res.ok) {
    const e = KakaoErrorBody.safeParse(body);
    const code = e.success ? (e.data.error_code ?? (e.data.code !== undefined ? String(e.data.code) : undefined)) : undefined;
    const description = e.success ? (e.data.error_description ?? e.data.msg ?? e.data.error) : undefined;
    throw new KakaoError(`Kakao answered ${res.status}${description ? `: ${description}` : ""}`, code);
  }
  return body;
}
