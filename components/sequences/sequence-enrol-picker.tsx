"use client";

import { compactInputClass, secondaryButton } from "@/components/ui/classes";
import { SelectField } from "@/components/ui/select-field";

/** A sequence to choose and the Enrol button: the leads table's bulk bar and the lead page share it. */
export function SequenceEnrolPicker({
  label,
  placeholder,
  sequences,
  value,
  onChange,
  onEnrol,
  pending,
  className,
}: {
  label: string;
  placeholder: string;
  sequences: { id: number; name: string }[];
  value: string;
  onChange: (value: string) => void;
  onEnrol: () => void;
  pending: boolean;
  className: string;
}) {
  return (
    <div className={className}>
      <SelectField
        label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={{ label: placeholder }}
        options={sequences.map((s) => ({ value: String(s.id), label: s.name }))}
        selectClassName={`mt-1 block ${compactInputClass}`}
      />
      <button type="button" disabled={pending || !value} className={secondaryButton} onClick={onEnrol}>
        Enrol
      </button>
    </div>
  );
}
