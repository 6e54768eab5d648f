"use client";

import { UNAVAILABLE_DIGEST } from "@/lib/ops/unavailable-digest";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // The page guard marks a database outage (lib/auth/page-guard.ts); the server answers it 503.
  const unavailable = error.digest === UNAVAILABLE_DIGEST;
  return (
    <main className="mx-auto max-w-md p-8 text-center" role="alert">
      <h1 className="text-2xl font-semibold">{unavailable ? "The CRM is briefly unavailable" : "Something went wrong"}</h1>
      <p className="mt-2 text-slate-600">
        {unavailable
          ? "It cannot reach its database right now. Nothing you saved is lost; try again in a moment."
          : "The problem has been logged. Try again in a moment."}
      </p>
      <button onClick={reset} className="mt-4 rounded bg-brand-600 px-4 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
