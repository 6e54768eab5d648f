// Colours shared by the analytics charts (their labels are the lead vocabulary's). The palette is Okabe–Ito, chosen to stay
// distinguishable with the common colour-vision deficiencies; every chart also has a data table.
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"] as const;
export const colorAt = (i: number) => OKABE_ITO[i % OKABE_ITO.length];

// Bars and lines are drawn without animation (isAnimationActive={false}): the figures read at once,
// nothing moves for people who prefer reduced motion, and screenshots show the data.
export const CHART_HEIGHT = 280;
export const AXIS_TICK = { fontSize: 12, fill: "#334155" };
