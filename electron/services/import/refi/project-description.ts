/**
 * A REFI-QDA project's Description on import: it becomes the project's description when the
 * project has none (a new project made from an export), is left alone when the project already
 * says the same, and is added after the project's own description otherwise, so nothing is lost
 * and nothing is replaced.
 */
export function importedDescription(current: string, imported: string, fileName: string): { after: string | null; warning: string | null } {
  const text = imported.replace(/\r\n?/g, '\n').trim();
  if (!text || current.includes(text)) return { after: null, warning: null };
  if (!current.trim()) return { after: text, warning: null };
  return {
    after: `${current.trimEnd()}\n\n${text}`,
    warning: `The project description in ${fileName} was added after this project's own description.`,
  };
}
