// Numbers as a Japanese reader expects them: thousands separators, and a sign on every change.

const plain = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('ja-JP', { style: 'percent', maximumFractionDigits: 1 });

/** 66679 → 66,679; null (nothing stated) → —. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : plain.format(value);
}

/** 1376 → +1,376, -5 → −5 (a real minus sign), 0 → ±0. */
export function formatDelta(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return '±0';
  return value > 0 ? `+${plain.format(value)}` : `−${plain.format(-value)}`;
}

/** 1.15 → 115%; null → —. */
export function formatRate(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : percent.format(value);
}

/** An ISO instant in Japan's time, to the minute: 2026-12-02 16:05. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
