import { useId } from "react";
import { FieldError } from "@/components/ui/field-error";
import { inputClass } from "@/components/ui/classes";

export type TOption = { value: string; label: string; disabled?: boolean };

/**
 * A labelled select with its field error: the label names it, the error is tied to it with
 * aria-describedby and aria-invalid. Other select attributes (name, defaultValue, onChange,
 * required) pass through.
 */
export function SelectField({
  label,
  options,
  placeholder,
  errors,
  className = "text-sm font-medium",
  selectClassName = inputClass,
  ...select
}: Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "className"> & {
  label: React.ReactNode;
  options: readonly TOption[];
  /** A first, empty choice ("Choose…", "Any"). */
  placeholder?: { label: string; disabled?: boolean };
  errors?: string[];
  className?: string;
  selectClassName?: string;
}) {
  const ownId = useId();
  const id = select.id ?? ownId;
  const errorId = `${id}-error`;
  const invalid = !!errors?.length;
  // Named by its own label element (not wrapped in it), so the name is the label alone. A native
  // select is as wide as its longest option: capped at its container, so one long rep or company
  // name cannot push a phone page sideways.
  return (
    <div className={`min-w-0 max-w-full ${className}`}>
      <label htmlFor={id}>{label}</label>
      <select
        {...select}
        id={id}
        className={`max-w-full ${selectClassName}`}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
      >
        {placeholder ? (
          <option value="" disabled={placeholder.disabled}>
            {placeholder.label}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}
