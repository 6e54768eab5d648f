import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { emailConfig } from "@/lib/email/email-config";
import { listOutbox } from "@/lib/email/list-outbox";
import { listTextOutbox } from "@/lib/sms/list-text-outbox";
import { smsConfig } from "@/lib/sms/sms-config";
import { EmailPreview } from "@/components/email/email-preview";
import { ZonedTime } from "@/components/ui/zoned-time";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor();
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const outbox = await listOutbox(actor, { page });
  const { outbox: outboxMode } = emailConfig();
  const [texts, textOutbox] = [await listTextOutbox(actor), smsConfig().outbox];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Outbox</h1>
      {outboxMode ? (
        <p role="status" data-testid="outbox-banner" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <strong>Outbox mode:</strong> no SendGrid API key is configured, so nothing leaves this machine. Emails are kept here, exactly as they
          would have been sent. Set <code>SENDGRID_API_KEY</code> to send for real.
        </p>
      ) : (
        <p role="status" className="rounded-lg border bg-white p-3 text-sm text-slate-700">
          SendGrid is configured: emails are sent. Below are the messages kept earlier, while the app ran in outbox mode.
        </p>
      )}
      <p className="text-sm text-slate-600">
        {outbox.total} message{outbox.total === 1 ? "" : "s"}
        {can(actor, "metrics.team") ? " from all reps" : " you wrote"}.
      </p>
      <ol className="space-y-3">
        {outbox.messages.map((m) => (
          <li key={m.id} className="rounded-lg border bg-white" data-testid="outbox-message">
            <details>
              <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 p-3">
                <span className="font-medium">{m.subject}</span>
                <span className="text-sm text-slate-600">to {m.to}</span>
                <span className="text-sm text-slate-500">
                  <ZonedTime value={m.createdAt} /> · {m.senderName}
                  {m.templateName ? ` · ${m.templateName} v${m.templateVersion}` : ""}
                </span>
                {m.leadId ? null : <span className="text-sm text-slate-500">Test email</span>}
              </summary>
              <div className="border-t p-3">
                {/* Inside the body, not the summary: a link in a summary is a control inside a
                    control, which keyboards and screen readers cannot reach reliably. */}
                {m.leadId ? (
                  <p className="mb-2 text-sm">
                    <Link href={`/admin/crm/lead/${m.leadId}`} className="text-brand-700 hover:underline">
                      Lead #{m.leadId}
                      {m.companyName ? ` · ${m.companyName}` : ""}
                    </Link>
                  </p>
                ) : null}
                <EmailPreview
                  label={`Message ${m.id}`}
                  rendered={{ subject: m.subject, text: m.text, html: m.html, missing: [], unknown: [] }}
                  from={m.from}
                  to={m.to}
                  replyTo={m.replyTo}
                />
              </div>
            </details>
          </li>
        ))}
      </ol>
      {outbox.messages.length === 0 ? <p className="text-slate-500">Nothing in the outbox.</p> : null}
      {outbox.pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
          {page > 1 ? <Link href={`/admin/crm/outbox?page=${page - 1}`}>← Newer</Link> : null}
          <span>
            Page {outbox.page} of {outbox.pages}
          </span>
          {page < outbox.pages ? <Link href={`/admin/crm/outbox?page=${page + 1}`}>Older →</Link> : null}
        </nav>
      ) : null}
      <section aria-labelledby="text-outbox" className="space-y-3">
        <h2 id="text-outbox" className="text-xl font-semibold">
          Texts
        </h2>
        <p role="status" className="text-sm text-slate-700">
          {textOutbox
            ? "Outbox mode for texts: Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID), so texts are kept here and nothing is sent."
            : "Twilio is configured: texts are sent. Below are the texts kept earlier, in outbox mode."}{" "}
          {texts.total} text{texts.total === 1 ? "" : "s"}
          {texts.total > texts.shown ? ` (the newest ${texts.shown} shown)` : ""}.
        </p>
        <ol className="space-y-2">
          {texts.texts.map((t) => (
            <li key={t.id} className="rounded-lg border bg-white p-3 text-sm" data-testid="outbox-text">
              <p className="text-slate-600">
                To {t.to} · <ZonedTime value={t.createdAt} />
                {t.senderName ? ` · ${t.senderName}` : ""}
                {t.leadId ? (
                  <>
                    {" · "}
                    <Link href={`/admin/crm/lead/${t.leadId}`} className="text-brand-700 underline">
                      Lead #{t.leadId}
                      {t.companyName ? ` · ${t.companyName}` : ""}
                    </Link>
                  </>
                ) : null}
              </p>
              <p className="mt-1 whitespace-pre-wrap">{t.body}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
