// Pure template rendering, shared by the server (save, send) and the browser (live preview), so
// what a rep sees in the preview is exactly what is sent.
import { AppError, type TIssue } from "@/lib/errors";
import { TEMPLATE_VARIABLES, VARIABLE_NAMES, type TVariableValues } from "@/lib/email/template-variables";

// {{name}} or {{name | "fallback"}} (single quotes too): the fallback is used when the lead has no
// value, so "Hi {{contact_first_name | "there"}}" can go to a lead nobody has named yet.
const TOKEN = /\{\{\s*([A-Za-z0-9_]*)\s*(?:\|\s*(?:"([^"{}]*)"|'([^'{}]*)')\s*)?\}\}/g;

/** The text the variable picker inserts: `{{name}}`, or with a fallback `{{name | "fallback"}}`. */
export function variableToken(name: string, fallback?: string): string {
  const f = fallback?.replace(/["{}]/g, "").trim();
  return f ? `{{${name} | "${f}"}}` : `{{${name}}}`;
}

const LABELS: ReadonlyMap<string, string> = new Map(TEMPLATE_VARIABLES.map((v) => [v.name, v.label]));

export type TTemplateText = { subject: string; body: string };
export type TRendered = { subject: string; text: string; html: string; missing: string[]; unknown: string[] };

/** Variables a text uses, split into declared and unknown ones, plus stray braces (a typo). */
export function scanVariables(text: string): { used: string[]; unknown: string[]; malformed: boolean } {
  const used = new Set<string>();
  const unknown = new Set<string>();
  for (const m of text.matchAll(TOKEN)) (VARIABLE_NAMES.has(m[1]) ? used : unknown).add(m[1] || "(empty)");
  const rest = text.replace(TOKEN, "");
  return { used: [...used], unknown: [...unknown], malformed: rest.includes("{{") || rest.includes("}}") };
}

function templateIssues(t: TTemplateText): TIssue[] {
  const issues: TIssue[] = [];
  for (const field of ["subject", "body"] as const) {
    const scan = scanVariables(t[field]);
    if (scan.unknown.length)
      issues.push({ path: field, message: `Unknown variable${scan.unknown.length > 1 ? "s" : ""}: ${scan.unknown.map((n) => `{{${n}}}`).join(", ")}` });
    if (scan.malformed) issues.push({ path: field, message: 'A variable is not closed or its fallback is not quoted: write it as {{name}} or {{name | "fallback"}}' });
  }
  return issues;
}

/** Throws 400 naming each unknown or malformed variable: checked before a template is saved or sent. */
export function assertTemplateVariables(t: TTemplateText): void {
  const issues = templateIssues(t);
  if (issues.length) throw new AppError("BAD_REQUEST", issues.map((i) => `${i.path}: ${i.message}`).join("; "), issues);
}

const hasValue = (v: string | null | undefined): v is string => typeof v === "string" && v.trim() !== "";

// What stands in the preview for a variable without a value: the rep sees which one, never a raw
// {{…}} (the send is refused while any is missing).
const gap = (name: string) => `[${LABELS.get(name) ?? name}]`;

function fill(text: string, values: TVariableValues, missing: Set<string>, unknown: Set<string>): string {
  return text.replace(TOKEN, (_whole, name: string, dq?: string, sq?: string) => {
    if (!VARIABLE_NAMES.has(name)) {
      unknown.add(name || "(empty)");
      return `[unknown: ${name || "(empty)"}]`;
    }
    const value = values[name as keyof TVariableValues];
    if (hasValue(value)) return value;
    const fallback = dq ?? sq;
    if (fallback !== undefined) return fallback;
    missing.add(name);
    return gap(name);
  });
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Plain text → email HTML: everything escaped, blank lines make paragraphs, links clickable (click tracking needs anchors). */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const inner = escapeHtml(p)
        .replace(/https?:\/\/[^\s<]+[^\s<.,;:!?)]/g, (url) => `<a href="${url}">${url}</a>`)
        .replace(/\n/g, "<br>\n");
      return `<p style="margin:0 0 1em">${inner}</p>`;
    });
  return `<div style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1e293b">\n${paragraphs.join("\n")}\n</div>`;
}

/**
 * Fills the variables, a fallback where the lead has no value. Never throws: unfilled ones show as
 * [their label] and are listed in `missing`, so the preview can point at them and the sender can
 * refuse (assertRendered).
 */
export function renderTemplate(t: TTemplateText, values: TVariableValues): TRendered {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  // A subject is one line: a pasted newline would otherwise end up in the mail header.
  const subject = fill(t.subject, values, missing, unknown).replace(/\s*[\r\n]+\s*/g, " ").trim();
  const text = fill(t.body, values, missing, unknown).replace(/\r\n?/g, "\n").trim();
  return { subject, text, html: textToHtml(text), missing: [...missing], unknown: [...unknown] };
}

/** Throws 400 naming every variable this lead has no value for (checked before sending). */
export function assertRendered(r: TRendered): void {
  const list = (names: string[]) => names.map((n) => `{{${n}}}`).join(", ");
  if (r.unknown.length)
    throw new AppError("BAD_REQUEST", `Unknown variables: ${list(r.unknown)}`, [{ path: "body", message: `Unknown variables: ${list(r.unknown)}` }]);
  if (!r.missing.length) return;
  const names = list(r.missing);
  throw new AppError(
    "BAD_REQUEST",
    `No value for ${names} on this lead: fill it in, give it a fallback or remove it from the text.`,
    [{ path: "body", message: `No value for ${names}` }],
  );
}
