import { z } from 'zod';
import {
  CODER_SCHEMA_VERSION,
  PROJECT_SCHEMA_VERSION,
  attributeDefSchema,
  codeSchema,
  coderFileSchema,
  coderProfileSchema,
  coderSchema,
  codingSchema,
  decisionSchema,
  documentMetaSchema,
  documentSetSchema,
  doneMarkSchema,
  memoSchema,
  projectFileSchema,
  projectInfoSchema,
  savedQuerySchema,
  turnsFileSchema,
} from '../../../shared/domain/schemas';
import type { CoderFile, Coding, ProjectFile, Turn, TurnsFile } from '../../../shared/domain/schemas';
import { allSoundCodings } from '../../../shared/domain/coding-check';
import { allSoundTurns } from '../../../shared/domain/turn-check';
import type { CoderEntities, ProjectEntities } from '../../../shared/domain/patch';
import { migrateCoderFile, migrateProjectFile } from '../../../shared/domain/migrations';
import type { JsonFileKind } from '../store/json-store';

/**
 * A snapshot says up to which change of its log it holds (see log-file.ts); absent, it holds no
 * log: a project that was closed is its snapshots alone, written as they always were.
 */
export interface Positioned {
  logSeq?: number;
}
const logSeq = z.number().int().positive().optional();

export const projectFileKind: JsonFileKind<ProjectFile & Positioned> = {
  schema: projectFileSchema.extend({ logSeq }),
  version: PROJECT_SCHEMA_VERSION,
  description: 'project file',
  migrate: migrateProjectFile,
};

const coderFileSchemaAt = coderFileSchema.extend({ logSeq });
/** A coder file but its codings, which are checked by isSoundCoding (the schema's checks, fast). */
const coderFileRest = coderFileSchemaAt.omit({ codings: true });

export const coderFileKind: JsonFileKind<CoderFile & Positioned> = {
  schema: coderFileSchemaAt,
  version: CODER_SCHEMA_VERSION,
  description: 'coder file',
  migrate: migrateCoderFile,
  quickParse: (raw) => {
    const codings = (raw as { codings?: unknown } | null)?.codings;
    if (!allSoundCodings(codings)) return null;
    const rest = coderFileRest.safeParse(raw);
    return rest.success ? { ...rest.data, codings: codings as Coding[] } : null;
  },
};

/** A turns file but its turns, which are checked by isSoundTurn (the schema's checks, fast). */
const turnsFileRest = turnsFileSchema.omit({ turns: true });

export const turnsFileKind: JsonFileKind<TurnsFile> = {
  schema: turnsFileSchema,
  version: 1,
  description: 'speaker turns file',
  quickParse: (raw) => {
    const turns = (raw as { turns?: unknown } | null)?.turns;
    if (!allSoundTurns(turns)) return null;
    const rest = turnsFileRest.safeParse(raw);
    return rest.success ? { ...rest.data, turns: turns as Turn[] } : null;
  },
};

/** Each collection's entity, as a change log leaves it, is checked against the snapshot's own schema. */
export const entitySchemas: { [K in keyof ProjectEntities | keyof CoderEntities]: z.ZodType } = {
  info: projectInfoSchema,
  codes: codeSchema,
  attributes: attributeDefSchema,
  documents: documentMetaSchema,
  coders: coderSchema,
  sets: documentSetSchema,
  queries: savedQuerySchema,
  codings: codingSchema,
  memos: memoSchema,
  done: doneMarkSchema,
  decisions: decisionSchema,
  profile: coderProfileSchema,
};
