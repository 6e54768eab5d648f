import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword, ZPassword } from "@/lib/auth/password";
import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { command } from "@/lib/command";

export const ZCreateUser = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email"),
  name: z.string().trim().min(1, "Name is required").max(120),
  role: z.enum(["admin", "super_admin"]).default("admin"),
  phone: z.string().trim().max(40).optional(),
  password: ZPassword,
});
export type TCreateUser = z.input<typeof ZCreateUser>;

/**
 * Creates a rep or manager. `actor` null means a trusted operator script (user:create, seed),
 * which is how the first manager of a fresh database comes to exist.
 */
export const createUser = command({ input: ZCreateUser, may: "users.manage" }, async (actor: TActor | null, data) => {
  const { password, ...rest } = data;
  const existing = await db.user.findUnique({ where: { email: rest.email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", "A user with this email already exists", [{ path: "email", message: "Already in use" }]);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      // A manager hands over a temporary password, to be replaced at first sign-in; an operator
      // script's user chose their own.
      data: { ...rest, passwordHash, mustChangePassword: actor !== null },
      select: { id: true, email: true, name: true, role: true, active: true },
    });
    await recordAudit(tx, { actor, action: "user.created", target: { type: "user", id: user.id }, after: { email: user.email, name: user.name, role: user.role } });
    return user;
  });
});
