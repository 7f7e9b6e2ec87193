import { normaliseText } from '../../../../shared/text/normalise';

/**
 * Mapping the selection positions a REFI-QDA exporter wrote onto our offsets.
 *
 * Ours: UTF-16 code units into normaliseText(shipped text) — no BOM, `\n` line ends, NFC.
 * Theirs depend on the program (see shared/refi-qda/NOTES.md):
 *  - the standard, QualCoder, qc: Unicode code points over the text as shipped;
 *  - NVivo for Windows: UTF-16 code units over the shipped .txt, counting CR and LF (checked
 *    on the NVivo 12.6 sample: BOM, CRLF and hundreds of emoji; the BOM is never counted);
 *  - ATLAS.ti: CR LF counted as one character.
 * No exporter counts the byte-order mark. Selections that cannot be placed are reported, never
 * silently clamped.
 */

export type OffsetUnit = 'utf16' | 'codepoint';

export interface OffsetScheme {
  unit: OffsetUnit;
  /** A CR LF pair counts as one position (ATLAS.ti). */
  crlfAsOne: boolean;
}

export const standardScheme: OffsetScheme = { unit: 'codepoint', crlfAsOne: false };

export function sameScheme(a: OffsetScheme, b: OffsetScheme): boolean {
  return a.unit === b.unit && a.crlfAsOne === b.crlfAsOne;
}

export function describeScheme(scheme: OffsetScheme): string {
  const unit = scheme.unit === 'utf16' ? 'UTF-16 code units' : 'Unicode code points';
  return `${unit}, CR LF counted as ${scheme.crlfAsOne ? 'one' : 'two'}`;
}

/** The unit a program is known to write, from the project's `origin` attribute; null when unknown. */
export function schemeForOrigin(origin: string | undefined): OffsetScheme | null {
  if (!origin) return null;
  // Marginalia says which it wrote: the standard's code points, or UTF-16 units for NVivo.
  if (/^marginalia\b/i.test(origin.trim())) return /utf-16/i.test(origin) ? { unit: 'utf16', crlfAsOne: false } : standardScheme;
  if (/nvivo/i.test(origin)) return { unit: 'utf16', crlfAsOne: false };
  if (/atlas\.?ti/i.test(origin)) return { unit: 'codepoint', crlfAsOne: true };
  if (/qualcoder/i.test(origin) || /^qc\b/i.test(origin.trim())) return standardScheme;
  return null;
}

/** Where a vendor position lands in the normalised text: `lo` when it opens a span, `hi` when it closes one. */
interface RawPositions {
  /** The shipped text without its BOM: what vendor positions count over. */
  raw: string;
  /** The normalised text. */
  text: string;
  /** Raw UTF-16 index → normalised index, rounding down (null: identity). */
  lo: Int32Array | null;
  /** Raw UTF-16 index → normalised index, rounding up (null: identity). */
  hi: Int32Array | null;
}

/** Code point clusters that NFC composes only within: a base and its marks, or a Hangul syllable in jamo. */
const nfcCluster = /[\u1100-\u115f]+[\u1160-\u11a7]+[\u11a8-\u11ff]*\p{M}*|[\uac00-\ud7a3][\u11a8-\u11ff]*\p{M}*|[\s\S]\p{M}*/gu;

/**
 * pre-index → normalised-index tables for NFC, or null when NFC changes nothing. Each
 * segment is normalised alone; a position inside a segment whose normal form differs rounds
 * to the segment's ends. If segment-wise NFC does not reproduce the whole (it always should),
 * lines are used as segments instead, and at worst the whole text.
 */
function nfcTables(pre: string, text: string): { lo: Int32Array; hi: Int32Array } | null {
  if (pre === text) return null;
  const segmenters: ((s: string) => string[])[] = [
    (s) => s.match(nfcCluster) ?? [],
    (s) => s.split(/(?<=\n)/),
    (s) => [s],
  ];
  for (const segment of segmenters) {
    const parts = segment(pre);
    const lo = new Int32Array(pre.length + 1);
    const hi = new Int32Array(pre.length + 1);
    let at = 0;
    let out = 0;
    let joined = '';
    for (const part of parts) {
      const normal = part.normalize('NFC');
      joined += normal;
      if (normal === part) {
        for (let i = 0; i < part.length; i++) lo[at + i] = hi[at + i] = out + i;
      } else {
        lo[at] = hi[at] = out;
        for (let i = 1; i < part.length; i++) {
          lo[at + i] = out;
          hi[at + i] = out + normal.length;
        }
      }
      at += part.length;
      out += normal.length;
    }
    lo[pre.length] = hi[pre.length] = out;
    if (joined === text) return { lo, hi };
  }
  throw new Error('NFC of the whole text differs from the normalised text');
}

function rawPositions(shipped: string): RawPositions {
  const raw = shipped.charCodeAt(0) === 0xfeff ? shipped.slice(1) : shipped;
  const text = normaliseText(shipped);
  if (raw === text) return { raw, text, lo: null, hi: null };

  // Line ends: CR LF and a lone CR become LF. The index between CR and LF rounds to either side of the LF.
  let pre = raw;
  let preLo: Int32Array | null = null;
  let preHi: Int32Array | null = null;
  if (raw.includes('\r')) {
    preLo = new Int32Array(raw.length + 1);
    preHi = new Int32Array(raw.length + 1);
    const out: string[] = [];
    let p = 0;
    for (let k = 0; k < raw.length; k++) {
      preLo[k] = preHi[k] = p;
      if (raw.charCodeAt(k) === 13) {
        if (raw.charCodeAt(k + 1) === 10) {
          preLo[k + 1] = p;
          preHi[k + 1] = p + 1;
          k++;
        }
        out.push('\n');
      } else {
        out.push(raw[k]!);
      }
      p++;
    }
    preLo[raw.length] = preHi[raw.length] = p;
    pre = out.join('');
  }

  const nfc = nfcTables(pre, text);
  if (!preLo && !nfc) return { raw, text, lo: null, hi: null };
  const lo = new Int32Array(raw.length + 1);
  const hi = new Int32Array(raw.length + 1);
  for (let k = 0; k <= raw.length; k++) {
    const pl = preLo ? preLo[k]! : k;
    const ph = preHi ? preHi[k]! : k;
    lo[k] = nfc ? nfc.lo[pl]! : pl;
    hi[k] = nfc ? nfc.hi[ph]! : ph;
  }
  return { raw, text, lo, hi };
}

export type Placement = { ok: true; start: number; end: number } | { ok: false; reason: string };

/** One source text, ready to place selections counted in any scheme. */
export class SourcePositions {
  private readonly positions: RawPositions;
  private readonly vendorTables = new Map<string, Int32Array | null>();

  constructor(shipped: string) {
    this.positions = rawPositions(shipped);
  }

  /** The normalised text: what the document will hold. */
  get text(): string {
    return this.positions.text;
  }

  /** Whether the scheme's unit and CR LF counting can make a difference for this text. */
  get hasCrlf(): boolean {
    return this.positions.raw.includes('\r\n');
  }

  get hasAstral(): boolean {
    return /[\ud800-\udbff][\udc00-\udfff]/.test(this.positions.raw);
  }

  /** Vendor position → raw UTF-16 index, or null when they are the same. */
  private vendorTable(scheme: OffsetScheme): Int32Array | null {
    const key = `${scheme.unit}/${scheme.crlfAsOne}`;
    if (this.vendorTables.has(key)) return this.vendorTables.get(key)!;
    const raw = this.positions.raw;
    let table: Int32Array | null = null;
    if (scheme.unit === 'codepoint' || (scheme.crlfAsOne && raw.includes('\r\n'))) {
      const starts: number[] = [];
      for (let k = 0; k < raw.length; k++) {
        starts.push(k);
        const c = raw.charCodeAt(k);
        if (scheme.unit === 'codepoint' && c >= 0xd800 && c <= 0xdbff) {
          const next = raw.charCodeAt(k + 1);
          if (next >= 0xdc00 && next <= 0xdfff) k++;
        } else if (scheme.crlfAsOne && c === 13 && raw.charCodeAt(k + 1) === 10) {
          k++;
        }
      }
      starts.push(raw.length);
      table = Int32Array.from(starts);
    }
    this.vendorTables.set(key, table);
    return table;
  }

  /** How many positions the text has in this scheme. */
  vendorLength(scheme: OffsetScheme): number {
    const table = this.vendorTable(scheme);
    return table ? table.length - 1 : this.positions.raw.length;
  }

  private toNormalised(rawIndex: number, side: 'start' | 'end'): number {
    const { lo, hi, text } = this.positions;
    const table = side === 'start' ? lo : hi;
    let index = table ? table[rawIndex]! : rawIndex;
    // A UTF-16 position may fall between the halves of a surrogate pair: widen to the whole character.
    const before = text.charCodeAt(index - 1);
    const at = text.charCodeAt(index);
    if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) index += side === 'start' ? -1 : 1;
    return index;
  }

  /** Our [start, end) for a vendor selection, or why it cannot be placed. */
  place(start: number, end: number, scheme: OffsetScheme): Placement {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return { ok: false, reason: 'its position is not a whole number' };
    if (start < 0) return { ok: false, reason: `it starts at ${start}, before the start of the text` };
    if (end < start) return { ok: false, reason: `it ends (${end}) before it starts (${start})` };
    if (end === start) return { ok: false, reason: `it is empty (starts and ends at ${start})` };
    const length = this.vendorLength(scheme);
    if (end > length) {
      return { ok: false, reason: `it ends at ${end}, beyond the end of the text (${length} ${scheme.unit === 'utf16' ? 'UTF-16 units' : 'characters'})` };
    }
    const table = this.vendorTable(scheme);
    const from = this.toNormalised(table ? table[start]! : start, 'start');
    const to = this.toNormalised(table ? table[end]! : end, 'end');
    if (to <= from) return { ok: false, reason: 'it covers nothing but a line break' };
    return { ok: true, start: from, end: to };
  }
}
