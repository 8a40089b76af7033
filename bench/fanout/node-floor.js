// The machine's floor for a broadcast: a plain Node HTTP server (its own process, like
// workerd) with the floor Worker's API: GET /sub answers an endless event stream, POST
// /broadcast writes one event to every open stream. Its delivery times are what 1,000
// loopback TCP writes and reads cost on this machine, with no JavaScript runtime for Workers
// in the way. Prints its port on the first line of stdout.
import http from "node:http";

const HEADERS = { "content-type": "text/event-stream", "cache-control": "no-cache" };
const streams = new Set();

const server = http.createServer((req, res) => {
  if (req.url === "/__gc") {
    globalThis.gc?.(); // started with --expose-gc by the bench
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ collected: typeof globalThis.gc === "function" }));
    return;
  }
  if (req.method === "POST" && req.url === "/broadcast") {
    const event = `event: message\ndata: ${JSON.stringify({ at: Date.now() })}\n\n`;
    for (const s of streams) s.write(event);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ sent: streams.size }));
    return;
  }
  res.writeHead(200, HEADERS);
  res.write(": connected\n\n");
  streams.add(res);
  const heartbeat = setInterval(() => res.write(": heartbeat\n\n"), 15_000);
  res.on("close", () => {
    streams.delete(res);
    clearInterval(heartbeat);
  });
});
server.keepAliveTimeout = 0;
server.requestTimeout = 0;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
