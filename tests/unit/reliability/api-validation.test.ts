import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelKind, channels } from '../../../shared/api/contract';
import type { Channel } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import type { AppErrorCode } from '../../../shared/api/errors';
import type { Backend } from '../../../electron/services/backend';
import { allDocuments, SAMPLE_PATH, sampleBackend } from '../../helpers/backend';
import { fileHashes, firstBackupSetWritten } from '../../helpers/project-files';

/**
 * Every request that changes something, sent malformed through the real dispatch and
 * handlers on the sample project: wrong types, missing and extra fields, bad offsets, spans
 * that end before they start or leave the document, unknown ids. Each must come back as an
 * error envelope with a readable message, and every file of the project must be unchanged.
 * Cases are generated from a table of each channel's fields, not written one by one.
 */

type Kind = 'id' | 'nullableId' | 'offset' | 'index' | 'name' | 'text' | 'color' | 'path' | 'bool' | 'array' | 'object' | 'enum' | 'value' | 'scroll';

const wrongTypes: Record<Kind, unknown[]> = {
  id: [42, true, null, [], {}, '', 'x'.repeat(65)],
  nullableId: [42, true, [], {}, '', 'x'.repeat(65)],
  offset: ['3', true, null, [], {}, -1, 0.5, 2 ** 31 + 1, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity],
  index: ['1', null, -1, 1.5, 100_001, NaN],
  name: [42, null, [], '', '   ', 'x'.repeat(201)],
  text: [42, null, [], {}],
  color: [42, null, 'red', '#12345', '#GGGGGG', '1d70b8'],
  path: [42, null, [], ''],
  bool: ['yes', 1, null],
  array: ['x', 1, null, {}],
  object: ['x', 1, null, []],
  enum: ['nope', 42, null, ''],
  value: [true, [], {}, { value: 1 }],
  scroll: ['0', -1, 1e10, null],
};

interface Fixture {
  dir: string;
  docId: string;
  docLength: number;
  codeId: string;
  otherCodeId: string;
  folderId: string;
  childOfFolder: string;
  myCodingId: string;
  myMemoId: string;
  theirCodingId: string;
  amaraId: string;
  tomId: string;
  elsewhere: string;
}

type Case = { label: string; input: unknown; codes?: AppErrorCode[]; field?: string };

interface Spec {
  /** A well-formed request, which the cases break. Channels that take no input have none. */
  valid?: (f: Fixture) => Record<string, unknown>;
  /** Field paths ("spans.0.start") and their kinds; optional fields are not left out. */
  fields?: Record<string, Kind>;
  optional?: string[];
  /** Requests well-formed in shape that name what is not there or break a rule of the data. */
  semantic?: (f: Fixture) => Case[];
}

const UNKNOWN = 'no-such-id';

const specs: Partial<Record<Channel, Spec>> = {
  'app.setCoderName': { valid: () => ({ name: 'Someone' }), fields: { name: 'name' } },
  'project.open': {
    valid: (f) => ({ path: f.dir }),
    fields: { path: 'path' },
    semantic: (f) => [{ label: 'a folder that is not a project', input: { path: f.elsewhere }, codes: ['INVALID_INPUT'] }],
  },
  'project.create': {
    valid: (f) => ({ path: join(f.elsewhere, 'new'), name: 'New', template: 'empty' }),
    fields: { path: 'path', name: 'name', template: 'enum' },
    semantic: (f) => [{ label: 'a folder that holds a project', input: { path: f.dir, name: 'New', template: 'empty' }, codes: ['ALREADY_EXISTS'] }],
  },
  'project.openSample': {},
  'project.restoreBackup': {
    valid: (f) => ({ path: f.dir, file: 'project.json' }),
    fields: { path: 'path', file: 'enum', backup: 'enum' },
    optional: ['backup'],
    semantic: (f) => [
      { label: 'a file outside the project', input: { path: f.dir, file: '../../etc/passwd' } },
      { label: 'a transcript', input: { path: f.dir, file: `sources/${f.docId}.txt` } },
      { label: 'a backup path that leaves backups/', input: { path: f.dir, file: 'project.json', backup: '../project.json' } },
      { label: 'the open project, which is sound', input: { path: f.dir, file: 'project.json' }, codes: ['INVALID_INPUT'] },
      { label: 'a folder that is not a project', input: { path: f.elsewhere, file: 'project.json' }, codes: ['INVALID_INPUT', 'NOT_FOUND'] },
    ],
  },
  'project.repairStrayFiles': {
    valid: () => ({ action: 'reattach' }),
    fields: { action: 'enum' },
    semantic: () => [{ label: 'a project with no stray files', input: { action: 'setAside' }, codes: ['INVALID_INPUT'] }],
  },
  'project.close': {},
  'workspace.update': {
    valid: () => ({ scrollTop: 10 }),
    fields: { lastDocumentId: 'nullableId', scrollTop: 'scroll', quickCodes: 'array' },
    optional: ['lastDocumentId', 'scrollTop', 'quickCodes'],
    semantic: () => [{ label: 'ten quick codes', input: { quickCodes: Array.from({ length: 10 }, (_, i) => `c${i}`) } }],
  },
  'coding.apply': {
    valid: (f) => ({ documentId: f.docId, codeId: f.codeId, start: 10, end: 20 }),
    fields: { documentId: 'id', codeId: 'id', start: 'offset', end: 'offset' },
    semantic: (f) => [
      { label: 'an unknown document', input: { documentId: UNKNOWN, codeId: f.codeId, start: 0, end: 5 }, codes: ['NOT_FOUND'] },
      { label: 'an unknown code', input: { documentId: f.docId, codeId: UNKNOWN, start: 0, end: 5 }, codes: ['NOT_FOUND'] },
      { label: 'a folder, not a code', input: { documentId: f.docId, codeId: f.folderId, start: 0, end: 5 }, codes: ['INVALID_INPUT'] },
      { label: 'end = start', input: { documentId: f.docId, codeId: f.codeId, start: 7, end: 7 } },
      { label: 'end < start', input: { documentId: f.docId, codeId: f.codeId, start: 9, end: 3 } },
      { label: 'end past the document', input: { documentId: f.docId, codeId: f.codeId, start: 0, end: f.docLength + 1 }, codes: ['INVALID_INPUT'] },
      { label: 'wholly past the document', input: { documentId: f.docId, codeId: f.codeId, start: f.docLength, end: f.docLength + 9 }, codes: ['INVALID_INPUT'] },
    ],
  },
  'coding.applyMany': {
    valid: (f) => ({ codeId: f.codeId, spans: [{ documentId: f.docId, start: 10, end: 20 }] }),
    fields: { codeId: 'id', spans: 'array', 'spans.0': 'object', 'spans.0.documentId': 'id', 'spans.0.start': 'offset', 'spans.0.end': 'offset' },
    semantic: (f) => [
      { label: 'no spans', input: { codeId: f.codeId, spans: [] } },
      { label: 'an unknown document among good spans', input: { codeId: f.codeId, spans: [{ documentId: f.docId, start: 1, end: 4 }, { documentId: UNKNOWN, start: 0, end: 5 }] }, codes: ['NOT_FOUND'] },
      { label: 'one span past the document among good ones', input: { codeId: f.codeId, spans: [{ documentId: f.docId, start: 1, end: 4 }, { documentId: f.docId, start: 0, end: f.docLength + 1 }] }, codes: ['INVALID_INPUT'] },
      { label: 'an unknown code', input: { codeId: UNKNOWN, spans: [{ documentId: f.docId, start: 1, end: 4 }] }, codes: ['NOT_FOUND'] },
      { label: 'a span with end < start', input: { codeId: f.codeId, spans: [{ documentId: f.docId, start: 5, end: 4 }] } },
    ],
  },
  'coding.remove': {
    valid: (f) => ({ codingId: f.myCodingId }),
    fields: { codingId: 'id' },
    semantic: (f) => [
      { label: 'an unknown coding', input: { codingId: UNKNOWN }, codes: ['NOT_FOUND'] },
      { label: "another coder's coding", input: { codingId: f.theirCodingId }, codes: ['NOT_FOUND'] },
    ],
  },
  'coding.autocode': {
    valid: (f) => ({ query: 'the', caseSensitive: false, wholeWord: true, pattern: false, attributes: {}, unit: 'sentence', codeId: f.codeId }),
    fields: { query: 'text', caseSensitive: 'bool', wholeWord: 'bool', pattern: 'bool', attributes: 'object', unit: 'enum', codeId: 'id' },
    optional: ['pattern'],
    semantic: (f) => {
      const valid = { query: 'the', caseSensitive: false, wholeWord: true, attributes: {}, unit: 'sentence', codeId: f.codeId };
      return [
        { label: 'an unknown code', input: { ...valid, codeId: UNKNOWN }, codes: ['NOT_FOUND'] },
        { label: 'a folder, not a code', input: { ...valid, codeId: f.folderId } },
        { label: 'a broken pattern', input: { ...valid, query: 'the (', pattern: true } },
        { label: 'a search that matches nothing', input: { ...valid, query: 'zzqxv' } },
      ];
    },
  },
  'coding.codeQuery': {
    valid: (f) => ({ query: '"Tackling stigma"', codeId: f.codeId }),
    fields: { query: 'text', codeId: 'id' },
    semantic: (f) => [
      { label: 'an unknown code', input: { query: '"Tackling stigma"', codeId: UNKNOWN }, codes: ['NOT_FOUND'] },
      { label: 'a folder, not a code', input: { query: '"Tackling stigma"', codeId: f.folderId } },
      { label: 'a query naming no code', input: { query: 'Nothing by this name', codeId: f.codeId } },
      { label: 'a query that cannot be parsed', input: { query: '"Tackling stigma" NEAR "Zero suicide"', codeId: f.codeId } },
      { label: 'a query that finds nothing', input: { query: '"Tackling stigma" AND NOT "Tackling stigma"', codeId: f.codeId } },
    ],
  },
  'query.save': { valid: () => ({ name: 'Kept', query: '"Tackling stigma"' }), fields: { name: 'name', query: 'text' } },
  'query.update': {
    valid: () => ({ queryId: UNKNOWN, name: 'Renamed' }),
    fields: { queryId: 'id', name: 'name', query: 'text' },
    optional: ['name', 'query'],
    semantic: () => [{ label: 'an unknown query', input: { queryId: UNKNOWN, name: 'Renamed' }, codes: ['NOT_FOUND'] }],
  },
  'query.delete': { valid: () => ({ queryId: UNKNOWN }), fields: { queryId: 'id' }, semantic: () => [{ label: 'an unknown query', input: { queryId: UNKNOWN }, codes: ['NOT_FOUND'] }] },
  'coding.createCodeAndApply': {
    valid: (f) => ({ name: 'Made while coding', documentId: f.docId, start: 10, end: 20 }),
    fields: { name: 'text', documentId: 'id', start: 'offset', end: 'offset' },
    semantic: (f) => [
      { label: 'an unknown document', input: { name: 'New', documentId: UNKNOWN, start: 0, end: 5 }, codes: ['NOT_FOUND'] },
      { label: 'a span past the document', input: { name: 'New', documentId: f.docId, start: 0, end: f.docLength + 1 } },
      { label: 'an empty part of a path', input: { name: 'New//Child', documentId: f.docId, start: 0, end: 5 } },
      { label: 'a part over 200 characters', input: { name: `New/${'x'.repeat(201)}`, documentId: f.docId, start: 0, end: 5 } },
      { label: 'a code that exists there', input: { name: 'A folder', documentId: f.docId, start: 0, end: 5 }, codes: ['ALREADY_EXISTS'] },
      { label: 'end = start', input: { name: 'New', documentId: f.docId, start: 7, end: 7 } },
    ],
  },
  'coding.inVivo': {
    valid: (f) => ({ documentId: f.docId, start: 10, end: 20 }),
    fields: { documentId: 'id', start: 'offset', end: 'offset' },
    semantic: (f) => [
      { label: 'an unknown document', input: { documentId: UNKNOWN, start: 0, end: 5 }, codes: ['NOT_FOUND'] },
      { label: 'a span past the document', input: { documentId: f.docId, start: 0, end: f.docLength + 1 } },
      { label: 'end < start', input: { documentId: f.docId, start: 9, end: 3 } },
    ],
  },
  'coding.setExtent': {
    valid: (f) => ({ codingId: f.myCodingId, start: 1, end: 9 }),
    fields: { codingId: 'id', start: 'offset', end: 'offset' },
    semantic: (f) => [
      { label: 'an unknown coding', input: { codingId: UNKNOWN, start: 1, end: 9 }, codes: ['NOT_FOUND'] },
      { label: "another coder's coding", input: { codingId: f.theirCodingId, start: 1, end: 9 }, codes: ['NOT_FOUND'] },
      { label: 'end past the document', input: { codingId: f.myCodingId, start: 1, end: f.docLength + 1 }, codes: ['INVALID_INPUT'] },
      { label: 'end = start', input: { codingId: f.myCodingId, start: 4, end: 4 } },
    ],
  },
  'code.create': {
    valid: () => ({ name: 'Brand new', parentId: null }),
    fields: { name: 'name', parentId: 'nullableId', color: 'color', codable: 'bool' },
    optional: ['color', 'codable'],
    semantic: (f) => [
      { label: 'an unknown parent', input: { name: 'Brand new', parentId: UNKNOWN }, codes: ['NOT_FOUND'] },
      { label: 'the name of a sibling', input: { name: 'A folder', parentId: null, _sibling: f.folderId }, codes: ['INVALID_INPUT'] },
    ],
  },
  'code.update': {
    valid: (f) => ({ codeId: f.codeId, name: 'Renamed', description: { definition: 'New' } }),
    fields: { codeId: 'id', name: 'name', color: 'color', description: 'object', 'description.definition': 'text' },
    optional: ['name', 'color', 'description', 'description.definition'],
    semantic: (f) => [
      { label: 'an unknown code', input: { codeId: UNKNOWN, name: 'Renamed' }, codes: ['NOT_FOUND'] },
      { label: 'an unknown description field', input: { codeId: f.codeId, description: { mood: 'x' } } },
    ],
  },
  'code.delete': {
    valid: (f) => ({ codeId: f.codeId }),
    fields: { codeId: 'id' },
    semantic: () => [{ label: 'an unknown code', input: { codeId: UNKNOWN }, codes: ['NOT_FOUND'] }],
  },
  'code.merge': {
    valid: (f) => ({ sourceId: f.codeId, targetId: f.otherCodeId }),
    fields: { sourceId: 'id', targetId: 'id' },
    semantic: (f) => [
      { label: 'an unknown source', input: { sourceId: UNKNOWN, targetId: f.otherCodeId }, codes: ['NOT_FOUND'] },
      { label: 'an unknown target', input: { sourceId: f.codeId, targetId: UNKNOWN }, codes: ['NOT_FOUND'] },
      { label: 'into itself', input: { sourceId: f.codeId, targetId: f.codeId }, codes: ['INVALID_INPUT'] },
      { label: 'into a folder', input: { sourceId: f.codeId, targetId: f.folderId }, codes: ['INVALID_INPUT'] },
      { label: 'into its own sub-code', input: { sourceId: f.folderId, targetId: f.childOfFolder }, codes: ['INVALID_INPUT'] },
    ],
  },
  'code.move': {
    valid: (f) => ({ codeId: f.codeId, parentId: null, index: 0 }),
    fields: { codeId: 'id', parentId: 'nullableId', index: 'index' },
    semantic: (f) => [
      { label: 'an unknown code', input: { codeId: UNKNOWN, parentId: null, index: 0 }, codes: ['NOT_FOUND'] },
      { label: 'an unknown parent', input: { codeId: f.codeId, parentId: UNKNOWN, index: 0 }, codes: ['NOT_FOUND'] },
      { label: 'into itself', input: { codeId: f.folderId, parentId: f.folderId, index: 0 }, codes: ['INVALID_INPUT'] },
      { label: 'into its own sub-code', input: { codeId: f.folderId, parentId: f.childOfFolder, index: 0 }, codes: ['INVALID_INPUT'] },
    ],
  },
  'memo.create': {
    valid: (f) => ({ target: { type: 'document', id: f.docId }, text: 'A memo' }),
    fields: { target: 'object', 'target.type': 'enum', 'target.id': 'id', text: 'text' },
    semantic: (f) => [
      { label: 'a project target with an id', input: { target: { type: 'project', id: f.docId }, text: 'x' } },
      { label: 'an unknown document', input: { target: { type: 'document', id: UNKNOWN }, text: 'x' }, codes: ['NOT_FOUND'] },
      { label: 'an unknown code', input: { target: { type: 'code', id: UNKNOWN }, text: 'x' }, codes: ['NOT_FOUND'] },
      { label: 'an unknown coding', input: { target: { type: 'coding', id: UNKNOWN }, text: 'x' }, codes: ['NOT_FOUND'] },
      { label: 'a target id of the wrong form', input: { target: { type: 'code', id: 'a/b' }, text: 'x' } },
      { label: 'a memo over a million characters', input: { target: { type: 'document', id: f.docId }, text: 'x'.repeat(1_000_001) } },
    ],
  },
  'memo.update': {
    valid: (f) => ({ memoId: f.myMemoId, text: 'Edited' }),
    fields: { memoId: 'id', text: 'text' },
    semantic: () => [{ label: 'an unknown memo', input: { memoId: UNKNOWN, text: 'x' }, codes: ['NOT_FOUND'] }],
  },
  'memo.delete': {
    valid: (f) => ({ memoId: f.myMemoId }),
    fields: { memoId: 'id' },
    semantic: () => [{ label: 'an unknown memo', input: { memoId: UNKNOWN }, codes: ['NOT_FOUND'] }],
  },
  'attribute.define': {
    valid: () => ({ name: 'Season', type: 'text' }),
    fields: { name: 'name', type: 'enum' },
    semantic: () => [{ label: 'a name in use', input: { name: 'borough', type: 'text' }, codes: ['ALREADY_EXISTS'] }],
  },
  'attribute.delete': {
    valid: () => ({ name: 'Borough' }),
    fields: { name: 'path' },
    semantic: () => [{ label: 'an unknown attribute', input: { name: 'Season' }, codes: ['NOT_FOUND'] }],
  },
  'attribute.setColumn': {
    valid: (f) => ({ name: 'Participants', values: [{ documentId: f.docId, value: 3 }] }),
    fields: { name: 'path', values: 'array', 'values.0': 'object', 'values.0.documentId': 'id', 'values.0.value': 'value' },
    semantic: (f) => [
      { label: 'an unknown document', input: { name: 'Participants', values: [{ documentId: UNKNOWN, value: 3 }] }, codes: ['NOT_FOUND'] },
      { label: 'a value of the wrong type', input: { name: 'Participants', values: [{ documentId: f.docId, value: 'many' }] }, codes: ['INVALID_INPUT'] },
      { label: 'no values', input: { name: 'Participants', values: [] } },
    ],
  },
  'document.setAttribute': {
    valid: (f) => ({ documentId: f.docId, name: 'Participants', value: 3 }),
    fields: { documentId: 'id', name: 'path', value: 'value' },
    semantic: (f) => [
      { label: 'an unknown document', input: { documentId: UNKNOWN, name: 'Participants', value: 3 }, codes: ['NOT_FOUND'] },
      { label: 'an unknown attribute', input: { documentId: f.docId, name: 'Season', value: 'spring' }, codes: ['NOT_FOUND'] },
      { label: 'words for a number', input: { documentId: f.docId, name: 'Participants', value: 'lots' }, codes: ['INVALID_INPUT'] },
      { label: 'an impossible date', input: { documentId: f.docId, name: 'Date', value: '2017-13-45' }, codes: ['INVALID_INPUT'] },
      { label: 'a number for a date', input: { documentId: f.docId, name: 'Date', value: 20170502 }, codes: ['INVALID_INPUT'] },
    ],
  },
  'document.rename': {
    valid: () => ({ documentId: UNKNOWN, name: 'Renamed' }),
    fields: { documentId: 'id', name: 'path' },
    semantic: () => [{ label: 'an unknown document', input: { documentId: UNKNOWN, name: 'Renamed' }, codes: ['NOT_FOUND'] }],
  },
  'document.delete': {
    valid: () => ({ documentIds: [UNKNOWN] }),
    fields: { documentIds: 'array', 'documentIds.0': 'id' },
    semantic: (f) => [
      { label: 'an unknown document', input: { documentIds: [UNKNOWN] }, codes: ['NOT_FOUND'] },
      { label: 'an unknown document beside a known one', input: { documentIds: [f.docId, UNKNOWN] }, codes: ['NOT_FOUND'] },
      { label: 'no documents', input: { documentIds: [] } },
    ],
  },
  'document.setDone': {
    valid: () => ({ documentId: UNKNOWN, done: true }),
    fields: { documentId: 'id', done: 'bool' },
    semantic: () => [{ label: 'an unknown document', input: { documentId: UNKNOWN, done: true }, codes: ['NOT_FOUND'] }],
  },
  'agreement.startConsensus': {
    // An unknown coder: a request that passes validation changes nothing (codeIds and documentIds may be null).
    valid: (f) => ({ coderA: f.amaraId, coderB: UNKNOWN, codeIds: null, documentIds: null, attributes: {}, allDocuments: false }),
    fields: { coderA: 'id', coderB: 'id', attributes: 'object' },
    semantic: (f) => [{ label: 'an unknown coder', input: { coderA: f.amaraId, coderB: UNKNOWN, codeIds: null, documentIds: null, attributes: {}, allDocuments: false }, codes: ['NOT_FOUND'] }],
  },
  'set.create': {
    valid: () => ({ name: 'Group', documentIds: [UNKNOWN] }),
    fields: { name: 'name', documentIds: 'array' },
    optional: ['documentIds'],
    semantic: () => [{ label: 'an unknown document', input: { name: 'Group', documentIds: [UNKNOWN] }, codes: ['NOT_FOUND'] }],
  },
  'coder.rename': {
    valid: () => ({ coderId: UNKNOWN, name: 'Renamed' }),
    fields: { coderId: 'id', name: 'name' },
    semantic: () => [{ label: 'an unknown coder', input: { coderId: UNKNOWN, name: 'Renamed' }, codes: ['NOT_FOUND'] }],
  },
  'set.rename': {
    valid: () => ({ setId: UNKNOWN, name: 'Renamed' }),
    fields: { setId: 'id', name: 'name' },
    semantic: () => [{ label: 'an unknown set', input: { setId: UNKNOWN, name: 'Renamed' }, codes: ['NOT_FOUND'] }],
  },
  'set.delete': {
    valid: () => ({ setId: UNKNOWN }),
    fields: { setId: 'id' },
    semantic: () => [{ label: 'an unknown set', input: { setId: UNKNOWN }, codes: ['NOT_FOUND'] }],
  },
  'set.members': {
    valid: (f) => ({ setId: UNKNOWN, documentIds: [f.docId], member: true }),
    fields: { setId: 'id', documentIds: 'array', member: 'bool' },
    semantic: (f) => [
      { label: 'an unknown set', input: { setId: UNKNOWN, documentIds: [f.docId], member: true }, codes: ['NOT_FOUND'] },
      { label: 'no documents', input: { setId: UNKNOWN, documentIds: [], member: true } },
    ],
  },
  'history.undo': {},
  'history.redo': { semantic: () => [{ label: 'nothing to redo', input: {}, codes: ['INVALID_INPUT'] }] },
  'agreement.resolve': {
    valid: (f) => ({ coderA: f.amaraId, coderB: f.tomId, codeId: f.codeId, documentId: f.docId, start: 0, end: 10, choice: 'A', note: '' }),
    fields: { coderA: 'id', coderB: 'id', codeId: 'id', documentId: 'id', start: 'offset', end: 'offset', choice: 'enum', note: 'text' },
    semantic: (f) => {
      const base = { coderA: f.amaraId, coderB: f.tomId, codeId: f.codeId, documentId: f.docId, choice: 'A', note: '' };
      return [
        { label: 'an unknown coder', input: { ...base, coderA: UNKNOWN, start: 0, end: 10 }, codes: ['NOT_FOUND'] },
        { label: 'no disagreement there', input: { ...base, start: 0, end: 1 }, codes: ['NOT_FOUND'] },
        { label: 'end < start', input: { ...base, start: 10, end: 2 } },
      ];
    },
  },
  'exchange.importCoder': {
    valid: () => ({ fileName: 'tom.json', content: '{}' }),
    fields: { fileName: 'path', content: 'path' },
    semantic: () => [
      { label: 'a cut-short file', input: { fileName: 'tom.json', content: '{"format": "marginalia-coder", "vers' }, codes: ['DAMAGED_FILE'] },
      { label: 'a file of another kind', input: { fileName: 'tom.json', content: '{"format": "other"}' }, codes: ['DAMAGED_FILE'] },
      { label: 'random bytes', input: { fileName: 'tom.json', content: '\u0000\u00ff\u1234garbage' }, codes: ['DAMAGED_FILE'] },
    ],
  },
  'exchange.importProject': {
    valid: (f) => ({ path: f.elsewhere }),
    fields: { path: 'path' },
    semantic: (f) => [{ label: 'a folder that is not a project', input: { path: f.elsewhere }, codes: ['INVALID_INPUT'] }],
  },
  'import.stage': { valid: () => ({ fileName: 'a.txt', base64: 'aGk=' }), fields: { fileName: 'path', base64: 'text' } },
  'import.run': {
    valid: (f) => ({ items: [{ source: { path: join(f.elsewhere, 'a.txt') }, options: {} }] }),
    fields: { items: 'array', 'items.0': 'object', 'items.0.source': 'object', 'items.0.options': 'object', 'items.0.options.speakers': 'enum' },
    optional: ['items.0.options.speakers'],
    semantic: () => [{ label: 'no items', input: { items: [] } }],
  },
};

function clone<T>(value: T): T {
  return structuredClone(value);
}

function setPath(target: Record<string, unknown>, path: string, value: unknown, remove = false): Record<string, unknown> {
  const copy = clone(target);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  if (remove) delete node[keys[keys.length - 1]!];
  else node[keys[keys.length - 1]!] = value;
  return copy;
}

/** Schema cases: every field missing, of each wrong type, and the request with one field too many or of the wrong type. */
function generated(spec: Spec, f: Fixture): Case[] {
  const cases: Case[] = [];
  const wholeWrong: unknown[] = ['a string', 42, [], true];
  const valid = spec.valid?.(f);
  if (!valid) {
    cases.push({ label: 'an extra field', input: { unexpected: true }, field: 'request' });
    for (const input of wholeWrong) cases.push({ label: `a request of ${JSON.stringify(input)}`, input, field: 'request' });
    return cases;
  }
  cases.push({ label: 'an extra field', input: { ...valid, unexpected: true }, field: 'request' });
  const someRequired = Object.keys(spec.fields ?? {}).some((path) => !spec.optional?.includes(path));
  // An empty request (or none) is well-formed when every field is optional.
  if (someRequired) cases.push({ label: 'an empty request', input: {} }, { label: 'no request', input: null });
  for (const input of wholeWrong) cases.push({ label: `a request of ${JSON.stringify(input)}`, input });
  for (const [path, kind] of Object.entries(spec.fields ?? {})) {
    if (!spec.optional?.includes(path)) cases.push({ label: `${path} missing`, input: setPath(valid, path, undefined, true), field: path.split('.')[0] });
    if (kind === 'object') {
      const inner = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], valid) as Record<string, unknown>;
      cases.push({ label: `an extra field in ${path}`, input: setPath(valid, path, { ...inner, unexpected: true }), field: path.split('.')[0] });
    }
    for (const wrong of wrongTypes[kind]) {
      cases.push({ label: `${path} = ${typeof wrong === 'string' && wrong.length > 20 ? `"${wrong.slice(0, 8)}…" (${wrong.length})` : String(JSON.stringify(wrong) ?? wrong)}`, input: setPath(valid, path, wrong), field: path.split('.')[0] });
    }
  }
  return cases;
}

function fixtureFrom(backend: Backend, root: string) {
  return async (): Promise<Fixture> => {
    const state = (await backend.handlers['app.getState']({})).project!;
    const doc = (await allDocuments(backend.handlers))[0]!;
    const folder = state.codebook.find((c) => !c.codable && state.codebook.some((x) => x.parentId === c.id))!;
    const childOfFolder = state.codebook.find((c) => c.parentId === folder.id)!;
    const codable = state.codebook.filter((c) => c.codable);
    const amara = state.coders.find((c) => c.name === 'Amara Okafor')!;
    const tom = state.coders.find((c) => c.name === 'Tom Reilly')!;
    const theirs = (await backend.handlers['document.codings']({ documentId: doc.id })).find((c) => c.coderId === amara.id)!;
    const coded = await backend.handlers['coding.apply']({ documentId: doc.id, codeId: codable[0]!.id, start: 0, end: 30 });
    const memo = await backend.handlers['memo.create']({ target: { type: 'document', id: doc.id }, text: 'Mine' });
    await backend.handlers['code.create']({ name: 'A folder', parentId: null, codable: false });
    return {
      dir: join(root, SAMPLE_PATH),
      docId: doc.id,
      docLength: doc.length,
      codeId: codable[0]!.id,
      otherCodeId: codable[1]!.id,
      folderId: folder.id,
      childOfFolder: childOfFolder.id,
      myCodingId: coded.createdIds[0]!,
      myMemoId: memo.createdIds[0]!,
      theirCodingId: theirs.id,
      amaraId: amara.id,
      tomId: tom.id,
      elsewhere: root,
    };
  };
}

describe('malformed requests change nothing', () => {
  let backend: Backend;
  let f: Fixture;
  let before: Record<string, string>;
  let root: string;

  // One project for every case (each case must leave it as it was), removed at the end.
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'marginalia-api-'));
    backend = await sampleBackend(root);
    f = await fixtureFrom(backend, root)();
    await backend.handlers['history.state']({});
    await firstBackupSetWritten(f.dir);
    before = await fileHashes(f.dir);
  });
  afterAll(async () => {
    await backend.shutdown();
    await rm(root, { recursive: true, force: true });
  });

  it('has a table entry for every channel that changes anything', () => {
    // Changes as the contract declares them, and the one job that changes the project (an import).
    const changing = channels.filter((c) => channelKind(c) === 'change' || c === 'import.run' || c === 'import.stage');
    expect(changing.filter((c) => !(c in specs))).toEqual([]);
  });

  for (const channel of Object.keys(specs) as Channel[]) {
    it(`${channel}: refuses each malformed request with a clear error`, async () => {
      const spec = specs[channel]!;
      const cases = [...generated(spec, f), ...(spec.semantic?.(f) ?? [])];
      const outcomes: string[] = [];
      for (const c of cases) {
        const reply = await dispatch(backend.handlers, channel, c.input);
        if (channel === 'import.run' && reply.ok) {
          // An import reports per file; a file that cannot be read fails alone.
          const value = reply.value as { results: { status: string; message: string }[] };
          expect(value.results.every((r) => r.status === 'failed' && r.message.length > 10), c.label).toBe(true);
          continue;
        }
        expect(reply.ok, `${channel} accepted ${c.label}`).toBe(false);
        if (reply.ok) continue;
        const { code, message } = reply.error;
        outcomes.push(`${c.label} → ${code}`);
        expect(c.codes ?? ['INVALID_INPUT'], `${channel}, ${c.label}: ${code} ${message}`).toContain(code);
        expect(message.length, `${channel}, ${c.label}`).toBeGreaterThan(15);
        expect(message).not.toMatch(/\[object Object\]|undefined|is not a function|Cannot read/);
        if (c.field) {
          expect(message.startsWith(`Invalid request for ${channel}: `), `${c.label}: ${message}`).toBe(true);
          expect(message, c.label).toContain(`${c.field}`);
        }
      }
      expect(outcomes.length + (channel === 'import.run' ? 1 : 0)).toBeGreaterThan(0);
      expect(await fileHashes(f.dir), `${channel} changed a file of the project`).toEqual(before);
    });
  }

  it('refuses every span that is not inside its document, for any numbers at all (property)', async () => {
    const number = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: false }), fc.constantFrom(f.docLength, f.docLength + 1, 2 ** 31, -0.5));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom<Channel>('coding.apply', 'coding.setExtent', 'coding.applyMany'), number, number, async (channel, start, end) => {
        fc.pre(!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= f.docLength));
        const input =
          channel === 'coding.apply'
            ? { documentId: f.docId, codeId: f.codeId, start, end }
            : channel === 'coding.setExtent'
              ? { codingId: f.myCodingId, start, end }
              : { codeId: f.codeId, spans: [{ documentId: f.docId, start, end }] };
        const reply = await dispatch(backend.handlers, channel, input);
        expect(reply.ok).toBe(false);
        if (!reply.ok) expect(reply.error.code).toBe('INVALID_INPUT');
      }),
      { numRuns: 300, seed: 8 },
    );
    expect(await fileHashes(f.dir)).toEqual(before);
  });

  it('is still working normally after all that', async () => {
    const result = await backend.handlers['coding.apply']({ documentId: f.docId, codeId: f.codeId, start: 40, end: 50 });
    expect(result.createdIds).toHaveLength(1);
  });
});
