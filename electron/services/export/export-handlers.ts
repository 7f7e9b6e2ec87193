import { agreementReportTables, agreementRequest } from '../agreement/agreement-service';
import type { EventHub } from '../events';
import { handlerModule } from '../handler-registry';
import type { ProjectSession } from '../workbench/project-session';
import { codeCoOccurrence, codeMatrix } from './analysis';
import { exportCodedSegmentsCsv } from './csv-export';
import { exportWorkbook } from './excel-export';
import { XLSX_TYPE, exportFile, exportFileName } from './export-file';
import { exportQdc, exportQdpx } from './refi-export';
import { writeWorkbook } from './workbook';

/** Exports: Excel, CSV, REFI-QDA, and a table as shown. */
export function exportHandlers(session: () => ProjectSession, events: EventHub) {
  const onProgress = (done: number, total: number, stage: string) => events.emit('export.progress', { done, total, stage });
  return handlerModule('export', {
    'export.workbook': async ({ selection, attributeColumns, crossAttributes, rollUp, counting, sheetPerCode, agreement }) => {
      const { store } = session();
      const agreementSheets = agreement
        ? agreementReportTables(store, agreementRequest({ ...agreement, codeIds: selection.codeIds, documentIds: selection.documentIds, attributes: selection.attributes }))
        : undefined;
      const out = await exportWorkbook(store, selection, {
        attributeColumns,
        crossAttribute: crossAttributes,
        rollUp,
        counting,
        sheetPerCode,
        ...(agreementSheets && { agreement: agreementSheets }),
        onProgress,
      });
      return exportFile(exportFileName(store.data.name, 'coded segments', 'xlsx'), XLSX_TYPE, out.bytes, out.notes);
    },
    'export.csv': async ({ selection, attributeColumns }) => {
      const { store } = session();
      const csv = await exportCodedSegmentsCsv(store, selection, { attributeColumns, onProgress });
      return exportFile(exportFileName(store.data.name, 'coded segments', 'csv'), 'text/csv', csv);
    },
    'export.refi': async ({ format }) => {
      const { store } = session();
      return format === 'qdpx'
        ? exportFile(exportFileName(store.data.name, 'REFI-QDA project', 'qdpx'), 'application/zip', await exportQdpx(store))
        : exportFile(exportFileName(store.data.name, 'codebook', 'qdc'), 'application/xml', exportQdc(store));
    },
    'export.table': async ({ name, columns, rows }) => {
      const { store } = session();
      const out = await writeWorkbook([{ name, columns, rows }]);
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
