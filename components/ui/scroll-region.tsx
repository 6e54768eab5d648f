/**
 * A box that scrolls sideways when what it holds (a wide table, a chart) is wider than the screen,
 * so the page itself never does. It takes the keyboard focus (arrow keys then scroll it) and is a
 * named region, as WCAG asks of every scrollable area. Positioned, so that absolutely placed
 * children (the sr-only column headers) are clipped with the rest instead of widening the page.
 */
export function ScrollRegion({
  label,
  className = "",
  children,
  ...rest
}: { label: string; className?: string; children: React.ReactNode } & Omit<React.HTMLAttributes<HTMLDivElement>, "role" | "tabIndex">) {
  return (
    <div
      {...rest}
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 ${className}`}
    >
      {children}
    </div>
  );
}
