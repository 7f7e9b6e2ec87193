import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contrastRatio, parseHex, readableOn, TEXT_CONTRAST, UI_CONTRAST } from '../../../shared/colour/contrast';

const ratio = (a: string, b: string) => contrastRatio(parseHex(a)!, parseHex(b)!);

describe('contrast (WCAG 2.2)', () => {
  it('matches the published ratios', () => {
    expect(ratio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(ratio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    // The example: the documents list's secondary text on the selected row.
    expect(ratio('#6b777d', '#e2efee')).toBeCloseTo(3.9, 1);
    expect(ratio('#abc', '#aabbcc')).toBe(1);
  });

  it('leaves a colour that is already readable as it is', () => {
    expect(readableOn('#1f5fae', '#ffffff')).toBe('#1f5fae');
  });

  it('darkens a pale code colour just enough to read as text on white, keeping its hue', () => {
    const out = readableOn('#f4c430', '#ffffff');
    expect(ratio(out, '#ffffff')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(ratio(out, '#ffffff')).toBeLessThan(TEXT_CONTRAST + 0.2);
    const [r, g, b] = parseHex(out)!;
    expect(r).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(b);
  });

  it('lightens on a dark background', () => {
    const out = readableOn('#3a3a8c', '#1c2225', UI_CONTRAST);
    expect(ratio(out, '#1c2225')).toBeGreaterThanOrEqual(UI_CONTRAST);
    expect(parseHex(out)![2]).toBeGreaterThan(parseHex('#3a3a8c')![2]);
  });

  it('gives back what it cannot read', () => {
    expect(readableOn('teal', '#ffffff')).toBe('teal');
    expect(parseHex('#12345')).toBeNull();
  });

  it('meets the ratio for any colour on any light or dark background', () => {
    const hex = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
      .map((c) => `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`);
    fc.assert(
      fc.property(hex, hex, fc.constantFrom(TEXT_CONTRAST, UI_CONTRAST), (fg, bg, min) => {
        // Mid-grey backgrounds cannot reach 4.5:1 with anything but black or white; those are the limit.
        const best = Math.max(ratio('#000000', bg), ratio('#ffffff', bg));
        const out = readableOn(fg, bg, min);
        expect(ratio(out, bg)).toBeGreaterThanOrEqual(Math.min(min, best) - 1e-9);
      }),
    );
  });
});
