// The shape of every domain function that takes input: (actor, input) → result, with the input
// parsed by its zod schema in one place. Entry points (server actions, route handlers, pages
// reading search params) pass what arrived through `.fromRequest`, typed `unknown`; domain code
// and tests call the function itself with the schema's input type.
import type { z } from "zod";
import { assertCan } from "@/lib/auth/assert-can";
import type { TAct, TActor } from "@/lib/auth/permissions";
import { validationError } from "@/lib/errors";

/** The schema's output, or a 400 naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

// An input every field of which is optional may be left out altogether. Trailing arguments are
// for trusted callers only (a test pinning the clock); requests never reach them.
type TInputArgs<I, X extends unknown[]> = object extends I ? [input?: I, ...rest: X] : [input: I, ...rest: X];

export type TCommand<A, I, R, X extends unknown[] = []> = {
  (actor: A, ...args: TInputArgs<I, X>): Promise<R>;
  /** The same function for entry points, whose input is whatever the request carried. */
  fromRequest(actor: A, input: unknown): Promise<R>;
};

type TCommandSpec<S extends z.ZodType> = {
  input: S;
  /**
   * A role permission checked before the input is even parsed, so a refused actor learns
   * nothing about it (404). A null actor is a trusted operator script and skips it.
   */
  may?: TAct;
};

function isSchema<S extends z.ZodType>(spec: S | TCommandSpec<S>): spec is S {
  return typeof (spec as S).safeParse === "function";
}

/**
 * Defines a domain function from its schema and body. Authorization that depends on the data
 * (whose lead, whose metrics) stays in the body, after parsing.
 */
export function command<S extends z.ZodType, R, A extends TActor | null = TActor, X extends unknown[] = []>(
  spec: S | TCommandSpec<S>,
  run: (actor: A, data: z.output<S>, ...rest: X | []) => Promise<R>,
): TCommand<A, z.input<S>, R, X> {
  const { input: schema, may } = isSchema(spec) ? { input: spec, may: undefined } : spec;
  const call = async (actor: A, input: unknown, ...rest: X | []): Promise<R> => {
    if (may && actor) assertCan(actor, may);
    return run(actor, parseInput(schema, input ?? {}), ...rest);
  };
  const fromRequest = (actor: A, input: unknown) => call(actor, input);
  return Object.assign(call, { fromRequest }) as unknown as TCommand<A, z.input<S>, R, X>;
}
