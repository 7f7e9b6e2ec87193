import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { everything } from '../../../electron/services/export/coded-data';
import { exportWorkbook } from '../../../electron/services/export/excel-export';
import { memorySink } from '../../../electron/services/export/workbook';
import { useTempDirs } from '../../helpers/temp-dir';
import { buildExportFixture, FORMULA } from './export-fixture';

const tempDir = useTempDirs();
const PYTHON = '/usr/bin/python3';

function hasOpenpyxl(): boolean {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/** What openpyxl (the library QualCoder and many researchers' scripts use) reads from the workbook. */
const reader = String.raw`
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "detail": {}}
for ws in wb.worksheets:
    out["detail"][ws.title] = {
        "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "orientation": ws.page_setup.orientation,
        "fitToWidth": ws.page_setup.fitToWidth, "fitToPage": ws.sheet_properties.pageSetUpPr.fitToPage,
        "titles": ws.print_title_rows, "footer": [ws.oddFooter.left.text, ws.oddFooter.right.text],
        "header": [c.value for c in ws[1]], "headerBold": all(c.font.b for c in ws[1] if c.value is not None),
    }
seg = wb["Coded segments"]
head = [c.value for c in seg[1]]
rows = [[c for c in r] for r in seg.iter_rows(min_row=2)]
col = lambda name: head.index(name)
formula = next(r for r in rows if r[0].value == "Formula leaflet")
long = next(r for r in rows if r[0].value == "Long answer")
out["segments"] = {
    "rows": len(rows),
    "formula": {"value": formula[col("Coded text")].value, "type": formula[col("Coded text")].data_type, "wrap": formula[col("Coded text")].alignment.wrap_text},
    "longLength": len(long[col("Coded text")].value),
    "date": {"value": str(formula[col("Date")].value), "format": formula[col("Date")].number_format},
    "created": {"format": formula[col("Created")].number_format, "isDate": formula[col("Created")].is_date},
    "participants": formula[col("Participants")].value,
}
print(json.dumps(out))
`;

describe.skipIf(!hasOpenpyxl())('the workbook in openpyxl', () => {
  it('opens with every sheet, its header, filter, frozen row and print setup, and its cells typed as written', async () => {
    const dir = await tempDir();
    const fx = await buildExportFixture(dir);
    const { sink, bytes } = memorySink();
    await exportWorkbook(fx.store, everything, { attributeColumns: 'all', crossAttribute: 'Borough' }, sink);
    const file = join(dir, 'export.xlsx');
    await writeFile(file, bytes());
    const script = join(dir, 'read.py');
    await writeFile(script, reader);
    const seen = JSON.parse(execFileSync(PYTHON, [script, file], { encoding: 'utf8' })) as {
      sheets: string[];
      detail: Record<string, { freeze: string; filter: string; orientation: string; fitToWidth: number; fitToPage: boolean; titles: string; footer: string[]; header: string[]; headerBold: boolean }>;
      segments: { rows: number; formula: { value: string; type: string; wrap: boolean }; longLength: number; date: { value: string; format: string }; created: { format: string; isDate: boolean }; participants: number };
    };
    expect(seen.sheets).toEqual(['Coded segments', 'Codebook', 'Code × document', 'Code × Borough', 'Code × Borough (docs)', 'Co-occurrence', 'Memos', 'About', 'Notes']);
    for (const name of seen.sheets) {
      expect(seen.detail[name], name).toMatchObject({ freeze: 'A2', orientation: 'landscape', fitToWidth: 1, fitToPage: true, titles: '$1:$1', footer: ['&A', 'Page &P of &N'], headerBold: true });
      expect(seen.detail[name]!.filter, name).toMatch(/^A1(:[A-Z]+\d+)?$/);
    }
    const total = fx.store.data.coders.reduce((n, c) => n + fx.store.codingsOf(c.id).length, 0);
    expect(seen.detail['Coded segments']!.header.slice(0, 2)).toEqual(['Document', 'Borough']);
    expect(seen.segments.rows).toBe(total);
    expect(seen.segments.formula).toEqual({ value: `${FORMULA} was all it`, type: 's', wrap: true });
    expect(seen.segments.longLength).toBe(32_767);
    expect(seen.segments.date).toEqual({ value: '2017-05-02 00:00:00', format: 'yyyy-mm-dd' });
    expect(seen.segments.created).toEqual({ format: 'yyyy-mm-dd hh:mm', isDate: true });
    expect(seen.segments.participants).toBe(12);
  });
});
