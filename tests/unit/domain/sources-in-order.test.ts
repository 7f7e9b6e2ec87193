import { describe, expect, it } from 'vitest';
import { sourcesInOrder } from '../../../shared/domain/project-view';
import type { ProjectView, SourceView } from '../../../shared/domain/project-view';

/** A view whose reads finish only when the test says, counting how many are under way. */
function slowView(fail: string | null = null) {
  const pending = new Map<string, () => void>();
  let reading = 0;
  let most = 0;
  const view = {
    readSource: (id: string) =>
      new Promise<SourceView>((resolve, reject) => {
        most = Math.max(most, ++reading);
        pending.set(id, () => {
          reading--;
          if (id === fail) reject(new Error(`${id} is missing`));
          else resolve({ text: id, turns: [] });
        });
      }),
  } as unknown as ProjectView;
  const finishAll = () => {
    for (const [id, finish] of pending) {
      pending.delete(id);
      finish();
    }
  };
  return { view, finishAll, most: () => most };
}

describe('sources read in order, a few ahead', () => {
  it('come in the order asked, with at most 16 reads under way', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `doc-${i}`);
    const { view, finishAll, most } = slowView();
    const texts: string[] = [];
    const reading = (async () => {
      for await (const source of sourcesInOrder(view, ids)) texts.push(source.text);
    })();
    while (texts.length < ids.length) {
      finishAll();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await reading;
    expect(texts).toEqual(ids);
    expect(most()).toBe(16);
  });

  it('a source that cannot be read fails in its turn, after the ones before it, and not as an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { view, finishAll } = slowView('doc-3');
      const got: string[] = [];
      const reading = (async () => {
        for await (const source of sourcesInOrder(view, ['doc-0', 'doc-1', 'doc-2', 'doc-3', 'doc-4'])) {
          got.push(source.text);
          // A reader that takes its time: the failed read waits, unawaited, for it.
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })();
      // Every read, the failing one too, finishes before the reader has reached it.
      finishAll();
      await expect(reading).rejects.toThrow('doc-3 is missing');
      expect(got).toEqual(['doc-0', 'doc-1', 'doc-2']);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
