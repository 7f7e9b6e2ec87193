import {
  CODER_SCHEMA_VERSION,
  PROJECT_SCHEMA_VERSION,
  coderFileSchema,
  projectFileSchema,
  turnsFileSchema,
} from '../../../shared/domain/schemas';
import type { CoderFile, ProjectFile, TurnsFile } from '../../../shared/domain/schemas';
import { migrateCoderFile, migrateProjectFile } from '../../../shared/domain/migrations';
import type { JsonFileKind } from '../store/json-store';

export const projectFileKind: JsonFileKind<ProjectFile> = {
  schema: projectFileSchema,
  version: PROJECT_SCHEMA_VERSION,
  description: 'project file',
  migrate: migrateProjectFile,
};

export const coderFileKind: JsonFileKind<CoderFile> = {
  schema: coderFileSchema,
  version: CODER_SCHEMA_VERSION,
  description: 'coder file',
  migrate: migrateCoderFile,
};

export const turnsFileKind: JsonFileKind<TurnsFile> = {
  schema: turnsFileSchema,
  version: 1,
  description: 'speaker turns file',
};
