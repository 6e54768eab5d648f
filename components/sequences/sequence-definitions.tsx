/**
 * How the sequence figures are counted (lib/sequences/get-sequence-report.ts says the same in SQL):
 * all time on a sequence's report, the enrolments begun in the range on the analytics page.
 */
export function SequenceDefinitions({ scope }: { scope: "all_time" | "range" }) {
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="sequence-definitions">
      <li>
        <strong>Enrolled:</strong> leads put in the sequence (each enrolment once, whatever happened since).
      </li>
      <li>
        <strong>Sent:</strong> steps that ran: an email or text handed to the provider, a call task put on the rep&apos;s call list, a wait that
        passed. A send refused (template archived, provider refused) is counted as skipped, not sent.
      </li>
      <li>
        <strong>Opened / clicked:</strong> sent emails SendGrid reported opened (a reply counts as opened) or clicked at least once.
      </li>
      <li>
        <strong>Replied:</strong> sent emails the lead answered (the reply matched the email&apos;s reply-to address), and sent texts the lead
        texted back after. A reply stops the enrolment.
      </li>
      <li>
        <strong>Stopped:</strong> enrolments ended before their last step, by reason (replied, bounced, unsubscribed, suppressed, converted, lost,
        released, reassigned, stopped by hand), counted at the step that was next.
      </li>
      <li>
        <strong>Converted:</strong> enrolled leads converted after their enrolment began.
      </li>
      <li>
        A rep sees the enrolments of their own leads; the manager every rep&apos;s.{" "}
        {scope === "range"
          ? "Here: the enrolments begun in the range (company days), of the chosen rep and leads, each followed to today — what they sent, got back and ended in so far. A sequence's own report counts all time."
          : "All time: every enrolment since the sequence was built (the analytics page counts those begun in its range)."}
      </li>
    </ul>
  );
}
