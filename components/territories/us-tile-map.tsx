import { US_STATES } from "@/lib/geo/us-states";

export type TMapState = {
  /** How many active reps cover the state: the colour. */
  reps: number;
  territories: string[];
  leads: number;
  unassigned: number;
  /** The viewer's own state (a rep's territories): outlined. */
  mine?: boolean;
};

const SIZE = 46;
const GAP = 4;
const COLS = 12;
const ROWS = 8;

// Colour-blind-safe single-hue ramp (light → dark blue); uncovered states are pale with a dashed
// red border so "nobody works this" does not rely on hue alone.
const LEVELS = [
  { min: 0, label: "No rep", fill: "#f8fafc", text: "#334155" },
  { min: 1, label: "1 rep", fill: "#bfdbfe", text: "#1e293b" },
  { min: 2, label: "2 reps", fill: "#60a5fa", text: "#0f172a" },
  { min: 3, label: "3+ reps", fill: "#1d4ed8", text: "#ffffff" },
];

const levelOf = (reps: number) => LEVELS[Math.min(3, Math.max(0, reps))];

export function stateLabel(code: string, s: TMapState | undefined): string {
  const name = US_STATES[code]?.name ?? code;
  if (!s || s.territories.length === 0)
    return `${name}: no territory; ${s?.leads ?? 0} leads, ${s?.unassigned ?? 0} unassigned`;
  const reps = s.reps === 1 ? "1 rep" : `${s.reps} reps`;
  return `${name}: ${s.territories.join(", ")} (${reps}); ${s.leads} leads, ${s.unassigned} unassigned`;
}

/** One square per state at its lib/geo/us-states.ts tile position, coloured by coverage. */
export function UsTileMap({ states, title }: { states: Record<string, TMapState>; title: string }) {
  const width = COLS * (SIZE + GAP);
  const height = ROWS * (SIZE + GAP);
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full max-w-3xl"
        role="group"
        aria-label={title}
      >
        {Object.entries(US_STATES).map(([code, geo]) => {
          const s = states[code];
          const level = levelOf(s?.reps ?? 0);
          const x = geo.col * (SIZE + GAP);
          const y = geo.row * (SIZE + GAP);
          const uncovered = !s || s.territories.length === 0;
          return (
            <g
              key={code}
              role="img"
              aria-label={stateLabel(code, s)}
              data-state={code}
              data-reps={s?.reps ?? 0}
            >
              <title>{stateLabel(code, s)}</title>
              <rect
                x={x}
                y={y}
                width={SIZE}
                height={SIZE}
                rx={6}
                fill={level.fill}
                stroke={s?.mine ? "#f59e0b" : uncovered ? "#ef4444" : "#94a3b8"}
                strokeWidth={s?.mine ? 3 : 1.5}
                strokeDasharray={uncovered ? "4 3" : undefined}
              />
              <text
                x={x + SIZE / 2}
                y={y + 20}
                textAnchor="middle"
                fontSize="13"
                fontWeight="600"
                fill={level.text}
                aria-hidden="true"
              >
                {code}
              </text>
              <text
                x={x + SIZE / 2}
                y={y + 36}
                textAnchor="middle"
                fontSize="10"
                fill={level.text}
                aria-hidden="true"
              >
                {s?.leads ? s.leads : ""}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="flex flex-wrap items-center gap-3 text-xs text-slate-600">
        {LEVELS.map((l) => (
          <span key={l.label} className="inline-flex items-center gap-1">
            <svg width="14" height="14" aria-hidden="true">
              <rect
                width="14"
                height="14"
                rx="3"
                fill={l.fill}
                stroke={l.min === 0 ? "#ef4444" : "#94a3b8"}
                strokeDasharray={l.min === 0 ? "3 2" : undefined}
              />
            </svg>
            {l.label}
          </span>
        ))}
        <span>Number in a square: leads touching the state.</span>
      </figcaption>
    </figure>
  );
}
