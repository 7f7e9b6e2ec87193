import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { codeDescriptionText, parseCodeDescription } from '../../../shared/export/code-description';
import { decimalString, noteName, variableType, xmlAttr, xmlText } from '../../../electron/services/export/qda-xml';
import { exportQdc, exportQdpx, ORIGIN_UTF16 } from '../../../electron/services/export/refi-export';
import { GuidAssigner, nameBasedUuid } from '../../../electron/services/export/refi-guids';
import type { OffsetUnits } from '../../../electron/services/export/refi-export';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { fixedDeps, useTempDirs } from '../../helpers/temp-dir';
import { buildExportFixture, canValidate, EMOJI_TEXT, SCHEMAS, unzip, xmllint } from './export-fixture';

const tempDir = useTempDirs();
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type XmlNode = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, trimValues: false, isArray: (name) => ['User', 'Code', 'Variable', 'TextSource', 'PlainTextSelection', 'Coding', 'NoteRef', 'VariableValue', 'Note', 'Set', 'MemberSource'].includes(name) });

function list(node: unknown, key: string): XmlNode[] {
  return ((node as XmlNode | undefined)?.[key] as XmlNode[] | undefined) ?? [];
}

/** Every GUID defined (guid attributes) and referenced (targetGUID, creatingUser, internal:// paths). */
function guidsIn(xml: string): { defined: string[]; referenced: string[] } {
  const defined = [...xml.matchAll(/\sguid="([^"]*)"/g)].map((m) => m[1]!.toLowerCase());
  const referenced = [
    ...[...xml.matchAll(/\s(?:targetGUID|creatingUser|modifyingUser|creatingUserGUID)="([^"]*)"/g)].map((m) => m[1]!),
    ...[...xml.matchAll(/plainTextPath="internal:\/\/([^"]*)\.txt"/g)].map((m) => m[1]!),
  ].map((g) => g.toLowerCase());
  return { defined, referenced };
}

async function exported(root: string, offsets: OffsetUnits = 'standard') {
  const fx = await buildExportFixture(root);
  const bytes = await exportQdpx(fx.store, offsets);
  const entries = await unzip(bytes);
  const qde = entries.get('project.qde')!.toString('utf8');
  return { fx, bytes, entries, qde, project: (parser.parse(qde) as XmlNode).Project as XmlNode };
}

describe('exportQdpx', () => {
  it('writes exactly project.qde and lower-case sources/<GUID>.txt, valid against Project.xsd, with no dangling GUID', async () => {
    const root = await tempDir();
    const { fx, entries, qde, project } = await exported(root);
    const names = [...entries.keys()];
    expect(names[0]).toBe('project.qde');
    const sources = names.slice(1);
    expect(sources).toHaveLength(fx.store.data.documents.length);
    for (const name of sources) expect(name).toMatch(/^sources\/[0-9a-f-]{36}\.txt$/);

    const textSources = list(project.Sources, 'TextSource');
    expect(textSources).toHaveLength(20);
    for (const [i, source] of textSources.entries()) {
      const doc = fx.store.data.documents[i]!;
      expect(source.name).toBe(doc.name);
      expect(source.plainTextPath).toBe(`internal://${source.guid as string}.txt`);
      expect(source.richTextPath).toBeUndefined();
      expect(entries.get(`sources/${source.guid as string}.txt`)!.toString('utf8')).toBe((await fx.store.readSource(doc.id)).text);
    }

    const { defined, referenced } = guidsIn(qde);
    for (const guid of defined) expect(guid).toMatch(GUID);
    expect(new Set(defined).size).toBe(defined.length);
    const missing = referenced.filter((g) => !defined.includes(g));
    expect(missing).toEqual([]);

    if (canValidate) {
      const file = join(root, 'project.qde');
      await writeFile(file, qde);
      expect(xmllint(file, join(SCHEMAS, 'Project.xsd'))).toBe('');
    }
  });

  it('exports document sets as Sets of their sources, an empty set as an empty Set', async () => {
    const { fx, project } = await exported(await tempDir());
    const sets = list(project.Sets, 'Set');
    expect(sets.map((s) => s.name)).toEqual(['Emoji & formulas', 'Empty <for now>']);
    const sourceName = new Map(list(project.Sources, 'TextSource').map((t) => [t.guid as string, t.name as string]));
    const members = list(sets[0], 'MemberSource').map((m) => sourceName.get(m.targetGUID as string));
    const docName = new Map(fx.store.data.documents.map((d) => [d.id, d.name]));
    expect(members).toEqual([docName.get(fx.formulaDocId), docName.get(fx.emojiDocId)]);
    expect(list(sets[1], 'MemberSource')).toEqual([]);
  });

  it('exports every coding with its coder as a User, its code, and code-point offsets', async () => {
    const { fx, project } = await exported(await tempDir());
    const { data } = fx.store;
    const users = list(project.Users, 'User');
    expect(users.map((u) => u.name)).toEqual(data.coders.map((c) => c.name));
    const userOf = new Map(users.map((u) => [u.guid as string, u.name as string]));
    const codeNames = new Map<string, string>();
    const visit = (codes: XmlNode[]) =>
      codes.forEach((c) => {
        codeNames.set(c.guid as string, c.name as string);
        visit(list(c, 'Code'));
      });
    visit(list((project.CodeBook as XmlNode).Codes, 'Code'));
    expect(codeNames.size).toBe(data.codebook.length);

    const selections = list(project.Sources, 'TextSource').flatMap((s) => list(s, 'PlainTextSelection').map((sel) => ({ source: s, sel })));
    const total = data.coders.reduce((n, c) => n + fx.store.codingsOf(c.id).length, 0);
    expect(selections).toHaveLength(total);
    for (const { sel } of selections) {
      const codings = list(sel, 'Coding');
      expect(codings).toHaveLength(1);
      expect(userOf.has(codings[0]!.creatingUser as string)).toBe(true);
      expect(sel.creatingUser).toBe(codings[0]!.creatingUser);
      expect(codeNames.has((codings[0]!.CodeRef as XmlNode).targetGUID as string)).toBe(true);
    }
    // Per coder and code, the same number of codings as in the project.
    const count = (pairs: string[]) => pairs.reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {});
    const exportedPairs = selections.map(({ sel }) => {
      const coding = list(sel, 'Coding')[0]!;
      return `${userOf.get(coding.creatingUser as string)}|${codeNames.get((coding.CodeRef as XmlNode).targetGUID as string)}`;
    });
    const projectPairs = data.coders.flatMap((coder) => fx.store.codingsOf(coder.id).map((c) => `${coder.name}|${data.codebook.find((k) => k.id === c.codeId)!.name}`));
    expect(count(exportedPairs)).toEqual(count(projectPairs));

    // After emoji, code points and UTF-16 units differ: the export counts code points.
    const emoji = selections.find(({ source }) => source.name === 'Emoji 🌳 chat')!.sel;
    const expectedStart = [...EMOJI_TEXT.slice(0, fx.emojiSpan.start)].length;
    const expectedEnd = [...EMOJI_TEXT.slice(0, fx.emojiSpan.end)].length;
    expect(expectedStart).toBeLessThan(fx.emojiSpan.start);
    expect([Number(emoji.startPosition), Number(emoji.endPosition)]).toEqual([expectedStart, expectedEnd]);
    expect([...EMOJI_TEXT].slice(expectedStart, expectedEnd).join('')).toBe('the 🌳 park');
    // Sample texts without emoji keep their offsets.
    const hackney = data.documents.find((d) => d.name.startsWith('01 Hackney'))!;
    const first = fx.store.codingsOf(data.coders[0]!.id).filter((c) => c.documentId === hackney.id).sort((a, b) => a.start - b.start)[0]!;
    const hackneySource = list(project.Sources, 'TextSource').find((s) => s.name === hackney.name)!;
    expect(list(hackneySource, 'PlainTextSelection').some((s) => Number(s.startPosition) === first.start && Number(s.endPosition) === first.end)).toBe(true);
  });

  it('writes UTF-16 offsets for NVivo when asked, and says so in its origin', async () => {
    const root = await tempDir();
    const { fx, project, qde } = await exported(root, 'utf16');
    expect(project.origin).toBe(ORIGIN_UTF16);
    expect(project.origin).toMatch(/NVivo/);
    const emoji = list(project.Sources, 'TextSource').find((s) => s.name === 'Emoji 🌳 chat')!;
    const selection = list(emoji, 'PlainTextSelection')[0]!;
    expect([Number(selection.startPosition), Number(selection.endPosition)]).toEqual([fx.emojiSpan.start, fx.emojiSpan.end]);
    expect(EMOJI_TEXT.slice(Number(selection.startPosition), Number(selection.endPosition))).toBe('the 🌳 park');
    if (canValidate) {
      const file = join(root, 'project.qde');
      await writeFile(file, qde);
      expect(xmllint(file, join(SCHEMAS, 'Project.xsd'))).toBe('');
    }
  });

  it('uses existing UUIDs as GUIDs, derives the others, and gives the same GUIDs on every export', async () => {
    const root = await tempDir();
    const { fx, qde, project } = await exported(root);
    const again = (await unzip(await exportQdpx(fx.store))).get('project.qde')!.toString('utf8');
    expect(again).toBe(qde);
    const reopened = await ProjectStore.open(fx.dir, fixedDeps());
    const third = (await unzip(await exportQdpx(reopened))).get('project.qde')!.toString('utf8');
    expect(guidsIn(third).defined).toEqual(guidsIn(qde).defined);

    const amara = fx.store.data.coders.find((c) => c.name === 'Amara Okafor')!;
    expect(list(project.Users, 'User').find((u) => u.name === 'Amara Okafor')!.guid).toBe(amara.id);
    const testCoder = list(project.Users, 'User').find((u) => u.name === 'Test Coder')!;
    expect(fx.testCoderId).not.toMatch(GUID);
    expect(testCoder.guid).toMatch(GUID);
    expect(testCoder.guid).toBe(nameBasedUuid(`${fx.store.data.id}/user/${fx.testCoderId}`));
    // The codebook export uses the same code GUIDs.
    const qdcGuids = [...exportQdc(fx.store).matchAll(/guid="([^"]*)"/g)].map((m) => m[1]);
    expect(qdcGuids).toEqual([...qde.matchAll(/<Code guid="([^"]*)"/g)].map((m) => m[1]));
  });

  it('exports attributes as typed variables, leaving out empty values', async () => {
    const { project } = await exported(await tempDir());
    const variables = list(project.Variables, 'Variable');
    expect(variables.map((v) => [v.name, v.typeOfVariable])).toEqual([
      ['Borough', 'Text'],
      ['Stakeholder group', 'Text'],
      ['Date', 'Date'],
      ['Participants', 'Float'],
    ]);
    const name = new Map(variables.map((v) => [v.guid as string, v.name as string]));
    const sources = list(project.Sources, 'TextSource');
    const values = (source: XmlNode) =>
      Object.fromEntries(list(source, 'VariableValue').map((vv) => [name.get((vv.VariableRef as XmlNode).targetGUID as string), vv.TextValue ?? vv.DateValue ?? vv.FloatValue]));
    expect(values(sources.find((s) => (s.name as string).startsWith('01 Hackney'))!)).toEqual({ Borough: 'Hackney', 'Stakeholder group': 'Young people', Date: '2017-03-14', Participants: '48' });
    expect(values(sources.find((s) => s.name === 'Long answer')!)).toEqual({ Borough: 'Islington', 'Stakeholder group': 'Young people' });
  });

  it('exports memos as Notes with author and date, attached to the project, code, source and coded selection', async () => {
    const { fx, project, qde } = await exported(await tempDir());
    const notes = list(project.Notes, 'Note');
    expect(notes).toHaveLength(4);
    const testCoder = list(project.Users, 'User').find((u) => u.name === 'Test Coder')!;
    for (const note of notes) {
      expect(note.creatingUser).toBe(testCoder.guid);
      expect(note.creationDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    const byText = (text: string) => notes.find((n) => n.PlainTextContent === text)!.guid as string;
    expect(list(project, 'NoteRef').map((r) => r.targetGUID)).toEqual([byText('Project memo.')]);
    expect(qde).toContain('<PlainTextContent>A broken link; "quoted", &lt;angled&gt; &amp; ampersand.</PlainTextContent>');
    const formula = list(project.Sources, 'TextSource').find((s) => s.name === 'Formula leaflet')!;
    const selection = list(formula, 'PlainTextSelection')[0]!;
    expect(list(selection, 'NoteRef').map((r) => r.targetGUID)).toEqual([byText(fx.codingMemo)]);
    const emoji = list(project.Sources, 'TextSource').find((s) => s.name === 'Emoji 🌳 chat')!;
    expect(list(emoji, 'NoteRef').map((r) => r.targetGUID)).toEqual([byText('Lots of emoji.')]);
    const codes: XmlNode[] = [];
    const visit = (nodes: XmlNode[]) => nodes.forEach((c) => (codes.push(c), visit(list(c, 'Code'))));
    visit(list((project.CodeBook as XmlNode).Codes, 'Code'));
    const zero = codes.find((c) => c.name === 'Zero suicide')!;
    expect(list(zero, 'NoteRef').map((r) => r.targetGUID)).toEqual([byText('Careful with this one.')]);
    expect(zero.Description).toMatch(/^Preventing suicide[\s\S]*\n\nWhen to use: [\s\S]*\n\nWhen not to use: [\s\S]*\n\nExample: /);
    expect(zero.color).toBe('#c0392b');
    expect(codes.find((c) => c.name === 'Cross-cutting themes')!.isCodable).toBe('false');
  });
});

describe('exportQdc', () => {
  it('writes the codebook, valid against Codebook.xsd, nested as in the project', async () => {
    const root = await tempDir();
    const fx = await buildExportFixture(root);
    const qdc = exportQdc(fx.store);
    const book = (parser.parse(qdc) as XmlNode).CodeBook as XmlNode;
    expect(book.xmlns).toBe('urn:QDA-XML:codebook:1.0');
    const top = list(book.Codes, 'Code');
    expect(top.map((c) => c.name)).toEqual(fx.store.data.codebook.filter((c) => c.parentId === null).map((c) => c.name));
    const folder = top.find((c) => c.name === 'Cross-cutting themes')!;
    expect(list(folder, 'Code').map((c) => c.name)).toEqual(
      fx.store.data.codebook.filter((c) => c.parentId === fx.store.data.codebook.find((k) => k.name === 'Cross-cutting themes')!.id).map((c) => c.name),
    );
    if (canValidate) {
      const file = join(root, 'codebook.qdc');
      await writeFile(file, qdc);
      expect(xmllint(file, join(SCHEMAS, 'Codebook.xsd'))).toBe('');
    }
  });

  it('refuses an empty codebook rather than write an invalid file', async () => {
    const store = await ProjectStore.create(join(await tempDir(), 'p'), { name: 'Empty', description: '', codebook: [], attributes: [] }, fixedDeps());
    expect(() => exportQdc(store)).toThrow(/codebook is empty/);
    // The project itself is still exportable, and valid.
    const qde = (await unzip(await exportQdpx(store))).get('project.qde')!.toString('utf8');
    expect(qde).not.toContain('<CodeBook');
    if (canValidate) {
      const file = join(await tempDir(), 'empty.qde');
      await writeFile(file, qde);
      expect(xmllint(file, join(SCHEMAS, 'Project.xsd'))).toBe('');
    }
  });
});

describe('REFI-QDA helpers', () => {
  it('writes numbers as xsd:decimal, without exponents', () => {
    expect(['48', '-3.5', '1e21', '1.5e-7', '-2.5e+22', '0'].map((s) => decimalString(Number(s)))).toEqual([
      '48',
      '-3.5',
      '1000000000000000000000',
      '0.00000015',
      '-25000000000000000000000',
      '0',
    ]);
  });

  it('escapes XML and replaces characters XML cannot hold', () => {
    expect(xmlText('a < b & c > d\r\n\u0001 \ud800')).toBe('a &lt; b &amp; c &gt; d&#13;\n\ufffd \ufffd');
    expect(xmlAttr('"q"\tx\ny 🌳')).toBe('&quot;q&quot;&#9;x&#10;y 🌳');
  });

  it('types a variable by its values, falling back to Text rather than lose a value', () => {
    expect(variableType({ name: 'N', type: 'number', rank: 0 }, [1, 2.5, null, undefined, ''])).toBe('Float');
    expect(variableType({ name: 'N', type: 'number', rank: 0 }, [1, 'about 40'])).toBe('Text');
    expect(variableType({ name: 'D', type: 'date', rank: 0 }, ['2017-03-14', null])).toBe('Date');
    expect(variableType({ name: 'D', type: 'date', rank: 0 }, ['2017-02-30'])).toBe('Text');
    expect(variableType({ name: 'D', type: 'date', rank: 0 }, ['spring 2017'])).toBe('Text');
  });

  it('makes stable, valid, distinct GUIDs', () => {
    const a = new GuidAssigner('project-1');
    const own = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(a.guid('code', own)).toBe(own);
    // The same id under another kind must not reuse the GUID.
    const other = a.guid('user', own);
    expect(other).not.toBe(own);
    expect(other).toMatch(GUID);
    expect(a.guid('code', 'id-0001')).toBe(new GuidAssigner('project-1').guid('code', 'id-0001'));
    expect(a.guid('code', 'id-0001')).not.toBe(new GuidAssigner('project-2').guid('code', 'id-0001'));
    expect(nameBasedUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('names a note by the opening words of its memo, so that the name is the start of the text', () => {
    expect(noteName('  Short memo.\nSecond line')).toBe('Short memo.');
    const long = 'This memo goes on for quite a while about the walking group and its founders';
    const name = noteName(long)!;
    expect(long.startsWith(name)).toBe(true);
    expect(name).toBe('This memo goes on for quite a while about the walking group');
    expect(noteName('Two  spaces')).toBeUndefined();
    expect(noteName('   ')).toBeUndefined();
  });

  it('joins the four description fields, leaving out empty ones, and splits them back', () => {
    const some = { definition: 'Def.', whenToUse: '', whenNotToUse: 'Never.', example: '' };
    expect(codeDescriptionText(some)).toBe('Def.\n\nWhen not to use: Never.');
    expect(parseCodeDescription(codeDescriptionText(some))).toEqual(some);
    const none = { definition: '', whenToUse: '', whenNotToUse: '', example: '' };
    expect(codeDescriptionText(none)).toBe('');
    expect(parseCodeDescription('')).toEqual(none);
    const all = { definition: 'First.\n\nSecond paragraph.', whenToUse: 'Often.', whenNotToUse: 'Rarely.\n\nReally.', example: '“When to use: never” she said.' };
    expect(parseCodeDescription(codeDescriptionText(all))).toEqual(all);
    const noDefinition = { definition: '', whenToUse: 'Always.', whenNotToUse: '', example: 'This one.' };
    expect(parseCodeDescription(codeDescriptionText(noDefinition))).toEqual(noDefinition);
    // Another program's description is all definition, CR LF and all.
    expect(parseCodeDescription('Stigma in\r\nthe community.')).toEqual({ ...none, definition: 'Stigma in\nthe community.' });
  });
});
