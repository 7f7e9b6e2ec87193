import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invertPatch } from '../../../shared/domain/patch';
import type { Patch } from '../../../shared/domain/patch';
import type { ProjectFile } from '../../../shared/domain/schemas';
import { danglingReferences, patchConflicts } from '../../../shared/domain/state/patch-check';
import { ProjectState } from '../../../shared/domain/state/project-state';
import { createCode, deleteCode, mergeCode, moveCode } from '../../../shared/operations/code-ops';
import { applyCodings, removeCoding, setCodingExtent } from '../../../shared/operations/coding-ops';
import { operationContext } from '../../../shared/operations/context';

const description = { definition: '', whenToUse: '', whenNotToUse: '', example: '' };

function world() {
  const project: ProjectFile = {
    schemaVersion: 2, id: 'p', name: 'P', description: '', createdAt: '2026-01-01T00:00:00.000Z',
    codebook: ['a', 'b', 'c', 'd'].map((id, i) => ({ id, name: id.toUpperCase(), color: '#112233', parentId: i === 3 ? 'a' : null, codable: true, description, rank: i })),
    attributes: [],
    documents: [{ id: 'doc', name: 'Doc', hash: '0'.repeat(64), length: 500, turnCount: 0, attributes: {}, importedFrom: 'x', importedAt: '2026-01-01T00:00:00.000Z', rank: 0 }],
    coders: [{ id: 'k1', name: 'K1', color: '#000000', rank: 0 }, { id: 'k2', name: 'K2', color: '#ffffff', rank: 1 }],
    sets: [],
    queries: [],
  };
  const state = ProjectState.fromFiles(project, new Map());
  let n = 0;
  const ctx = operationContext(state, { newId: () => `n${++n}`, now: () => new Date('2026-01-02T00:00:00.000Z') });
  const apply = (patch: Patch) => {
    const conflicts = patchConflicts(state, patch);
    if (conflicts.length) throw new Error(conflicts.join('; '));
    state.apply(patch);
    const dangling = danglingReferences(state, patch);
    if (dangling.length) throw new Error(dangling.join('; '));
  };
  const files = {
    get: (coderId: string) => state.coder(coderId)!.toFile(),
    values: () => state.coderIds().map((id) => state.coder(id)!.toFile()),
  };
  const snapshot = () => JSON.parse(JSON.stringify({ project: state.data, files: files.values() }));
  return { ctx, apply, state: snapshot, project: { get codebook() { return state.data.codebook; } }, files };
}

const action = fc.oneof(
  fc.record({ op: fc.constant('apply'), coder: fc.constantFrom('k1', 'k2'), code: fc.constantFrom('a', 'b', 'c', 'd'), start: fc.nat(400), len: fc.integer({ min: 1, max: 99 }) }),
  fc.record({ op: fc.constant('remove'), coder: fc.constantFrom('k1', 'k2'), pick: fc.nat() }),
  fc.record({ op: fc.constant('extent'), coder: fc.constantFrom('k1', 'k2'), pick: fc.nat(), start: fc.nat(400), len: fc.integer({ min: 1, max: 99 }) }),
  fc.record({ op: fc.constant('create'), parent: fc.constantFrom(null, 'a', 'b'), name: fc.string({ minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('delete'), pick: fc.nat() }),
  fc.record({ op: fc.constant('merge'), pick: fc.nat(), into: fc.nat() }),
  fc.record({ op: fc.constant('move'), pick: fc.nat(), parent: fc.constantFrom(null, 'a', 'b', 'c'), index: fc.nat(5) }),
);

type Action = typeof action extends fc.Arbitrary<infer T> ? T : never;

function patchFor(w: ReturnType<typeof world>, a: Action): Patch {
  const { ctx, project, files } = w;
  const codes = project.codebook;
  switch (a.op) {
    case 'apply':
      return applyCodings(ctx, a.coder, a.code, [{ documentId: 'doc', start: a.start, end: a.start + a.len }]);
    case 'remove': {
      const list = files.get(a.coder)!.codings;
      return removeCoding(ctx, a.coder, list[a.pick % Math.max(1, list.length)]?.id ?? 'none');
    }
    case 'extent': {
      const list = files.get(a.coder)!.codings;
      return setCodingExtent(ctx, a.coder, list[a.pick % Math.max(1, list.length)]?.id ?? 'none', { start: a.start, end: a.start + a.len });
    }
    case 'create':
      return createCode(ctx, { name: a.name, parentId: a.parent }).patch;
    case 'delete':
      return deleteCode(ctx, codes[a.pick % codes.length]!.id);
    case 'merge':
      return mergeCode(ctx, codes[a.pick % codes.length]!.id, codes[a.into % codes.length]!.id);
    case 'move':
      return moveCode(ctx, codes[a.pick % codes.length]!.id, a.parent, a.index);
  }
}

describe('every change undoes exactly (property)', () => {
  it('applying a random sequence of changes and then their inverses, newest first, restores the project', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const w = world();
        const initial = w.state();
        const applied: Patch[] = [];
        for (const a of actions) {
          let patch: Patch;
          try {
            patch = patchFor(w, a);
          } catch {
            continue; // refused (e.g. a missing code, a name clash): nothing changes
          }
          w.apply(patch);
          applied.push(patch);
        }
        for (const patch of applied.reverse()) w.apply(invertPatch(patch));
        expect(w.state()).toEqual(initial);
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves a coding at a code that no longer exists (property)', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const w = world();
        for (const a of actions) {
          try {
            w.apply(patchFor(w, a));
          } catch {
            continue;
          }
        }
        const ids = new Set(w.project.codebook.map((c) => c.id));
        for (const f of w.files.values()) for (const c of f.codings) expect(ids.has(c.codeId)).toBe(true);
        // A coder's codings at one code never overlap: overlapping passages merge.
        for (const f of w.files.values()) {
          const sorted = [...f.codings].sort((x, y) => x.codeId.localeCompare(y.codeId) || x.start - y.start);
          sorted.forEach((c, i) => {
            const next = sorted[i + 1];
            if (next && next.codeId === c.codeId) expect(next.start).toBeGreaterThanOrEqual(c.end);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
