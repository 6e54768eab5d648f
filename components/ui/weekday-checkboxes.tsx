import { FieldError } from "@/components/ui/field-error";

/** ISO weekdays' names, Monday (1) first. */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Seven ticks for ISO weekdays (1 = Monday), posted as one `name` value per ticked day; its error under it. */
export function WeekdayCheckboxes({ name, legend, days, errors, className = "text-sm sm:col-span-3" }: { name: string; legend: string; days: number[]; errors?: string[]; className?: string }) {
  return (
    <fieldset className={className} aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {WEEKDAYS.map((day, i) => (
          <label key={day} className="inline-flex items-center gap-1">
            <input type="checkbox" name={name} value={i + 1} defaultChecked={days.includes(i + 1)} />
            {day}
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} errors={errors} />
    </fieldset>
  );
}
