import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listUsers } from "@/lib/users/list-users";
import { CreateUserForm } from "@/components/team/create-user-form";
import { ResetPasswordForm } from "@/components/team/reset-password-form";
import { UserActiveToggle } from "@/components/team/user-active-toggle";
import { UserRoleForm } from "@/components/team/user-role-form";
import { ActionsTh, DataTable, RowTh, Td, Th, THead, Tr } from "@/components/ui/data-table";
import { createUserAction, resetUserPasswordAction, setUserActiveAction, setUserRoleAction } from "./actions";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const actor = await requirePagePermission("users.manage");
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Team</h1>
      <DataTable caption="Reps and managers">
        <THead>
          <tr>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <ActionsTh />
          </tr>
        </THead>
        <tbody>
          {users.map((u) => (
            <Tr key={u.id}>
              <RowTh>{u.name}</RowTh>
              <Td>{u.email}</Td>
              <Td>
                {u.id === actor.id ? "Manager (you)" : <UserRoleForm userId={u.id} name={u.name} role={u.role} action={setUserRoleAction} />}
              </Td>
              <Td>{u.active ? "Active" : "Deactivated"}</Td>
              <Td className="text-right">
                {u.id !== actor.id ? (
                  <div className="flex flex-col items-end gap-1">
                    <UserActiveToggle userId={u.id} name={u.name} active={u.active} action={setUserActiveAction} />
                    <ResetPasswordForm userId={u.id} name={u.name} action={resetUserPasswordAction} />
                  </div>
                ) : null}
              </Td>
            </Tr>
          ))}
        </tbody>
      </DataTable>
      <section className="max-w-lg rounded-lg border bg-white p-4">
        <h2 className="mb-3 font-semibold">Add a rep or manager</h2>
        <CreateUserForm action={createUserAction} />
      </section>
    </div>
  );
}
