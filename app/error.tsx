"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md p-8 text-center" role="alert">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">The problem has been logged. Try again in a moment.</p>
      <button onClick={reset} className="mt-4 rounded bg-brand-600 px-4 py-2 text-white">
        Try again
      </button>
    </main>
  );
}
