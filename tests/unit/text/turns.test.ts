import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../shared/text/normalise';
import { detectSpeakerPattern, splitTurns } from '../../../shared/text/turns';

const speeches = (text: string, pattern: Parameters<typeof splitTurns>[1]) =>
  splitTurns(text, pattern).map((t) => [t.speaker, text.slice(t.start, t.end)]);

describe('normaliseText', () => {
  it('drops the BOM, makes every line end \\n and composes accents (NFC)', () => {
    expect(normaliseText('\uFEFFCafe\u0301\r\nline two\rline three')).toBe('Caf\u00e9\nline two\nline three');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => normaliseText(normaliseText(s)) === normaliseText(s)));
  });
});

describe('speaker turns', () => {
  it('reads "Name: text" turns, keeping the label out of the turn and continuing paragraphs', () => {
    const text = 'SYNTHETIC DEMO - not real.\n\nFacilitator: Welcome, all.\n\nYouth worker: Half our young people\nwait months.\n\nMore on that later.\n\nP2: Agreed.';
    expect(detectSpeakerPattern(text)).toBe('colon');
    expect(speeches(text, 'colon')).toEqual([
      [null, 'SYNTHETIC DEMO - not real.'],
      ['Facilitator', 'Welcome, all.'],
      ['Youth worker', 'Half our young people\nwait months.\n\nMore on that later.'],
      ['P2', 'Agreed.'],
    ]);
  });

  it('reads QualCoder-style [id1] labels', () => {
    const text = '[id1] hello, I like the course.\n\n[id2] I am struggling.\n\n[id1] yes, I agree.';
    expect(detectSpeakerPattern(text)).toBe('bracket');
    expect(speeches(text, 'bracket')).toEqual([
      ['id1', 'hello, I like the course.'],
      ['id2', 'I am struggling.'],
      ['id1', 'yes, I agree.'],
    ]);
  });

  it('reads "P1 – text" and "Facilitator - text" labels', () => {
    const text = 'Facilitator - What helps?\nP1 – Knowing who to call.\nP2 — A friend.';
    expect(detectSpeakerPattern(text)).toBe('dash');
    expect(speeches(text, 'dash').map(([s]) => s)).toEqual(['Facilitator', 'P1', 'P2']);
  });

  it('does not take an ordinary sentence with a colon for a speaker', () => {
    const text = 'The issue was simple: nobody knew where to go.\n\nWe met twice.\nIt helped.';
    expect(detectSpeakerPattern(text)).toBeNull();
    expect(speeches(text, null)).toEqual([
      [null, 'The issue was simple: nobody knew where to go.'],
      [null, 'We met twice.\nIt helped.'],
    ]);
  });

  it('always yields ordered, non-overlapping turns inside the text', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.tuple(fc.constantFrom('Facilitator', 'P1', 'Youth worker'), fc.string({ maxLength: 20 })).map(([a, b]) => `${a}: ${b}`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), fc.constantFrom('colon' as const, 'bracket' as const, 'dash' as const, null), (lines, p) => {
        const text = lines.join('\n');
        let last = 0;
        for (const t of splitTurns(text, p)) {
          if (!(t.start >= last && t.end > t.start && t.end <= text.length)) return false;
          last = t.end;
        }
        return true;
      }),
    );
  });
});
