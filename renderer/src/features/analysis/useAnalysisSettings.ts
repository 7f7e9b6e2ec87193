import { useCallback, useEffect, useState } from 'react';
import type { Measure } from './analysisModel';

export type SubView = 'matrix' | 'cooccurrence' | 'frequencies';

/** A matrix cell by what it stands for, so it survives the table being redrawn. */
export type MatrixPick = { codeId: string; columnKey: string };
export type PairPick = { rowCodeId: string; columnCodeId: string };

export interface AnalysisSettings {
  view: SubView;
  coderId: string;
  rollUp: boolean;
  measure: Measure;
  /** An attribute's name, or '' for documents. */
  columnsName: string;
  matrixPick: MatrixPick | null;
  pairPick: PairPick | null;
  barPick: string | null;
}

const defaultSettings: AnalysisSettings = {
  view: 'matrix',
  coderId: 'all',
  rollUp: true,
  measure: 'segments',
  columnsName: '',
  matrixPick: null,
  pairPick: null,
  barPick: null,
};

/** The settings each project's analysis view was left with, by project path. */
const memory = new Map<string, AnalysisSettings>();

/**
 * The analysis view's settings. The view is unmounted while another centre tab shows (a passage
 * opened in the reader): it comes back as it was left, for this project, while the app runs.
 */
export function useAnalysisSettings(projectPath: string) {
  const [settings, setSettings] = useState<AnalysisSettings>(() => ({ ...defaultSettings, ...memory.get(projectPath) }));
  useEffect(() => {
    memory.set(projectPath, settings);
  }, [projectPath, settings]);
  const set = useCallback(<K extends keyof AnalysisSettings>(key: K, value: AnalysisSettings[K]) => setSettings((s) => ({ ...s, [key]: value })), []);
  return [settings, set] as const;
}
