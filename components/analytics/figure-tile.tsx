/** One labelled number in a figure's summary (a `<dl>` item): "Median, arrival → deal: 3.5 days". */
export function FigureTile({ label, value, testId, small = false }: { label: string; value: string; testId: string; small?: boolean }) {
  return (
    <div className="rounded bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={`${small ? "text-base" : "text-lg"} font-semibold tabular-nums`} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
