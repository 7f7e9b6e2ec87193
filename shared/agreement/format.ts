import type { IntervalValue } from './bootstrap';

/** How figures are written wherever a person reads them: the view, the CLI, the methods text. */

const MINUS = '\u2212';

/** Coefficients to three decimals, percentages to two, with a true minus sign; never "−0.000". */
export function formatFigure(value: number, format: 'percent' | 'coefficient'): string {
  const digits = format === 'percent' ? 2 : 3;
  const scaled = format === 'percent' ? value * 100 : value;
  let text = Math.abs(scaled).toFixed(digits);
  const negative = scaled < 0 && Number(text) !== 0;
  if (negative) text = `${MINUS}${text}`;
  return format === 'percent' ? `${text}\u00a0%` : text;
}

/** "95 % CI 0.512–0.688", or null where there is no interval. */
export function formatInterval(interval: IntervalValue | undefined | null): string | null {
  if (!interval?.defined) return null;
  return `95\u00a0% CI ${formatFigure(interval.low, 'coefficient')}–${formatFigure(interval.high, 'coefficient')}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}
