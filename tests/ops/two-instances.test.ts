// Two instances of the production server on one database behind nginx (a temporary config, run
// in the foreground on OPS_NGINX_PORT): they behave as one. 50 simultaneous claims of one lead
// through the balancer → exactly one 200, 49 × 409; 20 simultaneous first events of one company →
// one company, one lead; a session made on one instance is honoured by the other.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { makeLead } from "../fixtures/factories";
import { companyFor, leadEvent, newSecret, signedRequest } from "../fixtures/lead-webhook";
import { opsPort, startAppServer, type TAppServer } from "./fixtures/app-server";
import { signIn } from "./fixtures/login";
import { createOpsDatabase, makeRep, type TOpsDatabase } from "./fixtures/ops-database";

const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const lbPort = Number(process.env.OPS_NGINX_PORT ?? 8080);
const lb = `http://127.0.0.1:${lbPort}`;
const secret = newSecret();
const nextAuthSecret = "two-instances-shared-secret-0123456789abcdef";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pilot-crm-nginx-"));
let database: TOpsDatabase;
let servers: TAppServer[] = [];
let nginx: ChildProcess | undefined;

function nginxConfig(ports: number[]) {
  return `daemon off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/error.log warn;
events { worker_connections 512; }
http {
  access_log ${tmp}/access.log;
  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;
  upstream crm { ${ports.map((p) => `server 127.0.0.1:${p};`).join(" ")} }
  server {
    listen 127.0.0.1:${lbPort};
    location / {
      proxy_pass http://crm;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
`;
}

beforeAll(async () => {
  database = await createOpsDatabase("pilot_crm_ops_cluster");
  const env = { DATABASE_URL: database.url, LEAD_WEBHOOK_SECRET: secret, NEXTAUTH_SECRET: nextAuthSecret, NEXTAUTH_URL: lb };
  servers = await Promise.all([4, 5].map((offset) => startAppServer({ port: opsPort(offset), env })));
  fs.writeFileSync(path.join(tmp, "nginx.conf"), nginxConfig([opsPort(4), opsPort(5)]));
  nginx = spawn(NGINX, ["-c", path.join(tmp, "nginx.conf"), "-p", tmp, "-e", path.join(tmp, "error.log")], { stdio: "inherit" });
  for (;;) {
    try {
      if ((await fetch(`${lb}/api/health/live`)).ok) break;
    } catch {}
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${fs.readFileSync(path.join(tmp, "error.log"), "utf8")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const gone = new Promise((r) => nginx!.once("exit", r));
    nginx.kill("SIGQUIT");
    await gone;
  }
  await Promise.all(servers.map((s) => s.stop()));
  await database?.drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const servedBy = (server: TAppServer) => server.logLines().filter((l) => l.msg === "request").length;

it("serves as one: one claim wins of 50, one lead of 20 first events, sessions across instances", async () => {
  const reps = await Promise.all(Array.from({ length: 5 }, () => makeRep()));
  const sessions = await Promise.all(reps.map((r) => signIn(lb, r.email, r.password)));
  const lead = await makeLead();

  // A session made through one instance works on each instance directly.
  for (const server of servers) {
    const page = await fetch(`${server.url}/admin/crm`, { headers: { cookie: sessions[0].cookie }, redirect: "manual" });
    expect(page.status).toBe(200);
  }

  const before = servers.map(servedBy);
  const claims = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      fetch(`${lb}/admin/crm/assign-lead/${lead.id}`, {
        method: "POST",
        headers: { cookie: sessions[i % sessions.length].cookie, "content-type": "application/json" },
        body: "{}",
      }).then((r) => r.status),
    ),
  );
  expect(claims.filter((s) => s === 200)).toHaveLength(1);
  expect(claims.filter((s) => s === 409)).toHaveLength(49);
  // Both instances took part.
  servers.forEach((s, i) => expect(servedBy(s)).toBeGreaterThan(before[i]));

  const company = companyFor();
  const events = Array.from({ length: 20 }, () => signedRequest(leadEvent("load_plan", { company }), { secret }));
  const answers = await Promise.all(events.map((e) => fetch(`${lb}/api/webhooks/leads`, { method: "POST", headers: e.request.headers, body: e.raw })));
  expect(answers.map((a) => a.status)).toEqual(events.map(() => 202));
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ companies: number; leads: number; activities: number }>(
    `SELECT count(DISTINCT c.id)::int AS companies, count(DISTINCT l.id)::int AS leads, count(a.id)::int AS activities
       FROM companies c JOIN sales_leads l ON l.company_id = c.id JOIN lead_activities a ON a.lead_id = l.id
      WHERE c.external_id = $1`,
    [company.external_id],
  );
  await client.end();
  expect(rows[0]).toEqual({ companies: 1, leads: 1, activities: 20 });
});
