import { nextCodeColor } from '../../../../shared/domain/codebook';
import { added } from '../../../../shared/domain/patch';
import type { Code } from '../../../../shared/domain/schemas';
import { parseCodeDescription } from '../../../../shared/export/code-description';
import { nextRank } from '../../../../shared/operations/context';
import type { OperationContext } from '../../../../shared/operations/context';
import type { RefiCode } from './refi-model';
import type { RefiFile } from './refi-file';
import { clean, clip, refiColor } from './refi-names';
import { Planner, emptyReport } from './refi-report';
import type { RefiImportPlan } from './refi-report';

/**
 * A REFI-QDA codebook's codes as ours: matched by name at the same level (reused) or created
 * after the existing ones. Used for a .qdc on its own and for the codebook of a whole project.
 */

export interface CodebookPlan {
  /** The codes the import creates, in order, ranked after the existing ones. */
  created: Code[];
  /** REFI code GUID → our code id. */
  codeIds: Map<string, string>;
  /** REFI code GUID → its path, for messages. */
  codePaths: Map<string, string>;
  reused: number;
}

/** New codes appended after the existing ones, parents before children; same name at the same level reuses. */
export function planCodebook(existing: readonly Code[], codes: RefiCode[], newId: () => string): CodebookPlan {
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
