// The shape every server action answers with; shared by server and client code.
export type TActionState<T = unknown> = {
  ok: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  data?: T;
};

export type TFormAction<T = unknown> = (
  prev: unknown,
  payload: FormData | Record<string, unknown>,
) => Promise<TActionState<T>>;
