import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../renderer/src/api/client';
import { askDocument, askDocumentEarly, readerStart } from '../../../renderer/src/features/reader/documentRequest';

/** An ApiClient that counts document.get requests and answers each with its own reply. */
function countingApi() {
  const asked: unknown[] = [];
  const api = {
    call: (channel: string, input: unknown) => {
      asked.push({ channel, input });
      return Promise.resolve({ reply: asked.length });
    },
    onEvent: () => () => undefined,
  } as unknown as ApiClient;
  return { api, asked };
}

const ask = { documentId: 'd1', coderIds: ['c1'], from: null };

describe('the document request a click sends before the reader renders (issue 16: reader paint)', () => {
  it('is the one the reader takes when it asks for the same thing: one request leaves, not two', async () => {
    const { api, asked } = countingApi();
    askDocumentEarly(api, ask);
    expect(await askDocument(api, { ...ask, coderIds: ['c1'] })).toEqual({ reply: 1 });
    expect(asked).toEqual([{ channel: 'document.get', input: { documentId: 'd1', coderIds: ['c1'] } }]);
    // Taken once: a reload asks afresh.
    expect(await askDocument(api, ask)).toEqual({ reply: 2 });
  });

  it('is not taken for another document, other coders, another passage or another client', async () => {
    for (const other of [{ ...ask, documentId: 'd2' }, { ...ask, coderIds: ['c1', 'c2'] }, { ...ask, from: 40 }]) {
      const { api, asked } = countingApi();
      askDocumentEarly(api, ask);
      expect(await askDocument(api, other)).toEqual({ reply: 2 });
      expect(asked).toHaveLength(2);
    }
    const first = countingApi();
    const second = countingApi();
    askDocumentEarly(first.api, ask);
    expect(await askDocument(second.api, ask)).toEqual({ reply: 1 });
    expect(second.asked).toHaveLength(1);
  });

  it('goes where the last focus request in that document pointed, else to the top', () => {
    const focus = { documentId: 'd1', start: 120, end: 140, seq: 1 };
    expect(readerStart(focus, 'd1')).toBe(120);
    expect(readerStart(focus, 'd2')).toBeNull();
    expect(readerStart(null, 'd1')).toBeNull();
  });
});
