import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { LoginForm } from "@/components/login-form";
import { loginErrorMessage } from "@/lib/auth/login-error-message";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await getActor()) redirect("/admin/crm");
  const params = await searchParams;
  // Only local paths: never bounce a user to another site after login.
  const callbackUrl = params.callbackUrl?.startsWith("/") && !params.callbackUrl.startsWith("//") ? params.callbackUrl : "/admin/crm";
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Pilot CRM</h1>
        <p className="mb-4 text-sm text-slate-600">Sign in with your work email.</p>
        <LoginForm callbackUrl={callbackUrl} initialError={loginErrorMessage(params.error)} />
      </div>
    </main>
  );
}
