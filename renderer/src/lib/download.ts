import type { ExportChunk, ExportFile, ExportedFile } from '../../../shared/api/contract';
import type { ApiClient } from '../api/client';

/**
 * Saves an exported file the way the browser (or Electron's download handler, which asks where
 * to save) does: a Blob made here, never a URL to anything outside the page.
 */
function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Saves a small file that came whole in its reply (a table, an agreement report). */
export function saveExportFile(file: ExportFile): void {
  saveBlob(new Blob([base64Bytes(file.base64)], { type: file.mimeType }), file.fileName);
}

/**
 * Reads a large export back from the backend a piece at a time (export.read), then saves it;
 * stops, saving nothing, once `wanted` says the user walked away. True when it was saved.
 */
export async function saveExportedFile(api: ApiClient, file: ExportedFile, wanted: () => boolean = () => true): Promise<boolean> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset: number | null = 0; offset !== null; ) {
    if (!wanted()) return false;
    const chunk: ExportChunk = await api.call('export.read', { fileId: file.fileId, offset });
    parts.push(base64Bytes(chunk.base64));
    offset = chunk.nextOffset;
  }
  if (!wanted()) return false;
  saveBlob(new Blob(parts, { type: file.mimeType }), file.fileName);
  return true;
}
