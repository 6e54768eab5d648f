import type { TUnmatchedText } from "@/lib/sms/list-unmatched-texts";
import { ZonedTime } from "@/components/ui/zoned-time";

/** The manager's list of texts from numbers no lead, company or contact has (lib/sms/list-unmatched-texts.ts). */
export function UnmatchedTextList({ total, texts }: { total: number; texts: TUnmatchedText[] }) {
  return (
    <section aria-labelledby="unmatched-texts" className="rounded-lg border bg-white p-4" data-testid="unmatched-texts">
      <h2 id="unmatched-texts" className="font-semibold">
        Texts from unknown numbers
      </h2>
      <p className="mb-3 max-w-3xl text-sm text-slate-600">
        Texts from a number we never texted that no company or contact has, so no lead holds them. Add the number to the right company or contact:
        its next texts go to that company&apos;s lead.{" "}
        {total > texts.length ? `The newest ${texts.length} of ${total}.` : `${total} text${total === 1 ? "" : "s"}.`}
      </p>
      {texts.length ? (
        <ol className="divide-y">
          {texts.map((t) => (
            <li key={t.id} className="py-2 text-sm" data-testid="unmatched-text">
              <p className="flex flex-wrap gap-x-3">
                <span className="font-medium">{t.from}</span>
                <span className="text-slate-600">
                  <ZonedTime value={t.receivedAt} />
                </span>
                {t.optedOut ? <span className="text-amber-800">opted out of texts</span> : null}
              </p>
              <p className="whitespace-pre-wrap break-words">{t.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-slate-500">None: every text came from a known number.</p>
      )}
    </section>
  );
}
