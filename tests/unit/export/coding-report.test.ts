import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { agreementRequest, computeAgreement } from '../../../electron/services/agreement/agreement-service';
import { buildCodingReport, codingReportHtml } from '../../../electron/services/export/report';
import { everything } from '../../../electron/services/export/coded-data';
import { runExport } from '../../../electron/services/export/export-job';
import { writeOutputFile } from '../../../electron/services/export/output-file';
import { updateCode } from '../../../shared/operations/code-ops';
import { useTempDirs } from '../../helpers/temp-dir';
import { buildExportFixture } from './export-fixture';
import { operationContext } from '../../../shared/operations/context';

const tempDir = useTempDirs();
const CHROMIUM = process.env.MARGINALIA_CHROMIUM ?? '/usr/bin/chromium';
const HOSTILE_NAME = '<script>alert("name")</script> & Tackling stigma';
const HOSTILE_DEFINITION = '</style><img src=x onerror=alert(1)> "quoted" \'single\'';

/** The fixture project (sample + hostile documents and memos) with a code named and defined to break naive HTML. */
async function hostileProject(root: string) {
  const fixture = await buildExportFixture(root);
  const { store } = fixture;
  const stigma = store.data.codebook.find((c) => c.name === 'Tackling stigma')!;
  const ctx = operationContext(store.state, { newId: () => 'unused', now: () => new Date() });
  await store.applyPatch(updateCode(ctx, { codeId: stigma.id, name: HOSTILE_NAME, description: { definition: HOSTILE_DEFINITION } }));
  return fixture;
}

describe('the coding report', () => {
  it('puts the methods paragraph, when given, above the agreement table; escapes it like every user string', async () => {
    const { store } = await hostileProject(await tempDir());
    const coders = store.data.coders.filter((c) => c.name !== 'Test Coder').map((c) => c.id);
    const result = computeAgreement(store, agreementRequest({ coderIds: coders, codeIds: null, documentIds: null, attributes: {}, mode: 'character' }));
    const html = codingReportHtml(await buildCodingReport(store, { agreement: { result, methods: 'Two coders <coded> 20 documents.' } }));
    expect(html).toMatch(/<h3>Methods<\/h3><p class="methods">Two coders &lt;coded&gt; 20 documents\.<\/p>[\s\S]*Agreement by code/);
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).not.toContain('<img');
    expect((await buildCodingReport(store, { agreement: null })).agreementNote).toMatch(/left out/);
    await store.close();
  });

  it.skipIf(!existsSync(CHROMIUM))('opens in Chromium without JavaScript and nothing fetched, shows every code\'s passages, and prints to PDF', async () => {
    const root = await tempDir();
    const { store, codingMemo } = await hostileProject(root);
    const file = join(root, 'Coding report.html');
    // As `marginalia export --report` and the export dialog write it.
    const written = await writeOutputFile(file, false, (stream) => runExport(store, { format: 'report', selection: everything }, stream));
    const report = await buildCodingReport(store);
    await store.close();
    expect(Number(/(\d+) passages/.exec(written.result.contents)?.[1])).toBeGreaterThan(150);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage({ javaScriptEnabled: false });
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(await page.title()).toBe('Coding report: Thrive LDN community conversations (synthetic demo)');
      expect(await page.locator('script, img, iframe, link, object').count()).toBe(0);

      // Every codable code has its section, holding exactly its passages, in order.
      for (const code of report.codes.filter((c) => c.codable)) {
        const section = page.locator(`[id="code-${code.id}"]`);
        await expect.poll(() => section.locator('.quote').allTextContents()).toEqual(code.passages.map((p) => p.text));
      }
      // User strings show as written, never as markup.
      await expect.poll(() => page.locator('#codebook h3', { hasText: '<script>' }).first().textContent()).toContain(HOSTILE_NAME);
      expect(await page.locator('#codebook dd', { hasText: '</style>' }).first().textContent()).toBe(HOSTILE_DEFINITION);
      expect(await page.locator('.passage .memo', { hasText: '<angled>' }).first().textContent()).toBe(`Memo ${codingMemo}`);
      const emoji = await page.locator('.passage', { hasText: 'the 🌳 park' }).first().locator('.meta').textContent();
      expect(emoji).toMatch(/^Emoji 🌳 chat · Speaker: Resident · Coder: Test Coder · characters \d+–\d+$/);
      // The matrices count distinct passages (the workbook's default), and say so.
      expect(await page.locator('#matrices caption').allTextContents()).toEqual([
        "Passages per code and Borough: distinct passages, so several coders' codings of the same text count once; a code's row leaves out its sub-codes",
        "Passages per code and Stakeholder group: distinct passages, so several coders' codings of the same text count once; a code's row leaves out its sub-codes",
      ]);
      expect(await page.locator('#agreement caption').textContent()).toBe('Agreement by code');
      expect(await page.locator('#agreement .about').textContent()).toMatch(/Character mode, 3 coders/);
      // A heading over every column: characters coded by some and all 3 of the coders, then the figures.
      const headers = await page.locator('#agreement th').allTextContents();
      expect(headers.slice(1, 3)).toEqual(['By some', 'By all 3']);
      // Without a paragraph given, the report writes its own from the same figures.
      expect(await page.locator('#agreement .methods').textContent()).toMatch(/3 coders/);
      for (const row of await page.locator('#agreement tbody tr:not(.note)').all()) expect(await row.locator('td').count()).toBe(headers.length);

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const raw = Buffer.from(pdf).toString('latin1');
      expect(raw.startsWith('%PDF-')).toBe(true);
      const boxes = [...raw.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => (Number(m[1]) < Number(m[2]) ? 'portrait' : 'landscape'));
      // A4 portrait for the text, landscape for the wide tables at the end.
      expect(boxes.filter((b) => b === 'portrait').length).toBeGreaterThan(10);
      expect(boxes.slice(boxes.indexOf('landscape'))).toEqual(boxes.filter((b) => b === 'landscape'));
      expect(boxes.filter((b) => b === 'landscape').length).toBeGreaterThanOrEqual(2);
    } finally {
      await browser.close();
    }
    expect((await readFile(file, 'utf-8')).length).toBeGreaterThan(50_000);
  }, 120_000);
});
