import { layerSpans } from '../../../../shared/text/spans';
import type { Span } from '../../../../shared/text/spans';

/**
 * How coded text is painted. A block is cut into runs, each covered by one fixed set of
 * codings (layerSpans); a run is tinted with the colour of its most specific coding and
 * underlined with one thin bar per code covering it, so overlaps stay readable.
 */

export interface PaintCoding extends Span {
  id: string;
  codeId: string;
  coderId: string;
}

export interface Run {
  start: number;
  end: number;
  /** Codings covering the run, most specific (shortest) first. */
  codings: PaintCoding[];
  selected: boolean;
  flashed: boolean;
}

type Mark = (PaintCoding & { kind: 'coding' }) | (Span & { kind: 'selection' | 'flash' });

/** Most specific first: the shortest coding, then the one starting last, then by id for stability. */
export function bySpecificity(a: PaintCoding, b: PaintCoding): number {
  return a.end - a.start - (b.end - b.start) || b.start - a.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The runs of [from, to): codings overlapping it, the selection and a flashed passage cut it into pieces. */
export function paintRuns(
  from: number,
  to: number,
  codings: readonly PaintCoding[],
  selection: Span | null,
  flash: Span | null,
): Run[] {
  if (to <= from) return [];
  const marks: Mark[] = [];
  for (const c of codings) if (c.start < to && c.end > from) marks.push({ ...c, kind: 'coding' });
  if (selection && selection.start < to && selection.end > from) marks.push({ ...selection, kind: 'selection' });
  if (flash && flash.start < to && flash.end > from) marks.push({ ...flash, kind: 'flash' });
  return layerSpans(marks, from, to).map((layer) => {
    const covering: PaintCoding[] = [];
    let selected = false;
    let flashed = false;
    for (const m of layer.covering) {
      if (m.kind === 'coding') covering.push({ id: m.id, codeId: m.codeId, coderId: m.coderId, start: m.start, end: m.end });
      else if (m.kind === 'selection') selected = true;
      else flashed = true;
    }
    covering.sort(bySpecificity);
    return { start: layer.start, end: layer.end, codings: covering, selected, flashed };
  });
}

/** "#rrggbb" at an alpha, as rgba(). */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return `rgba(120, 130, 135, ${alpha})`;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}

/** Up to this many underline bars; more codes than that are counted in the stripes. */
export const MAX_BARS = 3;
export const BAR_HEIGHT = 2;
export const BAR_GAP = 1;

export interface RunLook {
  /** Background tint (rgba), or null for uncoded text. */
  tint: string | null;
  /** Underline bar colours, outermost (bottom) first: one per distinct code, most specific first. */
  bars: string[];
}

export interface LookOptions {
  selected: boolean;
  /** The run belongs to the passage whose stripe is hovered. */
  hot: boolean;
}

/** The system's selection blue: unmistakably "selected", whatever the codes' colours. */
export const SELECTION_TINT = 'var(--c-reader-selection)';

/** The tint and bars of a run, from the colours of the codes covering it. */
export function runLook(codings: readonly PaintCoding[], colorOf: (codeId: string) => string, options: LookOptions): RunLook {
  const codeIds: string[] = [];
  for (const c of codings) if (!codeIds.includes(c.codeId)) codeIds.push(c.codeId);
  const bars = codeIds.slice(0, MAX_BARS).map(colorOf);
  let tint: string | null = null;
  if (options.selected) tint = SELECTION_TINT;
  else if (codeIds.length > 0) {
    // More codes, a little deeper: overlaps read as denser without turning muddy.
    const alpha = options.hot ? 0.36 : Math.min(0.24, 0.14 + 0.04 * (codeIds.length - 1));
    tint = withAlpha(colorOf(codeIds[0]!), alpha);
  }
  return { tint, bars };
}

/** The inline style that draws a look: the tint as a background, the bars stacked under the text. */
export function lookStyle(look: RunLook): Record<string, string> | undefined {
  if (!look.tint && look.bars.length === 0) return undefined;
  const images: string[] = [];
  const sizes: string[] = [];
  const positions: string[] = [];
  look.bars.forEach((color, i) => {
    images.push(`linear-gradient(${color}, ${color})`);
    sizes.push(`100% ${BAR_HEIGHT}px`);
    positions.push(`0 calc(100% - ${i * (BAR_HEIGHT + BAR_GAP)}px)`);
  });
  const barSpace = look.bars.length * (BAR_HEIGHT + BAR_GAP);
  if (look.tint) {
    images.push(`linear-gradient(${look.tint}, ${look.tint})`);
    sizes.push(`100% calc(100% - ${barSpace}px)`);
    positions.push('0 0');
  }
  return {
    backgroundImage: images.join(', '),
    backgroundSize: sizes.join(', '),
    backgroundPosition: positions.join(', '),
    backgroundRepeat: 'no-repeat',
    paddingBottom: `${barSpace}px`,
  };
}
