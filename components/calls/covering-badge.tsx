/** "Covering for Alex": the holder is away and this rep works their due follow-ups (lib/away/). */
export function CoveringBadge({ coveringFor }: { coveringFor: { name: string } | null }) {
  if (!coveringFor) return null;
  return (
    <span className="inline-flex items-center rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-900" data-testid="covering-badge">
      Covering for {coveringFor.name}
    </span>
  );
}
