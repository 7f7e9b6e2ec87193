/**
 * Text pasted on the document list becomes a new document through the import dialog, as a file
 * would: its name says it was pasted and when, so two pastes do not share a name.
 */
export function pastedTextFile(text: string, now: Date = new Date()): File {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}.${pad(now.getMinutes())}`;
  return new File([text], `Pasted text ${stamp}.txt`, { type: 'text/plain' });
}

/** A paste into a text field is the field's own. */
export function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement);
}
