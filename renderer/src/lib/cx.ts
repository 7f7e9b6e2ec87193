/** Joins the class names that apply (CSS Modules hand out one name per rule). */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
