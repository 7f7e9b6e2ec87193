import { join } from 'node:path';

/** One file of the project's data: `null` is project.json, else a coder's id. */
export type FileKey = string | null;

/** A data file's snapshot and its change logs (the one being appended to, and one being folded in). */
export interface DataFilePaths {
  snapshot: string;
  log: string;
  compacting: string;
  /** Names for messages, relative to the project folder. */
  names: { snapshot: string; log: string; compacting: string };
}

/** The document a file in sources/ belongs to ("<id>.txt", "<id>.turns.json"), or null for another file. */
export function sourceDocumentId(fileName: string): string | null {
  return /^(.+?)(?:\.turns\.json|\.txt)$/.exec(fileName)?.[1] ?? null;
}

/** Where each part of a project lives inside its folder. */
export class ProjectLayout {
  constructor(readonly dir: string) {}

  get projectFile(): string {
    return join(this.dir, 'project.json');
  }
  get sourcesDir(): string {
    return join(this.dir, 'sources');
  }
  get codersDir(): string {
    return join(this.dir, 'coders');
  }
  sourceText(documentId: string): string {
    return join(this.sourcesDir, `${documentId}.txt`);
  }
  sourceTurns(documentId: string): string {
    return join(this.sourcesDir, `${documentId}.turns.json`);
  }
  coderFile(coderId: string): string {
    return join(this.codersDir, `${coderId}.json`);
  }

  /** project.json or a coder's file, with its change logs beside it. */
  data(key: FileKey): DataFilePaths {
    const names = dataFileNames(key);
    return {
      snapshot: join(this.dir, ...names.snapshot.split('/')),
      log: join(this.dir, ...names.log.split('/')),
      compacting: join(this.dir, ...names.compacting.split('/')),
      names,
    };
  }
}

/** "project", "coders/<id>": what a data file's names start with. */
function stemOf(key: FileKey): string {
  return key === null ? 'project' : `coders/${key}`;
}

export function dataFileNames(key: FileKey): DataFilePaths['names'] {
  const stem = stemOf(key);
  return { snapshot: `${stem}.json`, log: `${stem}.changes.jsonl`, compacting: `${stem}.changes.compacting.jsonl` };
}

/** Relative names for messages ("coders/abc.json"), the same on every platform. */
export const displayNames = {
  projectFile: 'project.json',
  sourceText: (id: string) => `sources/${id}.txt`,
  sourceTurns: (id: string) => `sources/${id}.turns.json`,
  coderFile: (id: string) => `coders/${id}.json`,
};
