import "server-only";
import { db } from "@/lib/db";

/** Reps and managers for pickers and the team page (a handful of rows: no paging needed). */
export async function listUsers(options: { activeOnly?: boolean; role?: "admin" | "super_admin" } = {}) {
  return db.user.findMany({
    where: { ...(options.activeOnly ? { active: true } : {}), ...(options.role ? { role: options.role } : {}) },
    select: { id: true, email: true, name: true, role: true, active: true, phone: true, createdAt: true },
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
}
