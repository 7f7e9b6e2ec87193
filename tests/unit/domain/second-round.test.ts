import { describe, expect, it } from 'vitest';
import { codersSeenBy, countsWithout, firstRoundName, firstRoundOf, secondRoundName } from '../../../shared/domain/second-round';

const coders = [
  { id: 'ann', name: 'Ann' },
  { id: 'ben', name: 'Ben' },
  { id: 'ann2', name: 'Ann (second round)', roundOf: 'ann' },
];

describe('second rounds (intra-coder agreement)', () => {
  it('names a second round after its first, and back', () => {
    expect(secondRoundName('Ann')).toBe('Ann (second round)');
    expect(firstRoundName('Ann (second round)')).toBe('Ann');
    expect(firstRoundName('Ann')).toBeNull();
    expect(firstRoundName(' (second round)')).toBeNull();
  });

  it('hides a second round’s first round only, whether or not it has coded yet', () => {
    expect(codersSeenBy(coders, 'Ann (second round)').map((c) => c.id)).toEqual(['ben', 'ann2']);
    expect(codersSeenBy(coders, 'Ann').map((c) => c.id)).toEqual(['ann', 'ben', 'ann2']);
    expect(codersSeenBy(coders, null)).toHaveLength(3);
    // Not yet a coder (no codings): the name says whose round it is.
    expect(firstRoundOf([coders[0]!, coders[1]!], 'Ben (second round)')).toBe('ben');
    // Recorded: the record wins over the name.
    expect(firstRoundOf([...coders, { id: 'x', name: 'Renamed', roundOf: 'ben' }], 'Renamed')).toBe('ben');
  });

  it('leaves the first round out of the codebook counts', () => {
    const counts = { code: { ann: 3, ben: 2, ann2: 1 } };
    expect(countsWithout(counts, 'ann')).toEqual({ code: { ben: 2, ann2: 1 } });
    expect(countsWithout(counts, null)).toBe(counts);
  });
});
