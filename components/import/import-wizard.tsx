"use client";

import { useState } from "react";
import { COMPANY_RULE_LABELS } from "@/lib/companies/duplicate-rules";
import {
  DEFAULT_IMPORT_DECISIONS,
  IMPORT_DECISION_CHOICES,
  IMPORT_DECISION_LABELS,
  IMPORT_RULES,
  isSuggestionRule,
  type TImportDecision,
  type TImportDecisions,
  type TImportRule,
} from "@/lib/import/import-decisions";
import type { TImportRunView } from "@/lib/import/get-import-run";
import type { TImportPreview } from "@/lib/import/preview-import";
import { ImportProgress } from "@/components/import/import-progress";
import { SelectField, type TOption } from "@/components/ui/select-field";
import { inputClass, primaryButton, secondaryButton } from "@/components/ui/classes";

type TUploaded = { id: number; fileName: string; encoding: string; delimiter: string; columns: { header: string; field: string | null }[] };
type TKind = "companies" | "leads";

const ACTION_TEXT: Record<string, string> = {
  create: "Create",
  update: "Update",
  skip: "Skip (nothing new)",
  possible_duplicate: "Possible duplicate",
  fail: "Rejected",
};
const DELIMITER_TEXT: Record<string, string> = { ",": "commas", ";": "semicolons", "\t": "tabs" };

/**
 * Which rule found the row's company, and what the manager's decision for that rule does with the
 * row (a row that brings nothing new is skipped whatever the decision).
 */
function RuleDecision({ rule, decision, nothingNew }: { rule: TImportRule; decision: TImportDecision; nothingNew: boolean }) {
  return (
    <span className="block text-slate-600">
      {COMPANY_RULE_LABELS[rule]}
      {nothingNew ? null : <> → {IMPORT_DECISION_LABELS[decision]}</>}
    </span>
  );
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = (await res.json().catch(() => ({}))) as T & { error?: { message?: string } };
  if (!res.ok) throw new Error(body.error?.message ?? `The server answered ${res.status}`);
  return body;
}

/** Upload (or paste) → what the file holds, mapping, preview and decisions → the running import. */
export function ImportWizard({ fields, reps, runs }: { fields: TOption[]; reps: TOption[]; runs: TImportRunView[] }) {
  const [pasted, setPasted] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<TUploaded | null>(null);
  const [mapping, setMapping] = useState<(string | null)[]>([]);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [kind, setKind] = useState<TKind>("companies");
  const [decisions, setDecisions] = useState<TImportDecisions>(DEFAULT_IMPORT_DECISIONS);
  const [assignTo, setAssignTo] = useState("");
  const [started, setStarted] = useState<TImportRunView | null>(null);

  async function guarded(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function loadPreview(runId: number, next: (string | null)[]) {
    setPreview(null);
    setPreview(await call<TImportPreview>(`/api/imports/${runId}/preview`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ mapping: next }) }));
  }

  const upload = () =>
    guarded(async () => {
      const body = file ?? new Blob([pasted], { type: "text/csv" });
      if (!file && !pasted.trim()) throw new Error("Choose a CSV file or paste its text first.");
      const made = await call<TUploaded>("/api/imports", {
        method: "POST",
        headers: { "content-type": file?.type || "text/csv", "x-file-name": encodeURIComponent(file?.name ?? "pasted.csv") },
        body,
      });
      const auto = made.columns.map((c) => c.field);
      setUploaded(made);
      setMapping(auto);
      setStarted(null);
      await loadPreview(made.id, auto).catch((err: Error) => setError(err.message));
    });

  const remap = (i: number, field: string) =>
    guarded(async () => {
      const next = mapping.map((f, j) => (j === i ? field || null : f));
      setMapping(next);
      await loadPreview(uploaded!.id, next);
    });

  const start = () =>
    guarded(async () => {
      const run = await call<{ id: number }>(`/api/imports/${uploaded!.id}/start`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ kind, mapping, decisions, assignToId: kind === "leads" && assignTo ? Number(assignTo) : null }),
      });
      setStarted(await call<TImportRunView>(`/api/imports/${run.id}`, { method: "GET" }));
      setUploaded(null);
      setPreview(null);
    });

  const mappedFields = fields.filter((f) => kind === "leads" || !["lead_status", "owner_email", "estimated_value", "source"].includes(f.value));
  return (
    <div className="space-y-6">
      <section aria-labelledby="import-upload" className="space-y-3">
        <h2 id="import-upload" className="font-semibold">
          1. The file
        </h2>
        <div className="grid gap-3 md:grid-cols-2">
          <div className="text-sm font-medium">
            <label htmlFor="import-file">CSV file</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
              className={inputClass}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <div className="text-sm font-medium">
            <label htmlFor="import-paste">Or paste it</label>
            <textarea id="import-paste" rows={3} className={inputClass} value={pasted} onChange={(e) => setPasted(e.target.value)} placeholder="Company name,Email,Phone Number" />
          </div>
        </div>
        <button type="button" className={primaryButton} onClick={upload} disabled={busy}>
          Upload and preview
        </button>
      </section>

      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      ) : null}

      {uploaded ? (
        <section aria-labelledby="import-map" className="space-y-4">
          <h2 id="import-map" className="font-semibold">
            2. What it holds and where each column goes
          </h2>
          <p className="text-sm text-slate-600">
            {uploaded.fileName}: {uploaded.encoding.toUpperCase()}, separated by {DELIMITER_TEXT[uploaded.delimiter] ?? uploaded.delimiter}.
          </p>
          <fieldset className="text-sm">
            <legend className="font-medium">The file holds</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {(
                [
                  ["companies", "Companies with their contacts"],
                  ["leads", "Leads with their company"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="inline-flex items-center gap-2">
                  <input type="radio" name="import-kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {uploaded.columns.map((c, i) => (
              <SelectField
                key={`${i}-${c.header}`}
                label={
                  <>
                    Column “{c.header || `column ${i + 1}`}”
                  </>
                }
                value={mapping[i] ?? ""}
                onChange={(e) => remap(i, e.target.value)}
                placeholder={{ label: "— not imported —" }}
                options={mappedFields}
              />
            ))}
          </div>

          {(
            [
              ["identity", "Rows that are a company we have", "Found by the same rules as the lead webhook, strongest first."],
              ["suggestion", "Rows that may be a company we have", "Only a suggestion: nothing stronger matched."],
            ] as const
          ).map(([group, legend, hint]) => (
            <fieldset key={group} className="text-sm" data-testid={`import-rules-${group}`}>
              <legend className="font-medium">{legend}</legend>
              <p className="text-slate-600">{hint}</p>
              <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
                {IMPORT_RULES.filter((rule) => isSuggestionRule(rule) === (group === "suggestion")).map((rule) => (
                  <SelectField
                    key={rule}
                    label={
                      <>
                        {COMPANY_RULE_LABELS[rule]}
                        {preview ? (
                          <span className="font-normal text-slate-600">
                            {" "}
                            · {preview.rules[rule]} {preview.rules[rule] === 1 ? "row" : "rows"}
                          </span>
                        ) : null}
                      </>
                    }
                    value={decisions[rule]}
                    onChange={(e) => setDecisions({ ...decisions, [rule]: e.target.value as TImportDecision })}
                    options={IMPORT_DECISION_CHOICES[rule].map((d) => ({ value: d, label: IMPORT_DECISION_LABELS[d] }))}
                  />
                ))}
              </div>
            </fieldset>
          ))}
          {kind === "leads" ? (
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              <SelectField
                label="Leads without an owner"
                value={assignTo}
                onChange={(e) => setAssignTo(e.target.value)}
                placeholder={{ label: "Leave in the pool" }}
                options={reps}
              />
            </div>
          ) : null}

          {preview ? (
            <div className="space-y-2">
              <p className="text-sm" data-testid="import-preview-counts">
                First {preview.counts.rows} rows: {preview.counts.create} to create, {preview.counts.update} to update, {preview.counts.skip} with nothing
                new, {preview.counts.possible_duplicate} possible duplicates, {preview.counts.fail} rejected.
              </p>
              {preview.columnProblems.length ? (
                <p className="text-sm text-amber-800">
                  Rejected values by column: {preview.columnProblems.map((c) => `${c.column} (${c.rows})`).join(", ")}
                </p>
              ) : null}
              <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Preview of the first rows">
                <table className="min-w-full text-left text-sm">
                  <caption className="sr-only">Preview of the first rows</caption>
                  <thead>
                    <tr className="border-b border-slate-200">
                      <th scope="col" className="px-2 py-1">Row</th>
                      <th scope="col" className="px-2 py-1">Company</th>
                      <th scope="col" className="px-2 py-1">State</th>
                      <th scope="col" className="px-2 py-1">Phone</th>
                      <th scope="col" className="px-2 py-1">Email</th>
                      <th scope="col" className="px-2 py-1">Will</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((r) => (
                      <tr key={r.row} className="border-b border-slate-100 align-top">
                        <td className="px-2 py-1">{r.row}</td>
                        <td className="px-2 py-1">{r.data.company_name}</td>
                        <td className="px-2 py-1">{r.data.state}</td>
                        <td className="px-2 py-1">{r.data.phone}</td>
                        <td className="px-2 py-1 break-all">{r.data.email}</td>
                        <td className="px-2 py-1">
                          {ACTION_TEXT[r.action]}
                          {r.rule ? <RuleDecision rule={r.rule} decision={decisions[r.rule]} nothingNew={r.action === "skip"} /> : null}
                          {r.problems.map((p) => (
                            <span key={`${p.column}-${p.reason}`} className="block text-red-700">
                              {p.column}: {p.reason}
                            </span>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <button type="button" className={primaryButton} onClick={start} disabled={busy}>
              Import
            </button>
            <button type="button" className={secondaryButton} onClick={() => (setUploaded(null), setPreview(null))} disabled={busy}>
              Choose another file
            </button>
          </div>
        </section>
      ) : null}

      {started ? (
        <section aria-labelledby="import-running" className="space-y-2">
          <h2 id="import-running" className="font-semibold">
            3. Import
          </h2>
          <ImportProgress key={started.id} initial={started} />
        </section>
      ) : null}

      {runs.length ? (
        <section aria-labelledby="import-recent" className="space-y-2">
          <h2 id="import-recent" className="font-semibold">
            Recent imports
          </h2>
          {runs.filter((r) => r.id !== started?.id).map((r) => (
            <ImportProgress key={r.id} initial={r} />
          ))}
        </section>
      ) : null}
    </div>
  );
}
