"use client";

import "./globals.css";

// Only for a failure of the root layout itself (app/error.tsx handles everything below it); it
// replaces the whole document, so it brings its own <html>.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main className="mx-auto max-w-md p-8 text-center" role="alert">
          <h1 className="text-2xl font-semibold">Something went wrong</h1>
          <p className="mt-2 text-slate-600">The problem has been logged. Try again in a moment.</p>
          <button onClick={reset} className="mt-4 rounded bg-brand-600 px-4 py-2 text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
