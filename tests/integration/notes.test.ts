// Internal notes with @mentions (issue 21): CRUD with a 15-minute edit window on a pinned clock,
// the delete tombstone, the manager deleting any note, mentions telling the mentioned user (inbox
// + live notice), 404 for threads and notes one may not see, and notes never leaving the team
// (email variables, lead export).
import { db } from "@/lib/db";
import { addNote } from "@/lib/notes/add-note";
import { editNote } from "@/lib/notes/edit-note";
import { deleteNote } from "@/lib/notes/delete-note";
import { listNotes } from "@/lib/notes/list-notes";
import { findNote } from "@/lib/notes/find-note";
import { noteSegments } from "@/lib/notes/note-rules";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { leadVariableValues } from "@/lib/email/lead-variables";
import { loadLeadForEmail, loadSender } from "@/lib/email/load-email-context";
import { exportLeadsCsv } from "@/lib/leads/export-leads-csv";
import { makeCompany, makeLead, makeUser, uid } from "../fixtures/factories";

const MIN = 60_000;
const plus = (d: Date, m: number) => new Date(d.getTime() + m * MIN);

async function people() {
  const sarah = (await makeUser({ name: `Sarah ${uid()}` })).actor;
  const mike = (await makeUser({ name: `Mike ${uid()}` })).actor;
  const manager = (await makeUser({ role: "super_admin", name: `Manager ${uid()}` })).actor;
  return { sarah, mike, manager };
}

describe("internal notes", () => {
  it("are written, listed oldest first, and edited by their author within 15 minutes only (then 'edited')", async () => {
    const { sarah, mike } = await people();
    const lead = await makeLead({ status: "in_progress", assignedAdminId: sarah.id });
    const first = await addNote(sarah, { lead_id: lead.id, body: "Called twice.\nNo answer — try after 3pm." });
    const second = await addNote(mike, { lead_id: lead.id, body: "I know their dispatcher: https://example.com/contact" });
    const written = (await db.note.findUniqueOrThrow({ where: { id: first.id } })).createdAt;

    const thread = await listNotes(sarah, { lead_id: lead.id }, plus(written, 1));
    expect(thread.map((n) => n.id)).toEqual([first.id, second.id]);
    expect(thread[0]).toMatchObject({ body: "Called twice.\nNo answer — try after 3pm.", editedAt: null, mayEdit: true, mayDelete: true, deleted: null });
    expect(thread[1]).toMatchObject({ mayEdit: false, mayDelete: false }); // Mike's note, for Sarah

    await editNote(sarah, { note_id: first.id, body: "Called twice. Try after 3pm." }, plus(written, 14));
    const edited = await listNotes(sarah, { lead_id: lead.id }, plus(written, 14));
    expect(edited[0]).toMatchObject({ body: "Called twice. Try after 3pm.", editedAt: plus(written, 14).toISOString() });

    await expect(editNote(sarah, { note_id: first.id, body: "too late" }, plus(written, 16))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listNotes(sarah, { lead_id: lead.id }, plus(written, 16)))[0].mayEdit).toBe(false);
    await expect(editNote(mike, { note_id: first.id, body: "not mine" }, plus(written, 1))).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Bad input: 400, nothing written.
    await expect(addNote.fromRequest(sarah, { lead_id: lead.id, body: "   " })).rejects.toMatchObject({ status: 400 });
    await expect(addNote.fromRequest(sarah, { lead_id: lead.id, company_id: lead.companyId, body: "both" })).rejects.toMatchObject({ status: 400 });
    await expect(addNote.fromRequest(sarah, { lead_id: lead.id, body: "x".repeat(5001) })).rejects.toMatchObject({ status: 400 });
    expect(await db.note.count({ where: { leadId: lead.id } })).toBe(2);
  });

  it("keeps a tombstone when deleted ('note deleted by …'), lets the manager delete any note, and audits it", async () => {
    const { sarah, mike, manager } = await people();
    const company = await makeCompany();
    const own = await addNote(sarah, { company_id: company.id, body: "Owner prefers email." });
    const other = await addNote(mike, { company_id: company.id, body: "Wrong number on file." });

    await expect(deleteNote(sarah, { note_id: other.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteNote(sarah, { note_id: own.id });
    await deleteNote(manager, { note_id: other.id });
    await expect(deleteNote(manager, { note_id: other.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(editNote(sarah, { note_id: own.id, body: "back" })).rejects.toMatchObject({ code: "CONFLICT" });

    const thread = await listNotes(mike, { company_id: company.id });
    expect(thread.map((n) => [n.body, n.deleted?.byName])).toEqual([
      [null, sarah.name],
      [null, manager.name],
    ]);
    expect(thread.every((n) => !n.mayEdit && !n.mayDelete)).toBe(true);
    expect((await db.note.findUniqueOrThrow({ where: { id: own.id } })).body).toBe("");

    const audit = await db.auditLog.findMany({ where: { action: "note.deleted", targetId: { in: [String(own.id), String(other.id)] } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.targetId, a.actorId])).toEqual([
      [String(own.id), sarah.id],
      [String(other.id), manager.id],
    ]);
    expect(audit[1].before).toMatchObject({ author_id: mike.id, body: "Wrong number on file." });
  });

  it("tells a mentioned user (inbox and live notice) with a link to the note; not the author, not an erased or inactive mention; an edit tells only new ones", async () => {
    const { sarah, mike, manager } = await people();
    const gone = (await makeUser({ active: false, name: `Gone ${uid()}` })).actor;
    const lead = await makeLead({ status: "in_progress", assignedAdminId: sarah.id });
    const note = await addNote(sarah, {
      lead_id: lead.id,
      body: `@${manager.name} can you approve the discount? @${sarah.name} @${gone.name}`,
      mention_ids: [manager.id, sarah.id, gone.id, mike.id], // Mike was picked, then his @ was erased
    });
    expect(note.mentionIds.sort()).toEqual([manager.id, sarah.id].sort());

    const inbox = await listNotifications(manager);
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ kind: "mention", href: `/admin/crm/notes/${note.id}`, read: false });
    expect(inbox.items[0].title).toContain(`${sarah.name} mentioned you`);
    expect((await listNotifications(sarah)).items).toEqual([]);
    expect((await listNotifications(mike)).items).toEqual([]);
    expect((await listNotifications(gone)).items).toEqual([]);
    const live = (await db.liveEvent.findMany({ orderBy: { id: "desc" }, take: 50 })).map((e) => e.event as Record<string, unknown>);
    expect(live).toContainEqual(expect.objectContaining({ kind: "user.notice", userId: manager.id, href: `/admin/crm/notes/${note.id}`, leadId: lead.id }));

    // The link opens the note on its lead page.
    await expect(findNote(manager, { note_id: note.id })).resolves.toEqual({ href: `/admin/crm/lead/${lead.id}#note-${note.id}` });

    await editNote(sarah, { note_id: note.id, body: `@${manager.name} @${mike.name} can you approve?`, mention_ids: [mike.id] });
    expect((await listNotifications(manager)).items).toHaveLength(1); // not told twice
    expect((await listNotifications(mike)).items).toHaveLength(1);
    const [shown] = await listNotes(mike, { lead_id: lead.id });
    expect(shown.mentions.sort()).toEqual([manager.name, mike.name, sarah.name].sort());
  });

  it("answers 404 for a thread or a note one may not see, and for ones that do not exist", async () => {
    const { sarah } = await people();
    const lead = await makeLead();
    await expect(listNotes(sarah, { lead_id: 2_000_000_000 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listNotes(sarah, { company_id: 2_000_000_000 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addNote(sarah, { lead_id: 2_000_000_000, body: "hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findNote(sarah, { note_id: 2_000_000_000 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(editNote(sarah, { note_id: 2_000_000_000, body: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteNote(sarah, { note_id: 2_000_000_000 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A note whose lead is gone from view answers exactly as a missing one: the thread decides.
    const n = await addNote(sarah, { lead_id: lead.id, body: "visible" });
    await expect(findNote(sarah, { note_id: n.id })).resolves.toEqual({ href: `/admin/crm/lead/${lead.id}#note-${n.id}` });
    expect(await db.note.count({ where: { leadId: 2_000_000_000 } })).toBe(0);
  });

  it("never reach a customer: not in any email variable, not in the lead export", async () => {
    const { sarah } = await people();
    const secret = `SECRET-NOTE-${uid()}`;
    const company = await makeCompany({ name: `Notes Export ${uid()}` });
    const lead = await makeLead({ companyId: company.id, status: "in_progress", assignedAdminId: sarah.id });
    await addNote(sarah, { lead_id: lead.id, body: `${secret} they are price shopping` });
    await addNote(sarah, { company_id: company.id, body: `${secret} company-wide` });

    const values = leadVariableValues(await loadLeadForEmail(lead.id), await loadSender(sarah.id));
    expect(JSON.stringify(values)).not.toContain(secret);

    const stream = await exportLeadsCsv(sarah, { filter: { q: company.name } });
    const decoder = new TextDecoder();
    let csv = "";
    for await (const chunk of stream as ReadableStream<Uint8Array> & AsyncIterable<Uint8Array>) csv += decoder.decode(chunk, { stream: true });
    expect(csv).toContain(company.name);
    expect(csv).not.toContain(secret);
  });
});

describe("a note's text", () => {
  it("becomes text, http(s) links and mentions only — markup and javascript: stay text", () => {
    expect(noteSegments("see https://a.example/x?y=1, then <b>call</b> javascript:alert(1) @Sam Lee", ["Sam Lee"])).toEqual([
      { kind: "text", text: "see " },
      { kind: "link", href: "https://a.example/x?y=1" },
      { kind: "text", text: ", then <b>call</b> javascript:alert(1) " },
      { kind: "mention", text: "@Sam Lee" },
    ]);
  });
});
