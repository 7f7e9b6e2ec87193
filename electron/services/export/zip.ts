import yazl from 'yazl';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** A fixed time on every entry, so the same content always gives the same bytes. */
export const ENTRY_TIME = new Date(Date.UTC(2000, 0, 1));

/** A ZIP archive of the entries, in order, deflated (yazl): for .qdpx files. */
export function zipEntries(entries: readonly ZipEntry[]): Promise<Uint8Array> {
  const file = new yazl.ZipFile();
  for (const entry of entries) file.addBuffer(Buffer.from(entry.data), entry.name, { compress: true, mtime: ENTRY_TIME });
  file.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    file.outputStream.on('error', reject);
    file.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}
