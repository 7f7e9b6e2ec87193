/**
 * Every worker thread's module. Each is an ordinary TypeScript module (typed and linted like
 * the rest); electron-vite builds each as its own entry of the main build, out/main/<name>.js
 * (see electron.vite.config.ts), and start-worker.ts runs it from there in the built app or
 * from its source with tsx everywhere else.
 */
export interface WorkerModule {
  /** Its built file's name in out/main, without .js. */
  name: string;
  /** Its source, from the repository's root (or an absolute path). */
  source: string;
}

export const exportWorker: WorkerModule = { name: 'export-worker', source: 'electron/services/export/export-worker.ts' };
export const spreadsheetReader: WorkerModule = { name: 'spreadsheet-reader', source: 'electron/services/import/spreadsheet-xlsx-worker.ts' };
export const pdfTextReader: WorkerModule = { name: 'pdf-text-reader', source: 'electron/services/import/pdf/pdf-text-worker.ts' };

export const workerModules: readonly WorkerModule[] = [exportWorker, spreadsheetReader, pdfTextReader];
