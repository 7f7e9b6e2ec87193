import { join } from 'node:path';

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
}

/** Relative names for messages ("coders/abc.json"), the same on every platform. */
export const displayNames = {
  projectFile: 'project.json',
  sourceText: (id: string) => `sources/${id}.txt`,
  sourceTurns: (id: string) => `sources/${id}.turns.json`,
  coderFile: (id: string) => `coders/${id}.json`,
};
