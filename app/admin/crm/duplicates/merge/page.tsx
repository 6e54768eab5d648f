import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getMergePreview } from "@/lib/companies/get-merge-preview";
import { orNotFound } from "@/lib/leads/or-not-found";
import { MergeForm } from "@/components/companies/merge-form";
import { mergeCompaniesAction } from "../actions";

export const metadata: Metadata = { title: "Merge companies" };

export default async function MergePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("companies.merge");
  const [a, b] = await orNotFound(async () => getMergePreview.fromRequest(actor, await searchParams));
  const gone = [a, b].find((c) => c.mergedIntoId !== null);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Merge companies</h1>
      <p className="text-sm">
        <Link href="/admin/crm/duplicates" className="underline">
          Back to duplicates
        </Link>
      </p>
      {gone ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          #{gone.id} {gone.values.name} was already merged into{" "}
          <Link href={`/admin/crm/company/${gone.mergedIntoId}`} className="underline">
            company #{gone.mergedIntoId}
          </Link>
          .
        </p>
      ) : (
        <MergeForm a={a} b={b} action={mergeCompaniesAction} />
      )}
    </div>
  );
}
