// The "internet" as the Worker under test sees it (miniflare's outboundService): a few fake
// public image hosts for the image proxy, and Cloudflare's DNS-over-HTTPS resolver knowing
// their records (some of them pointing where the proxy must not go); every other request
// goes out as usual (to the fake services on loopback).
const DNS = {
  "images.test": { A: ["93.184.216.34"], AAAA: ["2606:2800:220:1:248:1893:25c8:1946"] },
  "a.cdn.test": { A: ["93.184.216.35"] },
  "rebind.cdn.test": { A: ["93.184.216.36", "127.0.0.1"] },
  "metadata.cdn.test": { A: ["169.254.169.254"] },
  "private6.cdn.test": { AAAA: ["fd00::1"] },
  "mapped6.cdn.test": { AAAA: ["::ffff:10.0.0.1"] },
};
const TYPES = { A: 1, AAAA: 28 };

function resolve(url) {
  const name = url.searchParams.get("name");
  const type = url.searchParams.get("type");
  if (name === "down.cdn.test") return new Response("resolver trouble", { status: 503 });
  const records = DNS[name];
  const Answer = (records?.[type] ?? []).map((data) => ({ name, type: TYPES[type], TTL: 300, data }));
  return Response.json({ Status: records ? 0 : 3, Answer }, { headers: { "content-type": "application/dns-json" } });
}

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.hostname === "cloudflare-dns.com" && url.pathname === "/dns-query") return resolve(url);
    if (url.hostname === "images.test" || url.hostname.endsWith(".cdn.test")) {
      switch (url.pathname) {
        case "/shirt.jpg":
          return new Response(JPEG, { headers: { "content-type": "image/jpeg", "x-served-count": String(Date.now()) } });
        case "/page.html":
          return new Response("<html>not an image</html>", { headers: { "content-type": "text/html" } });
        case "/to-private":
          return new Response(null, { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } });
        case "/to-elsewhere":
          return new Response(null, { status: 302, headers: { location: "https://not-allowed.test/shirt.jpg" } });
        case "/to-shirt":
          return new Response(null, { status: 301, headers: { location: "/shirt.jpg" } });
        case "/huge.jpg": {
          const chunk = new Uint8Array(1024 * 1024);
          let sent = 0;
          const body = new ReadableStream({
            pull(controller) {
              if (sent++ >= 12) controller.close();
              else controller.enqueue(chunk);
            },
          });
          return new Response(body, { headers: { "content-type": "image/jpeg" } });
        }
        default:
          return new Response("not found", { status: 404 });
      }
    }
    if (url.hostname.endsWith(".test")) return new Response("unexpected host " + url.hostname, { status: 599 });
    return fetch(request);
  },
};
