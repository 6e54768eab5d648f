import Link from "next/link";

/** A dashboard box: a heading, an optional "see all" link, then its list. */
export function DashboardPanel({
  id,
  title,
  more,
  children,
}: {
  id: string;
  title: string;
  more?: { href: string; label: string };
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border bg-white">
      <div className="flex items-center justify-between p-4 pb-2">
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        {more ? (
          <Link href={more.href} className="text-sm text-brand-700 underline">
            {more.label}
          </Link>
        ) : null}
      </div>
      {children}
    </section>
  );
}
