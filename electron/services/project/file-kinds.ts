import { z } from 'zod';
import {
  CODER_SCHEMA_VERSION,
  PROJECT_SCHEMA_VERSION,
  attributeDefSchema,
  codeSchema,
  coderFileSchema,
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
import type { CoderFile, ProjectFile, TurnsFile } from '../../../shared/domain/schemas';
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

export const coderFileKind: JsonFileKind<CoderFile & Positioned> = {
  schema: coderFileSchema.extend({ logSeq }),
  version: CODER_SCHEMA_VERSION,
  description: 'coder file',
  migrate: migrateCoderFile,
};

export const turnsFileKind: JsonFileKind<TurnsFile> = {
  schema: turnsFileSchema,
  version: 1,
  description: 'speaker turns file',
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
};
