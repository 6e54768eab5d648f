export function FieldError({ errors, id }: { errors?: string[]; id?: string }) {
  if (!errors?.length) return null;
  return (
    <p id={id} data-field-error className="mt-1 text-xs text-red-700">
      {errors.join(" ")}
    </p>
  );
}
