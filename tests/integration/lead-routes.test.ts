// The seed's endpoints through their real route handlers, with real NextRequests.
import { db } from "@/lib/db";
import { POST as addAction } from "@/app/admin/crm/add-action/[id]/route";
import { POST as assignLeadRoute } from "@/app/admin/crm/assign-lead/[id]/route";
import { POST as convertLeadRoute } from "@/app/admin/crm/convert-lead/[id]/route";
import { POST as lostLeadRoute } from "@/app/admin/crm/lost-lead/[id]/route";
import { makeLead, makeUser } from "../fixtures/factories";
import { leadState } from "../fixtures/lead-state";
import { params, routeRequest } from "../fixtures/route-request";

type THandler = typeof addAction;
const call = async (handler: THandler, id: number | string, init: Parameters<typeof routeRequest>[1]) => {
  const res = await handler(await routeRequest(`/admin/crm/x/${id}`, init), params({ id: String(id) }));
  return { status: res.status, body: await res.json() };
};

describe("POST /admin/crm/assign-lead/[id]", () => {
  it("claims for oneself without admin_id (form body) and answers 200 with the lead", async () => {
    const { user } = await makeUser();
    const lead = await makeLead();
    const r = await call(assignLeadRoute, lead.id, { userId: user.id, form: {} });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: lead.id, status: "assigned", assigned_admin_id: user.id });
    const again = await call(assignLeadRoute, lead.id, { userId: (await makeUser()).user.id, json: {} });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("claimed this lead first"),
    });
  });

  it("lets the manager assign to a rep; a rep naming another admin gets 403 and nothing is written", async () => {
    const { user: manager } = await makeUser({ role: "super_admin" });
    const { user: rep } = await makeUser();
    const { user: other } = await makeUser();
    const lead = await makeLead();
    const before = await leadState(lead.id);
    const refused = await call(assignLeadRoute, lead.id, { userId: rep.id, json: { admin_id: other.id } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("FORBIDDEN");
    expect(await leadState(lead.id)).toEqual(before);

    const bad = await call(assignLeadRoute, lead.id, { userId: manager.id, json: { admin_id: "someone" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: "admin_id" })]);

    const ok = await call(assignLeadRoute, lead.id, { userId: manager.id, json: { admin_id: rep.id } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "assigned", assigned_admin_id: rep.id });
  });
});

describe("POST /admin/crm/add-action/[id]", () => {
  it("logs an action from a JSON body and from a form body", async () => {
    const { user } = await makeUser();
    const lead = await makeLead({ status: "assigned", assignedAdminId: user.id });
    const json = await call(addAction, lead.id, {
      userId: user.id,
      json: {
        action_type: "call",
        outcome: "interested",
        action_description: "Intro call",
        notes: "Wants a quote",
        follow_up_date: "",
      },
    });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ id: lead.id, status: "in_progress", last_call_outcome: "interested" });
    const form = await call(addAction, lead.id, {
      userId: user.id,
      form: { action_type: "email", notes: "Sent rates" },
    });
    expect(form.status).toBe(200);
    expect((await leadState(lead.id)).actions).toBe(2);
  });

  it("refuses another rep's lead (403), a missing lead (404) and bad input (400 naming the field); nothing written", async () => {
    const { user: owner } = await makeUser();
    const { user: other } = await makeUser();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: owner.id });
    const before = await leadState(lead.id);
    expect(
      (await call(addAction, lead.id, { userId: other.id, json: { action_type: "email" } })).status,
    ).toBe(403);
    expect(
      (await call(addAction, 2_000_000_010, { userId: owner.id, json: { action_type: "email" } })).status,
    ).toBe(404);
    expect(
      (await call(addAction, "abc", { userId: owner.id, json: { action_type: "email" } })).body.error.issues,
    ).toEqual([expect.objectContaining({ path: "lead_id" })]);
    const bad = await call(addAction, lead.id, {
      userId: owner.id,
      json: { action_type: "call", outcome: "answered", follow_up_date: "soon" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("follow_up_date"),
    });
    expect(bad.body.error.issues).toEqual([
      { path: "follow_up_date", message: "Enter a date as YYYY-MM-DD" },
    ]);
    const noOutcome = await call(addAction, lead.id, { userId: owner.id, form: { action_type: "call" } });
    expect(noOutcome.body.error.issues).toEqual([{ path: "outcome", message: "Choose the call's outcome" }]);
    expect(await leadState(lead.id)).toEqual(before);
  });

  it("refuses a foreign Origin (403), no session (401), bad JSON (400) and other bodies (415); nothing written", async () => {
    const { user } = await makeUser();
    const lead = await makeLead({ status: "assigned", assignedAdminId: user.id });
    const before = await leadState(lead.id);
    const foreign = await call(addAction, lead.id, {
      userId: user.id,
      origin: "https://evil.example",
      json: { action_type: "email" },
    });
    expect(foreign).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    expect((await call(addAction, lead.id, { json: { action_type: "email" } })).status).toBe(401);
    expect(
      (await call(addAction, lead.id, { userId: user.id, body: "{nope", contentType: "application/json" }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(addAction, lead.id, {
          userId: user.id,
          body: "action_type=email",
          contentType: "text/plain",
        })
      ).status,
    ).toBe(415);
    expect(await leadState(lead.id)).toEqual(before);
    // A script without an Origin header (it signed in through the login flow) is fine.
    expect(
      (await call(addAction, lead.id, { userId: user.id, origin: null, json: { action_type: "email" } }))
        .status,
    ).toBe(200);
  });
});

describe("POST /admin/crm/convert-lead/[id] and /lost-lead/[id]", () => {
  it("converts with a value and answers with the closed lead", async () => {
    const { user } = await makeUser();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: user.id });
    const bad = await call(convertLeadRoute, lead.id, {
      userId: user.id,
      form: { conversion_type: "order_placed" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([expect.objectContaining({ path: "conversion_value" })]);
    expect(await db.salesConversion.count({ where: { leadId: lead.id } })).toBe(0);

    const ok = await call(convertLeadRoute, lead.id, {
      userId: user.id,
      form: {
        conversion_value: "2,100.00",
        conversion_type: "order_placed",
        order_id: "PO-1",
        notes: "Booked",
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: "converted", assigned_admin_id: user.id });
    expect(
      (await call(convertLeadRoute, lead.id, { userId: user.id, json: { conversion_value: 5 } })).status,
    ).toBe(409);
  });

  it("marks lost with a reason; a rep on another rep's lead gets 403; the manager may", async () => {
    const { user: owner } = await makeUser();
    const { user: other } = await makeUser();
    const { user: manager } = await makeUser({ role: "super_admin" });
    const lead = await makeLead({ status: "in_progress", assignedAdminId: owner.id });
    const before = await leadState(lead.id);
    expect(
      (await call(lostLeadRoute, lead.id, { userId: owner.id, json: { notes: "no reason given" } })).body
        .error.issues,
    ).toEqual([expect.objectContaining({ path: "reason" })]);
    expect((await call(lostLeadRoute, lead.id, { userId: other.id, json: { reason: "x" } })).status).toBe(
      403,
    );
    expect(
      (await call(convertLeadRoute, lead.id, { userId: other.id, json: { conversion_value: 10 } })).status,
    ).toBe(403);
    expect(await leadState(lead.id)).toEqual(before);
    const ok = await call(lostLeadRoute, lead.id, {
      userId: manager.id,
      json: { reason: "Load cancelled", notes: "Customer called" },
    });
    expect(ok).toMatchObject({ status: 200, body: { status: "lost", lost_reason: "Load cancelled" } });
  });
});

describe("every seed endpoint", () => {
  it.each([
    ["assign-lead", assignLeadRoute, {}],
    ["add-action", addAction, { action_type: "email" }],
    ["convert-lead", convertLeadRoute, { conversion_value: "100" }],
    ["lost-lead", lostLeadRoute, { reason: "Gone" }],
  ] as const)("%s refuses a cross-site POST (403) and writes nothing", async (_name, handler, body) => {
    const { user } = await makeUser({ role: "super_admin" });
    const lead = await makeLead({ status: "in_progress", assignedAdminId: user.id });
    const before = await leadState(lead.id);
    const r = await call(handler, lead.id, {
      userId: user.id,
      origin: "https://attacker.example",
      json: body,
    });
    expect(r).toMatchObject({
      status: 403,
      body: { error: { code: "FORBIDDEN", message: "Cross-site request refused" } },
    });
    expect(await leadState(lead.id)).toEqual(before);
  });
});
