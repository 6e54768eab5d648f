import Link from "next/link";
import type { TFormAction } from "@/lib/action-state";
import type { TOverdueFollowUps } from "@/lib/follow-ups/list-overdue-follow-ups";
import { DataTable, EmptyRow, RowTh, THead, Th, Td, Tr, ActionsTh } from "@/components/ui/data-table";
import { FollowUpWhen } from "@/components/follow-ups/follow-up-when";
import { SnoozeButtons } from "@/components/follow-ups/snooze-buttons";

/** Overdue follow-ups, oldest first, each with its snooze buttons; `showRep` for the manager. */
export function OverdueFollowUps({ data, showRep, snooze }: { data: TOverdueFollowUps; showRep: boolean; snooze: TFormAction }) {
  const columns = showRep ? 4 : 3;
  return (
    <DataTable caption="Overdue follow-ups" data-testid="overdue-follow-ups">
      <THead>
        <tr>
          <Th>Lead</Th>
          {showRep ? <Th>Rep</Th> : null}
          <Th>Was due</Th>
          <ActionsTh />
        </tr>
      </THead>
      <tbody>
        {data.items.length === 0 ? <EmptyRow colSpan={columns}>No overdue follow-ups.</EmptyRow> : null}
        {data.items.map((f) => (
          <Tr key={f.leadId} data-testid="overdue-row">
            <RowTh>
              <Link href={`/admin/crm/lead/${f.leadId}`} className="text-brand-700 hover:underline">
                {f.companyName}
              </Link>
            </RowTh>
            {showRep ? <Td>{f.repName}</Td> : null}
            <Td>
              <FollowUpWhen at={f.nextFollowUpAt} hasTime={f.hasTime} />
            </Td>
            <Td>
              <SnoozeButtons leadId={f.leadId} companyName={f.companyName} action={snooze} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </DataTable>
  );
}
