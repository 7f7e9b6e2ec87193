import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProjectStore } from '../../../electron/services/project/project-store';
import { createSampleProject } from '../../../electron/services/project/sample-project';
import { subtreeIds } from '../../../shared/domain/codebook';
import { XLSX, unzip } from '../export/export-fixture';
import { marginalia } from '../../helpers/cli';
import { fixedDeps } from '../../helpers/temp-dir';

// Each test runs the command several times, a second or more each on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const rowsOf = (bytes: Buffer, sheet: string) => XLSX.utils.sheet_to_json<Record<string, unknown>>(XLSX.read(bytes).Sheets[sheet]!, { defval: null });

describe('marginalia export', () => {
  let root: string;
  let project: string;
  let store: ProjectStore;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'marginalia-test-'));
    project = join(root, 'Thrive.marginalia');
    // The sample: 17 documents coded by two coders. It stays open (and locked) here, as it
    // would be in the app: the export reads it without the lock.
    store = await createSampleProject(resolve('resources'), project, fixedDeps());
  });
  afterAll(async () => {
    await store.close();
    await rm(root, { recursive: true, force: true });
  });

  it('writes the workbook of what the filters pick out, and refuses to overwrite it without --force', async () => {
    const file = join(root, 'stigma.xlsx');
    const args = ['export', project, '--xlsx', file, '--codes', 'Tackling stigma,Zero suicide', '--coders', 'Amara Okafor', '--where', 'Borough=Hackney', '--where', 'Borough=Newham'];
    const first = await marginalia(...args);
    // Nothing but progress lines (shown once an export takes over a second, as it may on a busy machine).
    for (const line of first.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^[^:]+: [\d,]+ of [\d,]+$/);
    expect(first.code).toBe(0);
    const { data } = store;
    const amara = data.coders.find((c) => c.name === 'Amara Okafor')!;
    const codes = new Set(['Tackling stigma', 'Zero suicide'].flatMap((name) => subtreeIds(data.codebook, data.codebook.find((c) => c.name === name)!.id)));
    const boroughs = new Map(data.documents.map((d) => [d.id, d.attributes.Borough]));
    const expected = store.codingsOf(amara.id).filter((c) => codes.has(c.codeId) && ['Hackney', 'Newham'].includes(String(boroughs.get(c.documentId))));
    expect(expected.length).toBeGreaterThan(1);
    expect(first.stdout.trim()).toMatch(new RegExp(`^Wrote .*stigma\\.xlsx: \\d+ sheets, ${expected.length} codings \\(\\d+ KB, [\\d.]+ s\\)\\.$`));

    const bytes = await readFile(file);
    const rows = rowsOf(bytes, 'Coded segments');
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => r.Coder))).toEqual(new Set(['Amara Okafor']));
    expect(new Set(rows.map((r) => r.Borough))).toEqual(new Set(['Hackney', 'Newham']));
    expect(new Set(rows.map((r) => r['Top-level code']))).toEqual(new Set(['Tackling stigma', 'Zero suicide']));

    const again = await marginalia(...args);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/stigma\.xlsx already exists: give --force to replace it/);
    expect((await readFile(file)).equals(bytes)).toBe(true);
    const forced = await marginalia('export', project, '--xlsx', file, '--force', '--sheets', 'per-code,agreement', '--agreement-coders', 'Amara Okafor,Tom Reilly');
    expect(forced.code).toBe(0);
    const names = XLSX.read(await readFile(file)).SheetNames;
    expect(names).toEqual(expect.arrayContaining(['Coded segments', 'Code × Borough', 'Tackling stigma', 'Agreement by code']));
    // No temporary file is left beside it.
    expect((await readdir(root)).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('writes CSV for the documents named, and REFI-QDA projects and codebooks', async () => {
    const csvFile = join(root, 'hackney.csv');
    const hackney = store.data.documents.find((d) => d.attributes.Borough === 'Hackney')!;
    const csv = await marginalia('export', project, '--csv', csvFile, '--documents', hackney.name, '--columns', 'none');
    expect(csv.code).toBe(0);
    const text = await readFile(csvFile, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    const count = store.data.coders.reduce((n, c) => n + store.codingsOf(c.id).filter((k) => k.documentId === hackney.id).length, 0);
    expect(lines).toHaveLength(count + 1);
    expect(lines[0]!.startsWith('Document,Speaker,Code,')).toBe(true);
    expect(csv.stdout).toMatch(new RegExp(`: ${count} coded segments \\(`));

    const qdpxFile = join(root, 'nvivo.qdpx');
    const qdpx = await marginalia('export', project, '--qdpx', qdpxFile, '--offsets', 'utf16');
    expect(qdpx.code).toBe(0);
    expect(qdpx.stdout).toMatch(/17 documents, \d+ codings, offsets in UTF-16 units for NVivo/);
    const entries = await unzip(await readFile(qdpxFile));
    expect(entries.get('project.qde')!.toString()).toMatch(/origin="Marginalia \(offsets in UTF-16 code units, for NVivo\)"/);
    expect([...entries.keys()].filter((n) => n.startsWith('sources/'))).toHaveLength(17);

    const qdcFile = join(root, 'codes.qdc');
    expect((await marginalia('export', project, '--qdc', qdcFile)).code).toBe(0);
    expect(await readFile(qdcFile, 'utf8')).toMatch(/<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
  });

  it('writes the coding report (--report) with the same filters, a page without scripts', async () => {
    const file = join(root, 'report.html');
    const result = await marginalia('export', project, '--report', file, '--codes', 'Tackling stigma', '--coders', 'Amara Okafor');
    expect(result.code).toBe(0);
    const amara = store.data.coders.find((c) => c.name === 'Amara Okafor')!;
    const stigma = new Set(subtreeIds(store.data.codebook, store.data.codebook.find((c) => c.name === 'Tackling stigma')!.id));
    const passages = store.codingsOf(amara.id).filter((c) => stigma.has(c.codeId)).length;
    expect(passages).toBeGreaterThan(0);
    expect(result.stdout.trim()).toMatch(new RegExp(`^Wrote .*report\\.html: ${stigma.size} codes?, ${passages} passages? \\(`));
    const html = await readFile(file, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('Tom Reilly');
    const usage = await marginalia('export', project, '--report', file, '--force', '--cross', 'Borough');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--cross does not apply to --report/);
  });

  it('names the problem: exit 1 for what the project lacks or the disk refuses, exit 2 for wrong usage', async () => {
    const out = join(root, 'x.xlsx');
    const cases: [string[], number, RegExp][] = [
      [['--xlsx', out, '--codes', 'Nope'], 1, /--codes: there is no code "Nope" in this project/],
      [['--xlsx', out, '--coders', 'Nobody'], 1, /--coders: there is no coder "Nobody" in this project \(coders: "Amara Okafor", "Tom Reilly"\)/],
      [['--xlsx', out, '--where', 'Ward=3'], 1, /--where "Ward=3": there is no document attribute "Ward"/],
      [['--xlsx', out, '--where', 'Borough'], 2, /--where "Borough": write Attribute=Value/],
      [['--csv', join(root, 'no such folder', 'x.csv')], 1, /cannot write .*x\.csv: its folder does not exist/],
      [['--qdpx', out, '--codes', 'Tackling stigma'], 2, /--codes does not apply to --qdpx/],
      [['--xlsx', out, '--csv', out], 2, /choose one format/],
      [['--xlsx', out, '--sheets', 'pie-charts'], 2, /--sheets: unknown sheet "pie-charts"/],
    ];
    for (const [args, code, message] of cases) {
      const result = await marginalia('export', project, ...args);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
