// Every heatmap cell's number must be readable (WCAG AA 4.5:1) whatever the cell's shade: axe
// found mid-blue cells with dark text at about 3:1 on the manager's 90-day analytics page.
import { heatShade } from "@/components/analytics/call-heatmap";

// WCAG 2 relative luminance and contrast ratio, written from the definition (not the component's).
function luminance(css: string): number {
  const hex = css.startsWith("#") ? css.slice(1).match(/../g)!.map((h) => parseInt(h, 16)) : css.match(/\d+/g)!.map(Number);
  const [r, g, b] = hex.map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

it("gives every cell, empty to busiest, text at 4.5:1 or more", () => {
  const max = 200;
  for (let calls = 0; calls <= max; calls++) {
    const { background, color } = heatShade(calls, max);
    expect({ calls, ratio: contrast(background, color) >= 4.5 }).toEqual({ calls, ratio: true });
  }
});

it("keeps lightness in order: more calls, darker cell", () => {
  const l = [1, 50, 100, 150, 200].map((c) => luminance(heatShade(c, 200).background));
  expect([...l].sort((a, b) => b - a)).toEqual(l);
});
