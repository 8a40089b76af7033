// The image proxy (the seed's /api/fitting/proxy-image): fetches an outside image for the
// browser, but only from allow-listed hosts, only over http(s) on the default ports, never
// from an address in a private, loopback, link-local or metadata range (an IP literal, or a
// name whose DNS records point there), re-checking every redirect hop; only image content
// types, at most 10 MB, within a timeout.
import { concatBytes } from "../bytes";
import { AppError } from "../http/errors";
import { addressesOf } from "./resolve";

export const PROXY_MAX_BYTES = 10 * 1024 * 1024;
const TIMEOUT_MS = 8000;
const MAX_REDIRECTS = 3;
const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif"];

/** True for an IPv4/IPv6 literal that is not a public unicast address. */
export function isPrivateAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19)) || a >= 224
    );
  }
  if (h.includes(":")) {
    if (h === "::" || h === "::1") return true;
    if (/^(fc|fd|fe8|fe9|fea|feb)/.test(h)) return true; // unique local, link-local
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    if (mapped) return isPrivateAddress(mapped[1]!);
    // IPv4-mapped as the URL parser writes it (::ffff:7f00:1), and NAT64 (64:ff9b::/96).
    const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
    if (hex) {
      const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
      return isPrivateAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    return false;
  }
  // Decimal/hex integer hosts (http://2130706433/) are IPv4 in disguise.
  return /^(0x[0-9a-f]+|\d+)$/.test(h);
}

async function check(url: URL, allowedHosts: string[]): Promise<void> {
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new AppError(400, "imageUrl: only http(s) URLs can be proxied", "proxy_refused");
  if (url.username || url.password) throw new AppError(400, "imageUrl: URLs with credentials are refused", "proxy_refused");
  if (url.port && url.port !== "80" && url.port !== "443") throw new AppError(403, "imageUrl: only default ports are allowed", "proxy_refused");
  const host = url.hostname.toLowerCase();
  if (isPrivateAddress(host) || host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host === "metadata.google.internal") {
    throw new AppError(403, "imageUrl: private and internal addresses are refused", "proxy_refused");
  }
  const allowed = allowedHosts.some((a) => host === a || (a.startsWith("*.") && host.endsWith(a.slice(1))));
  if (!allowed) throw new AppError(403, `imageUrl: host ${host} is not on the proxy's allow-list`, "proxy_refused");
  // An allowed name may still point somewhere it must not (a rebinding record, a stale CNAME).
  if ((await addressesOf(host)).some(isPrivateAddress)) {
    throw new AppError(403, `imageUrl: ${host} resolves to a private address`, "proxy_refused");
  }
}

/** Fetches the image, following at most three redirects, each checked like the first URL. */
export async function proxyImage(raw: string, allowedHosts: string[]): Promise<{ body: Uint8Array; contentType: string }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError(400, "imageUrl: not a valid URL", "proxy_refused");
  }
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  for (let hop = 0; ; hop++) {
    await check(url, allowedHosts);
    let res: Response;
    try {
      res = await fetch(url, { redirect: "manual", signal, headers: { accept: IMAGE_TYPES.join(", ") } });
    } catch (err) {
      throw new AppError(504, `imageUrl: the image host did not answer (${err instanceof Error && err.name === "TimeoutError" ? "timeout" : "unreachable"})`, "proxy_upstream");
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
      await res.body?.cancel();
      if (hop >= MAX_REDIRECTS) throw new AppError(502, "imageUrl: too many redirects", "proxy_upstream");
      url = new URL(res.headers.get("location")!, url);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new AppError(502, `imageUrl: the image host answered ${res.status}`, "proxy_upstream");
    }
    const contentType = (res.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (!IMAGE_TYPES.includes(contentType)) {
      await res.body?.cancel();
      throw new AppError(415, `imageUrl: not an image (${contentType || "no content type"})`, "proxy_refused");
    }
    if (Number(res.headers.get("content-length") ?? 0) > PROXY_MAX_BYTES) {
      await res.body?.cancel();
      throw new AppError(413, "imageUrl: the image is larger than 10 MB", "too_large");
    }
    return { body: await readCapped(res.body, PROXY_MAX_BYTES), contentType };
  }
}

async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new AppError(413, "imageUrl: the image is larger than 10 MB", "too_large");
    }
    chunks.push(value);
  }
  return concatBytes(chunks);
}
