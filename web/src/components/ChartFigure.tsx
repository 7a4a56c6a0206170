// A chart as a figure: its caption, the drawing (loaded with the chart library only when a view has a
// chart), and a text alternative that says in words what it shows. Each view puts a table of the same
// numbers beside it.
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';

interface ChartFigureProps {
  caption: string;
  /** The text alternative: read by screen readers with the chart, and printed under it. */
  description: string;
  /** Draws the chart; called again when `drawKey` changes. */
  draw: () => Promise<SVGElement | HTMLElement>;
  drawKey: string;
  legend?: ComponentChildren;
}

export function ChartFigure({ caption, description, draw, drawKey, legend }: ChartFigureProps) {
  const container = useRef<HTMLDivElement>(null);
  const descriptionId = useId();
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    draw().then(
      (chart) => {
        if (!current || !container.current) return;
        const svg = chart instanceof SVGElement ? chart : chart.querySelector('svg');
        // One image with one name and description: Plot's per-mark labels inside an img would be
        // ARIA that no role allows (axe: aria-prohibited-attr), and the table says it all anyway.
        svg?.querySelectorAll('[aria-label], [aria-description]').forEach((part) => {
          part.removeAttribute('aria-label');
          part.removeAttribute('aria-description');
        });
        svg?.setAttribute('role', 'img');
        svg?.setAttribute('aria-label', caption);
        svg?.setAttribute('aria-describedby', descriptionId);
        container.current.replaceChildren(chart);
        container.current.dataset['drawn'] = 'true';
        // The benchmark's "time to first chart" (bench/page/page-bench.ts) reads this mark.
        if (performance.getEntriesByName('plan-ledger:first-chart').length === 0) performance.mark('plan-ledger:first-chart');
      },
      (error: unknown) => current && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
    // drawKey names what the drawing depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drawKey]);

  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      {legend}
      <div class="chart-drawing" ref={container} />
      {failed && <p role="alert">グラフを描けませんでした: {failed}</p>}
      <p id={descriptionId} class="chart-description">{description}</p>
    </figure>
  );
}
