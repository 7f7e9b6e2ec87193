import type { AgreementMode, AttributeFilter, Input, ProjectSnapshot } from '../../../../shared/api/contract';
import type { Aggregation } from '../../../../shared/agreement/table-model';
import type { SortState } from './agreementTable';

/**
 * What the researcher chose to compare. Kept per project for the session, so leaving the tab
 * (to read a passage) and coming back finds the same comparison.
 */
export interface AgreementSettings {
  /** The coders compared; the first two in project order are A and B. */
  coderIds: string[];
  /** Codes (each with its sub-codes); empty: every code. */
  codeIds: string[];
  /** Documents; empty: every document. */
  documentIds: string[];
  /** Also limit the documents to the workbench's attribute filter. */
  useFilter: boolean;
  /** Compare every document chosen, not only those every coder marked done (or coded). */
  allDocuments: boolean;
  mode: AgreementMode;
  /** Segment mode's overlap threshold, in percent. */
  thresholdPercent: number;
  /** Segment mode's q for κ_n; null: the number of codes compared. */
  q: number | null;
  aggregation: Aggregation;
  sort: SortState | null;
  /** The measure the chart shows; null: the mode's main one. */
  chart: string | null;
  /** The code whose disagreements are open, and between which two coders. */
  drill: { codeId: string; coderA: string; coderB: string } | null;
}

export const CONSENSUS_NAME = 'Consensus';
export const DEFAULT_THRESHOLD_PERCENT = 90;

export function defaultSettings(project: ProjectSnapshot): AgreementSettings {
  const coders = project.coders.filter((c) => c.name !== CONSENSUS_NAME).slice(0, 2);
  return {
    coderIds: coders.map((c) => c.id),
    codeIds: [],
    documentIds: [],
    useFilter: true,
    allDocuments: false,
    mode: 'character',
    thresholdPercent: DEFAULT_THRESHOLD_PERCENT,
    q: null,
    aggregation: 'pooled',
    sort: null,
    chart: null,
    drill: null,
  };
}

/**
 * Drops what the project no longer has (a deleted code, a removed document) and keeps coders in
 * project order. The documents are asked for apart from the snapshot (`documentOf`: null when a
 * document is gone, undefined while it is asked for): one still on its way is kept.
 */
export function pruneSettings(settings: AgreementSettings, project: ProjectSnapshot, documentOf: (id: string) => object | null | undefined): AgreementSettings {
  const coders = new Set(settings.coderIds);
  const codes = new Set(project.codebook.map((c) => c.id));
  const coderIds = project.coders.filter((c) => coders.has(c.id)).map((c) => c.id);
  const drill = settings.drill;
  const drillOk = drill && codes.has(drill.codeId) && project.coders.some((c) => c.id === drill.coderA) && project.coders.some((c) => c.id === drill.coderB);
  return {
    ...settings,
    coderIds,
    codeIds: settings.codeIds.filter((id) => codes.has(id)),
    documentIds: settings.documentIds.filter((id) => documentOf(id) !== null),
    drill: drillOk ? drill : null,
  };
}

/** The request for `agreement.compute` (and, with a format, `agreement.export`). */
export function agreementRequest(settings: AgreementSettings, filter: AttributeFilter): Input<'agreement.compute'> {
  return {
    coderIds: settings.coderIds,
    codeIds: settings.codeIds.length > 0 ? settings.codeIds : null,
    documentIds: settings.documentIds.length > 0 ? settings.documentIds : null,
    attributes: settings.useFilter ? filter : {},
    allDocuments: settings.allDocuments,
    mode: settings.mode,
    threshold: settings.thresholdPercent / 100,
    q: settings.mode === 'segment' ? settings.q : null,
  };
}

/** Why the chosen settings cannot be compared yet, in words; null when they can. */
export function settingsProblem(settings: AgreementSettings): string | null {
  if (settings.coderIds.length < 2) return 'Choose at least two coders to compare.';
  if ((settings.mode === 'segment' || settings.mode === 'presence') && settings.coderIds.length !== 2) {
    return `${settings.mode === 'segment' ? 'Segment' : 'Code presence'} mode compares exactly two coders: choose two, or use Characters or Unitized α_U for more.`;
  }
  if (settings.mode === 'segment') {
    const t = settings.thresholdPercent;
    if (!Number.isFinite(t) || t <= 0 || t > 100) return 'The overlap threshold must be more than 0 % and at most 100 %.';
    if (settings.q !== null && (!Number.isInteger(settings.q) || settings.q < 2)) return 'q must be a whole number, 2 or more.';
  }
  return null;
}

const storageKey = (projectId: string) => `marginalia.agreement.${projectId}`;

export function loadSettings(project: ProjectSnapshot): AgreementSettings {
  const fallback = defaultSettings(project);
  try {
    const raw = sessionStorage.getItem(storageKey(project.id));
    if (!raw) return fallback;
    const saved = JSON.parse(raw) as Partial<AgreementSettings>;
    if (typeof saved !== 'object' || saved === null) return fallback;
    const merged = { ...fallback, ...saved };
    const valid =
      Array.isArray(merged.coderIds) &&
      Array.isArray(merged.codeIds) &&
      Array.isArray(merged.documentIds) &&
      typeof merged.allDocuments === 'boolean' &&
      ['character', 'unitized', 'segment', 'presence'].includes(merged.mode) &&
      ['pooled', 'lengthWeighted', 'unweighted'].includes(merged.aggregation);
    // The documents are checked once their summaries come (AgreementView): kept until then.
    return valid ? pruneSettings(merged, project, () => undefined) : fallback;
  } catch {
    return fallback;
  }
}

export function saveSettings(projectId: string, settings: AgreementSettings): void {
  try {
    sessionStorage.setItem(storageKey(projectId), JSON.stringify(settings));
  } catch {
    // Storage full or unavailable: the settings last for this view only.
  }
}
