import { describe, expect, it } from 'vitest';
import type { Code } from '../../../shared/domain/schemas';
import { buildCodeTree, visibleItems } from '../../../renderer/src/features/codebook/codeTree';
import { treeRows } from '../../../renderer/src/features/codebook/treeRows';

const description = { definition: '', whenToUse: '', whenNotToUse: '', example: '' };
const code = (id: string, parentId: string | null, rank: number): Code => ({ id, name: id, color: '#2a9d8f', parentId, codable: true, description, rank });

// a, b (children b1, b2), c
const codes = [code('a', null, 0), code('b', null, 1), code('b1', 'b', 2), code('b2', 'b', 3), code('c', null, 4)];
const visible = visibleItems(buildCodeTree(codes), new Set());
const keys = (draggedId: string | null, dragged: string[] = []) => treeRows(visible, draggedId, new Set(dragged)).map((r) => r.key);

describe('the code tree as flat rows', () => {
  it('lists the visible codes in display order, each with its level and place among its siblings', () => {
    const rows = treeRows(visible, null, new Set());
    expect(rows.map((r) => r.key)).toEqual(['a', 'b', 'b1', 'b2', 'c']);
    const b2 = rows[3]!;
    expect(b2.kind === 'item' && [b2.item.level, b2.item.posInSet, b2.item.setSize]).toEqual([2, 2, 2]);
  });

  it('while a code is dragged, shows the gaps where it would land somewhere new, in the order the nested tree drew them', () => {
    // Dragging a: no gaps either side of it (before b would leave it where it is); b's children get
    // gaps before each and after the last, then come the gaps before c and after it.
    expect(keys('a', ['a'])).toEqual(['a', 'b', 'slot:b:0', 'b1', 'slot:b:1', 'b2', 'slot:b:2', 'slot:root:1', 'c', 'slot:root:2']);
  });

  it('shows no gaps inside the dragged code’s own branch', () => {
    expect(keys('b', ['b', 'b1', 'b2'])).toEqual(['slot:root:0', 'a', 'b', 'b1', 'b2', 'c', 'slot:root:2']);
  });
});
