import { FieldError } from "@/components/ui/field-error";
import { compactInputClass } from "@/components/ui/classes";
import { WeekdayCheckboxes, WEEKDAYS } from "@/components/ui/weekday-checkboxes";

type TNames = { days: string; start: string; end: string };
type THours = { days: number[]; start: string; end: string };

/** "Mon, Tue, Wed, Thu, Fri 08:00–17:00": a weekly-hours setting in words. */
export function describeWeeklyHours(h: THours): string {
  return `${h.days.map((d) => WEEKDAYS[d - 1].slice(0, 3)).join(", ")} ${h.start}–${h.end}`;
}

/**
 * The fields of a weekly-hours setting (business hours, texting hours, the sequences' sending
 * window): the ticked weekdays and one daily window, each error under its own field. The field
 * names are the form's (lib/kernel/weekly-hours-form.ts turns them into the setting).
 */
export function WeeklyHoursFields({
  names,
  hours,
  errors,
  legend,
  startLabel,
  endLabel,
}: {
  names: TNames;
  hours: THours;
  errors: Partial<Record<string, string[]>>;
  legend: string;
  startLabel: string;
  endLabel: string;
}) {
  const err = (name: string) => (errors[name]?.length ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  const time = (name: string, label: string, value: string) => (
    <label className="text-sm font-medium">
      {label}
      <input name={name} type="time" required defaultValue={value} className={`mt-1 block w-full ${compactInputClass}`} {...err(name)} />
      <FieldError id={`${name}-error`} errors={errors[name]} />
    </label>
  );
  return (
    <>
      <WeekdayCheckboxes name={names.days} legend={legend} days={hours.days} errors={errors[names.days]} />
      {time(names.start, startLabel, hours.start)}
      {time(names.end, endLabel, hours.end)}
    </>
  );
}
