// The page's three kinds of chart, drawn with Observable Plot as SVG: text stays text (screen readers,
// search, crisp A4 print in the page's own CJK font). Imported only by views that draw a chart, so the
// library loads with the first chart, not with the page.
import { barX, dot, lineY, plot, ruleX, ruleY, text } from '@observablehq/plot';
import { fiscalYearAxisLabel } from '../format/fiscal-year';
import { formatNumber } from '../format/numbers';
import type { SeriesPoint } from '../logic/indicator-series';
import { PALETTE } from './palette';

const STYLE = { fontSize: '12px', fontFamily: 'inherit', background: 'transparent', overflow: 'visible' } as const;

export function indicatorChart(points: readonly SeriesPoint[], years: readonly number[], unit: string | null): SVGElement | HTMLElement {
  const targets = points.filter((p) => p.kind === '目標');
  const actuals = points.filter((p) => p.kind === '実績');
  const revised = targets.filter((p) => p.revised);
  const xy = { x: 'fiscalYear', y: 'value' } as const;
  return plot({
    width: 640,
    height: 320,
    marginLeft: 60,
    marginBottom: 44,
    marginTop: 28,
    style: STYLE,
    x: { type: 'point', domain: [...years], tickFormat: fiscalYearAxisLabel, label: null, padding: 0.4 },
    y: { grid: true, label: unit ? `（${unit}）` : null, zero: true, nice: true, tickFormat: formatNumber },
    marks: [
      ruleY([0]),
      lineY(targets, { ...xy, stroke: PALETTE.target, strokeWidth: 2, strokeDasharray: '6 4' }),
      dot(targets, { ...xy, stroke: PALETTE.target, fill: 'white', strokeWidth: 2, r: 4, symbol: 'circle' }),
      lineY(actuals, { ...xy, stroke: PALETTE.actual, strokeWidth: 2.5 }),
      dot(actuals, { ...xy, fill: PALETTE.actual, r: 4.5, symbol: 'square' }),
      dot(revised, { ...xy, stroke: PALETTE.revised, fill: 'none', strokeWidth: 2, r: 9, symbol: 'diamond' }),
      text(revised, { ...xy, text: () => '改定', dy: 20, fill: PALETTE.revised, fontWeight: 'bold' }),
    ],
  });
}

export interface PairedBar {
  label: string;
  base: number | null;
  compare: number | null;
}

/** Two bars per label (base year and compare year), each with its value written at its end. */
export function pairedBarChart(rows: readonly PairedBar[], baseLabel: string, compareLabel: string): SVGElement | HTMLElement {
  const data = rows.flatMap((row) => [
    { label: row.label, series: baseLabel, value: row.base ?? 0, stated: row.base !== null },
    { label: row.label, series: compareLabel, value: row.compare ?? 0, stated: row.compare !== null },
  ]);
  const encoding = { fy: 'label', y: 'series', x: 'value' } as const;
  return plot({
    width: 640,
    height: Math.max(120, rows.length * 64 + 40),
    marginLeft: 150,
    marginRight: 70,
    style: STYLE,
    fy: { label: null, domain: rows.map((row) => row.label) },
    y: { label: null, domain: [baseLabel, compareLabel], axis: null },
    x: { grid: true, label: '千円', tickFormat: formatNumber },
    color: { domain: [baseLabel, compareLabel], range: [PALETTE.base, PALETTE.compare] },
    marks: [
      barX(data, { ...encoding, fill: 'series' }),
      text(data, { ...encoding, text: (d: { value: number; stated: boolean; series: string }) => `${d.series.split(' ')[0]} ${d.stated ? formatNumber(d.value) : '記載なし'}`, textAnchor: 'start', dx: 4 }),
      ruleX([0]),
    ],
  });
}

export interface SingleBar {
  label: string;
  value: number | null;
}

export function barChart(rows: readonly SingleBar[], unit: string): SVGElement | HTMLElement {
  const data = rows.map((row) => ({ label: row.label, value: row.value ?? 0, stated: row.value !== null }));
  return plot({
    width: 640,
    height: Math.max(100, rows.length * 32 + 40),
    marginLeft: 120,
    marginRight: 70,
    style: STYLE,
    y: { label: null, domain: rows.map((row) => row.label) },
    x: { grid: true, label: unit, tickFormat: formatNumber },
    marks: [
      barX(data, { y: 'label', x: 'value', fill: PALETTE.single }),
      text(data, { y: 'label', x: 'value', text: (d: { value: number; stated: boolean }) => (d.stated ? formatNumber(d.value) : '記載なし'), textAnchor: 'start', dx: 4 }),
      ruleX([0]),
    ],
  });
}
