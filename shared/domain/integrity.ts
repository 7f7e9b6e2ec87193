import type { CoderFile, ProjectFile } from './schemas';

export interface IntegrityProblem {
  /** The file at fault, relative to the project folder. */
  file: string;
  message: string;
}

/** Cross-file checks a schema cannot make: references between codes, documents, coders and codings. */
export function findIntegrityProblems(project: ProjectFile, coderFiles: Map<string, CoderFile>): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const projectProblem = (message: string) => problems.push({ file: 'project.json', message });

  const duplicates = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const [what, ids] of [
    ['code', project.codebook.map((c) => c.id)],
    ['document', project.documents.map((d) => d.id)],
    ['coder', project.coders.map((c) => c.id)],
  ] as const) {
    for (const id of new Set(duplicates(ids))) projectProblem(`the ${what} id ${id} is used more than once`);
  }

  const codes = new Map(project.codebook.map((c) => [c.id, c]));
  for (const code of project.codebook) {
    if (code.parentId !== null && !codes.has(code.parentId)) {
      projectProblem(`code "${code.name}" has a parent (${code.parentId}) that does not exist`);
    }
    const seen = new Set<string>([code.id]);
    for (let p = code.parentId; p !== null; p = codes.get(p)?.parentId ?? null) {
      if (seen.has(p)) {
        projectProblem(`code "${code.name}" is inside itself (a cycle in the code tree)`);
        break;
      }
      seen.add(p);
    }
  }

  const documents = new Map(project.documents.map((d) => [d.id, d]));
  for (const [coderId, file] of coderFiles) {
    const name = `coders/${coderId}.json`;
    if (file.coderId !== coderId) problems.push({ file: name, message: `it belongs to coder ${file.coderId}, not ${coderId}` });
    for (const coding of file.codings) {
      const doc = documents.get(coding.documentId);
      const where = `coding ${coding.id}`;
      if (!doc) problems.push({ file: name, message: `${where} refers to a document (${coding.documentId}) that does not exist` });
      if (!codes.has(coding.codeId)) problems.push({ file: name, message: `${where} refers to a code (${coding.codeId}) that does not exist` });
      if (coding.end <= coding.start || (doc && coding.end > doc.length)) {
        problems.push({ file: name, message: `${where} has the span [${coding.start}, ${coding.end}), outside its document` });
      }
    }
  }
  return problems;
}
