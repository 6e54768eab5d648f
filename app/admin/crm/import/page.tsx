import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { listImportRuns } from "@/lib/import/get-import-run";
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS } from "@/lib/import/import-fields";
import { MAX_IMPORT_BYTES } from "@/lib/import/import-limits";
import { listUsers } from "@/lib/users/list-users";
import { ImportWizard } from "@/components/import/import-wizard";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

// The manager's CSV import: upload or paste, say what the file holds, map columns, preview,
// decide about companies we have, run it as a background job and follow its progress.
export default async function ImportPage() {
  const actor = await requirePagePermission("imports.manage");
  const [runs, users] = await Promise.all([listImportRuns(actor), listUsers({ activeOnly: true })]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Import</h1>
        <p className="mt-1 text-sm text-slate-600">
          Bring companies, contacts and leads over from HubSpot, Pipedrive, Close or a spreadsheet (CSV, up to {MAX_IMPORT_BYTES / 1024 / 1024} MB).
          Companies we already have are found by external id, USDOT, MC number or email; a company of the same name in the same state, or with the
          same phone, is only a possible duplicate. You decide what each of these rules does with the rows it finds.
        </p>
      </div>
      <ImportWizard
        fields={IMPORT_FIELDS.map((f) => ({ value: f, label: IMPORT_FIELD_LABELS[f] }))}
        reps={users.map((u) => ({ value: String(u.id), label: u.name }))}
        runs={runs}
      />
    </div>
  );
}
