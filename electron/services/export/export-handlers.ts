import type { ExportFile, Handlers } from '../../../shared/api/contract';
import { agreementReportJson, agreementReportTables, agreementRequest } from '../agreement/agreement-service';
import type { EventHub } from '../events';
import type { ProjectSession } from '../workbench/project-session';
import { codeCoOccurrence, codeMatrix } from './analysis';
import { exportCodedSegmentsCsv } from './csv-export';
import { exportWorkbook } from './excel-export';
import { exportQdc, exportQdpx } from './refi-export';
import { writeWorkbook } from './workbook';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fileName(project: string, what: string, ext: string): string {
  const safe = project.replace(/[^\p{L}\p{N} ._()-]+/gu, '').trim() || 'Marginalia';
  return `${safe} - ${what}.${ext}`;
}

function file(name: string, mimeType: string, bytes: Uint8Array | string, notes: string[] = []): ExportFile {
  return { fileName: name, mimeType, base64: Buffer.from(bytes).toString('base64'), notes };
}

/** Exports (Excel, CSV, REFI-QDA, agreement tables) and the counts behind the matrix views. */
export function exportHandlers(
  session: () => ProjectSession,
  events: EventHub,
): Pick<Handlers, 'export.workbook' | 'export.csv' | 'export.refi' | 'export.table' | 'agreement.export' | 'analysis.matrix' | 'analysis.cooccurrence'> {
  const onProgress = (done: number, total: number, stage: string) => events.emit('export.progress', { done, total, stage });
  return {
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
      return file(fileName(store.data.name, 'coded segments', 'xlsx'), XLSX_TYPE, out.bytes, out.notes);
    },
    'export.csv': async ({ selection, attributeColumns }) => {
      const { store } = session();
      const csv = await exportCodedSegmentsCsv(store, selection, { attributeColumns, onProgress });
      return file(fileName(store.data.name, 'coded segments', 'csv'), 'text/csv', csv);
    },
    'export.refi': async ({ format }) => {
      const { store } = session();
      return format === 'qdpx'
        ? file(fileName(store.data.name, 'REFI-QDA project', 'qdpx'), 'application/zip', await exportQdpx(store))
        : file(fileName(store.data.name, 'codebook', 'qdc'), 'application/xml', exportQdc(store));
    },
    'export.table': async ({ name, columns, rows }) => {
      const { store } = session();
      const out = await writeWorkbook([{ name, columns, rows }]);
      return file(fileName(store.data.name, name, 'xlsx'), XLSX_TYPE, out.bytes, out.notes);
    },
    'agreement.export': async ({ format, ...request }) => {
      const { store } = session();
      const name = fileName(store.data.name, `agreement (${request.mode})`, format);
      if (format === 'json') return file(name, 'application/json', agreementReportJson(store, request));
      const out = await writeWorkbook(agreementReportTables(store, request));
      return file(name, XLSX_TYPE, out.bytes, out.notes);
    },
    'analysis.matrix': async (request) => codeMatrix(session().store, request),
    'analysis.cooccurrence': async ({ selection }) => codeCoOccurrence(session().store, selection),
  };
}
