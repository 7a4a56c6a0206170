// A chart's legend in HTML: each series by its mark's shape and dash as well as its colour.
import { PALETTE } from '../charts/palette';

export interface LegendItem {
  label: string;
  mark: 'target' | 'actual' | 'revised' | 'base' | 'compare';
}

function Swatch({ mark }: { mark: LegendItem['mark'] }) {
  return (
    <svg width="36" height="16" viewBox="0 0 36 16" aria-hidden="true" focusable="false">
      {mark === 'target' && <><line x1="2" y1="8" x2="34" y2="8" stroke={PALETTE.target} stroke-width="2" stroke-dasharray="6 4" /><circle cx="18" cy="8" r="4" fill="white" stroke={PALETTE.target} stroke-width="2" /></>}
      {mark === 'actual' && <><line x1="2" y1="8" x2="34" y2="8" stroke={PALETTE.actual} stroke-width="2.5" /><rect x="14" y="4" width="8" height="8" fill={PALETTE.actual} /></>}
      {mark === 'revised' && <path d="M18 1 L25 8 L18 15 L11 8 Z" fill="none" stroke={PALETTE.revised} stroke-width="2" />}
      {(mark === 'base' || mark === 'compare') && <rect x="2" y="3" width="32" height="10" fill={PALETTE[mark]} />}
    </svg>
  );
}

export function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul class="legend" aria-label="凡例">
      {items.map((item) => <li key={item.label}><Swatch mark={item.mark} /> {item.label}</li>)}
    </ul>
  );
}
