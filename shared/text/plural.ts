/** Counts in words, said the same way by the app, the command line and every message: British conventions. */

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** "4,812"; "2.5". */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? integer.format(n) : decimal.format(n);
}

/** "1 coding", "2,074 codings": a count with its noun, as every message and label writes it. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
