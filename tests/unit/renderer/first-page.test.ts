import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../renderer/src/api/client';
import { DocumentDirectory, offerFirstPage, takeFirstPage } from '../../../renderer/src/features/workbench/state/documentDirectory';
import type { DocumentPage } from '../../../shared/api/contract';

const page: DocumentPage = {
  rows: [{ id: 'd1', name: '01 Hackney: young people', length: 100, turnCount: 3, attributes: {}, rank: 0 }],
  offset: 0,
  total: 1,
  count: 1,
};

/** A client that records what is asked and never answers (a page asked for would stay on its way). */
function recordingApi() {
  const asked: string[] = [];
  const api = { call: (channel: string) => (asked.push(channel), new Promise(() => {})), onEvent: () => () => {} } as unknown as ApiClient;
  return { api, asked };
}

describe("the Documents list's first page, sent with the app's first state", () => {
  it('is taken once, by the directory of the project it was asked for, which then shows it without asking', () => {
    offerFirstPage('/studies/Thrive.marginalia', page);
    expect(takeFirstPage('/studies/Other.marginalia')).toBeNull();
    offerFirstPage('/studies/Thrive.marginalia', page);
    const first = takeFirstPage('/studies/Thrive.marginalia');
    expect(first).toBe(page);
    expect(takeFirstPage('/studies/Thrive.marginalia')).toBeNull();

    const { api, asked } = recordingApi();
    const directory = new DocumentDirectory(api, () => {});
    directory.seed({}, first!);
    directory.wantRows({}, 0, 20);
    expect(asked).toEqual([]);
    expect(directory.page({}, 0)?.rows.map((r) => r.name)).toEqual(['01 Hackney: young people']);
    expect(directory.summary('d1')?.name).toBe('01 Hackney: young people');
    // Another filter's rows are asked for as before.
    directory.wantRows({ Borough: ['Hackney'] }, 0, 0);
    expect(asked).toEqual(['documents.page']);
  });
});
