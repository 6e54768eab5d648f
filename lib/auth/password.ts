import bcrypt from "bcryptjs";
import { z } from "zod";
import { commonPasswordProblem } from "@/lib/security/common-passwords";

// ASVS V6.2: at least 12 characters, no composition rules, not a common password (see
// lib/security/common-passwords.ts). bcrypt reads at most 72 bytes; longer passwords would be
// silently truncated, so they are refused (72 bytes hold 72 ASCII characters, fewer otherwise).
export const PASSWORD_MIN_LENGTH = 12;
export const ZPassword = z
  .string()
  // A password too short or too long gets that one message, not a list-check on top.
  .refine((p) => [...p].length >= PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters`, abort: true })
  .refine((p) => Buffer.byteLength(p, "utf8") <= 72, { message: "Password must be at most 72 bytes", abort: true })
  .superRefine((p, ctx) => {
    const problem = commonPasswordProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(ZPassword.parse(password), COST);
}

// Compared against for unknown emails so both failures take the same time.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", COST);

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && !!hash;
}
