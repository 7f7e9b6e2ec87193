import { describe, expect, it } from 'vitest';
import { lookStyle, paintRuns, runLook, withAlpha, SELECTION_TINT } from '../../../renderer/src/features/reader/paint';
import type { PaintCoding } from '../../../renderer/src/features/reader/paint';

const coding = (id: string, codeId: string, start: number, end: number, coderId = 'me'): PaintCoding => ({ id, codeId, coderId, start, end });
const colors: Record<string, string> = { a: '#2a9d8f', b: '#e76f51', c: '#264653', d: '#9d4edd' };
const colorOf = (id: string) => colors[id] ?? '#000000';

describe('painting coded text', () => {
  it('cuts a block into runs at every coding, selection and flash boundary, covering it exactly', () => {
    const runs = paintRuns(0, 100, [coding('1', 'a', 10, 50), coding('2', 'b', 30, 120)], { start: 40, end: 60 }, null);
    expect(runs.map((r) => [r.start, r.end, r.codings.map((c) => c.id), r.selected])).toEqual([
      [0, 10, [], false],
      [10, 30, ['1'], false],
      [30, 40, ['1', '2'], false],
      [40, 50, ['1', '2'], true],
      [50, 60, ['2'], true],
      [60, 100, ['2'], false],
    ]);
    expect(paintRuns(5, 5, [], null, null)).toEqual([]);
  });

  it('orders the codings of a run most specific first: the shortest passage on top', () => {
    const [run] = paintRuns(20, 30, [coding('long', 'a', 0, 100), coding('short', 'b', 15, 35), coding('mid', 'c', 10, 60)], null, null);
    expect(run!.codings.map((c) => c.id)).toEqual(['short', 'mid', 'long']);
  });

  it('marks a flashed passage', () => {
    const runs = paintRuns(0, 10, [], null, { start: 2, end: 4 });
    expect(runs.map((r) => r.flashed)).toEqual([false, true, false]);
  });

  it('tints with the top code and draws one bar per distinct code, at most three', () => {
    const one = runLook([coding('1', 'a', 0, 5)], colorOf, { selected: false, hot: false });
    expect(one).toEqual({ tint: withAlpha('#2a9d8f', 0.14), bars: ['#2a9d8f'] });
    const sameCodeTwoCoders = runLook([coding('1', 'a', 0, 5, 'me'), coding('2', 'a', 0, 9, 'you')], colorOf, { selected: false, hot: false });
    expect(sameCodeTwoCoders.bars).toEqual(['#2a9d8f']);
    const many = runLook(['a', 'b', 'c', 'd'].map((c, i) => coding(String(i), c, 0, 10 + i)), colorOf, { selected: false, hot: false });
    expect(many.bars).toEqual(['#2a9d8f', '#e76f51', '#264653']);
    expect(many.tint).toBe(withAlpha('#2a9d8f', 0.24));
    expect(runLook([coding('1', 'a', 0, 5)], colorOf, { selected: false, hot: true }).tint).toBe(withAlpha('#2a9d8f', 0.36));
    expect(runLook([coding('1', 'a', 0, 5)], colorOf, { selected: true, hot: false }).tint).toBe(SELECTION_TINT);
    expect(runLook([], colorOf, { selected: false, hot: false })).toEqual({ tint: null, bars: [] });
  });

  it('draws a look as stacked backgrounds: bars at the bottom, the tint above them', () => {
    expect(lookStyle({ tint: null, bars: [] })).toBeUndefined();
    const style = lookStyle({ tint: 'rgba(1, 2, 3, 0.2)', bars: ['#111111', '#222222'] })!;
    expect(style.backgroundImage).toBe('linear-gradient(#111111, #111111), linear-gradient(#222222, #222222), linear-gradient(rgba(1, 2, 3, 0.2), rgba(1, 2, 3, 0.2))');
    expect(style.backgroundPosition).toBe('0 calc(100% - 0px), 0 calc(100% - 3px), 0 0');
    expect(style.paddingBottom).toBe('6px');
  });

  it('turns a hex colour into rgba', () => {
    expect(withAlpha('#ff8000', 0.5)).toBe('rgba(255, 128, 0, 0.5)');
    expect(withAlpha('not a colour', 0.5)).toBe('rgba(120, 130, 135, 0.5)');
  });
});
