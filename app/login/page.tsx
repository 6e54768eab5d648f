import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { findPageActor } from "@/lib/auth/page-guard";
import { LoginForm } from "@/components/login-form";
import { loginErrorMessage } from "@/lib/auth/login-error-message";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await findPageActor()) redirect("/admin/crm");
  const params = await searchParams;
  // Only local paths: never bounce a user to another site after login.
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Pilot CRM</h1>
        <p className="mb-4 text-sm text-slate-600">Sign in with your work email.</p>
        <LoginForm callbackUrl={callbackUrl} initialError={loginErrorMessage(params.error)} />
      </div>
    </main>
  );
}
