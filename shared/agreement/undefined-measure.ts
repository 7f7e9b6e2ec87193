/**
 * A measure that cannot be computed for the data (nobody coded, one category only, …). The
 * measures throw it instead of returning NaN, 0 or 1, so no report can show a number that was
 * never there; `measured` turns it into a value a report states explicitly.
 */
export class UndefinedMeasure extends Error {
  constructor(readonly reason: string) {
    super(`Undefined: ${reason}`);
    this.name = 'UndefinedMeasure';
  }
}

export type MeasureValue = { defined: true; value: number } | { defined: false; reason: string };

export function measured(compute: () => number): MeasureValue {
  try {
    return { defined: true, value: compute() };
  } catch (err) {
    if (err instanceof UndefinedMeasure) return { defined: false, reason: err.reason };
    throw err;
  }
}

export function requireDefined(condition: boolean, reason: string): void {
  if (!condition) throw new UndefinedMeasure(reason);
}
