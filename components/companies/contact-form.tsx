"use client";

import { useState } from "react";
import type { TFormAction } from "@/lib/action-state";
import { FieldError } from "@/components/ui/field-error";
import { inputClass, primaryButton, secondaryButton } from "@/components/ui/classes";
import { useFormAction } from "@/components/ui/use-form-action";

import type { TContactSummary as TContact } from "@/lib/companies/company-summary";

/** Add a person at the company, or (with `contact`) edit one behind an "Edit" toggle. */
export function ContactForm({
  companyId,
  contact,
  action,
}: {
  companyId: number;
  contact?: TContact;
  action: TFormAction;
}) {
  const [editing, setEditing] = useState(!contact);
  const { state, pending, formAction, onSubmit } = useFormAction(action, {
    onSuccess: (_s, form) => {
      if (contact) setEditing(false);
      else form?.reset();
    },
    success: contact ? "Contact saved" : "Contact added",
  });

  if (!editing)
    return (
      <button
        type="button"
        className="text-sm text-brand-700 underline"
        onClick={() => setEditing(true)}
        aria-label={`Edit ${contact?.name}`}
      >
        Edit
      </button>
    );
  const e = state?.errors;
  const prefix = `contact-${contact?.id ?? "new"}`;
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className="grid gap-2 sm:grid-cols-2"
      aria-label={contact ? `Edit ${contact.name}` : "Add a contact"}
    >
      <input type="hidden" name="company_id" value={companyId} />
      {contact ? <input type="hidden" name="contact_id" value={contact.id} /> : null}
      <label className="text-sm font-medium" htmlFor={`${prefix}-name`}>
        Name
        <input
          id={`${prefix}-name`}
          name="name"
          required
          defaultValue={contact?.name}
          className={inputClass}
        />
        <FieldError errors={e?.name} />
      </label>
      <label className="text-sm font-medium" htmlFor={`${prefix}-title`}>
        Title
        <input
          id={`${prefix}-title`}
          name="title"
          defaultValue={contact?.title ?? ""}
          className={inputClass}
        />
        <FieldError errors={e?.title} />
      </label>
      <label className="text-sm font-medium" htmlFor={`${prefix}-phone`}>
        Phone
        <input
          id={`${prefix}-phone`}
          name="phone"
          type="tel"
          defaultValue={contact?.phone ?? ""}
          className={inputClass}
        />
        <FieldError errors={e?.phone} />
      </label>
      <label className="text-sm font-medium" htmlFor={`${prefix}-email`}>
        Email
        <input
          id={`${prefix}-email`}
          name="email"
          type="email"
          defaultValue={contact?.email ?? ""}
          className={inputClass}
        />
        <FieldError errors={e?.email} />
      </label>
      <div className="flex items-center gap-2 sm:col-span-2">
        <button disabled={pending} className={primaryButton}>
          {pending ? "Saving…" : contact ? "Save" : "Add contact"}
        </button>
        {contact ? (
          <button type="button" className={secondaryButton} onClick={() => setEditing(false)}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
