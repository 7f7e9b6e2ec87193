import { SET_FILTER_KEY } from '../../../../shared/api/limits';
import { codePath } from '../../../../shared/domain/codebook';
import type { ProjectFile } from '../../../../shared/domain/schemas';
import type { ExportSelection } from '../coded-data';
import { PATH_SEPARATOR } from './report-model';

const either = (values: readonly string[]) => values.join(' or ');

/**
 * The filters a report was made with, in words: "Selection: codes Tackling stigma (with their
 * sub-codes); coders Amara Okafor; documents where Borough = Hackney", or "Selection: everything".
 * Without it a printed report cut down to a few codes or boroughs reads as the whole project.
 */
export function selectionLine(project: Readonly<ProjectFile>, selection: ExportSelection): string {
  const name = <T extends { id: string; name: string }>(list: readonly T[]) => (id: string) => list.find((x) => x.id === id)?.name ?? id;
  const parts: string[] = [];
  if (selection.codeIds) {
    parts.push(`codes ${selection.codeIds.map((id) => codePath(project.codebook, id).join(PATH_SEPARATOR)).join(', ')} (with their sub-codes)`);
  }
  if (selection.coderIds) parts.push(`coders ${selection.coderIds.map(name(project.coders)).join(', ')}`);
  if (selection.documentIds) parts.push(`documents ${selection.documentIds.map(name(project.documents)).join(', ')}`);
  const filters = Object.entries(selection.attributes).filter(([, values]) => values.length > 0);
  const conditions = filters.filter(([attribute]) => attribute !== SET_FILTER_KEY).map(([attribute, values]) => `${attribute} = ${either(values.map(String))}`);
  if (conditions.length > 0) parts.push(`documents where ${conditions.join(' and ')}`);
  const sets = filters.find(([attribute]) => attribute === SET_FILTER_KEY)?.[1] ?? [];
  if (sets.length > 0) parts.push(`documents in the set ${either(sets.map((id) => name(project.sets)(String(id))))}`);
  return `Selection: ${parts.length > 0 ? parts.join('; ') : 'everything'}`;
}
