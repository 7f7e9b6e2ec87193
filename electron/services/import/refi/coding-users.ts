import type { RefiProject } from './refi-model';

/**
 * Whose a coding is. REFI-QDA names a user twice: on the PlainTextSelection (who selected the
 * passage) and on each Coding in it (who applied the code). Usually they agree, but some NVivo
 * exports put one user on every Coding while each selection names who really selected it, and
 * for agreement between coders that matters. The importer's choice decides; a user the export
 * does not define counts as no user, and a coding with no user of its own goes to its
 * selection's user (and the other way round).
 */
export type CoderFrom = 'selection' | 'coding';

export function codingUser(
  selectionUser: string | undefined,
  ownUser: string | undefined,
  isUser: (guid: string) => boolean,
  from: CoderFrom,
): string | undefined {
  const selection = selectionUser && isUser(selectionUser) ? selectionUser : undefined;
  const own = ownUser && isUser(ownUser) ? ownUser : undefined;
  return from === 'selection' ? (selection ?? own) : (own ?? selection);
}

/** How many codings name a different (defined) user than their selection does. */
export function codingsWithOtherUser(project: RefiProject, isUser: (guid: string) => boolean): number {
  let differ = 0;
  for (const source of project.textSources) {
    for (const selection of source.selections) {
      const selectionUser = selection.creatingUser;
      if (!selectionUser || !isUser(selectionUser)) continue;
      for (const coding of selection.codings) {
        if (coding.creatingUser && isUser(coding.creatingUser) && coding.creatingUser !== selectionUser) differ++;
      }
    }
  }
  return differ;
}

/** The import report's line about codings whose two users differ, or null when none do. */
export function otherUserWarning(differ: number, from: CoderFrom): string | null {
  if (differ === 0) return null;
  const codings = differ === 1 ? '1 coding names another user than its selection' : `${differ} codings name another user than their selection`;
  return from === 'selection'
    ? `${codings}: each was given to the user who selected the passage, not to the one named on the coding.`
    : `${codings}: each was given to the user named on the coding, not to the one who selected the passage.`;
}
