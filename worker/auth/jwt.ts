// Session tokens: HS256 JWTs signed with JWT_SECRET (jose). The algorithm, issuer and
// audience are pinned on verification, so `alg: none`, RS/HS confusion and tokens minted
// for another purpose (e.g. an OAuth state token) are all refused.
import { jwtVerify, SignJWT, type JWTPayload } from "jose";

export const ISSUER = "debut";
export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60; // the seed's 7-day expiry

type Purpose = "session" | "oauth_state";

export async function sign(
  key: Uint8Array,
  purpose: Purpose,
  claims: JWTPayload,
  ttlSeconds: number,
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(`${ISSUER}:${purpose}`)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key);
}

/** The payload, or null for any token that is not ours, not for this purpose, or expired. */
export async function verify(key: Uint8Array, purpose: Purpose, token: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: `${ISSUER}:${purpose}`,
    });
    return payload;
  } catch {
    return null;
  }
}
