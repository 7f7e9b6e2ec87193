import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { childrenOf, ranksForMove, subtreeIds } from '../../../shared/domain/codebook';
import type { Code } from '../../../shared/domain/schemas';
import { codeCounts, subtreeCodings } from '../../../renderer/src/features/codebook/codeCounts';
import { dropSlots, keyboardMove } from '../../../renderer/src/features/codebook/codeMoves';
import { codeOptions, filterCodeOptions } from '../../../renderer/src/features/codebook/codeOptions';
import { toggleQuickCode } from '../../../renderer/src/features/codebook/quickCodes';

const description = { definition: '', whenToUse: '', whenNotToUse: '', example: '' };
let rank = 0;
const code = (id: string, parentId: string | null, codable = true): Code => ({ id, name: id.toUpperCase(), color: '#2a9d8f', parentId, codable, description, rank: rank++ });

/*
 * a
 * ├ a1
 * └ a2
 *   └ a2x
 * b
 * c (folder)
 */
const book: Code[] = [code('a', null), code('a1', 'a'), code('b', null), code('a2', 'a'), code('c', null, false), code('a2x', 'a2')];

const order = (codes: readonly Code[], parentId: string | null) => childrenOf(codes, parentId).map((c) => c.id);

/** The codebook after a move, as the backend makes it: new ranks, then rank order. */
function moveCode(codes: readonly Code[], id: string, parentId: string | null, index: number): Code[] | null {
  const ranks = ranksForMove(codes, id, parentId, index);
  if (!ranks) return null;
  return codes
    .map((c) => (ranks.has(c.id) ? { ...c, rank: ranks.get(c.id)!, ...(c.id === id && { parentId }) } : c))
    .sort((a, b) => a.rank - b.rank);
}

function applyMove(codes: readonly Code[], id: string, place: { parentId: string | null; index: number } | null): Code[] {
  expect(place).not.toBeNull();
  const next = moveCode(codes, id, place!.parentId, place!.index);
  expect(next).not.toBeNull();
  return next!;
}

describe('Alt+arrow moves in the codebook', () => {
  it('moves a code up and down among its siblings, and not past the ends', () => {
    expect(order(applyMove(book, 'b', keyboardMove(book, 'b', 'up')), null)).toEqual(['b', 'a', 'c']);
    expect(order(applyMove(book, 'b', keyboardMove(book, 'b', 'down')), null)).toEqual(['a', 'c', 'b']);
    expect(order(applyMove(book, 'a1', keyboardMove(book, 'a1', 'down')), 'a')).toEqual(['a2', 'a1']);
    expect(keyboardMove(book, 'a', 'up')).toBeNull();
    expect(keyboardMove(book, 'c', 'down')).toBeNull();
    expect(keyboardMove(book, 'a1', 'up')).toBeNull();
  });

  it('outdents a code to just after its parent, keeping its own children', () => {
    const next = applyMove(book, 'a2', keyboardMove(book, 'a2', 'outdent'));
    expect(order(next, null)).toEqual(['a', 'a2', 'b', 'c']);
    expect(order(next, 'a')).toEqual(['a1']);
    expect(order(next, 'a2')).toEqual(['a2x']);
    expect(keyboardMove(book, 'b', 'outdent')).toBeNull();
  });

  it('indents a code as the last child of the sibling above it', () => {
    const next = applyMove(book, 'b', keyboardMove(book, 'b', 'indent'));
    expect(order(next, null)).toEqual(['a', 'c']);
    expect(order(next, 'a')).toEqual(['a1', 'a2', 'b']);
    expect(keyboardMove(book, 'a', 'indent')).toBeNull();
    expect(keyboardMove(book, 'a1', 'indent')).toBeNull();
    expect(keyboardMove(book, 'missing', 'up')).toBeNull();
  });

  it('up then down gives back the same codebook (property)', () => {
    const ids = book.map((c) => c.id);
    fc.assert(
      fc.property(fc.constantFrom(...ids), (id) => {
        const up = keyboardMove(book, id, 'up');
        if (!up) return true;
        const moved = moveCode(book, id, up.parentId, up.index)!;
        const down = keyboardMove(moved, id, 'down')!;
        const back = moveCode(moved, id, down.parentId, down.index)!;
        return JSON.stringify(order(back, up.parentId)) === JSON.stringify(order(book, up.parentId));
      }),
    );
  });
});

describe('drop slots between rows', () => {
  it('leaves out the gaps either side of the dragged code, and counts indexes without it', () => {
    expect(dropSlots(['a', 'b', 'c'], 'b')).toEqual([
      { position: 0, index: 0 },
      { position: 3, index: 2 },
    ]);
    expect(dropSlots(['a', 'b'], null)).toEqual([
      { position: 0, index: 0 },
      { position: 1, index: 1 },
      { position: 2, index: 2 },
    ]);
    expect(dropSlots([], 'x')).toEqual([{ position: 0, index: 0 }]);
  });

  it('every slot puts the dragged code exactly in its gap (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.nat(), (n, pick) => {
        const siblings = Array.from({ length: n }, (_, i) => code(`s${i}`, null));
        const dragged = siblings[pick % n]!.id;
        const ids = siblings.map((s) => s.id);
        return dropSlots(ids, dragged).every((slot) => {
          const after = order(moveCode(siblings, dragged, null, slot.index)!, null);
          const at = after.indexOf(dragged);
          // Its new neighbours are exactly the rows either side of the gap it was dropped in.
          return after[at - 1] === ids[slot.position - 1] && after[at + 1] === ids[slot.position] && at !== ids.indexOf(dragged);
        });
      }),
    );
  });

  it('a slot in another group moves the code there at that index', () => {
    // Dragging b (top level) to the gap before a2 among a's children.
    const slot = dropSlots(order(book, 'a'), 'b').find((s) => s.position === 1)!;
    expect(order(moveCode(book, 'b', 'a', slot.index)!, 'a')).toEqual(['a1', 'b', 'a2']);
  });
});

describe('counts', () => {
  const counts = { a: { amara: 3, tom: 2 }, a1: { tom: 4 }, a2x: { amara: 1 } };

  it('shows the user’s own codings, or everyone’s', () => {
    expect(codeCounts(counts, 'all', 'amara')).toEqual({ a: 5, a1: 4, a2x: 1 });
    expect(codeCounts(counts, 'mine', 'amara')).toEqual({ a: 3, a1: 0, a2x: 1 });
    expect(codeCounts(counts, 'mine', null)).toEqual({ a: 0, a1: 0, a2x: 0 });
  });

  it('adds up what deleting a code removes: sub-codes and all coders included', () => {
    expect(subtreeCodings(book, counts, subtreeIds(book, 'a'))).toEqual({ total: 10, byCoder: { amara: 4, tom: 6 }, subcodes: 3 });
    expect(subtreeCodings(book, counts, subtreeIds(book, 'b'))).toEqual({ total: 0, byCoder: {}, subcodes: 0 });
  });
});

describe('quick codes', () => {
  it('pins in order, unpins, and refuses a tenth', () => {
    expect(toggleQuickCode(['a'], 'b')).toEqual({ next: ['a', 'b'] });
    expect(toggleQuickCode(['a', 'b'], 'a')).toEqual({ next: ['b'] });
    const nine = Array.from({ length: 9 }, (_, i) => `q${i}`);
    expect(toggleQuickCode(nine, 'x')).toHaveProperty('error');
    expect(toggleQuickCode(nine, 'q3')).toEqual({ next: nine.filter((id) => id !== 'q3') });
  });
});

describe('code picker options', () => {
  it('lists codes in tree order with their parents, leaving out exclusions and folders when asked', () => {
    const all = codeOptions(book);
    expect(all.map((o) => o.id)).toEqual(['a', 'a1', 'a2', 'a2x', 'b', 'c']);
    expect(all.find((o) => o.id === 'a2x')!.parents).toEqual(['A', 'A2']);
    const merge = codeOptions(book, { exclude: new Set(subtreeIds(book, 'a2')), codableOnly: true });
    expect(merge.map((o) => o.id)).toEqual(['a', 'a1', 'b']);
  });

  it('filters on every word, in the name or the path', () => {
    const all = codeOptions(book);
    expect(filterCodeOptions(all, 'a2x').map((o) => o.id)).toEqual(['a2x']);
    expect(filterCodeOptions(all, 'a a2').map((o) => o.id)).toEqual(['a2', 'a2x']);
    expect(filterCodeOptions(all, '  ').length).toBe(all.length);
  });
});
