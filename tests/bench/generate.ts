import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashText } from '../../electron/services/project/project-store';
import { SeededRandom } from '../../shared/agreement/seeded-random';
import { coderFileSchema, projectFileSchema, turnsFileSchema } from '../../shared/domain/schemas';
import type { Code, Coder, CoderFile, Coding, DocumentMeta, Memo, ProjectFile, Turn } from '../../shared/domain/schemas';
import { CoderState } from '../../shared/domain/state/coder-state';
import { splitTurns } from '../../shared/text/turns';

/**
 * The benchmark project: from a fixed seed, a multi-site study of 1,000 transcripts
 * (10,000,000 characters in all, one of them 1,000,000), 300 codes in a tree, 3 coders and
 * 200,000 codings, written straight into the on-disk format (project.json, sources/,
 * coders/) and validated against the zod schemas once at the end.
 *
 *   node --import tsx tests/bench/generate.ts DIR [--seed N]
 */

export const BIG_DOCUMENT_NAME = 'Big conversation (1 MB)';

export interface GenerateOptions {
  seed: number;
  documents: number;
  totalChars: number;
  bigDocumentChars: number;
  codes: number;
  codings: number;
}

export const defaultOptions: GenerateOptions = {
  seed: 20260105,
  documents: 1000,
  totalChars: 10_000_000,
  bigDocumentChars: 1_000_000,
  codes: 300,
  codings: 200_000,
};

export interface GeneratedSummary {
  dir: string;
  seed: number;
  documents: number;
  totalChars: number;
  bigDocumentId: string;
  bigDocumentChars: number;
  bigDocumentTurns: number;
  bigDocumentCodings: number;
  codes: number;
  codableCodes: number;
  coders: { id: string; name: string; codings: number; memos: number; fileBytes: number }[];
  codings: number;
  projectFileBytes: number;
  totalBytes: number;
  generateMs: number;
  validateMs: number;
}

// ---- PRNG ----------------------------------------------------------------------------------

/** The shared seeded generator, with what the generator needs on top. */
export class Rng extends SeededRandom {
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A UUID-shaped id (v4 layout), as the app's randomUUID makes. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const a = hex(this.u32());
    const b = hex(this.u32());
    const c = hex(this.u32());
    const d = hex(this.u32());
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}

// ---- Vocabulary --------------------------------------------------------------------------

const SITES = ['Hackney', 'Lambeth', 'Newham', 'Croydon', 'Camden', 'Brent', 'Lewisham', 'Tower Hamlets', 'Haringey', 'Southwark', 'Ealing', 'Barnet'];
const GROUPS = ['Young people', 'Parents and carers', 'Practitioners', 'Commissioners', 'Older residents', 'Faith leaders'];
const SPEAKERS = ['Facilitator', 'Interviewer', 'Participant 1', 'Participant 2', 'Participant 3', 'Participant 4', 'Participant 5', 'Youth worker', 'Parent', 'Nurse', 'GP', 'Teacher'];

const SUBJECTS = [
  'the waiting list', 'our GP', 'the youth club', 'my daughter', 'the council', 'the school nurse', 'the helpline', 'my manager',
  'the community centre', 'the mosque', 'the food bank', 'the social worker', 'the housing officer', 'my neighbour', 'the clinic',
  'the peer group', 'the app', 'the crisis team', 'the library', 'the church hall', 'my mum', 'the pharmacy', 'the job centre',
];
const VERBS = [
  'told us', 'never explained', 'helped with', 'kept asking about', 'did not follow up on', 'made it harder to get', 'really changed',
  'sort of ignored', 'pointed us towards', 'cut back on', 'started offering', 'was honest about', 'took months to sort out',
  'gave us a leaflet about', 'asked nobody about', 'listened properly to', 'talked down to us about', 'tried to fix',
];
const OBJECTS = [
  'the referral', 'counselling', 'the assessment', 'money worries', 'loneliness', 'the cost of travel', 'what was on offer',
  'sleep', 'exam stress', 'the stigma', 'our housing', 'the language barrier', 'talking therapies', 'the first appointment',
  'where else to go', 'staff turnover', 'the online forms', 'the evening sessions', 'childcare', 'the benefits letter',
  'a café’s drop-in', 'the résumé workshop', 'the waiting room', 'the crisis line',
];
const FILLERS = [
  'honestly', 'to be fair', 'you know', 'I mean', 'at the time', 'in the end', 'for a while', 'if I’m honest', 'like I said',
  'to be honest with you', 'every single time', 'more or less', 'looking back',
];
const CLAUSES = [
  'and nobody told us where else we could go for help',
  'because the bus takes an hour each way',
  'which made a real difference to how we felt',
  'so we stopped going after a few weeks',
  'but it felt like ticking boxes rather than listening',
  'and that is when things started to improve',
  'though the staff were lovely when you got there',
  'and I think a lot of families are in the same position',
  'so it was really down to word of mouth',
  'which nobody seemed to have thought about',
];
const QUESTIONS = [
  'Can you tell me a bit more about that?',
  'What would have made it easier?',
  'How did that feel at the time?',
  'Who else did you talk to about it?',
  'What happened next?',
  'Was that the same for other people you know?',
  'If you could change one thing, what would it be?',
];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentence(rng: Rng): string {
  const parts = [rng.pick(SUBJECTS), rng.pick(VERBS), rng.pick(OBJECTS)];
  if (rng.chance(0.35)) parts.unshift(`${rng.pick(FILLERS)},`);
  if (rng.chance(0.5)) parts.push(rng.pick(CLAUSES));
  if (rng.chance(0.2)) parts.push(`, ${rng.pick(FILLERS)}`);
  return `${capitalise(parts.join(' ').replace(' ,', ','))}.`;
}

function paragraph(rng: Rng, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(rng));
  return out.join(' ');
}

/** A transcript of exactly `length` characters: "Speaker: speech" turns, some of several paragraphs. */
function transcript(rng: Rng, length: number): string {
  const speakers = ['Facilitator', ...Array.from({ length: rng.int(1, 5) }, () => rng.pick(SPEAKERS.slice(2)))];
  const out: string[] = [];
  let size = 0;
  let turn = 0;
  while (size < length + 2) {
    const facilitator = turn % 2 === 0;
    const speaker = facilitator ? speakers[0]! : rng.pick(speakers.slice(1));
    let chunk = facilitator && rng.chance(0.7) ? `${speaker}: ${rng.pick(QUESTIONS)}` : `${speaker}: ${paragraph(rng, rng.int(1, 6))}`;
    if (!facilitator && rng.chance(0.25)) chunk += `\n\n${paragraph(rng, rng.int(1, 4))}`;
    out.push(chunk);
    size += chunk.length + 2;
    turn++;
  }
  let text = out.join('\n\n').slice(0, length);
  // Never end on whitespace (the cut may fall anywhere).
  if (/\s$/.test(text)) text = `${text.slice(0, -1)}.`;
  return text;
}

// ---- Codebook ----------------------------------------------------------------------------

const THEMES = [
  'Access to services', 'Stigma and attitudes', 'Community assets', 'Workforce', 'Money and housing',
  'Children and young people', 'Crisis support', 'Digital', 'Culture and faith', 'Partnership working',
];
const SUBTHEMES = [
  'Waiting times', 'Referral routes', 'Travel and distance', 'Opening hours',
  'Family attitudes', 'Workplace stigma', 'Self-stigma', 'Media and language',
  'Peer support', 'Faith groups', 'Libraries and hubs', 'Volunteering',
  'Staff turnover', 'Training', 'Burnout', 'Lived experience roles',
  'Debt', 'Benefits', 'Overcrowding', 'Food insecurity',
  'School pressure', 'Transitions', 'Youth clubs', 'Online harms',
  'Out of hours', 'A&E experiences', 'Helplines', 'Safety planning',
  'Online forms', 'Apps', 'Digital exclusion', 'Remote therapy',
  'Language barriers', 'Trusted messengers', 'Racism', 'Cultural competence',
  'Data sharing', 'Joint commissioning', 'Voluntary sector', 'Pooled budgets',
];
const FACETS = ['barriers', 'enablers', 'experiences', 'suggestions', 'impact', 'examples'];
const EXTRA_CODES = ['Quotable', 'Follow up', 'Contradiction', 'Strong emotion', 'Recommendation', 'Surprising', 'Good practice', 'Gap in provision', 'Policy link', 'Unclear'];
const COLOURS = ['#2a9d8f', '#e76f51', '#457b9d', '#8e5ea2', '#f4a261', '#52b788', '#c0392b', '#0096c7', '#b5838d', '#e9c46a', '#6a4c93', '#80b918'];

function codebook(rng: Rng, count: number): Code[] {
  const codes: Code[] = [];
  const add = (name: string, parentId: string | null, codable: boolean): Code => {
    const described = rng.chance(0.4);
    const code: Code = {
      id: rng.uuid(),
      name,
      color: rng.pick(COLOURS),
      parentId,
      codable,
      rank: codes.length,
      description: {
        definition: described ? `Passages about ${name.toLowerCase()}.` : '',
        whenToUse: described && rng.chance(0.5) ? 'When a participant describes it in their own words.' : '',
        whenNotToUse: '',
        example: '',
      },
    };
    codes.push(code);
    return code;
  };
  // 10 folders × (4 codes × (1 + 6 sub-codes)) + 10 top-level codes = 300 (depth 3).
  THEMES.forEach((theme, t) => {
    const folder = add(theme, null, false);
    for (let s = 0; s < 4; s++) {
      const sub = add(SUBTHEMES[t * 4 + s]!, folder.id, true);
      for (const facet of FACETS) add(`${sub.name}: ${facet}`, sub.id, true);
    }
  });
  for (const name of EXTRA_CODES) add(name, null, true);
  if (codes.length !== count) throw new Error(`codebook has ${codes.length} codes, expected ${count}`);
  return codes;
}

// ---- Codings -----------------------------------------------------------------------------

const CODER_NAMES = ['Amara Okafor', 'Tom Reilly', 'Priya Shah'];
const CODER_COLOURS = ['#1d70b8', '#d4351c', '#00703c'];
/** Probability that each coder codes a given passage: overlapping, but unequal, work. */
const CODER_RATES = [0.85, 0.75, 0.55];

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Start of the word at or after `i`; end of the word at or before `i`. */
function wordStart(text: string, i: number): number {
  const space = text.lastIndexOf(' ', i);
  const line = text.lastIndexOf('\n', i);
  return Math.max(space, line) + 1;
}
function wordEnd(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && text.charCodeAt(j) !== 32 && text.charCodeAt(j) !== 10) j++;
  return j;
}

/** Keeps a passage between 20 and 600 characters, ending at a word end where it can. */
function clampPassage(text: string, start: number, end: number): [number, number] {
  const limit = text.length;
  let s = Math.min(start, limit - 20);
  if (s < 0) s = 0;
  let e = end;
  if (e - s < 20) e = Math.min(limit, wordEnd(text, s + 20, limit));
  if (e - s > 600) {
    const space = text.lastIndexOf(' ', s + 600);
    e = space > s + 20 ? space : s + 600;
  }
  return [s, Math.min(e, limit)];
}

/** A passage length between 20 and 600, most of them short (a sentence or two). */
function passageLength(rng: Rng): number {
  return Math.round(20 * Math.pow(30, Math.pow(rng.next(), 1.3)));
}

// ---- The project -------------------------------------------------------------------------

export async function generateProject(dirArg: string, options: GenerateOptions = defaultOptions): Promise<GeneratedSummary> {
  const started = performance.now();
  const dir = resolve(dirArg);
  const rng = new Rng(options.seed);
  await mkdir(join(dir, 'sources'), { recursive: true });
  await mkdir(join(dir, 'coders'), { recursive: true });
  const existing = await readdir(join(dir, 'sources'));
  if (existing.length > 0) throw new Error(`${dir} already holds a project: generate into an empty folder.`);

  const codes = codebook(rng, options.codes);
  const codable = codes.filter((c) => c.codable);
  // Zipf-like use of codes: a few codes carry much of the coding.
  const codeWeights = codable.map((_, i) => 1 / Math.pow(i + 1, 0.8));
  const rank = codable.map((_, i) => i);
  for (let i = rank.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  const cumulative: number[] = [];
  let acc = 0;
  for (let i = 0; i < codable.length; i++) cumulative.push((acc += codeWeights[rank[i]!]!));
  const pickCode = (): Code => {
    const r = rng.next() * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return codable[lo]!;
  };
  const siblingsOf = new Map<string, Code[]>();
  for (const c of codable) siblingsOf.set(c.id, codable.filter((x) => x.parentId === c.parentId && x.id !== c.id));

  // Document lengths: one of exactly bigDocumentChars, the rest log-uniform and scaled to the total.
  const others = options.documents - 1;
  const raw = Array.from({ length: others }, () => Math.exp(Math.log(2500) + rng.next() * (Math.log(30000) - Math.log(2500))));
  const rest = options.totalChars - options.bigDocumentChars;
  const scale = rest / raw.reduce((a, b) => a + b, 0);
  const lengths = raw.map((r) => Math.max(500, Math.round(r * scale)));
  lengths[lengths.length - 1]! += rest - lengths.reduce((a, b) => a + b, 0);
  lengths.unshift(options.bigDocumentChars);

  const baseTime = Date.UTC(2025, 8, 1, 9, 0, 0);
  const documents: DocumentMeta[] = [];
  const texts: string[] = [];
  const counters = new Map<string, number>();
  let bigTurns = 0;
  const writes: Promise<void>[] = [];
  for (let i = 0; i < lengths.length; i++) {
    const id = rng.uuid();
    const text = transcript(rng, lengths[i]!);
    const turns: Turn[] = splitTurns(text, 'colon');
    const site = rng.pick(SITES);
    const group = rng.pick(GROUPS);
    const n = (counters.get(site) ?? 0) + 1;
    counters.set(site, n);
    const date = new Date(Date.UTC(2025, 0, 6) + rng.int(0, 300) * 86_400_000).toISOString().slice(0, 10);
    const name = i === 0 ? BIG_DOCUMENT_NAME : `${site} ${String(n).padStart(3, '0')}: ${group.toLowerCase()}`;
    if (i === 0) bigTurns = turns.length;
    documents.push({
      id,
      name,
      hash: hashText(text),
      length: text.length,
      turnCount: turns.length,
      attributes: { Site: site, 'Stakeholder group': group, 'Interview date': date, Participants: rng.int(1, 8) },
      importedFrom: `${site.toLowerCase().replace(/ /g, '-')}/${name.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}.docx`,
      importedAt: iso(baseTime + i * 60_000),
      rank: 0,
    });
    texts.push(text);
    writes.push(writeFile(join(dir, 'sources', `${id}.txt`), text));
    writes.push(writeFile(join(dir, 'sources', `${id}.turns.json`), JSON.stringify({ schemaVersion: 1, documentId: id, turns })));
    if (writes.length >= 64) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes.splice(0));

  const coders: Coder[] = CODER_NAMES.map((name, i) => ({ id: rng.uuid(), name, color: CODER_COLOURS[i]!, rank: i }));
  const codingsOf: Coding[][] = coders.map(() => []);

  // Passages: each is coded by a subset of coders, with boundaries that drift and sometimes a
  // neighbouring code, so the coders agree often but not always. Some documents are coded
  // far more densely than others; the passages per document follow length × density.
  const density = documents.map((_, i) => (i === 0 ? 1 : Math.pow(rng.next(), 2) * 3 + 0.15));
  const weights = documents.map((d, i) => d.length * density[i]!);
  const weightTotal = weights.reduce((a, b) => a + b, 0);
  const expectedPerPassage = CODER_RATES.reduce((a, b) => a + b, 0);
  const passages = weights.map((w) => Math.max(1, Math.round((w / weightTotal) * (options.codings / expectedPerPassage))));
  let total = 0;
  let clock = 0;
  let bigCodings = 0;
  outer: for (let round = 0; ; round++) {
    for (let d = 0; d < documents.length; d++) {
      const doc = documents[d]!;
      const text = texts[d]!;
      const count = round === 0 ? passages[d]! : 1;
      for (let p = 0; p < count; p++) {
        if (total >= options.codings) break outer;
        const length = Math.min(passageLength(rng), doc.length - 1);
        const start = wordStart(text, rng.int(0, doc.length - length));
        const end = Math.max(start + 1, wordEnd(text, start + length, doc.length));
        const code = pickCode();
        const who = coders.map((_, c) => rng.chance(CODER_RATES[c]!));
        if (!who.some(Boolean)) who[0] = true;
        for (let c = 0; c < coders.length && total < options.codings; c++) {
          if (!who[c]) continue;
          let s = start;
          let e = end;
          if (!rng.chance(0.3)) {
            s = wordStart(text, Math.max(0, Math.min(doc.length - 2, s + rng.int(-40, 40))));
            e = Math.min(doc.length, wordEnd(text, Math.max(s + 1, e + rng.int(-40, 40)), doc.length));
          }
          [s, e] = clampPassage(text, s, e);
          const siblings = siblingsOf.get(code.id)!;
          const codeId = rng.chance(0.08) && siblings.length ? rng.pick(siblings).id : code.id;
          codingsOf[c]!.push({ id: rng.uuid(), documentId: doc.id, codeId, start: s, end: e, createdAt: iso(baseTime + 86_400_000 + (clock += 7_000)) });
          total++;
          if (d === 0) bigCodings++;
        }
      }
    }
  }

  // Memos: on codings, documents, codes and the project.
  const memoTexts = [
    'Strong example of the theme; use in the report.',
    'Check this against the site visit notes.\nThe participant returns to it later.',
    'Not sure this fits here: discuss at the next coding meeting.',
    'Contradicts what the commissioners said in the same borough.',
  ];
  const memosOf: Memo[][] = coders.map((_, c) => {
    const memos: Memo[] = [];
    const make = (target: Memo['target']) => {
      const at = iso(baseTime + 90 * 86_400_000 + (clock += 60_000));
      memos.push({ id: rng.uuid(), target, text: rng.pick(memoTexts), createdAt: at, updatedAt: at });
    };
    for (let i = 0; i < 60; i++) make({ type: 'coding', id: rng.pick(codingsOf[c]!).id });
    for (let i = 0; i < 20; i++) make({ type: 'document', id: rng.pick(documents).id });
    for (let i = 0; i < 15; i++) make({ type: 'code', id: rng.pick(codes).id });
    for (let i = 0; i < 5; i++) make({ type: 'project' });
    return memos;
  });

  const project: ProjectFile = {
    schemaVersion: 2,
    id: rng.uuid(),
    name: 'Benchmark: multi-site study',
    description: 'Generated by tests/bench/generate.ts from a fixed seed.',
    createdAt: iso(baseTime),
    codebook: codes,
    attributes: [
      { name: 'Site', type: 'text', rank: 0 },
      { name: 'Stakeholder group', type: 'text', rank: 1 },
      { name: 'Interview date', type: 'date', rank: 2 },
      { name: 'Participants', type: 'number', rank: 3 },
    ],
    // The big document sits mid-list: the app opens the first document by itself, and the
    // benchmark times opening this one from a click.
    documents: [...documents.slice(1, 1 + Math.floor(others / 2)), documents[0]!, ...documents.slice(1 + Math.floor(others / 2))].map((d, rank) => ({ ...d, rank })),
    coders,
    sets: [],
    queries: [],
  };
  // The store's own serialisation (json-store.ts writes JSON.stringify(data, null, 1)).
  const projectText = JSON.stringify(project, null, 1);
  await writeFile(join(dir, 'project.json'), projectText);
  const coderSummaries: GeneratedSummary['coders'] = [];
  for (let c = 0; c < coders.length; c++) {
    // In the order the app saves a coder file (by document, then position), as it would have left it.
    const file: CoderFile = new CoderState(coders[c]!.id, { schemaVersion: 2, coderId: coders[c]!.id, codings: codingsOf[c]!, memos: memosOf[c]!, done: [], decisions: [] }).toFile();
    const content = JSON.stringify(file, null, 1);
    await writeFile(join(dir, 'coders', `${coders[c]!.id}.json`), content);
    coderSummaries.push({ id: coders[c]!.id, name: coders[c]!.name, codings: codingsOf[c]!.length, memos: memosOf[c]!.length, fileBytes: Buffer.byteLength(content) });
  }
  const generateMs = performance.now() - started;

  // Validation, once, from the files as written.
  const v0 = performance.now();
  projectFileSchema.parse(JSON.parse(await readFile(join(dir, 'project.json'), 'utf-8')));
  for (const coder of coders) coderFileSchema.parse(JSON.parse(await readFile(join(dir, 'coders', `${coder.id}.json`), 'utf-8')));
  for (let i = 0; i < documents.length; i++) {
    const doc = documents[i]!;
    const turns = turnsFileSchema.parse(JSON.parse(await readFile(join(dir, 'sources', `${doc.id}.turns.json`), 'utf-8')));
    if (turns.documentId !== doc.id || turns.turns.length !== doc.turnCount) throw new Error(`turns of ${doc.name} do not match`);
    const text = await readFile(join(dir, 'sources', `${doc.id}.txt`), 'utf-8');
    if (text.length !== doc.length || hashText(text) !== doc.hash) throw new Error(`text of ${doc.name} does not match its hash`);
  }
  const validateMs = performance.now() - v0;

  const totalChars = texts.reduce((n, t) => n + t.length, 0);
  const textBytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  return {
    dir,
    seed: options.seed,
    documents: documents.length,
    totalChars,
    bigDocumentId: documents[0]!.id,
    bigDocumentChars: documents[0]!.length,
    bigDocumentTurns: bigTurns,
    bigDocumentCodings: bigCodings,
    codes: codes.length,
    codableCodes: codable.length,
    coders: coderSummaries,
    codings: total,
    projectFileBytes: Buffer.byteLength(projectText),
    totalBytes: Buffer.byteLength(projectText) + coderSummaries.reduce((n, c) => n + c.fileBytes, 0) + textBytes,
    generateMs,
    validateMs,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const seedAt = args.indexOf('--seed');
  if (!dir) {
    process.stderr.write('usage: node --import tsx tests/bench/generate.ts DIR [--seed N]\n');
    process.exit(2);
  }
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : defaultOptions.seed;
  generateProject(dir, { ...defaultOptions, seed }).then(
    (summary) => process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
