/** "1 coding", "2,074 codings": a count with its noun, as every message and label writes it. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
