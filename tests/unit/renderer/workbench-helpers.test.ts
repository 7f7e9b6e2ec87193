import { describe, expect, it } from 'vitest';
import type { Code, Coder } from '../../../shared/domain/schemas';
import { parseViewValue, viewValue, visibleCoders } from '../../../renderer/src/features/workbench/coderView';
import { dropAction } from '../../../renderer/src/features/workbench/dropAction';
import { filterPalette, newCodeOffer, paletteEntries } from '../../../renderer/src/features/workbench/palette';
import { shortcutFor } from '../../../renderer/src/features/workbench/shortcuts';
import type { KeyInput } from '../../../renderer/src/features/workbench/shortcuts';
import { nextPaneIndex } from '../../../renderer/src/features/workbench/paneCycle';

const span = { documentId: 'd1', start: 5, end: 20 };

describe('drop rules', () => {
  it('codes a selection dropped on a code, and the selection when a code is dropped on it', () => {
    expect(dropAction({ kind: 'selection', span }, { kind: 'code', codeId: 'c1' })).toEqual({ type: 'code', codeId: 'c1', span });
    expect(dropAction({ kind: 'code', codeId: 'c1' }, { kind: 'selection' })).toEqual({ type: 'codeSelection', codeId: 'c1' });
  });

  it('moves a code into a code (as its last child) or to a slot', () => {
    expect(dropAction({ kind: 'code', codeId: 'c1' }, { kind: 'code', codeId: 'c2' })).toEqual({ type: 'move', codeId: 'c1', parentId: 'c2', index: 'end' });
    expect(dropAction({ kind: 'code', codeId: 'c1' }, { kind: 'code-slot', parentId: null, index: 3 })).toEqual({ type: 'move', codeId: 'c1', parentId: null, index: 3 });
  });

  it('cancels anything else: onto itself, a selection onto a slot or itself, nowhere, unknown data', () => {
    expect(dropAction({ kind: 'code', codeId: 'c1' }, { kind: 'code', codeId: 'c1' })).toBeNull();
    expect(dropAction({ kind: 'selection', span }, { kind: 'code-slot', parentId: null, index: 0 })).toBeNull();
    expect(dropAction({ kind: 'selection', span }, { kind: 'selection' })).toBeNull();
    expect(dropAction({ kind: 'code', codeId: 'c1' }, undefined)).toBeNull();
    expect(dropAction(undefined, { kind: 'selection' })).toBeNull();
    expect(dropAction({ kind: 'file' }, { kind: 'code', codeId: 'c1' })).toBeNull();
  });
});

const code = (id: string, name: string, parentId: string | null, codable = true): Code => ({
  id,
  name,
  parentId,
  codable,
  color: '#123456',
  description: { definition: '', whenToUse: '', whenNotToUse: '', example: '' },
  rank: 0,
});
const codebook = [
  code('f', 'Cross-cutting themes', null, false),
  code('t', 'Trust in services', 'f'),
  code('s', 'Tackling stigma', null),
  code('w', 'A healthy workforce', null),
  code('x', 'Stigma at work', 'w'),
];

describe('code palette', () => {
  it('lists codable codes with their paths, folders left out', () => {
    expect(paletteEntries(codebook).map((e) => [e.code.id, e.path])).toEqual([
      ['t', ['Cross-cutting themes']],
      ['s', []],
      ['w', []],
      ['x', ['A healthy workforce']],
    ]);
  });

  it('filters by every word of the query in name or path, name prefixes first', () => {
    const entries = paletteEntries(codebook);
    // "Stigma at work" starts with it; "Tackling stigma" only contains it.
    expect(filterPalette(entries, 'stigma').map((e) => e.code.id)).toEqual(['x', 's']);
    expect(filterPalette(entries, 'TACK').map((e) => e.code.id)).toEqual(['s']);
    expect(filterPalette(entries, 'services').map((e) => e.code.id)).toEqual(['t']);
    expect(filterPalette(entries, 'cross trust').map((e) => e.code.id)).toEqual(['t']);
    expect(filterPalette(entries, 'workforce stigma').map((e) => e.code.id)).toEqual(['x']);
    expect(filterPalette(entries, '  ').length).toBe(4);
    expect(filterPalette(entries, 'nothing like it')).toEqual([]);
  });

  it('offers to create a code named as typed, under a parent with Parent/Child, unless it exists', () => {
    expect(newCodeOffer(codebook, '  Waiting   lists ')).toEqual({ typed: 'Waiting lists', name: 'Waiting lists', parents: [] });
    expect(newCodeOffer(codebook, 'a healthy WORKFORCE / Burnout')).toEqual({ typed: 'a healthy WORKFORCE/Burnout', name: 'Burnout', parents: ['A healthy workforce'] });
    expect(newCodeOffer(codebook, 'Money/Pooled budgets')).toEqual({ typed: 'Money/Pooled budgets', name: 'Pooled budgets', parents: ['Money'] });
    // An existing code (any case, or by its path) is chosen from the list instead.
    expect(newCodeOffer(codebook, 'tackling stigma')).toBeNull();
    expect(newCodeOffer(codebook, 'A healthy workforce/Stigma at work')).toBeNull();
    // Nothing to name a code with.
    expect(newCodeOffer(codebook, '   ')).toBeNull();
    expect(newCodeOffer(codebook, 'Money//Budgets')).toBeNull();
    expect(newCodeOffer(codebook, 'Trailing/')).toBeNull();
  });
});

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('workbench shortcuts', () => {
  it('F6 and Shift+F6 cycle the panes, even from a text field, wrapping at either end', () => {
    expect(shortcutFor(key('F6'), true, false)).toEqual({ type: 'cyclePanes', backwards: false });
    expect(shortcutFor(key('F6', { shiftKey: true }), false, false)).toEqual({ type: 'cyclePanes', backwards: true });
    expect(shortcutFor(key('F6', { ctrlKey: true }), false, false)).toBeNull();
    expect([0, 1, 2, 3].map((i) => nextPaneIndex(i, 4, false))).toEqual([1, 2, 3, 0]);
    expect([0, 1, 2, 3].map((i) => nextPaneIndex(i, 4, true))).toEqual([3, 0, 1, 2]);
    expect(nextPaneIndex(-1, 4, false)).toBe(0);
    expect(nextPaneIndex(-1, 4, true)).toBe(3);
    expect(nextPaneIndex(-1, 0, false)).toBe(-1);
  });

  it('maps Ctrl+K, Ctrl+Z, Shift+Ctrl+Z and Ctrl+Y (Cmd on Apple), digits and Escape', () => {
    expect(shortcutFor(key('k', { ctrlKey: true }), false, false)).toEqual({ type: 'palette' });
    expect(shortcutFor(key('k', { metaKey: true }), false, true)).toEqual({ type: 'palette' });
    expect(shortcutFor(key('k', { metaKey: true }), false, false)).toBeNull();
    expect(shortcutFor(key('z', { ctrlKey: true }), false, false)).toEqual({ type: 'undo' });
    expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }), false, false)).toEqual({ type: 'redo' });
    expect(shortcutFor(key('y', { ctrlKey: true }), false, false)).toEqual({ type: 'redo' });
    expect(shortcutFor(key('z', { metaKey: true, shiftKey: true }), false, true)).toEqual({ type: 'redo' });
    expect(shortcutFor(key('1'), false, false)).toEqual({ type: 'quickCode', index: 0 });
    expect(shortcutFor(key('9'), false, false)).toEqual({ type: 'quickCode', index: 8 });
    expect(shortcutFor({ ...key('&'), code: 'Digit7' }, false, false)).toEqual({ type: 'quickCode', index: 6 });
    expect(shortcutFor(key('0'), false, false)).toBeNull();
    expect(shortcutFor(key('1', { shiftKey: true }), false, false)).toBeNull();
    expect(shortcutFor(key('1', { ctrlKey: true }), false, false)).toBeNull();
    expect(shortcutFor(key('Escape'), false, false)).toEqual({ type: 'clearSelection' });
    expect(shortcutFor(key('i', { ctrlKey: true }), false, false)).toEqual({ type: 'inVivo' });
    expect(shortcutFor(key('i', { metaKey: true }), false, true)).toEqual({ type: 'inVivo' });
    expect(shortcutFor(key('i'), false, false)).toBeNull();
  });

  it('leaves every key to a text field while typing in one', () => {
    for (const k of [key('z', { ctrlKey: true }), key('k', { ctrlKey: true }), key('1'), key('Escape')]) expect(shortcutFor(k, true, false)).toBeNull();
  });
});

describe('coder views', () => {
  const coders: Coder[] = [
    { id: 'a', name: 'Amara Okafor', color: '#111111', rank: 0 },
    { id: 't', name: 'Tom Reilly', color: '#222222', rank: 1 },
  ];
  it('shows the current coder, everyone, or one coder', () => {
    expect(visibleCoders({ mode: 'me' }, coders, 't')).toEqual(['t']);
    expect(visibleCoders({ mode: 'me' }, coders, null)).toEqual([]);
    expect(visibleCoders({ mode: 'all' }, coders, null)).toEqual(['a', 't']);
    expect(visibleCoders({ mode: 'coder', coderId: 'a' }, coders, 't')).toEqual(['a']);
    expect(visibleCoders({ mode: 'coder', coderId: 'gone' }, coders, 't')).toEqual([]);
  });
  it('round-trips a view through a select value', () => {
    for (const view of [{ mode: 'me' } as const, { mode: 'all' } as const, { mode: 'coder', coderId: 'a' } as const]) {
      expect(parseViewValue(viewValue(view))).toEqual(view);
    }
  });
});
