import { z } from "zod";
import type { TActor } from "@/lib/auth/permissions";
import { command, parseInput } from "@/lib/command";

const rep: TActor = { id: 1, role: "admin", name: "Rep", email: "rep@x" };
const manager: TActor = { id: 9, role: "super_admin", name: "Boss", email: "b@x" };

const ZRename = z.object({
  id: z.coerce.number().int().positive(),
  name: z.string().trim().min(1, "Name it"),
});

describe("command(): one parse, typed data, authorization before input", () => {
  const seen: unknown[] = [];
  const rename = command(ZRename, async (actor, data) => {
    seen.push(data);
    return { by: actor.id, id: data.id, name: data.name };
  });
  const managerOnly = command(
    { input: ZRename, may: "users.manage" },
    async (_actor: TActor | null, data) => data.id,
  );

  it("passes the parsed data (coerced, trimmed) to the body", async () => {
    await expect(rename.fromRequest(rep, { id: "7", name: "  North " })).resolves.toEqual({
      by: 1,
      id: 7,
      name: "North",
    });
    await expect(rename(rep, { id: 8, name: "South" })).resolves.toEqual({ by: 1, id: 8, name: "South" });
  });

  it("answers bad input with 400 naming each field, and never runs the body", async () => {
    seen.length = 0;
    await expect(rename.fromRequest(rep, { id: "x", name: "" })).rejects.toMatchObject({
      status: 400,
      issues: [expect.objectContaining({ path: "id" }), { path: "name", message: "Name it" }],
    });
    await expect(rename.fromRequest(rep, undefined)).rejects.toMatchObject({ status: 400 });
    expect(seen).toEqual([]);
  });

  it("refuses a role without the permission with 404 before looking at the input", async () => {
    await expect(managerOnly.fromRequest(rep, { id: "x" })).rejects.toMatchObject({ status: 404 });
    await expect(managerOnly.fromRequest(manager, { id: "x" })).rejects.toMatchObject({ status: 400 });
    await expect(managerOnly(manager, { id: 3, name: "A" })).resolves.toBe(3);
    // A trusted operator script (no actor) skips the role check, not the schema.
    await expect(managerOnly(null, { id: 4, name: "B" })).resolves.toBe(4);
    await expect(managerOnly(null, { id: 0, name: "B" })).rejects.toMatchObject({ status: 400 });
  });

  it("parseInput throws the same 400 for callers without an actor", () => {
    expect(() => parseInput(ZRename, { id: 1 })).toThrow(expect.objectContaining({ status: 400 }));
    expect(parseInput(ZRename, { id: "2", name: "x" })).toEqual({ id: 2, name: "x" });
  });
});
