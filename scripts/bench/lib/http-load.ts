// Closed-loop HTTP load on loopback: `connections` workers each send the next prepared request as
// soon as their previous one is answered, until the list is done or the time limit passes.
import http from "node:http";
import { percentile } from "./report";

export type TPrepared = { path: string; headers: Record<string, string>; body: string };
export type TAnswer = { status: number; body: string; ms: number };
export type TLoadResult = { answers: (TAnswer | undefined)[]; seconds: number; sent: number };

export function post(agent: http.Agent, port: number, req: TPrepared, retried = false): Promise<TAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const r = http.request(
      { host: "127.0.0.1", port, path: req.path, method: "POST", agent, headers: { ...req.headers, "content-length": Buffer.byteLength(req.body) }, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
        res.on("error", reject);
      },
    );
    r.on("timeout", () => r.destroy(new Error("request timed out")));
    r.on("error", (err: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed while idle (its keep-alive timeout passed during
      // another load's round), just as this request went out on it: the server never read it.
      // Node's documented answer is to send it again once (http.ClientRequest.reusedSocket).
      if (!retried && r.reusedSocket && err.code === "ECONNRESET") post(agent, port, req, true).then(resolve, reject);
      else reject(err);
    });
    r.end(req.body);
  });
}

/**
 * The connections a load keeps open between its runs: a sender keeps its connections alive, so
 * a round that opened 32 fresh ones would time 32 handshakes (and each connection's first,
 * costlier request) along with the route.
 */
export function createConnections(connections: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
}

/** `port` may list several instances: the connections are dealt round-robin between them. */
export async function runLoad(port: number | number[], requests: TPrepared[], connections: number, maxSeconds: number, shared?: http.Agent): Promise<TLoadResult> {
  const ports = Array.isArray(port) ? port : [port];
  const agent = shared ?? createConnections(connections);
  const answers: (TAnswer | undefined)[] = new Array(requests.length);
  const deadline = performance.now() + maxSeconds * 1000;
  let nextIndex = 0;
  const started = performance.now();
  async function worker(_: unknown, w: number) {
    const target = ports[w % ports.length];
    while (nextIndex < requests.length && performance.now() < deadline) {
      const i = nextIndex++;
      try {
        answers[i] = await post(agent, target, requests[i]);
      } catch (err) {
        answers[i] = { status: 0, body: String(err), ms: NaN };
      }
    }
  }
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (!shared) agent.destroy();
  return { answers, seconds, sent: Math.min(nextIndex, requests.length) };
}

export function latencySummary(ms: number[]) {
  const sorted = ms.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 10) / 10;
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) };
}
