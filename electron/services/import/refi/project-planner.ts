import type { Code } from '../../../../shared/domain/schemas';
import type { OperationContext } from '../../../../shared/operations/context';
import { plural } from '../../../../shared/text/plural';
import { hashText } from '../../project/source-files';
import type { SourceFile } from '../types';
import { codingUser } from './coding-users';
import type { CoderFrom } from './coding-users';
import { chooseScheme } from './offset-evidence';
import type { SchemeDecision } from './offset-evidence';
import { SourcePositions } from './offsets';
import type { RefiCoding, RefiProject, RefiSelection, RefiTextSource } from './refi-model';
import { planCodebook } from './plan-codebook';
import type { CodebookPlan } from './plan-codebook';
import { decodeSourceText } from './refi-file';
import type { Container } from './refi-file';
import { Planner } from './refi-report';
import { clean, clip, documentNameFor, vendorName } from './refi-names';

/**
 * What a REFI-QDA project's import is planned in terms of, before any id of ours exists: its
 * texts read and matched against the project's (by hash), its users as coder keys, and its
 * selections placed in the texts as codings. Memos (plan-memos.ts) and attribute values
 * (plan-attributes.ts) hang off these; import-refi.ts turns the whole plan into one patch.
 */

export interface PreparedSource {
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

export interface PlannedCoding {
  coderKey: string;
  source: PreparedSource;
  codeId: string;
  start: number;
  end: number;
  /** Given when the patch is built (or the id of the same coding already in the project). */
  codingId?: string;
}

export type PlannedTarget =
  | { type: 'project' }
  | { type: 'document'; source: PreparedSource }
  | { type: 'code'; codeId: string }
  | { type: 'coding'; coding: PlannedCoding };

export interface PlannedMemo {
  coderKey: string;
  target: PlannedTarget;
  text: string;
  createdAt?: string;
  updatedAt?: string;
}

/** The coder key for REFI-QDA codings and memos made by no known user. */
export const vendorKey = '\0vendor';

export class ProjectPlanner extends Planner {
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

  selectionLabel(selection: RefiSelection): string {
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
}
