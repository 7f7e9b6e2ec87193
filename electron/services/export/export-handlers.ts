import type { ExportFile, Handlers } from '../../../shared/api/contract';
import { agreementTables } from '../../../shared/agreement/report-tables';
import { computeAgreement } from '../agreement/agreement-service';
import type { EventHub } from '../events';
import type { ProjectSession } from '../workbench/project-session';
import { agreementSheets } from './agreement-sheets';
import { codeCoOccurrence, codeMatrix } from './analysis';
import { exportFileName, suggestedFileName as fileName, XLSX_TYPE } from './export-job';
import { exportInWorker } from './export-in-worker';
import type { ExportJob } from './export-job';
import { workbookBytes } from './workbook';

function file(name: string, mimeType: string, bytes: Uint8Array | string, notes: string[] = []): ExportFile {
  return { fileName: name, mimeType, base64: Buffer.from(bytes).toString('base64'), notes };
}

/** Exports (Excel, CSV, REFI-QDA, agreement tables) and the counts behind the matrix views. */
export function exportHandlers(
  session: () => ProjectSession,
  events: EventHub,
): Pick<Handlers, 'export.workbook' | 'export.csv' | 'export.refi' | 'export.table' | 'agreement.export' | 'analysis.matrix' | 'analysis.cooccurrence'> {
  const onProgress = (done: number, total: number, stage: string) => events.emit('export.progress', { done, total, stage });
  const exported = async (job: ExportJob): Promise<ExportFile> => {
    const { store } = session();
    // The worker reads the project from disk: what is saved is what this session holds.
    await store.flush();
    const { outcome, bytes } = await exportInWorker(store.dir, job, onProgress);
    const { fileName: name, mimeType } = exportFileName(store.data.name, job);
    return { fileName: name, mimeType, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'), notes: outcome.notes };
  };
  return {
    'export.workbook': ({ selection, attributeColumns, crossAttributes, rollUp, sheetPerCode, agreement }) =>
      exported({ format: 'xlsx', selection, workbook: { attributeColumns, crossAttributes, rollUp, sheetPerCode, agreement } }),
    'export.csv': ({ selection, attributeColumns }) => exported({ format: 'csv', selection, attributeColumns }),
    'export.refi': ({ format, offsets }) => exported(format === 'qdpx' ? { format, offsets } : { format }),
    'export.table': async ({ name, columns, rows }) => {
      const { store } = session();
      const out = await workbookBytes([{ name, columns, rows }]);
      return file(fileName(store.data.name, name, 'xlsx'), XLSX_TYPE, out.bytes, out.notes);
    },
    'agreement.export': async ({ format, ...request }) => {
      const { store } = session();
      const result = computeAgreement(store, request);
      if (format === 'json') return file(fileName(store.data.name, `agreement (${request.mode})`, 'json'), 'application/json', JSON.stringify(result, null, 2));
      const out = await workbookBytes(agreementSheets(agreementTables(result)));
      return file(fileName(store.data.name, `agreement (${request.mode})`, 'xlsx'), XLSX_TYPE, out.bytes, out.notes);
    },
    'analysis.matrix': async (request) => codeMatrix(session().store, request),
    'analysis.cooccurrence': async ({ selection }) => codeCoOccurrence(session().store, selection),
  };
}
