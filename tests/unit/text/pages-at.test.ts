import { describe, expect, it } from 'vitest';
import { pagesAt } from '../../../shared/text/context';

// Turns of a PDF import cut at page starts (pdf-importer.ts turnsByPage): one turn runs over pages 1–2.
const turns = [
  { speaker: 'A', start: 0, end: 40, page: 1 },
  { speaker: 'B', start: 42, end: 80, page: 1 },
  { speaker: 'B', start: 82, end: 120, page: 2 },
  { speaker: 'A', start: 122, end: 150, page: 3 },
];

describe('the page of a coded passage', () => {
  it('is the page it lies on, or first–last when it runs over a break', () => {
    expect(pagesAt(turns, 5, 20)).toBe('1');
    expect(pagesAt(turns, 60, 100)).toBe('1–2');
    expect(pagesAt(turns, 30, 140)).toBe('1–3');
  });

  it('between turns is the page of the turn that follows; a text without pages has none', () => {
    expect(pagesAt(turns, 80, 82)).toBe('2');
    expect(pagesAt([{ speaker: null, start: 0, end: 10 }], 0, 5)).toBeNull();
  });
});
