import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listUsers } from "@/lib/users/list-users";
import { CreateUserForm } from "@/components/team/create-user-form";
import { ResetPasswordForm } from "@/components/team/reset-password-form";
import { UserActiveToggle } from "@/components/team/user-active-toggle";
import { UserRoleForm } from "@/components/team/user-role-form";
import { createUserAction, resetUserPasswordAction, setUserActiveAction, setUserRoleAction } from "./actions";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const actor = await requirePagePermission("users.manage");
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Team</h1>
      <ScrollRegion label="Team members" className="rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left">
            <tr>
              <th className="px-3 py-2">Name</th>
              <th className="px-3 py-2">Email</th>
              <th className="px-3 py-2">Role</th>
              <th className="px-3 py-2">Status</th>
              <th className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t">
                <td className="px-3 py-2">{u.name}</td>
                <td className="px-3 py-2">{u.email}</td>
                <td className="px-3 py-2">
                  {u.id === actor.id ? "Manager (you)" : <UserRoleForm userId={u.id} name={u.name} role={u.role} action={setUserRoleAction} />}
                </td>
                <td className="px-3 py-2">{u.active ? "Active" : "Deactivated"}</td>
                <td className="px-3 py-2 text-right">
                  {u.id !== actor.id ? (
                    <div className="flex flex-col items-end gap-1">
                      <UserActiveToggle userId={u.id} active={u.active} action={setUserActiveAction} />
                      <ResetPasswordForm userId={u.id} name={u.name} action={resetUserPasswordAction} />
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <section className="max-w-lg rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 font-semibold">Add a rep or manager</h2>
        <CreateUserForm action={createUserAction} />
      </section>
    </div>
  );
}
