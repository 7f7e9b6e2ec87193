import type { EventHub } from '../events';
import { handlerModule } from '../handler-registry';
import type { ProjectSession } from '../workbench/project-session';
import { codeCoOccurrence, codeMatrix } from './analysis';
import { XLSX_TYPE, exportFile, exportFileName } from './export-file';
import type { ExportFiles } from './export-files';
import { exportInWorker } from './export-in-worker';
import { jobFileName } from './export-job';
import type { ExportJob } from './export-job';
import { workbookBytes } from './workbook';

/** Exports: Excel, CSV, REFI-QDA, a query's passages, the coding report, and a table as shown. */
export function exportHandlers(session: () => ProjectSession, events: EventHub, files: ExportFiles) {
  const onProgress = (done: number, total: number, stage: string) => events.emit('export.progress', { done, total, stage });
  const exported = async (job: ExportJob) => {
    const { store } = session();
    // The worker reads the project from disk: what is saved is what this session holds.
    await store.flush();
    const { fileId, path } = await files.reserve();
    try {
      const { outcome, bytes } = await exportInWorker(store.dir, job, path, onProgress);
      return { ...jobFileName(store.data.name, job), fileId, bytes, notes: outcome.notes };
    } catch (err) {
      await files.discard(fileId);
      throw err;
    }
  };
  return handlerModule('export', {
    'export.workbook': ({ selection, attributeColumns, crossAttributes, rollUp, counting, sheetPerCode, agreement }) =>
      exported({ format: 'xlsx', selection, workbook: { attributeColumns, crossAttributes, rollUp, counting, sheetPerCode, agreement } }),
    'export.csv': ({ selection, attributeColumns }) => exported({ format: 'csv', selection, attributeColumns }),
    'export.refi': ({ format, offsets }) => exported(format === 'qdpx' ? { format, offsets } : { format }),
    'export.query': ({ query }) => exported({ format: 'query', query }),
    'export.words': (request) => exported({ format: 'words', ...request }),
    'export.report': ({ selection }) => exported({ format: 'report', selection }),
    'export.read': ({ fileId, offset }) => files.read(fileId, offset),
    'export.table': async ({ name, columns, rows }) => {
      const { store } = session();
      const out = await workbookBytes([{ name, columns, rows }]);
      return exportFile(exportFileName(store.data.name, name, 'xlsx'), XLSX_TYPE, out.bytes, out.notes);
    },
  });
}

/** The counts behind the matrix and co-occurrence views. */
export function analysisHandlers(session: () => ProjectSession) {
  return handlerModule('analysis', {
    'analysis.matrix': async (request) => codeMatrix(session().store, request),
    'analysis.cooccurrence': async ({ selection }) => codeCoOccurrence(session().store, selection),
  });
}
