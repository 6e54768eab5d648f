"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { CHART_HEIGHT } from "@/components/analytics/chart-theme";
import type { TPlotSpec } from "@/components/analytics/plots";

// Recharts (plots.tsx) is fetched the first time any plot nears the viewport, never with the page.
const Plot = dynamic(() => import("@/components/analytics/plots"), { ssr: false });

/**
 * A plot drawn only once its box comes within a screen of the viewport: the analytics page has
 * twelve, and drawing them all at load blocked the main thread for over a second. The box keeps
 * the plot's height from the start, so nothing below it moves when it is drawn. The figures
 * themselves are in the card's "Show data" table, which is server-rendered and always there. No
 * role of its own: the drawn chart is Recharts' focusable, keyboard-navigable surface, which a
 * role="img" around it would hide from assistive technology.
 */
export function LazyPlot({ spec }: { spec: TPlotSpec }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div ref={box} style={{ height: CHART_HEIGHT }} data-plot={near ? "drawn" : "waiting"}>
      {near ? <Plot spec={spec} /> : null}
    </div>
  );
}
