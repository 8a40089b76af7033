// What a host name points at, asked of Cloudflare's DNS-over-HTTPS resolver (JSON API), so
// the image proxy can refuse a name that leads to a private address (a DNS record pointing
// at 127.0.0.1 or 169.254.169.254, or a CNAME to one) before it fetches. Answers are kept
// for their TTL (at least a minute) in this isolate.
import { AppError } from "../http/errors";

export const DOH_URL = "https://cloudflare-dns.com/dns-query";
const A = 1;
const AAAA = 28;
const NXDOMAIN = 3;
const MIN_TTL_SECONDS = 60;

type Answer = { type: number; data: string; TTL?: number };
const cache = new Map<string, { addresses: string[]; until: number }>();

async function query(host: string, type: "A" | "AAAA"): Promise<{ addresses: string[]; ttl: number }> {
  const url = `${DOH_URL}?name=${encodeURIComponent(host)}&type=${type}`;
  const res = await fetch(url, { headers: { accept: "application/dns-json" }, signal: AbortSignal.timeout(3_000) });
  if (!res.ok) throw new Error(`resolver answered ${res.status}`);
  const body = (await res.json()) as { Status: number; Answer?: Answer[] };
  if (body.Status !== 0 && body.Status !== NXDOMAIN) throw new Error(`resolver status ${body.Status}`);
  const answers = (body.Answer ?? []).filter((a) => a.type === A || a.type === AAAA);
  return { addresses: answers.map((a) => a.data), ttl: Math.max(MIN_TTL_SECONDS, ...answers.map((a) => a.TTL ?? 0)) };
}

/** Every A and AAAA address of `host`; a 502 when the resolver cannot say (we fail closed). */
export async function addressesOf(host: string): Promise<string[]> {
  const hit = cache.get(host);
  if (hit && hit.until > Date.now()) return hit.addresses;
  try {
    const [v4, v6] = await Promise.all([query(host, "A"), query(host, "AAAA")]);
    const addresses = [...v4.addresses, ...v6.addresses];
    cache.set(host, { addresses, until: Date.now() + Math.min(v4.ttl, v6.ttl) * 1000 });
    return addresses;
  } catch (err) {
    throw new AppError(502, `imageUrl: could not resolve ${host} (${err instanceof Error ? err.message : "resolver unavailable"})`, "proxy_upstream");
  }
}
