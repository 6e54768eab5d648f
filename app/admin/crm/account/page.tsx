import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getOwnProfile } from "@/lib/users/get-own-profile";
import { OwnPasswordForm } from "@/components/team/own-password-form";
import { OwnPhoneForm } from "@/components/team/own-phone-form";
import { changeOwnPasswordAction, updateOwnProfileAction } from "./actions";

export const metadata: Metadata = { title: "My account" };

export default async function AccountPage() {
  const actor = await requirePageActor();
  const me = await getOwnProfile(actor);
  const card = "max-w-lg rounded-lg border bg-white p-4";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">My account</h1>
      <p className="text-sm text-slate-600">
        {actor.name} · {actor.email} · {actor.role === "super_admin" ? "Manager" : "Rep"}
      </p>
      <section aria-labelledby="phone" className={card}>
        <h2 id="phone" className="mb-3 font-semibold">
          Phone
        </h2>
        <OwnPhoneForm phone={me.phone} action={updateOwnProfileAction} />
      </section>
      <section aria-labelledby="password" className={card}>
        <h2 id="password" className="mb-3 font-semibold">
          Password
        </h2>
        <OwnPasswordForm action={changeOwnPasswordAction} />
      </section>
    </div>
  );
}
