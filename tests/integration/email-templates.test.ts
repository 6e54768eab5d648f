import { db } from "@/lib/db";
import { archiveTemplate } from "@/lib/email/archive-template";
import { getTemplate } from "@/lib/email/get-template";
import { listTemplates } from "@/lib/email/list-templates";
import { saveTemplate } from "@/lib/email/save-template";
import { makeUser, uid } from "../fixtures/factories";

describe("email templates", () => {
  it("lets the manager keep shared templates; each save is a new version", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const name = `Quote nudge ${uid()}`;
    const t = await saveTemplate(manager, { name, subject: "Your quote, {{contact_first_name}}", body: "Total {{quote_total}}", shared: true });
    expect(t).toMatchObject({ version: 1, ownerId: null });
    const v2 = await saveTemplate(manager, { id: t.id, name, subject: "Your quote", body: "Total {{quote_total}} — {{rep_name}}", expectedVersion: 1 });
    expect(v2.version).toBe(2);
    // A save from a stale editor (still on version 1) does not overwrite version 2.
    await expect(saveTemplate(manager, { id: t.id, name, subject: "x", body: "y", expectedVersion: 1 })).rejects.toMatchObject({ status: 409 });
    const row = await db.emailTemplate.findUniqueOrThrow({ where: { id: t.id } });
    expect(row).toMatchObject({ version: 2, body: "Total {{quote_total}} — {{rep_name}}", updatedById: manager.id });
  });

  it("refuses unknown variables before saving, naming them, and writes nothing", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const name = `Typo ${uid()}`;
    await expect(saveTemplate(manager, { name, subject: "Hi {{contact_nmae}}", body: "ok", shared: true })).rejects.toMatchObject({
      status: 400,
      issues: [{ path: "subject", message: "Unknown variable: {{contact_nmae}}" }],
    });
    await expect(saveTemplate(manager, { name, subject: "Hi", body: "", shared: true })).rejects.toMatchObject({ status: 400, issues: [{ path: "body" }] });
    expect(await db.emailTemplate.count({ where: { name } })).toBe(0);
  });

  it("gives reps personal templates, shared ones to use but not change, and hides others' personal ones", async () => {
    const { actor: manager } = await makeUser({ role: "super_admin" });
    const { actor: rep } = await makeUser();
    const { actor: other } = await makeUser();
    const shared = await saveTemplate(manager, { name: `Shared ${uid()}`, subject: "s", body: "b", shared: true });
    await expect(saveTemplate(rep, { name: "Mine", subject: "s", body: "b", shared: true })).rejects.toMatchObject({ status: 403 });
    const mine = await saveTemplate(rep, { name: `Mine ${uid()}`, subject: "Hey {{contact_first_name}}", body: "b" });
    expect(mine.ownerId).toBe(rep.id);

    await expect(saveTemplate(rep, { id: shared.id, name: "x", subject: "s", body: "b" })).rejects.toMatchObject({ status: 403 });
    await expect(saveTemplate(other, { id: mine.id, name: "x", subject: "s", body: "b" })).rejects.toMatchObject({ status: 404 });
    await expect(getTemplate(other, { id: mine.id })).rejects.toMatchObject({ status: 404 });
    await expect(getTemplate(manager, { id: mine.id })).rejects.toMatchObject({ status: 404 });
    expect(await getTemplate(rep, { id: shared.id })).toMatchObject({ canEdit: false, shared: true });

    const repList = await listTemplates(rep);
    expect(repList.map((t) => t.id)).toEqual(expect.arrayContaining([shared.id, mine.id]));
    expect((await listTemplates(other)).map((t) => t.id)).not.toContain(mine.id);
    expect(repList.find((t) => t.id === mine.id)).toMatchObject({ canEdit: true, shared: false });

    await expect(archiveTemplate(rep, { id: shared.id })).rejects.toMatchObject({ status: 403 });
    await archiveTemplate(rep, { id: mine.id });
    expect((await listTemplates(rep)).map((t) => t.id)).not.toContain(mine.id);
  });
});
