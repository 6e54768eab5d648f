// HTML forms send strings; an empty field means "not given", so it becomes undefined and the
// schema's own defaults and optionality apply. Repeated names (checkboxes) become arrays.
export function formDataToObject(form: FormData | URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // Next's own hidden fields
    const value = typeof raw === "string" ? (raw.trim() === "" ? undefined : raw) : raw;
    if (value === undefined) continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}
