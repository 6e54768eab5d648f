import type { TFormAction } from "@/lib/action-state";
import type { TAwayPeriodItem } from "@/lib/away/list-away-periods";
import { ActionButton } from "@/components/ui/action-button";
import { smallButton } from "@/components/ui/classes";
import { ActionsTh, DataTable, EmptyRow, THead, Td, Th, Tr } from "@/components/ui/data-table";
import { ZonedTime } from "@/components/ui/zoned-time";

/** Who is away now and who will be, with the cover; "End now" / "Withdraw" where the viewer may. */
export function AwayPeriods({ periods, end }: { periods: TAwayPeriodItem[]; end?: TFormAction }) {
  return (
    <DataTable caption="Away periods now and ahead">
      <THead>
        <tr>
          <Th>Who</Th>
          <Th>Covered by</Th>
          <Th>From</Th>
          <Th>Until</Th>
          <Th>Note</Th>
          {end ? <ActionsTh /> : null}
        </tr>
      </THead>
      <tbody>
        {periods.length === 0 ? <EmptyRow colSpan={end ? 6 : 5}>Nobody is away.</EmptyRow> : null}
        {periods.map((p) => (
          <Tr key={p.id}>
            <Td>
              {p.user.name}
              {p.current ? <span className="ml-2 rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-900">Away now</span> : null}
            </Td>
            <Td>{p.cover.name}</Td>
            <Td>
              <ZonedTime value={p.startsAt} />
            </Td>
            <Td>
              <ZonedTime value={p.endsAt} />
            </Td>
            <Td>{p.note}</Td>
            {end ? (
              <Td>
                {p.mayEnd ? (
                  <ActionButton
                    action={end}
                    fields={{ id: p.id }}
                    label={p.current ? "End now" : "Withdraw"}
                    className={smallButton}
                    ariaLabel={`${p.current ? "End now" : "Withdraw"}: ${p.user.name}'s away period`}
                    success={p.current ? "Welcome back" : "Away period withdrawn"}
                  />
                ) : null}
              </Td>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </DataTable>
  );
}
