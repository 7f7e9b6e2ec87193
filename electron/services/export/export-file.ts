import type { ExportFile } from '../../../shared/api/contract';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "Thrive LDN - coded segments.xlsx": the project's name made safe for a file name. */
export function exportFileName(project: string, what: string, ext: string): string {
  const safe = project.replace(/[^\p{L}\p{N} ._()-]+/gu, '').trim() || 'Marginalia';
  return `${safe} - ${what}.${ext}`;
}

export function exportFile(name: string, mimeType: string, bytes: Uint8Array | string, notes: string[] = []): ExportFile {
  return { fileName: name, mimeType, base64: Buffer.from(bytes).toString('base64'), notes };
}
