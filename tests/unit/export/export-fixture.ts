import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { haveShared, sharedPath } from '../../helpers/shared-files';
import { crc32 } from 'node:zlib';
import type * as SheetJS from 'xlsx';
import yauzl from 'yauzl';
import { ProjectStore } from '../../../electron/services/project/project-store';
import { createSampleProject } from '../../../electron/services/project/sample-project';
import { splitTurns, detectSpeakerPattern } from '../../../shared/text/turns';
import { sampleBackend } from '../../helpers/backend';
import { fixedDeps } from '../../helpers/temp-dir';
import { addDocument } from '../../helpers/store-edits';

/** SheetJS as the app loads it (CommonJS, with its bundled CFB). */
export const XLSX = createRequire(import.meta.url)('xlsx') as typeof SheetJS;

export const FORMULA = '=HYPERLINK("http://x","y")';
export const LONG_LENGTH = 41_234;
export const EMOJI_TEXT = 'Facilitator: Hello 👋🏽 there.\nResident: We ❤️ the 🌳 park — really, the 🌳 park.\n';

export interface ExportFixture {
  dir: string;
  store: ProjectStore;
  formulaDocId: string;
  longDocId: string;
  emojiDocId: string;
  /** The passage coded in the emoji document: "the 🌳 park" (the second one). */
  emojiSpan: { start: number; end: number };
  testCoderId: string;
  codingMemo: string;
}

/**
 * The sample project (17 documents, 2 coders; ids are UUIDs, as in real projects) plus three
 * documents added with the store and coded through the handlers by "Test Coder" (whose new ids
 * are not UUIDs, as in tests): a passage starting with a formula, one longer than an Excel cell,
 * and one after emoji. A memo on the formula coding, one on a code, one on the project.
 */
export async function buildExportFixture(root: string): Promise<ExportFixture> {
  const dir = join(root, 'project');
  const deps = { now: fixedDeps().now, newId: () => randomUUID() };
  const store = await createSampleProject(resolve('resources'), dir, deps);
  const attributes = { Borough: 'Camden', 'Stakeholder group': 'Young people', Date: '2017-05-02', Participants: 12 };
  const formulaText = `Facilitator: What did the leaflet say?\nResident: ${FORMULA} was all it said, a broken link.\n`;
  const formulaDoc = await addDocument(store, {
    name: 'Formula leaflet',
    text: formulaText,
    turns: splitTurns(formulaText, detectSpeakerPattern(formulaText)),
    attributes,
    importedFrom: 'formula.txt',
  });
  const longPassage = 'We waited. '.repeat(Math.ceil(LONG_LENGTH / 11)).slice(0, LONG_LENGTH - 1) + '!';
  const longText = `Facilitator: Tell us.\nResident: ${longPassage}\n`;
  const longDoc = await addDocument(store, {
    name: 'Long answer',
    text: longText,
    turns: splitTurns(longText, detectSpeakerPattern(longText)),
    attributes: { Borough: 'Islington', 'Stakeholder group': attributes['Stakeholder group']! },
    importedFrom: 'long.txt',
  });
  const emojiDoc = await addDocument(store, {
    name: 'Emoji 🌳 chat',
    text: EMOJI_TEXT,
    turns: splitTurns(EMOJI_TEXT, detectSpeakerPattern(EMOJI_TEXT)),
    attributes: { ...attributes, Borough: 'Hackney' },
    importedFrom: 'emoji.txt',
  });
  // One writer per project: the store gives the project up before the app opens it.
  await store.close();

  const backend = await sampleBackend(join(root, 'app'), 'Test Coder');
  // The user picked it.
  await backend.grants.allow(dir);
  await backend.handlers['project.open']({ path: dir });
  const codeId = (name: string) => store.data.codebook.find((c) => c.name === name)!.id;
  const fStart = formulaText.indexOf(FORMULA);
  const formula = await backend.handlers['coding.apply']({ documentId: formulaDoc.id, codeId: codeId('Tackling stigma'), start: fStart, end: fStart + FORMULA.length + ' was all it'.length });
  const lStart = longText.indexOf(longPassage);
  await backend.handlers['coding.apply']({ documentId: longDoc.id, codeId: codeId('Zero suicide'), start: lStart, end: lStart + longPassage.length });
  const eStart = EMOJI_TEXT.lastIndexOf('the 🌳 park');
  const emojiSpan = { start: eStart, end: eStart + 'the 🌳 park'.length };
  await backend.handlers['coding.apply']({ documentId: emojiDoc.id, codeId: codeId('Communities take the lead'), ...emojiSpan });
  const codingMemo = 'A broken link; "quoted", <angled> & ampersand.';
  await backend.handlers['memo.create']({ target: { type: 'coding', id: formula.createdIds[0]! }, text: codingMemo });
  await backend.handlers['memo.create']({ target: { type: 'code', id: codeId('Zero suicide') }, text: 'Careful with this one.' });
  await backend.handlers['memo.create']({ target: { type: 'project' }, text: 'Project memo.' });
  await backend.handlers['memo.create']({ target: { type: 'document', id: emojiDoc.id }, text: 'Lots of emoji.' });
  // Two document sets, one of them (an awkward name) empty.
  await backend.handlers['set.create']({ name: 'Emoji & formulas', documentIds: [formulaDoc.id, emojiDoc.id] });
  await backend.handlers['set.create']({ name: 'Empty <for now>', documentIds: [] });
  const state = await backend.handlers['app.getState']({});
  const testCoderId = state.project!.coders.find((c) => c.name === 'Test Coder')!.id;
  await backend.shutdown();

  return {
    dir,
    store: await ProjectStore.open(dir, deps),
    formulaDocId: formulaDoc.id,
    longDocId: longDoc.id,
    emojiDocId: emojiDoc.id,
    emojiSpan,
    testCoderId,
    codingMemo,
  };
}

/** Every entry of a zip, each checked against its CRC-32. */
export function unzip(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  return new Promise((resolvePromise, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            const data = Buffer.concat(chunks);
            if (crc32(data) !== entry.crc32) return reject(new Error(`CRC mismatch in ${entry.fileName}`));
            entries.set(entry.fileName, data);
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolvePromise(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export const XMLLINT = '/usr/bin/xmllint';
export const SCHEMAS = sharedPath('refi-qda', 'schemas');
/** Without xmllint or the schemas, exports are still checked, only not against the XSDs. */
export const canValidate = existsSync(XMLLINT) && haveShared(join(SCHEMAS, 'Project.xsd'), 'validating REFI-QDA exports against the schemas');

/** xmllint's verdict on a file: '' when valid (or well-formed, without a schema), else its complaints. */
export function xmllint(file: string, schema?: string): string {
  try {
    execFileSync(XMLLINT, ['--noout', ...(schema ? ['--schema', schema] : []), file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    return e.stderr?.toString() || e.message;
  }
}
