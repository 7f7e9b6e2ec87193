import { AppError } from '../../../../shared/api/errors';
import { cleanName } from '../../../../shared/domain/names';
import { nextCodeColor } from '../../../../shared/domain/codebook';
import { dictionary } from '../../../../shared/domain/dictionary';
import { parseCodeDescription } from '../../../../shared/export/code-description';
import { added, removed, updated } from '../../../../shared/domain/patch';
import type { Change, CoderChanges, Patch } from '../../../../shared/domain/patch';
import type { AttributeDef, AttributeType, AttributeValue, Code, Coding, DocumentMeta, Memo, MemoTarget } from '../../../../shared/domain/schemas';
import { checkAttributeValue } from '../../../../shared/operations/attribute-ops';
import { newCoder } from '../../../../shared/operations/coder-ops';
import { nextRank } from '../../../../shared/operations/context';
import type { OperationContext } from '../../../../shared/operations/context';
import { addDocuments } from '../../../../shared/operations/document-ops';
import { plural } from '../../../../shared/text/plural';
import { detectSpeakerPattern, splitTurns } from '../../../../shared/text/turns';
import { hashText, planSource } from '../../project/source-files';
import type { PlannedSource } from '../../project/source-files';
import { readArchive } from '../archive';
import type { ArchiveEntries } from '../archive';
import { codingUser, codingsWithOtherUser, otherUserWarning } from './coding-users';
import type { CoderFrom } from './coding-users';
import { importedDescription } from './project-description';
import { ImportError } from '../types';
import type { SourceFile } from '../types';
import { decodeXmlBytes } from '../xml-text';
import { SourcePositions, chooseScheme } from './offsets';
import type { OffsetScheme, SchemeDecision } from './offsets';
import { parseQdc, parseQde } from './parse-qde';
import type { RefiCode, RefiCoding, RefiNote, RefiProject, RefiSelection, RefiTextSource, RefiVariableValue } from './parse-qde';

/**
 * Importing a REFI-QDA project (.qdpx, or a bare project.qde) or codebook (.qdc) into an open
 * project, new or already in use. The file is read and checked first; then everything it brings
 * (codes, attribute definitions, documents, coders, codings, memos, values) is planned as one
 * patch, applied in one step: undoing the import removes exactly what it added. Nothing the
 * project already holds is changed: codes with the same name at the same level are reused, a
 * text already in the project is not added twice (its codings land on the existing document),
 * and codings and memos already present are not duplicated. A file's own codings are kept as the
 * file has them, even where one coder's codings at a code overlap (the report counts them).
 */

export interface RefiImportOptions {
  /** Merge a coder's overlapping codings at one code into one, as coding in Marginalia does. */
  mergeOverlaps?: boolean;
  /** Whose a coding is when its selection names another user (see coding-users.ts). Default 'selection'. */
  coderFrom?: CoderFrom;
}

/** What importing a REFI-QDA file will do: its report, the one patch, and the transcripts to write first. */
export interface RefiImportPlan {
  report: RefiImportReport;
  patch: Patch;
  sources: PlannedSource[];
}

export type RefiItemKind =
  | 'source'
  | 'selection'
  | 'coding'
  | 'code'
  | 'note'
  | 'description'
  | 'user'
  | 'variable'
  | 'value'
  | 'case'
  | 'set'
  | 'link'
  | 'graph';

/** Something in the export that did not make it into the project, and why. */
export interface RefiNotImported {
  kind: RefiItemKind;
  /** Its name in the export, or a short description of it. */
  name: string;
  /** The source it belongs to (selections, codings, values). */
  source?: string;
  /** The code it applies (codings), as a path "Parent › Child". */
  code?: string;
  reason: string;
}

export interface RefiImportReport {
  file: string;
  /** The exporting program, as the export names it. */
  origin: string | null;
  /** How selection positions were read; null when there was nothing to place. */
  offsets: (OffsetScheme & Pick<SchemeDecision, 'decidedBy' | 'explanation'>) | null;
  counts: {
    /** Documents added. */
    sources: number;
    /** Sources whose text the project already had: not added again; their codings went to the existing document. */
    duplicateSources: number;
    /** Codes created. */
    codes: number;
    /** Codes of the export matched to a code of the same name at the same level. */
    codesReused: number;
    /** Coders created. */
    coders: number;
    /** Coders of the project the import added to (same name as a REFI user). */
    codersReused: number;
    /** Codings added. */
    codings: number;
    /** Codings the project already had, exactly (same coder, document, code and span). */
    codingsAlreadyPresent: number;
    /** Codings of the export whose own user differs from their selection's (decided by `coderFrom`). */
    codingsWithOtherUser: number;
    /** Codings that overlap another of the same coder at the same code (kept unless merging was asked for). */
    codingsOverlapping: number;
    /** Memos added. */
    memos: number;
    /** Attributes defined. */
    attributes: number;
    /** Attribute values set on documents. */
    attributeValues: number;
  };
  documents: { name: string; documentId: string; duplicate: boolean }[];
  coders: { name: string; coderId: string; created: boolean }[];
  notImported: RefiNotImported[];
  /** Things imported differently from how the export had them (a note kept as a project memo…). */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// The container: a .qdpx archive, or a bare .qde/.qdc.

interface Container {
  /** The .qde inside the archive, for messages; undefined for a bare XML file. */
  part?: string;
  xml: string;
  /** Finds a file the XML refers to (internal://…, or a bare relative name). */
  resolve(path: string): { bytes?: Uint8Array; external: boolean };
}

function looksLikeXml(bytes: Uint8Array): boolean {
  return decodeXmlBytes(bytes.subarray(0, 64)).replace(/^\ufeff/, '').trimStart().startsWith('<');
}

const isJunk = (name: string) => /(^|\/)__MACOSX\//i.test(name) || /(^|\/)\._/.test(name);
const depth = (name: string) => name.split('/').length - 1;

async function openContainer(file: SourceFile, kind: 'project' | 'codebook'): Promise<Container> {
  if (looksLikeXml(file.bytes)) {
    return { xml: decodeXmlBytes(file.bytes), resolve: () => ({ external: false }) };
  }
  const entries: ArchiveEntries = await readArchive(file, {
    wanted: (name) => !isJunk(name) && (/\.qde$/i.test(name) ? depth(name) <= 1 : kind === 'project' && /\.txt$/i.test(name)),
  });
  const qdes = [...entries.keys()].filter((n) => /\.qde$/i.test(n) && !isJunk(n));
  // The .qde at the root; failing that, one folder down (an export zipped with its folder).
  let found = qdes.filter((n) => depth(n) === 0);
  if (found.length === 0) found = qdes.filter((n) => depth(n) === 1);
  if (found.length === 0) {
    throw new ImportError(file.name, 'contains no project.qde, so it is not a REFI-QDA project export (.qdpx)');
  }
  if (found.length > 1) {
    throw new ImportError(
      file.name,
      `contains ${found.length} project files (${found.join(', ')}); a REFI-QDA export has exactly one, so it is not clear which to import`,
    );
  }
  const part = found[0]!;
  const base = part.slice(0, part.lastIndexOf('/') + 1);
  const index = new Map<string, string>();
  for (const name of entries.keys()) index.set(name.normalize('NFC').toLowerCase(), name);
  const lookup = (path: string) => {
    const key = index.get(path.normalize('NFC').toLowerCase());
    return key === undefined ? undefined : entries.get(key);
  };
  return {
    part,
    xml: decodeXmlBytes(entries.get(part)!),
    resolve(path) {
      const url = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(path.trim());
      if (url && url[1]!.toLowerCase() !== 'internal') return { external: true };
      const bare = (url ? url[2]! : path.trim()).replace(/\\/g, '/').replace(/^\/+/, '');
      const names = [bare];
      try {
        const decoded = decodeURIComponent(bare);
        if (decoded !== bare) names.push(decoded);
      } catch {
        // Not percent-encoded: the name as written is all there is.
      }
      for (const name of names) {
        for (const candidate of [`${base}sources/${name}`, `${base}${name}`, `sources/${name}`, name]) {
          const bytes = lookup(candidate);
          if (bytes) return { bytes, external: false };
        }
      }
      return { external: false };
    },
  };
}

/** Plain text as REFI-QDA ships it: UTF-8 (a BOM is allowed), or UTF-16 when a BOM says so. */
function decodeSourceText(bytes: Uint8Array): { text: string; warning?: string } | { error: string } {
  let text: string;
  let warning: string | undefined;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  } else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
      warning = 'is not valid UTF-8: characters that could not be read are shown as �, and selections after them may be shifted';
    }
  }
  if (text.includes('\0')) return { error: 'its text file holds binary data, not text' };
  return warning ? { text, warning } : { text };
}

// ---------------------------------------------------------------------------------------------
// Small helpers.

/** A name as we keep it: NFC (ATLAS.ti on macOS writes decomposed accents), single spaces. */
const clean = (s: string | undefined) => cleanName((s ?? '').normalize('NFC').replace(/\s+/g, ' ')).trim();
const clip = (s: string, max: number) => (Array.from(s).length > max ? `${Array.from(s).slice(0, max - 1).join('')}…` : s);

/** `#RGB` or `#RRGGBB` as `#rrggbb`; anything else undefined. */
export function refiColor(color: string | undefined): string | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? '').trim());
  if (!match) return undefined;
  const hex = match[1]!.toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
}

/** An xsd:dateTime as an ISO timestamp with offset; a time without a zone is read as UTC. */
function isoTime(value: string | undefined): string | undefined {
  const text = (value ?? '').trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`;
  const time = Date.parse(zoned);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** "NVivo for Windows 12.6" → "NVivo"; "ATLAS.ti 8.4.0 573 , macOS…" → "ATLAS.ti". */
export function vendorName(origin: string | undefined): string {
  const text = clean(origin);
  const known: [RegExp, string][] = [
    [/^marginalia\b/i, 'Marginalia'],
    [/nvivo/i, 'NVivo'],
    [/atlas\.?ti/i, 'ATLAS.ti'],
    [/maxqda/i, 'MAXQDA'],
    [/qualcoder/i, 'QualCoder'],
    [/quirkos/i, 'Quirkos'],
    [/dedoose/i, 'Dedoose'],
    [/transana/i, 'Transana'],
    [/f4analyse/i, 'f4analyse'],
  ];
  const hit = known.find(([pattern]) => pattern.test(text));
  if (hit) return hit[1];
  const words: string[] = [];
  for (const word of text.split(/[\s,;()]+/)) {
    if (!word || /^v?\d/i.test(word) || words.length === 3) break;
    words.push(word);
  }
  return words.join(' ') || 'REFI-QDA';
}

function documentNameFor(source: RefiTextSource): string {
  const named = clean(source.name);
  if (named) return clip(named, 300);
  const path = (source.plainTextPath ?? '').replace(/^[a-z]+:\/\//i, '');
  const base = path.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return clip(stem || `Source ${source.guid.slice(0, 8)}`, 300);
}

const attributeTypeOf = {
  Text: 'text',
  Boolean: 'text',
  Integer: 'number',
  Float: 'number',
  Date: 'date',
  DateTime: 'date',
} as const satisfies Record<string, AttributeType>;

/** A REFI value as a value of one of our attribute types; null for no value; throws AppError when it does not fit. */
function attributeValue(v: RefiVariableValue, type: AttributeType, name: string): AttributeValue {
  const raw = v.value.trim();
  if (v.kind === null || raw === '') return null;
  let value: AttributeValue = raw;
  if (v.kind === 'Boolean') value = /^(true|1)$/i.test(raw) ? 'true' : /^(false|0)$/i.test(raw) ? 'false' : raw;
  if (type === 'number') value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : raw;
  if (type === 'date') value = /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : raw;
  return checkAttributeValue(type, name, value);
}

// ---------------------------------------------------------------------------------------------
// Planning.

class Planner {
  readonly notImported: RefiNotImported[] = [];
  readonly warnings: string[] = [];
  readonly newId: () => string;

  constructor(
    readonly ctx: OperationContext,
    readonly file: SourceFile,
  ) {
    this.newId = ctx.newId;
  }

  skip(item: RefiNotImported): void {
    const nfc = (s: string | undefined) => s?.normalize('NFC');
    this.notImported.push({
      ...item,
      name: item.name.normalize('NFC'),
      reason: item.reason.normalize('NFC'),
      ...(item.source !== undefined && { source: nfc(item.source) }),
      ...(item.code !== undefined && { code: nfc(item.code) }),
    });
  }
}

interface CodebookPlan {
  /** The codes the import creates, in order, ranked after the existing ones. */
  created: Code[];
  /** REFI code GUID → our code id. */
  codeIds: Map<string, string>;
  /** REFI code GUID → its path, for messages. */
  codePaths: Map<string, string>;
  reused: number;
}

/** New codes appended after the existing ones, parents before children; same name at the same level reuses. */
function planCodebook(existing: readonly Code[], codes: RefiCode[], newId: () => string): CodebookPlan {
  const after = [...existing];
  const plan: CodebookPlan = { created: [], codeIds: new Map(), codePaths: new Map(), reused: 0 };
  let rank = nextRank(existing);
  const visit = (list: RefiCode[], parentId: string | null, path: string[]) => {
    for (const refi of list) {
      const name = clip(clean(refi.name), 200) || 'Unnamed code';
      const key = name.toLocaleLowerCase();
      let code = after.find((c) => c.parentId === parentId && c.name.toLocaleLowerCase() === key);
      if (code) {
        plan.reused++;
      } else {
        code = {
          id: newId(),
          name,
          color: refiColor(refi.color) ?? nextCodeColor(after),
          parentId,
          codable: refi.isCodable,
          description: parseCodeDescription(refi.description),
          rank: rank++,
        };
        after.push(code);
        plan.created.push(code);
      }
      const codePath = [...path, name];
      if (refi.guid && !plan.codeIds.has(refi.guid)) {
        plan.codeIds.set(refi.guid, code.id);
        plan.codePaths.set(refi.guid, codePath.join(' › '));
      }
      visit(refi.children, code.id, codePath);
    }
  };
  visit(codes, null, []);
  return plan;
}

interface PreparedSource {
  source: RefiTextSource;
  name: string;
  positions: SourcePositions;
  hash: string;
  /** Set for a text the project (or an earlier source of this export) already has. */
  existingId?: string;
  duplicateOfName?: string;
  /** Assigned when the document is added. */
  documentId?: string;
  /** The earlier source of this export with the same text, which this one's codings join. */
  sameAs?: PreparedSource;
}

interface PlannedCoding {
  coderKey: string;
  source: PreparedSource;
  codeId: string;
  start: number;
  end: number;
  /** Given when the patch is built (or the id of the same coding already in the project). */
  codingId?: string;
}

type PlannedTarget =
  | { type: 'project' }
  | { type: 'document'; source: PreparedSource }
  | { type: 'code'; codeId: string }
  | { type: 'coding'; coding: PlannedCoding };

interface PlannedMemo {
  coderKey: string;
  target: PlannedTarget;
  text: string;
  createdAt?: string;
  updatedAt?: string;
}

/** The coder key for REFI-QDA codings and memos made by no known user. */
const vendorKey = '\0vendor';

class ProjectPlanner extends Planner {
  readonly users: Map<string, string>;
  readonly vendor: string;
  readonly prepared: PreparedSource[] = [];
  readonly codings = new Map<string, PlannedCoding>();
  /** REFI selection GUID → the planned codings it became. */
  readonly selectionCodings = new Map<string, PlannedCoding[]>();
  /** REFI coding GUID → the planned coding it became. */
  readonly codingByGuid = new Map<string, PlannedCoding>();
  readonly memos: PlannedMemo[] = [];
  readonly codebook: CodebookPlan;
  private readonly codeById: Map<string, Code>;
  decision: SchemeDecision | null = null;

  constructor(
    ctx: OperationContext,
    file: SourceFile,
    readonly project: RefiProject,
    readonly container: Container,
    readonly coderFrom: CoderFrom,
  ) {
    super(ctx, file);
    this.codebook = planCodebook(ctx.project.codebook, project.codes, this.newId);
    this.codeById = new Map([...ctx.project.codebook, ...this.codebook.created].map((c) => [c.id, c]));
    this.users = new Map(project.users.filter((u) => u.guid).map((u) => [u.guid, clip(clean(u.name), 100) || `User ${u.guid.slice(0, 8)}`]));
    this.vendor = vendorName(project.origin);
  }

  coderKey(userGuid: string | undefined): string {
    return userGuid && this.users.has(userGuid) ? userGuid : vendorKey;
  }

  coderName(key: string): string {
    return key === vendorKey ? `${this.vendor} import` : this.users.get(key)!;
  }

  codeLabel(guid: string): string {
    return this.codebook.codePaths.get(guid) ?? (guid ? `unknown code ${guid}` : 'no code');
  }

  /** Reads every text source: its text, its document name, whether the project already has it. */
  prepareSources(): void {
    const byHash = new Map(this.ctx.project.documents.map((d) => [d.hash, d]));
    const seen = new Map<string, PreparedSource>();
    for (const source of this.project.textSources) {
      const name = documentNameFor(source);
      const lost = this.lostCodings(source);
      let shipped: string | undefined;
      let missing = 'it has no text (neither a text file nor text in the project file)';
      if (source.plainTextPath) {
        const found = this.container.resolve(source.plainTextPath);
        if (found.bytes) {
          const decoded = decodeSourceText(found.bytes);
          if ('error' in decoded) missing = decoded.error;
          else {
            shipped = decoded.text;
            if (decoded.warning) this.warnings.push(`The text of “${name}” ${decoded.warning}.`);
          }
        } else {
          missing = found.external
            ? `its text is outside the export (${source.plainTextPath})`
            : `its text file (${source.plainTextPath.replace(/^internal:\/\//i, '')}) is not in the export`;
        }
      }
      if (shipped === undefined && source.plainTextContent !== undefined) shipped = source.plainTextContent;
      if (shipped === undefined) {
        this.skip({ kind: 'source', name, reason: `${missing}${lost}` });
        continue;
      }
      const positions = new SourcePositions(shipped);
      if (positions.text.trim() === '') {
        this.skip({ kind: 'source', name, reason: `its text is empty${lost}` });
        continue;
      }
      const hash = hashText(positions.text);
      const prepared: PreparedSource = { source, name, positions, hash };
      const existing = byHash.get(hash);
      const earlier = seen.get(hash);
      if (existing) {
        prepared.existingId = existing.id;
        prepared.duplicateOfName = existing.name;
      } else if (earlier) {
        prepared.sameAs = earlier;
        prepared.duplicateOfName = earlier.name;
      } else {
        seen.set(hash, prepared);
      }
      this.prepared.push(prepared);
    }
  }

  private lostCodings(source: RefiTextSource): string {
    const n = source.selections.reduce((sum, s) => sum + s.codings.length, source.codings.length);
    return n ? ` (${plural(n, 'coding')} not imported)` : '';
  }

  decideOffsets(): void {
    const evidence = this.prepared
      .filter((p) => !p.sameAs)
      .map((p) => ({
        positions: p.positions,
        selections: p.source.selections
          .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end))
          .map((s) => ({ start: s.start, end: s.end, name: s.name })),
      }));
    if (evidence.every((e) => e.selections.length === 0)) return;
    this.decision = chooseScheme(this.project.origin, evidence);
    if (this.decision.decidedBy === 'evidence') this.warnings.push(`Selection positions: ${this.decision.explanation}.`);
  }

  private planCoding(source: PreparedSource, coding: RefiCoding, start: number, end: number, selectionName: string, selectionUser?: string): PlannedCoding | null {
    const codeId = this.codebook.codeIds.get(coding.codeGuid);
    const code = codeId ? this.codeById.get(codeId) : undefined;
    const base = { kind: 'coding' as const, name: selectionName, source: source.name, code: this.codeLabel(coding.codeGuid) };
    if (!code) {
      this.skip({ ...base, reason: coding.codeGuid ? 'it refers to a code that is not in the codebook' : 'it names no code' });
      return null;
    }
    if (!code.codable) {
      this.skip({ ...base, reason: `“${code.name}” is a folder in this project, which holds codes but not codings` });
      return null;
    }
    const coderKey = this.coderKey(codingUser(selectionUser, coding.creatingUser, (guid) => this.users.has(guid), this.coderFrom));
    const target = source.sameAs ?? source;
    const key = `${coderKey}|${target.hash}|${code.id}|${start}|${end}`;
    let planned = this.codings.get(key);
    if (!planned) {
      planned = { coderKey, source: target, codeId: code.id, start, end };
      this.codings.set(key, planned);
    }
    if (coding.guid) this.codingByGuid.set(coding.guid, planned);
    return planned;
  }

  private selectionLabel(selection: RefiSelection): string {
    const name = clean(selection.name);
    return name ? clip(name, 80) : `selection ${selection.start}–${selection.end}`;
  }

  planCodings(): void {
    const scheme = this.decision?.scheme;
    for (const source of this.prepared) {
      for (const selection of source.source.selections) {
        const label = this.selectionLabel(selection);
        const placed = scheme
          ? source.positions.place(selection.start, selection.end, scheme)
          : ({ ok: false, reason: 'it has no position' } as const);
        const planned: PlannedCoding[] = [];
        if (!placed.ok) {
          const reason = `the selection cannot be placed in the text: ${placed.reason}`;
          for (const coding of selection.codings) {
            this.skip({ kind: 'coding', name: label, source: source.name, code: this.codeLabel(coding.codeGuid), reason });
          }
          if (selection.codings.length === 0 && (selection.description.trim() || selection.noteRefs.length)) {
            this.skip({ kind: 'selection', name: label, source: source.name, reason });
          }
        } else {
          for (const coding of selection.codings) {
            const p = this.planCoding(source, coding, placed.start, placed.end, label, selection.creatingUser);
            if (p && !planned.includes(p)) planned.push(p);
          }
        }
        if (selection.guid) this.selectionCodings.set(selection.guid, planned);
      }
      for (const coding of source.source.codings) {
        this.planCoding(source, coding, 0, source.positions.text.length, 'the whole source');
      }
    }
  }

  // --- Memos ---------------------------------------------------------------------------------

  private noteText(note: RefiNote): string | null {
    let content = note.plainTextContent;
    if (note.plainTextPath) {
      const found = this.container.resolve(note.plainTextPath);
      if (found.bytes) {
        const decoded = decodeSourceText(found.bytes);
        if (!('error' in decoded)) content = decoded.text;
      }
    }
    const parts = [clean(note.name), note.description.trim(), (content ?? '').replace(/\r\n?/g, '\n').trim()].filter((p) => p !== '');
    // A title that is only the start of the text adds nothing.
    if (parts.length > 1 && parts[1]!.startsWith(parts[0]!)) parts.shift();
    return parts.length ? parts.join('\n\n').normalize('NFC') : null;
  }

  private addMemo(userGuid: string | undefined, target: PlannedTarget, text: string, created?: string, modified?: string): void {
    const createdAt = isoTime(created);
    this.memos.push({ coderKey: this.coderKey(userGuid), target, text, createdAt, updatedAt: isoTime(modified) ?? createdAt });
  }

  /** Memos from notes, wherever they were attached, and from descriptions of sources and selections. */
  planMemos(): void {
    const notes = new Map(this.project.notes.filter((n) => n.guid).map((n) => [n.guid, n]));
    const referenced = new Set<string>();
    const vendor = this.vendor;
    const placeNote = (noteGuid: string, attach: (note: RefiNote, text: string) => void) => {
      const note = notes.get(noteGuid);
      if (!note) return;
      referenced.add(noteGuid);
      const text = this.noteText(note);
      if (text === null) {
        this.skip({ kind: 'note', name: clean(note.name) || 'a note', reason: 'it is empty' });
        return;
      }
      attach(note, text);
    };
    const asMemo = (note: RefiNote, target: PlannedTarget, text: string) =>
      this.addMemo(note.creatingUser, target, text, note.creationDateTime, note.modifiedDateTime);
    const onProject = (note: RefiNote, text: string, context: string) => {
      asMemo(note, { type: 'project' }, `${text}\n\n(In ${vendor} this note was attached to ${context}, which was not imported.)`);
      this.warnings.push(`The note “${clean(note.name) || clip(clean(text), 40)}” was attached to ${context}, which was not imported: it is kept as a project memo.`);
    };

    for (const guid of this.project.noteRefs) placeNote(guid, (note, text) => asMemo(note, { type: 'project' }, text));

    const visitCodes = (codes: RefiCode[]) => {
      for (const code of codes) {
        const codeId = this.codebook.codeIds.get(code.guid);
        for (const guid of code.noteRefs) {
          placeNote(guid, (note, text) => (codeId ? asMemo(note, { type: 'code', codeId }, text) : onProject(note, text, `the code “${code.name}”`)));
        }
        visitCodes(code.children);
      }
    };
    visitCodes(this.project.codes);

    const imported = new Map(this.prepared.map((p) => [p.source.guid, p]));
    for (const source of this.project.textSources) {
      const prepared = imported.get(source.guid);
      const sourceName = documentNameFor(source);
      const target = prepared ? (prepared.sameAs ?? prepared) : undefined;
      const onDocument = (note: RefiNote, text: string, where = '') =>
        target ? asMemo(note, { type: 'document', source: target }, `${text}${where}`) : onProject(note, text, `the source “${sourceName}”`);
      for (const guid of source.noteRefs) placeNote(guid, (note, text) => onDocument(note, text));
      if (source.description.trim()) {
        if (target) this.addMemo(source.creatingUser, { type: 'document', source: target }, source.description.trim(), source.creationDateTime, source.modifiedDateTime);
        else this.skip({ kind: 'description', name: sourceName, reason: 'its source was not imported' });
      }
      for (const selection of source.selections) {
        const codings = this.selectionCodings.get(selection.guid) ?? [];
        const label = this.selectionLabel(selection);
        const onSelection = (kind: 'note' | 'description', author: string | undefined, text: string, created?: string, modified?: string) => {
          if (codings.length) {
            for (const coding of codings) this.addMemo(author, { type: 'coding', coding }, text, created, modified);
          } else if (target) {
            this.addMemo(author, { type: 'document', source: target }, `${text}\n\n(Written on the passage at ${selection.start}–${selection.end}, which has no coding here.)`, created, modified);
            this.warnings.push(`A note on the uncoded passage “${label}” of “${sourceName}” is kept as a memo on the document.`);
          } else {
            this.skip({ kind, name: clip(clean(text), 60), source: sourceName, reason: 'its source was not imported' });
          }
        };
        for (const guid of selection.noteRefs) placeNote(guid, (note, text) => onSelection('note', note.creatingUser, text, note.creationDateTime, note.modifiedDateTime));
        if (selection.description.trim()) onSelection('description', selection.creatingUser, selection.description.trim(), selection.creationDateTime);
        for (const coding of selection.codings) {
          const planned = this.codingByGuid.get(coding.guid);
          for (const guid of coding.noteRefs) {
            placeNote(guid, (note, text) => {
              if (planned) asMemo(note, { type: 'coding', coding: planned }, text);
              else if (target) onDocument(note, text, `\n\n(Written on a coding of the passage at ${selection.start}–${selection.end}, which could not be imported.)`);
              else onProject(note, text, `a coding of “${sourceName}”`);
            });
          }
        }
      }
      for (const coding of source.codings) {
        const planned = this.codingByGuid.get(coding.guid);
        for (const guid of coding.noteRefs) {
          placeNote(guid, (note, text) => (planned ? asMemo(note, { type: 'coding', coding: planned }, text) : onDocument(note, text)));
        }
      }
    }

    for (const stranded of this.project.strandedNoteRefs) placeNote(stranded.noteGuid, (note, text) => onProject(note, text, stranded.attachedTo));

    // Notes attached to nothing are the project's own (ATLAS.ti's free memos).
    for (const note of this.project.notes) {
      if (referenced.has(note.guid)) continue;
      placeNote(note.guid, (n, text) => asMemo(n, { type: 'project' }, text));
    }
    for (const note of this.project.notes) {
      if (note.codingCount) {
        this.skip({ kind: 'note', name: clean(note.name) || 'a note', reason: `${plural(note.codingCount, 'coding')} inside the note cannot be imported: Marginalia codes documents, not memos` });
      }
    }
  }

  // --- Attributes ----------------------------------------------------------------------------

  readonly definitions: AttributeDef[] = [...this.ctx.project.attributes];
  readonly newDefinitions: AttributeDef[] = [];
  /** Source GUID → its attribute values. */
  readonly values = new Map<string, Record<string, string | number>>();

  private definition(name: string, type: AttributeType): AttributeDef {
    const existing = this.definitions.find((d) => d.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (existing) return existing;
    const def = { name, type, rank: nextRank(this.definitions) };
    this.definitions.push(def);
    this.newDefinitions.push(def);
    return def;
  }

  private setValue(source: PreparedSource, def: AttributeDef, value: AttributeValue, from: string): void {
    if (value === null) return;
    const target = source.sameAs ?? source;
    const record = this.values.get(target.source.guid) ?? dictionary();
    this.values.set(target.source.guid, record);
    const current = record[def.name];
    if (current !== undefined && current !== null && current !== value) {
      this.skip({ kind: 'value', name: def.name, source: source.name, reason: `${from} gives ${JSON.stringify(value)}, but the document already has ${JSON.stringify(current)} from this export` });
      return;
    }
    record[def.name] = value;
  }

  /** Variables on sources (MAXQDA) and on cases with their sources (Quirkos, NVivo) → document attributes. */
  planAttributes(): void {
    const variables = new Map<string, { name: string; type: AttributeType }>();
    for (const v of this.project.variables) {
      const name = clip(clean(v.name), 100);
      if (!name || name === '__proto__') {
        this.skip({ kind: 'variable', name: name || v.guid, reason: name ? 'Marginalia cannot use that name for an attribute' : 'it has no name' });
        continue;
      }
      if (!v.type) this.warnings.push(`The variable “${name}” has an unknown type (${v.typeWritten || 'none'}): its values are imported as text.`);
      variables.set(v.guid, { name, type: v.type ? attributeTypeOf[v.type] : 'text' });
    }
    const byGuid = new Map(this.prepared.map((p) => [p.source.guid, p]));
    const apply = (source: PreparedSource, value: RefiVariableValue, from: string) => {
      const variable = variables.get(value.variableGuid);
      if (!variable) {
        this.skip({ kind: 'value', name: value.value.trim() || '(empty)', source: source.name, reason: 'it belongs to a variable the export does not define' });
        return;
      }
      const existing = this.definitions.find((d) => d.name.toLocaleLowerCase() === variable.name.toLocaleLowerCase());
      const type = existing?.type ?? variable.type;
      let converted: AttributeValue;
      try {
        converted = attributeValue(value, type, existing?.name ?? variable.name);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        this.skip({ kind: 'value', name: variable.name, source: source.name, reason: error.message });
        return;
      }
      if (converted === null) return;
      this.setValue(source, this.definition(variable.name, type), converted, from);
    };
    for (const prepared of this.prepared) {
      for (const value of prepared.source.variableValues) apply(prepared, value, 'the source');
    }
    for (const c of this.project.cases) {
      const caseName = clean(c.name) || `Case ${c.guid.slice(0, 8)}`;
      const members = c.sourceRefs.map((g) => byGuid.get(g)).filter((p): p is PreparedSource => p !== undefined);
      for (const member of members) {
        for (const value of c.variableValues) apply(member, value, `the case “${caseName}”`);
      }
      for (const member of members) {
        const caseDef = this.definitions.find((d) => d.name.toLocaleLowerCase() === 'case');
        if (caseDef && caseDef.type !== 'text') {
          this.skip({ kind: 'case', name: caseName, source: member.name, reason: 'the project’s attribute “Case” is not a text attribute, so the case name cannot be recorded' });
          continue;
        }
        const def = caseDef ?? this.definition('Case', 'text');
        const target = member.sameAs ?? member;
        const record = this.values.get(target.source.guid) ?? dictionary();
        this.values.set(target.source.guid, record);
        const current = record[def.name];
        if (typeof current === 'string' && current.split('; ').includes(caseName)) continue;
        record[def.name] = typeof current === 'string' && current ? `${current}; ${caseName}` : caseName;
      }
      const lost = [c.description.trim() && 'its description', c.selectionRefs.length && `its links to ${plural(c.selectionRefs.length, 'selection')}`, c.codeRefs.length && `its ${plural(c.codeRefs.length, 'code')}`].filter(Boolean);
      if (members.length === 0) {
        this.skip({ kind: 'case', name: caseName, reason: 'none of its sources were imported' });
      } else if (lost.length) {
        this.skip({ kind: 'case', name: caseName, reason: `Marginalia has no cases: its variables became attributes of its documents, but ${lost.join(' and ')} could not be kept` });
      }
    }
  }
}

function emptyReport(file: SourceFile, origin: string | undefined): RefiImportReport {
  return {
    file: file.name,
    origin: origin ?? null,
    offsets: null,
    counts: {
      sources: 0,
      duplicateSources: 0,
      codes: 0,
      codesReused: 0,
      coders: 0,
      codersReused: 0,
      codings: 0,
      codingsAlreadyPresent: 0,
      codingsWithOtherUser: 0,
      codingsOverlapping: 0,
      memos: 0,
      attributes: 0,
      attributeValues: 0,
    },
    documents: [],
    coders: [],
    notImported: [],
    warnings: [],
  };
}

// ---------------------------------------------------------------------------------------------
// The entry points.

/**
 * What the import dialog needs to know before a REFI-QDA project is imported: whose codings are
 * ambiguous, and how many would overlap (planned against the project as it stands, not applied).
 */
export async function inspectRefiProject(ctx: OperationContext, file: SourceFile): Promise<{ codingsWithOtherUser: number; codingsOverlapping: number }> {
  const { counts } = planRefiProject(ctx, await readRefiFile(file, 'project')).report;
  return { codingsWithOtherUser: counts.codingsWithOtherUser, codingsOverlapping: counts.codingsOverlapping };
}

/** A REFI-QDA project or codebook read and checked, ready to be planned into the open project. */
export interface RefiFile {
  file: SourceFile;
  container: Container;
  project?: RefiProject;
  codebook?: RefiCode[];
  origin: string | undefined;
}

export async function readRefiFile(file: SourceFile, kind: 'project' | 'codebook'): Promise<RefiFile> {
  const container = await openContainer(file, kind);
  if (kind === 'codebook') {
    const codebook = parseQdc(container.xml, file.name, container.part);
    return { file, container, codebook: codebook.codes, origin: codebook.origin };
  }
  const project = parseQde(container.xml, file.name, container.part);
  return { file, container, project, origin: project.origin };
}

/** The codings and memos of each coder the import touches, built up as one patch. */
class CoderWork {
  readonly byCoder = new Map<string, CoderChanges & { codings: Change<Coding>[]; memos: Change<Memo>[] }>();

  of(coderId: string) {
    return this.byCoder.get(coderId) ?? this.byCoder.set(coderId, { coderId, codings: [], memos: [] }).get(coderId)!;
  }
}

/** Plans importing a REFI-QDA project into the open project: one patch, and the transcripts it lists. */
export function planRefiProject(ctx: OperationContext, read: RefiFile, options: RefiImportOptions = {}): RefiImportPlan {
  const { file, container, project } = read;
  const plan = new ProjectPlanner(ctx, file, project!, container, options.coderFrom ?? 'selection');
  const codebook = plan.codebook;
  for (const item of project!.skipped) plan.skip({ kind: item.kind, name: item.name, reason: item.reason });
  plan.prepareSources();
  plan.decideOffsets();
  plan.planCodings();
  plan.planMemos();
  plan.planAttributes();

  const report = emptyReport(file, project!.origin);
  report.counts.codingsWithOtherUser = codingsWithOtherUser(project!, (guid) => plan.users.has(guid));
  const otherUsers = otherUserWarning(report.counts.codingsWithOtherUser, plan.coderFrom);
  if (otherUsers) plan.warnings.push(otherUsers);
  if (plan.decision) {
    const { scheme, decidedBy, explanation } = plan.decision;
    report.offsets = { ...scheme, decidedBy, explanation };
  }
  // The project's description: kept, or filled in from the file's (project-description.ts).
  const description = importedDescription(ctx.project.description, project!.description, file.name);
  if (description.warning) plan.warnings.push(description.warning);
  const info = ctx.state.tables.info.get('info')!;
  const infoChange = description.after === null ? null : updated('info', info, { ...info, description: description.after });
  const projectChanges: NonNullable<Patch['project']> = {
    ...(infoChange && { info: [infoChange] }),
    codes: codebook.created.map((c) => added(c.id, c)),
    attributes: plan.newDefinitions.map((d) => added(d.name, d)),
  };
  report.counts.codes = codebook.created.length;
  report.counts.codesReused = codebook.reused;
  report.counts.attributes = plan.newDefinitions.length;

  // Documents: new texts are added; a text the project has keeps its record and gains values it lacks.
  const importedAt = ctx.now();
  const sources: PlannedSource[] = [];
  const documentChanges: Change<DocumentMeta>[] = [];
  for (const prepared of plan.prepared) {
    const values = plan.values.get(prepared.source.guid) ?? {};
    if (prepared.sameAs) {
      plan.warnings.push(`“${prepared.name}” has the same text as “${prepared.sameAs.name}” in this export: it was imported once, with the codings of both.`);
      continue;
    }
    if (prepared.existingId) {
      prepared.documentId = prepared.existingId;
      report.counts.duplicateSources++;
      report.documents.push({ name: prepared.duplicateOfName ?? prepared.name, documentId: prepared.existingId, duplicate: true });
      plan.warnings.push(`“${prepared.name}” is already in the project as “${prepared.duplicateOfName}”: it was not added again, and its codings were added to the existing document.`);
      const doc = ctx.state.tables.documents.get(prepared.existingId)!;
      const attributes = { ...doc.attributes };
      for (const [name, value] of Object.entries(values)) {
        const current = attributes[name];
        if (current === undefined) {
          attributes[name] = value;
          report.counts.attributeValues++;
        } else if (current !== value) {
          plan.skip({ kind: 'value', name, source: prepared.name, reason: `the document already has ${JSON.stringify(current)}, which was kept` });
        }
      }
      const change = updated(doc.id, doc, { ...doc, attributes });
      if (change) documentChanges.push(change);
      continue;
    }
    const text = prepared.positions.text;
    const source = planSource(ctx.newId(), { name: prepared.name, text, turns: splitTurns(text, detectSpeakerPattern(text)), attributes: values, importedFrom: file.name }, importedAt);
    sources.push(source);
    prepared.documentId = source.meta.id;
    report.counts.sources++;
    report.counts.attributeValues += Object.keys(values).length;
    report.documents.push({ name: source.meta.name, documentId: source.meta.id, duplicate: false });
  }
  documentChanges.push(...(addDocuments(ctx, sources.map((s) => s.meta))?.documents ?? []));
  projectChanges.documents = documentChanges;

  // Coders: a REFI user becomes the project's coder of the same name, or a new one.
  const keys = new Set<string>([...[...plan.codings.values()].map((c) => c.coderKey), ...plan.memos.map((m) => m.coderKey)]);
  const coderIds = new Map<string, string>();
  const coderChanges: NonNullable<Patch['project']>['coders'] = [];
  for (const key of [...plan.users.keys(), vendorKey]) {
    if (!keys.has(key)) {
      if (key !== vendorKey) plan.skip({ kind: 'user', name: plan.users.get(key)!, reason: 'no codings or notes of theirs were imported, so no coder was made for them' });
      continue;
    }
    const name = plan.coderName(key);
    const existing = ctx.project.coders.find((c) => c.name === name);
    if (existing) {
      coderIds.set(key, existing.id);
      report.counts.codersReused++;
      report.coders.push({ name, coderId: existing.id, created: false });
      continue;
    }
    const coder = newCoder(ctx, name, {}, coderChanges.length);
    coderChanges.push(added(coder.id, coder));
    coderIds.set(key, coder.id);
    report.counts.coders++;
    report.coders.push({ name, coderId: coder.id, created: true });
  }
  projectChanges.coders = coderChanges;

  // Codings, per coder; those the coder already has exactly are not added again.
  const work = new CoderWork();
  const spanKey = (documentId: string, codeId: string, start: number, end: number) => `${documentId}|${codeId}|${start}|${end}`;
  const existingCodings = new Map<string, Map<string, string>>();
  const createdAt = ctx.now();
  for (const coding of plan.codings.values()) {
    const coderId = coderIds.get(coding.coderKey)!;
    const have = existingCodings.get(coderId) ?? existingCodings.set(coderId, new Map((ctx.state.coder(coderId) ? ctx.state.coder(coderId)!.codings.list() : []).map((c) => [spanKey(c.documentId, c.codeId, c.start, c.end), c.id]))).get(coderId)!;
    const documentId = coding.source.documentId!;
    const id = have.get(spanKey(documentId, coding.codeId, coding.start, coding.end));
    if (id) {
      coding.codingId = id;
      report.counts.codingsAlreadyPresent++;
      continue;
    }
    const created: Coding = { id: ctx.newId(), documentId, codeId: coding.codeId, start: coding.start, end: coding.end, createdAt };
    coding.codingId = created.id;
    have.set(spanKey(documentId, coding.codeId, coding.start, coding.end), created.id);
    work.of(coderId).codings.push(added(created.id, created));
    report.counts.codings++;
  }

  // Memos, not duplicating those the coder already has.
  for (const memo of plan.memos) {
    const coderId = coderIds.get(memo.coderKey)!;
    const target: MemoTarget =
      memo.target.type === 'project'
        ? { type: 'project' }
        : memo.target.type === 'document'
          ? { type: 'document', id: memo.target.source.documentId! }
          : memo.target.type === 'code'
            ? { type: 'code', id: memo.target.codeId }
            : { type: 'coding', id: memo.target.coding.codingId! };
    const pending = work.of(coderId).memos.map((c) => c.after as Memo);
    const same = (m: Memo) => m.text === memo.text && JSON.stringify(m.target) === JSON.stringify(target);
    if ([...(ctx.state.coder(coderId)?.memos.values() ?? [])].some(same) || pending.some(same)) continue;
    const at = memo.createdAt ?? createdAt;
    const created: Memo = { id: ctx.newId(), target, text: memo.text, createdAt: at, updatedAt: memo.updatedAt ?? at };
    work.of(coderId).memos.push(added(created.id, created));
    report.counts.memos++;
  }
  report.counts.codingsOverlapping = countOverlaps(ctx, work, options);
  report.notImported = plan.notImported;
  report.warnings = plan.warnings;
  const coders = [...work.byCoder.values()].filter((c) => c.codings.length || c.memos.length);
  return { report, patch: { label: `Import ${file.name}`, project: projectChanges, ...(coders.length > 0 && { coders }) }, sources };
}

/**
 * How many of the import's codings overlap another of the same coder at the same code; with
 * `mergeOverlaps`, each overlapping group becomes one coding (the earliest kept, widened; memos
 * on the others move to it), as coding in Marginalia does.
 */
function countOverlaps(ctx: OperationContext, work: CoderWork, options: RefiImportOptions): number {
  let overlapping = 0;
  for (const changes of work.byCoder.values()) {
    const fresh = new Map(changes.codings.map((c) => [c.id, c.after as Coding]));
    const groups = new Map<string, Coding[]>();
    for (const c of [...fresh.values(), ...(ctx.state.coder(changes.coderId)?.codings.values() ?? [])]) {
      const key = `${c.documentId}|${c.codeId}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    for (const list of groups.values()) {
      list.sort((a, b) => a.start - b.start || b.end - a.end);
      let cluster: Coding[] = [];
      let end = -1;
      const close = () => {
        if (cluster.length > 1 && cluster.some((c) => fresh.has(c.id))) {
          overlapping += cluster.filter((c) => fresh.has(c.id)).length;
          if (options.mergeOverlaps) mergeCluster(changes, cluster, fresh);
        }
      };
      for (const c of list) {
        if (c.start >= end) {
          close();
          cluster = [];
        }
        cluster.push(c);
        end = Math.max(end, c.end);
      }
      close();
    }
  }
  return overlapping;
}

function mergeCluster(changes: CoderChanges & { codings: Change<Coding>[]; memos: Change<Memo>[] }, cluster: Coding[], fresh: Map<string, Coding>): void {
  const [keeper, ...others] = [...cluster].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : fresh.has(a.id) ? 1 : -1));
  const start = Math.min(...cluster.map((c) => c.start));
  const end = Math.max(...cluster.map((c) => c.end));
  const gone = new Set(others.map((c) => c.id));
  changes.codings = changes.codings.filter((c) => !gone.has(c.id));
  for (const other of others) if (!fresh.has(other.id)) changes.codings.push(removed(other.id, other));
  const own = changes.codings.find((c) => c.id === keeper!.id);
  if (own) own.after = { ...(own.after as Coding), start, end };
  else changes.codings.push(updated(keeper!.id, keeper!, { ...keeper!, start, end })!);
  for (const memo of changes.memos) {
    const m = memo.after as Memo | null;
    if (m?.target.type === 'coding' && gone.has(m.target.id)) memo.after = { ...m, target: { type: 'coding', id: keeper!.id } };
  }
}

/** Plans importing the codes of a REFI-QDA codebook (.qdc; a .qdpx or .qde gives its codebook). */
export function planRefiCodebook(ctx: OperationContext, read: RefiFile): RefiImportPlan {
  const planner = new Planner(ctx, read.file);
  const plan = planCodebook(ctx.project.codebook, read.codebook!, planner.newId);
  const report = emptyReport(read.file, read.origin);
  report.counts.codes = plan.created.length;
  report.counts.codesReused = plan.reused;
  report.notImported = planner.notImported;
  report.warnings = planner.warnings;
  const codes = plan.created.map((c) => added(c.id, c));
  return { report, patch: { label: `Import codebook ${read.file.name}`, ...(codes.length > 0 && { project: { codes } }) }, sources: [] };
}
