import { describe, expect, it } from 'vitest';
import { QueryError, runQuery } from '../../../shared/query';
import { handBuiltProject } from '../../helpers/hand-built-project';

// Turns: one per labelled line. Paragraphs: the first three lines, then the last line.
const HACKNEY = [
  'Facilitator: What makes a difference?',
  'Sixth former: Stigma at school stops people asking for help. The waiting list was eight months.',
  'Youth worker: Families worry about money.',
  '',
  'Peer mentor: Mentors tackle stigma with young people.',
].join('\n');
const CAMDEN = 'Commissioner: Stigma is not our budget line. Young people are.';
const NEWHAM = 'Carer: Nobody asked us.';

function project() {
  return handBuiltProject({
    attributes: [
      { name: 'Group', type: 'text' },
      { name: 'Size', type: 'number' },
      { name: 'Held on', type: 'date' },
    ],
    codes: ['Stigma', 'Young people', 'Services', 'Themes', 'Themes/Money', 'Themes/Isolation', 'Support', 'Support/Isolation'],
    coders: ['Amara Okafor', 'Tom Reilly'],
    documents: [
      { name: 'Hackney young people', text: HACKNEY, attributes: { Group: 'Young people', Size: 48, 'Held on': '2017-03-14' } },
      { name: 'Camden commissioners', text: CAMDEN, attributes: { Group: 'Commissioners', Size: 12, 'Held on': '2017-06-01' } },
      { name: 'Newham carers', text: NEWHAM, attributes: { Group: 'Carers' } },
    ],
    sets: [
      { name: 'Round one', documents: ['Hackney young people', 'Newham carers'] },
      { name: 'Commissioning', documents: ['Camden commissioners'] },
    ],
    codings: [
      { coder: 'Amara Okafor', document: 'Hackney young people', code: 'Stigma', quote: 'Stigma at school stops people asking for help' },
      { coder: 'Amara Okafor', document: 'Hackney young people', code: 'Young people', quote: 'people asking for help. The waiting list' },
      { coder: 'Tom Reilly', document: 'Hackney young people', code: 'Stigma', quote: 'Stigma at school' },
      { coder: 'Tom Reilly', document: 'Hackney young people', code: 'Services', quote: 'The waiting list was eight months' },
      { coder: 'Amara Okafor', document: 'Hackney young people', code: 'Themes/Money', quote: 'Families worry about money' },
      { coder: 'Amara Okafor', document: 'Hackney young people', code: 'Stigma', quote: 'tackle stigma' },
      { coder: 'Tom Reilly', document: 'Hackney young people', code: 'Young people', quote: 'young people' },
      { coder: 'Amara Okafor', document: 'Camden commissioners', code: 'Stigma', quote: 'Stigma is not our budget line' },
      { coder: 'Amara Okafor', document: 'Camden commissioners', code: 'Young people', quote: 'Young people are' },
    ],
  });
}

/** The passages' texts, "document: text". */
async function texts(query: string, view = project()): Promise<string[]> {
  return (await runQuery(view, query)).passages.map((p) => `${p.document.split(' ')[0]}: ${p.text}`);
}

async function failure(query: string): Promise<{ message: string; at: string }> {
  try {
    await runQuery(project(), query);
  } catch (err) {
    if (!(err instanceof QueryError)) throw err;
    return { message: err.message, at: query.slice(err.at.start, err.at.end) };
  }
  throw new Error(`"${query}" ran`);
}

describe('query operators', () => {
  it('a code is the text coded at it by any coder, overlapping codings merged', async () => {
    expect(await texts('Stigma')).toEqual(['Hackney: Stigma at school stops people asking for help', 'Hackney: tackle stigma', 'Camden: Stigma is not our budget line']);
  });

  it('a code includes its sub-codes, and is named by its name or its path', async () => {
    expect(await texts('Themes')).toEqual(['Hackney: Families worry about money']);
    expect(await texts('Money')).toEqual(await texts('"Themes/Money"'));
    expect(await texts('"themes / money"')).toEqual(['Hackney: Families worry about money']);
  });

  it('AND is the text coded at both codes', async () => {
    expect(await texts('Stigma AND "Young people"')).toEqual(['Hackney: people asking for help']);
  });

  it('OR is the text coded at either, touching or overlapping passages merged', async () => {
    expect(await texts('Stigma OR Services')).toEqual([
      'Hackney: Stigma at school stops people asking for help',
      'Hackney: The waiting list was eight months',
      'Hackney: tackle stigma',
      'Camden: Stigma is not our budget line',
    ]);
    expect(await texts('Stigma OR "Young people"')).toContain('Hackney: Stigma at school stops people asking for help. The waiting list');
  });

  it('NOT is the rest of the document; AND NOT takes one code from another', async () => {
    expect(await texts('Stigma AND NOT "Young people"')).toEqual(['Hackney: Stigma at school stops', 'Hackney: tackle stigma', 'Camden: Stigma is not our budget line']);
    const rest = await runQuery(project(), 'NOT Stigma WHERE DOCUMENT = "Camden commissioners"');
    expect(rest.passages.map((p) => p.text)).toEqual(['Commissioner:', '. Young people are.']);
    // A document nobody coded is all "not Stigma".
    expect(await texts('NOT Stigma WHERE DOCUMENT = "Newham carers"')).toEqual([`Newham: ${NEWHAM}`]);
  });

  it('NEAR(n): passages within n characters of each other, from the first start to the last end', async () => {
    // "…asking for help. The waiting list…": two characters between Stigma and Services.
    const both = 'Hackney: Stigma at school stops people asking for help. The waiting list was eight months';
    expect(await texts('Stigma NEAR(2) Services')).toEqual([both]);
    expect(await texts('Services NEAR(2) Stigma')).toEqual([both]);
    expect(await texts('Stigma NEAR(1) Services')).toEqual([]);
    // Overlapping passages are near at any distance; " with " is six characters.
    expect(await texts('Stigma NEAR(0) "Young people"')).toEqual(['Hackney: Stigma at school stops people asking for help. The waiting list']);
    expect(await texts('Stigma NEAR(6) "Young people"')).toContain('Hackney: tackle stigma with young people');
    expect(await texts('Stigma NEAR(5) "Young people"')).not.toContain('Hackney: tackle stigma with young people');
  });

  it('NEAR(turn) and NEAR(paragraph): both in one speaker turn, or one paragraph', async () => {
    expect(await texts('Money NEAR(turn) Stigma')).toEqual([]);
    expect(await texts('Money NEAR(paragraph) Stigma')).toEqual(['Hackney: Stigma at school stops people asking for help. The waiting list was eight months.\nYouth worker: Families worry about money']);
    expect(await texts('Stigma NEAR(turn) "Young people" WHERE DOCUMENT = "Hackney young people"')).toEqual([
      'Hackney: Stigma at school stops people asking for help. The waiting list',
      'Hackney: tackle stigma with young people',
    ]);
  });

  it('FOLLOWED BY: each passage with the next one of the other code after it, within a window if given', async () => {
    expect(await texts('Stigma FOLLOWED BY Services')).toEqual(['Hackney: Stigma at school stops people asking for help. The waiting list was eight months']);
    const servicesThenStigma = await texts('Services FOLLOWED BY Stigma');
    expect(servicesThenStigma).toHaveLength(1);
    expect(servicesThenStigma[0]).toMatch(/^Hackney: The waiting list was eight months\.\n.*\n\nPeer mentor: Mentors tackle stigma$/);
    expect(await texts('Services FOLLOWED BY(turn) Stigma')).toEqual([]);
    expect(await texts('Services FOLLOWED BY(paragraph) Stigma')).toEqual([]);
    expect(await texts('Stigma FOLLOWED BY(turn) Services')).toHaveLength(1);
    expect(await texts('Stigma FOLLOWED BY(1) Services')).toEqual([]);
    expect(await texts('Stigma FOLLOWED BY(2) Services')).toEqual(['Hackney: Stigma at school stops people asking for help. The waiting list was eight months']);
    expect(await texts('Stigma FOLLOWED BY(paragraph) Money')).toEqual(['Hackney: Stigma at school stops people asking for help. The waiting list was eight months.\nYouth worker: Families worry about money']);
    // Order matters: in Camden, Young people comes after Stigma, not before it.
    expect(await texts('"Young people" FOLLOWED BY Stigma WHERE DOCUMENT = "Camden commissioners"')).toEqual([]);
  });
});

describe('query scope', () => {
  it('BY counts only the named coders\' codings at the code or group before it', async () => {
    expect(await texts('Stigma BY "Tom Reilly"')).toEqual(['Hackney: Stigma at school']);
    expect(await texts('Stigma BY "amara okafor" AND NOT Stigma BY "Tom Reilly"')).toEqual([
      'Hackney: stops people asking for help',
      'Hackney: tackle stigma',
      'Camden: Stigma is not our budget line',
    ]);
    expect(await texts('(Stigma OR "Young people") BY "Tom Reilly"')).toEqual(['Hackney: Stigma at school', 'Hackney: young people']);
  });

  it('WHERE CODER restricts every code without a BY of its own', async () => {
    expect(await texts('Stigma OR "Young people" WHERE CODER = "Tom Reilly"')).toEqual(['Hackney: Stigma at school', 'Hackney: young people']);
    expect(await texts('Stigma WHERE CODER != "Amara Okafor"')).toEqual(['Hackney: Stigma at school']);
    expect(await texts('Stigma BY "Amara Okafor" WHERE CODER = "Tom Reilly"')).toHaveLength(3);
  });

  it('WHERE CODER IN and NOT IN keep or leave out each coder named', async () => {
    expect(await texts('Stigma OR "Young people" WHERE CODER IN ("tom reilly")')).toEqual(['Hackney: Stigma at school', 'Hackney: young people']);
    expect(await texts('Stigma WHERE CODER IN ("Amara Okafor", "Tom Reilly")')).toEqual(await texts('Stigma'));
    expect(await texts('Stigma OR "Young people" WHERE CODER NOT IN ("Amara Okafor")')).toEqual(['Hackney: Stigma at school', 'Hackney: young people']);
    expect(await texts('Stigma WHERE CODER NOT IN ("Amara Okafor", "Tom Reilly")')).toEqual([]);
  });

  it('WHERE DOCUMENT picks documents by name', async () => {
    expect(await texts('Stigma WHERE DOCUMENT IN ("camden commissioners", "Newham carers")')).toEqual(['Camden: Stigma is not our budget line']);
    expect(await texts('Stigma WHERE DOCUMENT NOT IN ("Camden commissioners")')).toHaveLength(2);
  });

  it('WHERE SET picks the documents of named document sets', async () => {
    expect(await texts('Stigma WHERE SET = "round one"')).toEqual(['Hackney: Stigma at school stops people asking for help', 'Hackney: tackle stigma']);
    expect(await texts('Stigma WHERE SET != "Round one"')).toEqual(['Camden: Stigma is not our budget line']);
    expect(await texts('Stigma WHERE SET IN ("Round one", Commissioning)')).toHaveLength(3);
    const none = await runQuery(project(), 'Stigma WHERE SET NOT IN ("Round one", Commissioning)');
    expect(none).toMatchObject({ passages: [], documentsSearched: 0, documentsWithPassages: 0 });
  });

  it('WHERE on attributes: text values case-insensitively, numbers and dates in order, missing values never match', async () => {
    expect(await texts('Stigma AND "Young people" WHERE Group != Commissioners')).toEqual(['Hackney: people asking for help']);
    expect(await texts('Stigma WHERE group = COMMISSIONERS')).toEqual(['Camden: Stigma is not our budget line']);
    expect(await texts('Stigma WHERE Group IN (Commissioners, Carers)')).toHaveLength(1);
    expect(await texts('Stigma WHERE Size > 20')).toHaveLength(2);
    expect(await texts('Stigma WHERE Size <= 12')).toEqual(['Camden: Stigma is not our budget line']);
    expect(await texts('Stigma WHERE "Held on" >= 2017-05-01')).toEqual(['Camden: Stigma is not our budget line']);
    expect(await texts('Stigma WHERE Size >= 12 AND Group != "Young people"')).toHaveLength(1);
    expect(await texts('Stigma WHERE Group NOT IN (commissioners, Carers)')).toEqual(['Hackney: Stigma at school stops people asking for help', 'Hackney: tackle stigma']);
    expect((await runQuery(project(), 'NOT Stigma WHERE Size NOT IN (48, 12)')).passages.map((p) => p.document)).toEqual(['Newham carers']);
    const unsized = await runQuery(project(), 'NOT Stigma WHERE Size != 48');
    expect(unsized.documentsSearched).toBe(2);
    expect(unsized.passages.map((p) => p.document)).toEqual(['Camden commissioners', 'Camden commissioners', 'Newham carers']);
  });
});

describe('query results', () => {
  it('carry the document, speaker, offsets and context of each passage, and totals', async () => {
    const view = project();
    const result = await runQuery(view, 'Services OR Stigma WHERE Group = "Young people"');
    expect(result.understood).toBe('"Services" OR "Stigma" WHERE "Group" = "Young people"');
    expect(result).toMatchObject({ documentsSearched: 1, documentsWithPassages: 1 });
    const services = result.passages[1]!;
    expect(services).toMatchObject({
      documentId: view.documentId('Hackney young people'),
      document: 'Hackney young people',
      ...view.spanOf('Hackney young people', 'The waiting list was eight months'),
      speaker: 'Sixth former',
      text: 'The waiting list was eight months',
    });
    expect(services.before).toMatch(/people asking for help\. $/);
    expect(services.after).toMatch(/^\.\nYouth worker: Families/);
    expect(result.characters).toBe(result.passages.reduce((n, p) => n + p.text.length, 0));
  });

  it('an empty result is no error, and reads no document text', async () => {
    const view = project();
    const result = await runQuery(view, 'Stigma AND Services');
    expect(result).toMatchObject({ passages: [], documentsSearched: 3, documentsWithPassages: 0, characters: 0 });
    expect(await texts('Isolation BY "Tom Reilly" WHERE DOCUMENT = "Newham carers"').catch((e: Error) => e.message)).toMatch(/names 2 codes/);
    expect(await texts('"Themes/Isolation"')).toEqual([]);
    expect(view.reads.size).toBe(0);
  });

  it('reads a document\'s text only where there is something to show, or a turn or paragraph to find', async () => {
    const view = project();
    await runQuery(view, 'Stigma WHERE Group = Commissioners');
    expect([...view.reads.keys()]).toEqual([view.documentId('Camden commissioners')]);
    const windowed = project();
    await runQuery(windowed, 'Stigma NEAR(turn) Services');
    expect(windowed.reads.size).toBe(3);
  });
});

describe('names that name nothing', () => {
  it.each([
    ['Stigmas', 'There is no code "Stigmas" in this project. Did you mean "Stigma"? (at character 1).', 'Stigmas'],
    ['Stigma OR Isolation', '"Isolation" names 2 codes: give its path, "Themes/Isolation", "Support/Isolation" (at character 11).', 'Isolation'],
    ['Stigma BY Amara', 'There is no coder "Amara" (coders: "Amara Okafor", "Tom Reilly") (at character 11).', 'Amara'],
    ['Stigma WHERE DOCUMENT = Hackney', 'There is no document "Hackney" in this project. Did you mean "Hackney young people"? (at character 25).', 'Hackney'],
    ['Stigma WHERE SET = Round', 'There is no document set "Round" (sets: "Round one", "Commissioning") (at character 20).', 'Round'],
    ['Stigma WHERE Borough = Hackney', 'There is no document attribute "Borough" (attributes: "Group", "Size", "Held on") (at character 14).', 'Borough'],
    ['Stigma WHERE Group = Comissioners', 'No document has Group "Comissioners" (values: "Young people", "Commissioners", "Carers") (at character 22).', 'Comissioners'],
    ['Stigma WHERE Group < Carers', '"Group" is a text attribute: compare it with =, != or IN (at character 14).', 'Group < Carers'],
    ['Stigma WHERE Size > many', '"Size" is a number attribute: "many" is not a number (at character 21).', 'many'],
    ['Stigma WHERE "Held on" > 14/03/2017', '"Held on" is a date attribute: write dates as 2017-03-14 (at character 26).', '14/03/2017'],
    ['Stigma WHERE "Held on" = 2017-02-30', '"Held on" is a date attribute: there is no day 2017-02-30 (at character 26).', '2017-02-30'],
    ['Stigma WHERE "Held on" IN (2017-03-14, 2017-13-01)', '"Held on" is a date attribute: there is no day 2017-13-01 (at character 40).', '2017-13-01'],
  ])('%j', async (query, message, at) => {
    expect(await failure(query)).toEqual({ message, at });
  });
});
