/**
 * The bar chart of one database's results: for each case one bar per system, its
 * length the median's ratio to the raw driver on a log scale (the 1× line darker).
 */
import { CASES } from "../cases.js";
import type { CaseResult } from "../result.js";
import { SYSTEM_NAMES, type SystemName } from "../system.js";
import { formatRatio, ratioOf } from "./ratios.js";
import { document, element, label } from "./svg.js";

const COLORS: Record<SystemName, string> = {
  raw: "#7f7f7f",
  alkahest: "#d62728",
  drizzle: "#2ca02c",
  kysely: "#1f77b4",
  typeorm: "#ff7f0e",
  mikroorm: "#9467bd",
};

const WIDTH = 900;
const LABEL_WIDTH = 200;
const PLOT_LEFT = LABEL_WIDTH + 10;
const PLOT_WIDTH = WIDTH - PLOT_LEFT - 80;
const BAR = 11;
const GAP = 2;
const GROUP_GAP = 12;
const TOP = 58;

/** 1-2-5 steps from `min` up to `max`: 0.5, 1, 2, 5, 10, 20, ... */
function ticks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(min)); decade <= max; decade *= 10) {
    for (const m of [1, 2, 5]) if (m * decade >= min * 0.999 && m * decade <= max * 1.001) out.push(Number((m * decade).toPrecision(1)));
  }
  return out;
}

/** The largest 1-2-5 step at or below `value`. */
function stepBelow(value: number): number {
  const decade = 10 ** Math.floor(Math.log10(value));
  return ([5, 2, 1].map((m) => m * decade).find((step) => step <= value) ?? decade) as number;
}

export function barChart(title: string, results: readonly CaseResult[]): string {
  const ok = results.filter((r) => r.status === "ok");
  const ratios = new Map(ok.map((r) => [r, ratioOf(r, results)?.value ?? 1]));
  const maxRatio = 10 ** Math.max(1, Math.ceil(Math.log10(Math.max(...ratios.values(), 1) * 1.001)));
  // Faster than raw happens (a driver's slower row shape, noise): the axis then starts below 1×.
  const minRatio = stepBelow(Math.max(0.1, Math.min(...ratios.values(), 1)));
  const span = Math.log10(maxRatio) - Math.log10(minRatio);
  const x = (ratio: number): number =>
    PLOT_LEFT + ((Math.log10(Math.max(ratio, minRatio)) - Math.log10(minRatio)) / span) * PLOT_WIDTH;
  const systems = SYSTEM_NAMES.filter((s) => ok.some((r) => r.system === s));

  const body: string[] = [label(10, 18, title, { "font-size": 14, "font-weight": "bold" })];
  systems.forEach((system, i) => {
    const lx = PLOT_LEFT + i * 100;
    body.push(element("rect", { x: lx, y: 28, width: 10, height: 10, fill: COLORS[system] }));
    body.push(label(lx + 14, 37, system));
  });

  let y = TOP;
  const groups: string[] = [];
  for (const benchCase of CASES) {
    const bars = systems
      .map((system) => ok.find((r) => r.case === benchCase.id && r.system === system))
      .filter((r): r is CaseResult => r !== undefined);
    if (bars.length === 0) continue;
    const against = ratioOf(bars[0] as CaseResult, results)?.against;
    const height = bars.length * (BAR + GAP);
    groups.push(label(LABEL_WIDTH, y + height / 2 + 4, benchCase.id + (against === "fastest" ? " †" : ""), { "text-anchor": "end" }));
    for (const result of bars) {
      const ratio = ratios.get(result) ?? 1;
      const end = Math.max(x(ratio), PLOT_LEFT + 2);
      groups.push(element("rect", { x: PLOT_LEFT, y, width: end - PLOT_LEFT, height: BAR, fill: COLORS[result.system] }));
      groups.push(label(end + 4, y + BAR - 2, formatRatio(ratio), { "font-size": 10, fill: "#333333" }));
      y += BAR + GAP;
    }
    y += GROUP_GAP;
  }
  const bottom = y;
  for (const tick of ticks(minRatio, maxRatio)) {
    const tx = x(tick);
    const stroke = tick === 1 ? "#888888" : "#dddddd";
    body.push(element("line", { x1: tx, y1: TOP - 6, x2: tx, y2: bottom - GROUP_GAP, stroke }));
    body.push(label(tx, bottom + 2, `${tick}×`, { "text-anchor": "middle", fill: "#555555" }));
  }
  body.push(...groups);
  body.push(
    label(PLOT_LEFT, bottom + 20, "median time as a multiple of the raw driver's (log scale; † of the fastest system)", {
      fill: "#555555",
    }),
  );
  return document(WIDTH, bottom + 30, body);
}
