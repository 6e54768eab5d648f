import bcrypt from "bcryptjs";
import { z } from "zod";

// bcrypt reads at most 72 bytes; longer passwords would be silently truncated, so refuse them.
export const ZPassword = z
  .string()
  .refine((p) => Buffer.byteLength(p, "utf8") >= 8, "Password must be at least 8 bytes")
  .refine((p) => Buffer.byteLength(p, "utf8") <= 72, "Password must be at most 72 bytes");

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
