import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../../shared/api/dispatch';
import { unitizedAlpha } from '../../../shared/agreement/unitized-alpha';
import { cleanName, nameProblem } from '../../../shared/domain/names';
import { allDocuments, SAMPLE_PATH, sampleBackend, samplePair } from '../../helpers/backend';
import { useTempDirs } from '../../helpers/temp-dir';
import type { Backend } from '../../../electron/services/backend';

const tempDir = useTempDirs();

/** A pair on copies of the sample; the colleague has coded ten passages. */
async function pair() {
  const root = await tempDir();
  const { lead, colleague, colleagueCopy } = await samplePair(root);
  const project = (await lead.handlers['app.getState']({})).project!;
  const doc = (await allDocuments(lead.handlers))[0]!;
  const code = project.codebook.find((c) => c.codable)!;
  for (let start = 0; start < 200; start += 20) {
    await colleague.handlers['coding.apply']({ documentId: doc.id, codeId: code.id, start, end: start + 10 });
  }
  return { lead, colleague, colleagueCopy };
}

async function counts(backend: Backend) {
  return (await backend.handlers['app.getState']({})).project!;
}

async function call(backend: Backend, channel: Parameters<typeof dispatchRequest>[1], input: unknown) {
  return (await dispatchRequest(backend.handlers, channel, input)).reply;
}

describe('ids from files', () => {
  // The finding: a coder file with id "__proto__" imported 2,074 codings that the counts then showed as 0.
  it('a colleague’s coder file whose coder id is "__proto__" is refused, and nothing changes', async () => {
    const { lead, colleague } = await pair();
    const file = JSON.parse((await colleague.handlers['exchange.exportCoder']({ coderId: null })).content);
    file.coder.id = '__proto__';
    const before = await counts(lead);
    const reply = await call(lead, 'exchange.importCoder', { fileName: 'hostile.json', content: JSON.stringify(file) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'DAMAGED_FILE', file: 'hostile.json' } });
    expect(!reply.ok && reply.error.message).toMatch(/^hostile\.json does not match .*coder\.id: ids in a coder file are GUIDs/);
    expect(await counts(lead)).toEqual(before);
  });

  it.each(['constructor', 'not-a-guid'])('coding and memo ids that are not GUIDs (%s) are refused', async (bad) => {
    const { lead, colleague } = await pair();
    const file = JSON.parse((await colleague.handlers['exchange.exportCoder']({ coderId: null })).content);
    file.codings[3].id = bad;
    file.memos.push({ id: bad, target: { type: 'project' }, text: 'x', createdAt: file.exportedAt, updatedAt: file.exportedAt });
    const reply = await call(lead, 'exchange.importCoder', { fileName: 'odd.json', content: JSON.stringify(file) });
    expect(!reply.ok && reply.error.message).toMatch(/codings\.3\.id: ids in a coder file are GUIDs; memos\.0\.id: ids in a coder file are GUIDs/);
  });

  it('a colleague’s project folder with a coder "__proto__" is refused, naming its file', async () => {
    const { lead, colleague, colleagueCopy: dir } = await pair();
    await colleague.handlers['project.close']({});
    const projectFile = JSON.parse(await readFile(join(dir, 'project.json'), 'utf-8'));
    const coder = projectFile.coders.find((c: { name: string }) => c.name === 'Colleague');
    await rename(join(dir, 'coders', `${coder.id}.json`), join(dir, 'coders', '__proto__.json'));
    const coderFile = JSON.parse(await readFile(join(dir, 'coders', '__proto__.json'), 'utf-8'));
    await writeFile(join(dir, 'coders', '__proto__.json'), JSON.stringify({ ...coderFile, coderId: '__proto__' }));
    coder.id = '__proto__';
    await writeFile(join(dir, 'project.json'), JSON.stringify(projectFile));
    const before = await counts(lead);
    await lead.grants.allow(dir);
    const reply = await call(lead, 'exchange.importProject', { path: dir });
    expect(reply).toMatchObject({ ok: false, error: { code: 'DAMAGED_FILE' } });
    expect(!reply.ok && reply.error.message).toMatch(/project\.json does not match .*coders\.\d+\.id: this id is reserved/);
    expect(await counts(lead)).toEqual(before);
  });

  it('figures keyed by id keep "__proto__" and "constructor" as plain keys', () => {
    const result = unitizedAlpha({
      length: 100,
      units: [
        { coder: 'a', category: '__proto__', begin: 0, length: 10 },
        { coder: 'b', category: '__proto__', begin: 0, length: 10 },
        { coder: 'a', category: 'constructor', begin: 20, length: 10 },
        { coder: 'b', category: 'constructor', begin: 25, length: 10 },
      ],
    });
    expect(Object.keys(result.byCategory).sort()).toEqual(['__proto__', 'constructor']);
    expect(result.byCategory['__proto__']).toBe(1);
    expect(typeof result.byCategory['constructor']).toBe('number');
  });
});

describe('names', () => {
  const unsafe = [
    ['NUL', 'Stig\u0000ma', /control character \(U\+0000\) at position 5/],
    ['a bell', 'Stigma\u0007', /control character \(U\+0007\)/],
    ['a line break inside', 'Two\nlines', /control character \(U\+000A\)/],
    ['a lone high surrogate', 'Emoji \ud83d', /half of a surrogate pair without its partner \(U\+D83D\)/],
    ['a lone low surrogate', '\ude00 start', /half of a surrogate pair without its partner \(U\+DE00\)/],
  ] as const;

  it('allow ordinary text, emoji and every script', () => {
    for (const name of ['Tackling stigma', 'Zero suicide 🙂', 'Ärzt:innen — «ça»', '東京', 'עברית']) expect(nameProblem(name)).toBeNull();
  });

  it.each(unsafe)('with %s are refused at the API, with a clear message', async (_what, bad, message) => {
    const root = await tempDir();
    const backend = await sampleBackend(root);
    try {
      const channels = [
        ['code.create', { name: bad, parentId: null }],
        ['app.setCoderName', { name: bad }],
        ['attribute.define', { name: bad, type: 'text' }],
        ['project.create', { path: join(root, 'new'), name: bad, template: 'empty' }],
      ] as const;
      for (const [channel, input] of channels) {
        const reply = await call(backend, channel, input);
        expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
        expect(!reply.ok && reply.error.message).toMatch(/names may not contain control characters/);
        expect(!reply.ok && reply.error.message).toMatch(message);
      }
      const codeId = (await counts(backend)).codebook[0]!.id;
      expect(await call(backend, 'code.update', { codeId, name: bad })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect((await counts(backend)).codebook.some((c) => c.name === bad)).toBe(false);
    } finally {
      await backend.shutdown();
    }
  });

  it('an attribute cannot be called "__proto__" (it would vanish from the documents)', async () => {
    const backend = await sampleBackend(await tempDir());
    try {
      const reply = await call(backend, 'attribute.define', { name: '__proto__', type: 'text' });
      expect(!reply.ok && reply.error.message).toMatch(/an attribute cannot be called __proto__/);
    } finally {
      await backend.shutdown();
    }
  });

  it('in a project file are refused on opening, naming the file and the field', async () => {
    const root = await tempDir();
    const backend = await sampleBackend(root);
    await backend.shutdown();
    const file = join(root, SAMPLE_PATH, 'project.json');
    const project = JSON.parse(await readFile(file, 'utf-8'));
    project.codebook[2].name = 'Stig\u0000ma';
    await writeFile(file, JSON.stringify(project));
    const again = await sampleBackend(join(root, 'again'));
    try {
      await again.grants.allow(join(root, SAMPLE_PATH));
      const reply = await call(again, 'project.open', { path: join(root, SAMPLE_PATH) });
      expect(reply).toMatchObject({ ok: false, error: { code: 'DAMAGED_FILE', file } });
      expect(!reply.ok && reply.error.message).toMatch(/codebook\.2\.name: names may not contain control characters .*U\+0000/);
    } finally {
      await again.shutdown();
    }
  });

  it('in a colleague’s coder file are refused', async () => {
    const { lead, colleague } = await pair();
    const file = JSON.parse((await colleague.handlers['exchange.exportCoder']({ coderId: null })).content);
    file.coder.name = 'Col\u0000league';
    const reply = await call(lead, 'exchange.importCoder', { fileName: 'nul.json', content: JSON.stringify(file) });
    expect(!reply.ok && reply.error.message).toMatch(/coder\.name: names may not contain control characters/);
  });

  it('from other programs’ files are cleaned on import: a code from a REFI-QDA codebook, a document from a file name', async () => {
    const root = await tempDir();
    const backend = await sampleBackend(root);
    try {
      const qdc = join(root, 'codebook.qdc');
      await writeFile(
        qdc,
        '<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>' +
          '<Code guid="0f5f0bd6-4ad8-4b6a-9d4f-64c0c9d8f3a1" name="Waiting&#7;lists" isCodable="true"/></Codes></CodeBook>',
      );
      const transcript = join(root, 'Inter\u0001view.txt');
      await writeFile(transcript, 'A: Hello.\n');
      for (const picked of [qdc, transcript]) await backend.grants.allow(picked);
      const result = await backend.handlers['import.run']({ items: [{ source: { path: qdc }, options: {} }, { source: { path: transcript }, options: {} }] });
      expect(result.results.map((r) => r.status)).toEqual(['imported', 'imported']);
      const names = (await counts(backend)).codebook.map((c) => c.name);
      expect(names).toContain('Waiting lists');
      expect((await allDocuments(backend.handlers)).map((d) => d.name)).toContain('Inter view');
    } finally {
      await backend.shutdown();
    }
    expect(cleanName('\u0000\u0001')).toBe('');
    expect(cleanName('A\ud800B')).toBe('A B');
  });
});
