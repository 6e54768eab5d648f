// SIGTERM on a real server: it stops accepting connections, answers what is already in (a webhook
// whose body is still arriving, a burst waiting in the ingest group commit), closes its pools and
// exits within 10 s — and everything it answered 202 is in the database.
import net from "node:net";
import pg from "pg";
import { leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";
import { opsPort, startAppServer, type TAppServer } from "./fixtures/app-server";
import { createOpsDatabase, type TOpsDatabase } from "./fixtures/ops-database";

const secret = newSecret();
const port = opsPort(1);
let database: TOpsDatabase;
let server: TAppServer;

beforeAll(async () => {
  database = await createOpsDatabase("pilot_crm_ops_shutdown");
  server = await startAppServer({ port, env: { DATABASE_URL: database.url, LEAD_WEBHOOK_SECRET: secret } });
});

afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

/** Opens a raw HTTP/1.1 request with `Expect: 100-continue`: once "100 Continue" is back, the server is serving it. */
function openSlowRequest(headers: Headers, body: string) {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  const head = [
    `POST /api/webhooks/leads HTTP/1.1`,
    `Host: 127.0.0.1:${port}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Expect: 100-continue",
    "Connection: close",
  ];
  headers.forEach((v, k) => head.push(`${k}: ${v}`));
  const continued = new Promise<void>((resolve) => {
    const onData = () => {
      if (received.startsWith("HTTP/1.1 100")) {
        socket.off("data", onData);
        resolve();
      }
    };
    socket.on("data", (d) => {
      received += d.toString();
      onData();
    });
  });
  const answered = new Promise<{ status: number; body: string }>((resolve) =>
    socket.on("close", () => resolve(parseAnswer(received))),
  );
  socket.write(head.join("\r\n") + "\r\n\r\n");
  return { socket, continued, answered };
}

/** The final answer after the interim "100 Continue": its status and its (de-chunked) body. */
function parseAnswer(raw: string): { status: number; body: string } {
  const final = raw.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, "");
  const split = final.indexOf("\r\n\r\n");
  const head = final.slice(0, split);
  let body = final.slice(split + 4);
  if (/transfer-encoding: chunked/i.test(head)) {
    let out = "";
    for (let rest = body; ;) {
      const eol = rest.indexOf("\r\n");
      const size = parseInt(rest.slice(0, eol), 16);
      if (!size) break;
      out += rest.slice(eol + 2, eol + 2 + size);
      rest = rest.slice(eol + 2 + size + 2);
    }
    body = out;
  }
  return { status: Number(head.split(" ")[1]), body };
}

function connectionRefused(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(false);
    });
    s.once("error", (err: NodeJS.ErrnoException) => resolve(err.code === "ECONNREFUSED"));
  });
}

it("finishes requests in flight, keeps every accepted event, and exits within 10 s", async () => {
  // A webhook whose body is half in, and a burst whose bodies arrive only after the signal, so
  // they meet the ingest group commit while the server is shutting down. Each is being served
  // ("100 Continue" received) before the signal.
  const slow = signedRequest(leadEvent("load_plan"), { secret });
  const request = openSlowRequest(slow.request.headers, slow.raw);
  const burst = Array.from({ length: 20 }, () => signedRequest(leadEvent("quote"), { secret }));
  const burstRequests = burst.map((b) => openSlowRequest(b.request.headers, b.raw));
  await Promise.all([request.continued, ...burstRequests.map((r) => r.continued)]);
  const half = Math.floor(slow.raw.length / 2);
  request.socket.write(slow.raw.slice(0, half));

  const signalledAt = performance.now();
  process.kill(server.pid, "SIGTERM");
  const stopping = await server.waitForLog(
    (l) => typeof l.msg === "string" && l.msg.startsWith("shutting down"),
  );
  expect(stopping.inFlight).toBe(21);
  expect(await connectionRefused()).toBe(true);

  burst.forEach((b, i) => burstRequests[i].socket.write(b.raw));
  request.socket.write(slow.raw.slice(half));
  const answer = await request.answered;
  expect(answer.status).toBe(202);
  expect(JSON.parse(answer.body)).toMatchObject({ consolidated: false, status: "pending" });
  const answers = await Promise.all(burstRequests.map((r) => r.answered));
  expect(answers.map((a) => a.status)).toEqual(burst.map(() => 202));

  const exit = await server.exited;
  expect(exit.code).toBe(0);
  expect(exit.at - signalledAt).toBeLessThan(10_000);
  const steps = server
    .logLines()
    .filter((l) => l.msg === "shutdown step done")
    .map((l) => l.hook);
  expect(steps).toEqual(expect.arrayContaining(["ingest group commit", "database pools"]));

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM webhook_receipts WHERE webhook_id = ANY($1)",
    [[slow.id, ...burst.map((b) => b.id)]],
  );
  await client.end();
  expect(rows[0].n).toBe(21);
});
