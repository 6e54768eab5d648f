import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">This page does not exist, or you do not have access to it.</p>
      <Link href="/admin/crm" className="mt-4 inline-block text-brand-600 underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
