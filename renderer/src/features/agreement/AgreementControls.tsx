import { useId, useMemo, useState } from 'react';
import type { AgreementMode, AttributeFilter, ProjectSnapshot } from '../../../../shared/api/contract';
import { childrenOf } from '../../../../shared/domain/codebook';
import { ToggleGroup } from '../../ui/ToggleGroup';
import { describeFilter } from '../documents/attributeFilter';
import type { AgreementSettings } from './agreementSettings';
import { CONSENSUS_NAME } from './agreementSettings';
import { ChecklistPicker } from './ChecklistPicker';
import type { ChecklistItem } from './ChecklistPicker';
import { useDocumentChoices } from './useDocumentChoices';
import styles from './AgreementControls.module.css';
import agreementStyles from './agreement.module.css';
import uiStyles from '../../ui/ui.module.css';

const modes: { value: AgreementMode; label: string; title: string }[] = [
  { value: 'character', label: 'Characters', title: 'Each code a yes/no decision per character (as NVivo’s coding comparison); three or more coders: Fleiss’ κ and α.' },
  { value: 'unitized', label: 'Unitized α_U', title: 'Krippendorff’s α_U: where passages begin and end, not only which characters they cover.' },
  { value: 'segment', label: 'Segments', title: 'A coded segment agrees when the other coder’s overlaps it by at least the threshold (as MAXQDA).' },
  { value: 'presence', label: 'Code presence', title: 'Per document: did each coder use the code at all?' },
];

/** The codebook in tree order, each code indented under its parent; children of a chosen code are implied. */
export function codeItems(project: ProjectSnapshot, chosen: ReadonlySet<string>): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const walk = (parentId: string | null, depth: number, implied: boolean) => {
    for (const code of childrenOf(project.codebook, parentId)) {
      items.push({ id: code.id, label: code.name, depth, color: code.color, folder: !code.codable, implied });
      walk(code.id, depth + 1, implied || chosen.has(code.id));
    }
  };
  walk(null, 0, false);
  return items;
}

function summaryOf(names: string[], all: string): string {
  if (names.length === 0) return all;
  if (names.length <= 2) return names.join(', ');
  return `${names[0]} and ${names.length - 1} more`;
}

export interface AgreementControlsProps {
  project: ProjectSnapshot;
  settings: AgreementSettings;
  attributeFilter: AttributeFilter;
  update: (patch: Partial<AgreementSettings>) => void;
}

/** Who, what and how to compare: coders, codes, documents (and the filter), mode and its options. */
export function AgreementControls({ project, settings, attributeFilter, update }: AgreementControlsProps) {
  const ids = useId();
  const chosenCodes = useMemo(() => new Set(settings.codeIds), [settings.codeIds]);
  const chosenDocs = useMemo(() => new Set(settings.documentIds), [settings.documentIds]);
  const [docQuery, setDocQuery] = useState('');
  const documents = useDocumentChoices(settings.documentIds, docQuery);
  const codes = useMemo(() => codeItems(project, chosenCodes), [project, chosenCodes]);
  const filterParts = describeFilter(attributeFilter, project);
  const coderSet = new Set(settings.coderIds);

  const codeNames = project.codebook.filter((c) => chosenCodes.has(c.id)).map((c) => c.name);

  function toggleCoder(id: string, on: boolean) {
    const next = new Set(settings.coderIds);
    if (on) next.add(id);
    else next.delete(id);
    update({ coderIds: project.coders.filter((c) => next.has(c.id)).map((c) => c.id), drill: null });
  }

  function toggleIn(list: string[], id: string, on: boolean): string[] {
    return on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id);
  }

  return (
    <div className={styles.agrControls}>
      <div className={agreementStyles.agrCoders} role="group" aria-labelledby={`${ids}-coders`}>
        <span className={agreementStyles.agrControlsLabel} id={`${ids}-coders`}>
          Coders
        </span>
        <div className={styles.agrCodersList}>
          {project.coders.map((coder) => (
            <label key={coder.id} className={styles.agrChip}>
              <input type="checkbox" checked={coderSet.has(coder.id)} onChange={(event) => toggleCoder(coder.id, event.target.checked)} />
              <span className={styles.agrChipDot} style={{ backgroundColor: coder.color }} aria-hidden="true" />
              <span>
                {coder.name}
                {coder.id === project.currentCoderId ? <span className={styles.agrChipNote}> (you)</span> : null}
                {coder.importedFrom ? <span className={styles.agrChipNote}> (imported)</span> : null}
                {coder.name === CONSENSUS_NAME ? <span className={styles.agrChipNote}> (settled passages)</span> : null}
              </span>
            </label>
          ))}
        </div>
      </div>

      <div className={styles.agrControlsRow}>
        <ChecklistPicker
          label="Codes"
          summary={summaryOf(codeNames, 'All codes')}
          allLabel="All codes"
          items={codes}
          checked={chosenCodes}
          onToggle={(id, on) => update({ codeIds: toggleIn(settings.codeIds, id, on), drill: null })}
          onClear={() => update({ codeIds: [], drill: null })}
          hint="A code includes its sub-codes; each codable code gets its own row."
        />
        <ChecklistPicker
          label="Documents"
          summary={summaryOf(documents.names, 'All documents')}
          allLabel="All documents"
          items={documents.items}
          onQuery={setDocQuery}
          hint={documents.hint}
          checked={chosenDocs}
          onToggle={(id, on) => update({ documentIds: toggleIn(settings.documentIds, id, on) })}
          onClear={() => update({ documentIds: [] })}
        />
        <label className={agreementStyles.agrCheck}>
          <input type="checkbox" checked={settings.allDocuments} onChange={(event) => update({ allDocuments: event.target.checked })} />
          <span>Include documents not every coder finished</span>
        </label>
        {filterParts.length > 0 ? (
          <label className={`${agreementStyles.agrCheck} ${styles.agrControlsFilter}`}>
            <input type="checkbox" checked={settings.useFilter} onChange={(event) => update({ useFilter: event.target.checked })} />
            <span>
              Only documents where{' '}
              {filterParts.map((p, i) => (
                <span key={p.name}>
                  {i > 0 ? ' and ' : null}
                  <strong>{p.name}</strong> is {p.values}
                </span>
              ))}{' '}
              (the workbench filter)
            </span>
          </label>
        ) : null}
      </div>

      <div className={styles.agrControlsRow}>
        <ToggleGroup label="Mode" value={settings.mode} options={modes} onChange={(mode) => update({ mode, sort: null, chart: null })} />
        {settings.mode === 'segment' ? (
          <>
            <span className={styles.agrNumber}>
              <label htmlFor={`${ids}-threshold`}>Overlap threshold</label>
              <input
                id={`${ids}-threshold`}
                className={uiStyles.fieldInput}
                type="number"
                min={1}
                max={100}
                step={1}
                value={Number.isFinite(settings.thresholdPercent) ? settings.thresholdPercent : ''}
                onChange={(event) => update({ thresholdPercent: event.target.valueAsNumber })}
              />
              <span aria-hidden="true">%</span>
            </span>
            <span className={styles.agrNumber}>
              <label htmlFor={`${ids}-q`}>q for κ_n</label>
              <input
                id={`${ids}-q`}
                className={uiStyles.fieldInput}
                type="number"
                min={2}
                step={1}
                placeholder="codes"
                aria-describedby={`${ids}-q-hint`}
                value={settings.q ?? ''}
                onChange={(event) => update({ q: event.target.value === '' ? null : event.target.valueAsNumber })}
              />
              <span className={styles.agrNumberHint} id={`${ids}-q-hint`}>
                empty: the number of codes compared
              </span>
            </span>
          </>
        ) : null}
      </div>
    </div>
  );
}
