import type { ExportFile } from '../../../shared/api/contract';

/**
 * Saves an exported file the way the browser (or Electron's download handler, which asks where
 * to save) does: a Blob made here, never a URL to anything outside the page.
 */
export function saveExportFile(file: ExportFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
