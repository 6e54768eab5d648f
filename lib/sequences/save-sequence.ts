import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, type TIssue } from "@/lib/errors";
import { command } from "@/lib/command";
import { isManager } from "@/lib/auth/permissions";
import { zId } from "@/lib/leads/lead-input";
import { templateAccess } from "@/lib/email/template-access";
import { assertTemplateVariables } from "@/lib/email/render-template";
import { MAX_TEXT_LENGTH } from "@/lib/sms/text-limits";
import { DELAY_UNITS, STEP_KINDS } from "@/lib/sequences/sequence-vocabulary";
import { mayChangeSequence } from "@/lib/sequences/sequence-access";

const MAX_STEPS = 20;
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

const ZStep = z
  .object({
    kind: z.enum(STEP_KINDS, { error: "Choose email, text, call task or wait" }),
    delay_amount: z.coerce.number({ error: "Enter a number" }).int("Whole numbers only").min(0, "Not negative").max(200, "At most 200"),
    delay_unit: z.enum(DELAY_UNITS, { error: "Choose business days or hours" }).default("business_days"),
    template_id: z.preprocess(blankToUndefined, zId("Template").optional()),
    // A text step sends a shared text template (issue #18), or the rep's own words in `body`
    // (text templates are the manager's to write, so a rep's own sequence may need its own words).
    text_template_id: z.preprocess(blankToUndefined, zId("Text template").optional()),
    body: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.string().trim().max(MAX_TEXT_LENGTH, `At most ${MAX_TEXT_LENGTH.toLocaleString("en-US")} characters`).optional(),
    ),
  })
  .superRefine((s, ctx) => {
    if (s.kind === "email" && s.template_id === undefined) ctx.addIssue({ code: "custom", path: ["template_id"], message: "Choose the email's template" });
    if (s.kind === "text" && s.text_template_id === undefined && !s.body)
      ctx.addIssue({ code: "custom", path: ["text_template_id"], message: "Choose a text template or write the text" });
    if (s.kind === "text" && s.text_template_id !== undefined && s.body)
      ctx.addIssue({ code: "custom", path: ["body"], message: "Send the template or your own words, not both" });
    if (s.kind === "wait" && s.delay_amount === 0) ctx.addIssue({ code: "custom", path: ["delay_amount"], message: "A wait needs a length" });
  });

export const ZSaveSequence = z.object({
  /** Absent: a new sequence. */
  sequence_id: z.preprocess((v) => (v === "" || v === null ? undefined : v), zId("Sequence").optional()),
  name: z.string({ error: "Name the sequence" }).trim().min(1, "Name the sequence").max(120, "At most 120 characters"),
  /** The manager's sequences are shared with every rep unless kept as their own. */
  shared: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false),
  // The builder posts its steps as one JSON field; a JSON client may send the array itself.
  steps: z.preprocess(
    (v) => {
      if (typeof v !== "string") return v;
      try {
        return JSON.parse(v);
      } catch {
        return v;
      }
    },
    z.array(ZStep, { error: "Add the steps" }).min(1, "A sequence needs at least one step").max(MAX_STEPS, `At most ${MAX_STEPS} steps`),
  ),
});
export type TSaveSequence = z.input<typeof ZSaveSequence>;

function variableIssues(body: string): TIssue[] {
  try {
    assertTemplateVariables({ subject: "", body });
    return [];
  } catch (err) {
    if (err instanceof AppError) return err.issues ?? [];
    throw err;
  }
}

/**
 * Creates a sequence, or renames one and replaces its steps. Every email step's template must be
 * one the owner may use (a shared sequence: a shared template), every text step's a text template
 * in use (or its own words, with known variables only), else 400 naming the step, and nothing is
 * written. The text is rendered when the step runs (sendLeadText), so a template edited later
 * goes out in its newest version. Steps change only while nobody was ever enrolled: the report
 * counts runs per step, and a rewritten step would count what an old one sent.
 */
export const saveSequence = command(ZSaveSequence, async (actor, data): Promise<{ id: number }> => {
  const shared = isManager(actor) && data.shared;
  const existing = data.sequence_id ? await db.sequence.findUnique({ where: { id: data.sequence_id } }) : null;
  if (data.sequence_id && (!existing || !mayChangeSequence(actor, existing))) throw new AppError("NOT_FOUND", "Sequence not found");
  const ownerId = existing ? existing.ownerId : shared ? null : actor.id;

  const ids = [...new Set(data.steps.map((s) => s.template_id).filter((id): id is number => id !== undefined))];
  const templates = await db.emailTemplate.findMany({ where: { id: { in: ids } }, select: { id: true, ownerId: true, archived: true } });
  const issues: TIssue[] = [];
  data.steps.forEach((s, i) => {
    if (s.template_id === undefined) return;
    const t = templates.find((x) => x.id === s.template_id);
    const usable = t && !t.archived && templateAccess(actor, t) !== "none" && (ownerId === null ? t.ownerId === null : true);
    if (!usable) issues.push({ path: `steps.${i}.template_id`, message: ownerId === null && t && t.ownerId !== null ? "A shared sequence needs a shared template" : "Unknown template" });
  });

  // A text step's template: one in use (text templates are shared, everyone's to send); its own
  // words: only the variables every template may use (the same check a template's save makes).
  const textIds = [...new Set(data.steps.map((s) => (s.kind === "text" ? s.text_template_id : undefined)).filter((id): id is number => id !== undefined))];
  const textTemplates = await db.textTemplate.findMany({ where: { id: { in: textIds }, archived: false }, select: { id: true } });
  data.steps.forEach((s, i) => {
    if (s.kind !== "text") return;
    if (s.text_template_id !== undefined && !textTemplates.some((t) => t.id === s.text_template_id))
      issues.push({ path: `steps.${i}.text_template_id`, message: "Unknown text template" });
    if (s.body) issues.push(...variableIssues(s.body).map((x) => ({ path: `steps.${i}.body`, message: x.message })));
  });
  if (issues.length) throw new AppError("BAD_REQUEST", `Invalid input: ${issues.map((i) => i.path).join(", ")} — ${issues[0].message}`, issues);

  const steps = data.steps.map((s, position) => ({
    position,
    kind: s.kind,
    delayAmount: s.delay_amount,
    delayUnit: s.delay_unit,
    templateId: s.kind === "email" ? (s.template_id ?? null) : null,
    textTemplateId: s.kind === "text" ? (s.text_template_id ?? null) : null,
    body: s.kind === "text" || s.kind === "call" ? (s.body ?? null) : null,
  }));
  return db.$transaction(async (tx) => {
    if (!existing) {
      const created = await tx.sequence.create({ data: { name: data.name, ownerId, createdById: actor.id, steps: { create: steps } }, select: { id: true } });
      return created;
    }
    if (await tx.sequenceEnrolment.findFirst({ where: { sequenceId: existing.id }, select: { id: true } }))
      throw new AppError("CONFLICT", "Leads were enrolled in this sequence, so its steps stay as they were: make a new sequence instead.");
    await tx.sequenceStep.deleteMany({ where: { sequenceId: existing.id } });
    await tx.sequence.update({ where: { id: existing.id }, data: { name: data.name, steps: { create: steps } } });
    return { id: existing.id };
  });
});
