"use client";

import { FieldError } from "@/components/ui/field-error";
import { inputClass } from "@/components/ui/classes";

/** A text field of a request dialog with its error (reason, note, override). */
export function RequestTextField({
  name,
  label,
  required = false,
  errors,
  multiline = false,
}: {
  name: string;
  label: string;
  required?: boolean;
  errors?: Record<string, string[]>;
  multiline?: boolean;
}) {
  const common = { name, required, maxLength: 1000, className: inputClass, "aria-invalid": !!errors?.[name] };
  return (
    <label className="text-sm font-medium">
      {label}
      {multiline ? <textarea rows={2} {...common} /> : <input {...common} />}
      <FieldError errors={errors?.[name]} />
    </label>
  );
}
