import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../../shared/agreement/report-tables';
import { agreementSheet, WHY_UNDEFINED } from '../../../electron/services/export/agreement-sheets';
import { runExport } from '../../../electron/services/export/export-job';
import { memorySink, workbookBytes } from '../../../electron/services/export/workbook';
import { useTempDirs } from '../../helpers/temp-dir';
import { buildExportFixture, XLSX } from './export-fixture';

const tempDir = useTempDirs();

const report: ReportTable = {
  name: 'Agreement by code',
  columns: [
    { header: 'Code', type: 'text' },
    { header: 'Both', type: 'number' },
    { header: '% agreement (pooled)', type: 'number' },
    { header: 'κ (pooled)', type: 'number' },
    { header: 'α (pooled)', type: 'number' },
  ],
  rows: [
    ['Tackling stigma', 1200, 0.8787878787, 0.61234567, 0.6101],
    ['Zero suicide', 0, 1, "undefined: Cohen's κ needs variation: both coders left every character uncoded", "undefined: Cohen's κ needs variation: both coders left every character uncoded"],
  ],
};

describe('agreement sheets', () => {
  it('give figures number formats, and an undefined figure an empty cell with its reason beside the row', async () => {
    const sheet = agreementSheet(report);
    expect(sheet.columns.map((c) => [c.header, c.type ?? 'text'])).toEqual([
      ['Code', 'text'],
      ['Both', 'number'],
      ['% agreement (pooled)', 'percent'],
      ['κ (pooled)', 'decimal'],
      ['α (pooled)', 'decimal'],
      [WHY_UNDEFINED, 'text'],
    ]);
    const { bytes } = await workbookBytes([sheet]);
    const ws = XLSX.read(Buffer.from(bytes), { cellNF: true }).Sheets['Agreement by code']!;
    expect(ws.C2).toMatchObject({ t: 'n', v: 0.8787878787, z: '0.0%', w: '87.9%' });
    expect(ws.D2).toMatchObject({ t: 'n', z: '0.000', w: '0.612' });
    expect(ws.B2).toMatchObject({ t: 'n', v: 1200 });
    expect(ws.F2).toBeUndefined();
    // Both measures are undefined for the same reason: said once, naming both.
    expect(ws.D3).toBeUndefined();
    expect(ws.E3).toBeUndefined();
    expect(ws.F3!.v).toBe("κ (pooled), α (pooled): Cohen's κ needs variation: both coders left every character uncoded");
    // A table with every figure defined needs no such column.
    expect(agreementSheet({ ...report, rows: [report.rows[0]!] }).columns.map((c) => c.header)).not.toContain(WHY_UNDEFINED);
  });

  it('in the export workbook cover the documents, codes and coders the export dialog chose', async () => {
    const fx = await buildExportFixture(await tempDir());
    const { data } = fx.store;
    const [amara, tom] = data.coders;
    const codeId = data.codebook.find((c) => c.name === 'Tackling stigma')!.id;
    const { sink, bytes } = memorySink();
    await runExport(
      fx.store,
      {
        format: 'xlsx',
        selection: { codeIds: [codeId], documentIds: null, attributes: { Borough: ['Hackney', 'Newham', 'Camden'] }, coderIds: null },
        workbook: { attributeColumns: 'all', crossAttributes: [], rollUp: true, counting: 'distinct', sheetPerCode: false, agreement: { coderIds: [amara!.id, tom!.id], mode: 'character', allDocuments: true } },
      },
      sink,
    );
    const wb = XLSX.read(Buffer.from(bytes()), { cellNF: true });
    const byDocument = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Agreement by code and document']!);
    const chosen = data.documents.filter((d) => ['Hackney', 'Newham', 'Camden'].includes(String(d.attributes.Borough))).map((d) => d.name);
    expect(chosen.length).toBeGreaterThan(3);
    expect(new Set(byDocument.map((r) => r.Document))).toEqual(new Set(chosen));
    expect(new Set(byDocument.map((r) => r.Code))).toEqual(new Set(['Tackling stigma']));
    const byCode = wb.Sheets['Agreement by code']!;
    const headers = XLSX.utils.sheet_to_json<string[]>(byCode, { header: 1 })[0]!;
    const percent = XLSX.utils.encode_cell({ r: 1, c: headers.indexOf('% agreement (pooled)') });
    const kappa = XLSX.utils.encode_cell({ r: 1, c: headers.indexOf('κ (pooled)') });
    expect(byCode[percent]).toMatchObject({ t: 'n', z: '0.0%' });
    expect(byCode[kappa]).toMatchObject({ t: 'n', z: '0.000' });
    for (const name of wb.SheetNames) expect(wb.Sheets[name]!['!autofilter'], name).toBeDefined();
  });
});
