import { useId } from 'react';
import type { AgreementMode } from '../../../../shared/api/contract';
import { plural } from '../../../../shared/text/plural';
import { describeFilter } from '../documents/attributeFilter';
import { RadioGroup } from '../../ui/RadioGroup';
import { CodeChecklist } from './CodeChecklist';
import { hasFilter, toggleIn } from './exportOptions';
import type { ExportForm, ExportFormat } from './exportOptions';
import styles from './export.module.css';
import uiStyles from '../../ui/ui.module.css';
import { useProject, useDocument } from '../workbench/state/contexts';
import { useListedFilter } from '../workbench/state/useDocuments';

const formats: { value: ExportFormat; label: string; hint: string }[] = [
  {
    value: 'xlsx',
    label: 'Excel workbook (.xlsx)',
    hint: 'Coded segments, the codebook, counts by document and attribute, co-occurrence and memos, a sheet each.',
  },
  { value: 'csv', label: 'CSV of coded segments (.csv)', hint: 'One row per coded passage, for R, Python, SPSS or Stata.' },
  { value: 'qdpx', label: 'REFI-QDA project (.qdpx)', hint: 'The whole project, to open in NVivo, ATLAS.ti, MAXQDA and others.' },
  { value: 'qdc', label: 'REFI-QDA codebook (.qdc)', hint: 'Just the codes and their descriptions.' },
  {
    value: 'report',
    label: 'Coding report (HTML)',
    hint: 'One page to hand round: the codebook, each code’s passages, counts by attribute and the agreement summary; prints to PDF.',
  },
];

const agreementModes: { value: AgreementMode; label: string }[] = [
  { value: 'character', label: 'Characters (κ and α, as NVivo)' },
  { value: 'segment', label: 'Segments (as MAXQDA)' },
  { value: 'presence', label: 'Code presence per document' },
  { value: 'unitized', label: 'Passage boundaries (α_U)' },
];


interface FieldsProps {
  form: ExportForm;
  set: <K extends keyof ExportForm>(key: K, value: ExportForm[K]) => void;
  ids: string;
}

export function ExportFormFields({ form, set, ids }: FieldsProps) {
  const { project } = useProject();
  const { attributeFilter } = useDocument();
  const attributes = project.attributes.map((a) => a.name);
  const filtered = hasFilter(attributeFilter);
  const passing = useListedFilter(attributeFilter)?.total ?? 0;
  const filterWords = describeFilter(attributeFilter, project)
    .map((p) => `${p.name} is ${p.values}`)
    .join(' and ');
  const spreadsheet = form.format === 'xlsx' || form.format === 'csv';
  /** Formats that take the chosen codes, documents and coders. */
  const selecting = spreadsheet || form.format === 'report';
  const coders = project.coders;

  return (
    <>
      <fieldset className={styles.exportGroup}>
        <legend className={styles.exportGroupLegend}>Format</legend>
        <div className={styles.exportFormats}>
          {formats.map((f) => (
            <label key={f.value} className={styles.exportFormat}>
              <input type="radio" name={`${ids}-format`} value={f.value} checked={form.format === f.value} onChange={() => set('format', f.value)} />
              <span className={styles.exportFormatText}>
                <span className={styles.exportFormatLabel}>{f.label}</span>
                <span className={styles.exportFormatHint}>{f.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {selecting ? (
        <>
          <fieldset className={styles.exportGroup}>
            <legend className={styles.exportGroupLegend}>Codes</legend>
            <RadioGroup
              value={form.codes}
              onChange={(v) => set('codes', v)}
              options={[
                { value: 'all', label: `All codes (${project.codebook.length})` },
                { value: 'chosen', label: form.codes === 'chosen' ? `Only the codes ticked (${form.codeIds.length})` : 'Only some codes…' },
              ]}
            />
            {form.codes === 'chosen' ? <CodeChecklist codebook={project.codebook} ticked={form.codeIds} onChange={(ticked) => set('codeIds', ticked)} /> : null}
          </fieldset>

          <fieldset className={styles.exportGroup}>
            <legend className={styles.exportGroupLegend}>Documents</legend>
            <RadioGroup
              value={form.documents}
              onChange={(v) => set('documents', v)}
              options={[
                { value: 'all', label: `All documents (${project.documents.count})` },
                {
                  value: 'filtered',
                  label: filtered ? `Only the ${plural(passing, 'document')} where ${filterWords}` : 'Only those passing the attribute filter (no filter is set)',
                  disabled: !filtered,
                },
              ]}
            />
          </fieldset>

          {coders.length > 0 ? (
            <fieldset className={styles.exportGroup}>
              <legend className={styles.exportGroupLegend}>Coders</legend>
              <div className={styles.exportChips}>
                {coders.map((c) => (
                  <label key={c.id} className={styles.exportChip}>
                    <input
                      type="checkbox"
                      checked={form.coderIds.includes(c.id)}
                      onChange={(event) => set('coderIds', toggleIn(form.coderIds, c.id, event.target.checked))}
                    />
                    <span className={styles.exportChipDot} style={{ backgroundColor: c.color }} aria-hidden="true" />
                    {c.name}
                    {c.id === project.currentCoderId ? ' (you)' : ''}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}

          {spreadsheet && attributes.length > 0 ? (
            <fieldset className={styles.exportGroup}>
              <legend className={styles.exportGroupLegend}>Attribute columns</legend>
              <RadioGroup
                value={form.attributeColumns}
                onChange={(v) => set('attributeColumns', v)}
                options={[
                  { value: 'all', label: 'Every attribute' },
                  { value: 'chosen', label: 'Only these:' },
                ]}
                inline
              />
              {form.attributeColumns === 'chosen' ? (
                <div className={styles.exportChips} role="group" aria-label="Attribute columns to include">
                  {attributes.map((name) => (
                    <label key={name} className={styles.exportChip}>
                      <input
                        type="checkbox"
                        checked={form.chosenAttributes.includes(name)}
                        onChange={(event) => set('chosenAttributes', toggleIn(form.chosenAttributes, name, event.target.checked))}
                      />
                      {name}
                    </label>
                  ))}
                </div>
              ) : null}
            </fieldset>
          ) : null}
        </>
      ) : null}

      {form.format === 'xlsx' ? (
        <>
          {attributes.length > 0 ? (
            <fieldset className={styles.exportGroup}>
              <legend className={styles.exportGroupLegend}>Cross codes with</legend>
              <p className={styles.exportGroupHint}>A sheet of counts per code and value for each attribute ticked.</p>
              <div className={styles.exportChips}>
                {attributes.map((name) => (
                  <label key={name} className={styles.exportChip}>
                    <input
                      type="checkbox"
                      checked={form.crossAttributes.includes(name)}
                      disabled={!form.crossAttributes.includes(name) && form.crossAttributes.length >= 20}
                      onChange={(event) => set('crossAttributes', toggleIn(form.crossAttributes, name, event.target.checked))}
                    />
                    {name}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}

          <fieldset className={styles.exportGroup}>
            <legend className={styles.exportGroupLegend}>Sheets</legend>
            <label className={styles.exportCheck}>
              <input type="checkbox" checked={form.rollUp} onChange={(event) => set('rollUp', event.target.checked)} />
              Include sub-code codings in parent counts
            </label>
            <label className={styles.exportCheck}>
              <input type="checkbox" checked={form.sheetPerCode} onChange={(event) => set('sheetPerCode', event.target.checked)} />
              One sheet per code, with everything coded at it
            </label>
            {coders.length >= 2 ? (
              <>
                <label className={styles.exportCheck}>
                  <input type="checkbox" checked={form.agreement} onChange={(event) => set('agreement', event.target.checked)} />
                  Add agreement sheets for two coders
                </label>
                {form.agreement ? (
                  <div className={styles.exportAgreement}>
                    <SelectInline
                      label="Coder A"
                      value={form.agreementCoders[0]}
                      options={coders.map((c) => ({ value: c.id, label: c.name }))}
                      onChange={(v) => set('agreementCoders', [v, form.agreementCoders[1]])}
                    />
                    <SelectInline
                      label="Coder B"
                      value={form.agreementCoders[1]}
                      options={coders.map((c) => ({ value: c.id, label: c.name }))}
                      onChange={(v) => set('agreementCoders', [form.agreementCoders[0], v])}
                    />
                    <SelectInline label="Compare" value={form.agreementMode} options={agreementModes} onChange={(v) => set('agreementMode', v)} />
                    <label className={styles.exportCheck}>
                      <input
                        type="checkbox"
                        checked={form.agreementAllDocuments}
                        onChange={(event) => set('agreementAllDocuments', event.target.checked)}
                      />
                      Include documents not both coders finished
                    </label>
                  </div>
                ) : null}
              </>
            ) : null}
          </fieldset>
        </>
      ) : null}

      {!selecting ? (
        <p className={styles.exportDialogNote}>
          {form.format === 'qdpx'
            ? 'Everything in the project goes into the file: documents, codes, every coder’s codings, memos and attributes.'
            : 'The codebook alone: code names, colours, hierarchy and descriptions.'}
        </p>
      ) : null}
      {form.format === 'qdpx' ? (
        <label className={styles.exportCheck}>
          <input type="checkbox" checked={form.forNvivo} onChange={(event) => set('forNvivo', event.target.checked)} />
          For NVivo: count passage positions as NVivo does (UTF-16), so passages after an emoji land where they should
        </label>
      ) : null}
    </>
  );
}

function SelectInline<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <span className={styles.exportSelect}>
      <label htmlFor={id}>{label}</label>
      <select id={id} className={`${uiStyles.fieldInput} ${uiStyles.fieldSelect}`} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
}
