import type { TRendered } from "@/lib/email/render-template";

type TProps = { rendered: TRendered; to?: string; from?: string; replyTo?: string | null; label?: string };

/** A rendered email: headers, the HTML as the recipient sees it (sandboxed: no scripts), and the text part. */
export function EmailPreview({ rendered, to, from, replyTo, label = "Preview" }: TProps) {
  const gaps = rendered.missing.map((n) => `{{${n}}}`).join(", ");
  return (
    <section aria-label={label} className="space-y-2 rounded-lg border bg-white p-3">
      {rendered.missing.length ? (
        <p role="alert" className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-800">
          No value for {gaps} on this lead: fill it in or remove it before sending.
        </p>
      ) : null}
      {rendered.unknown.length ? (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-sm text-red-800">
          Unknown variable{rendered.unknown.length > 1 ? "s" : ""}: {rendered.unknown.map((n) => `{{${n}}}`).join(", ")}
        </p>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        {from ? (
          <>
            <dt className="text-slate-500">From</dt>
            <dd className="break-all">{from}</dd>
          </>
        ) : null}
        {to ? (
          <>
            <dt className="text-slate-500">To</dt>
            <dd className="break-all">{to}</dd>
          </>
        ) : null}
        {replyTo ? (
          <>
            <dt className="text-slate-500">Reply-to</dt>
            <dd className="break-all">{replyTo}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">Subject</dt>
        <dd className="font-medium" data-testid="preview-subject">
          {rendered.subject}
        </dd>
      </dl>
      <iframe title={`${label}: HTML`} sandbox="" srcDoc={rendered.html} className="h-56 w-full resize-y rounded border bg-white" />
      <details>
        <summary className="cursor-pointer text-sm text-slate-600">Plain-text part</summary>
        <pre className="mt-1 whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-sm" data-testid="preview-text">
          {rendered.text}
        </pre>
      </details>
    </section>
  );
}
