import { useId } from 'react';
import type { ImportInspection } from '../../../../shared/api/contract';
import { SelectField } from '../../ui/SelectField';
import { formProblem, sheetForm, sheetOf, spreadsheetOutcome } from './options';
import type { ItemForm, SpreadsheetForm } from './options';
import { RadioGroup } from '../../ui/RadioGroup';
import { useProject } from '../workbench/state/contexts';
import styles from './SpreadsheetSettings.module.css';
import cardStyles from './ImportFileCard.module.css';

const columnOptions = (columns: readonly string[], none: string) => [
  { value: '', label: none },
  ...columns.map((c) => ({ value: c, label: c })),
];

/** How a spreadsheet will be imported: as documents (which columns, rows or groups) or as attributes. */
export function SpreadsheetSettings({
  inspection,
  form,
  namesTaken,
  onForm,
}: {
  inspection: ImportInspection;
  form: SpreadsheetForm;
  /** Cells of the sample that name documents in the project (see ImportEntry). */
  namesTaken: readonly string[];
  onForm: (form: ItemForm) => void;
}) {
  const { project } = useProject();
  const sheets = inspection.spreadsheet?.sheets ?? [];
  const sheet = sheetOf(inspection, form.sheet);
  const problem = formProblem(form, inspection);
  const set = (patch: Partial<SpreadsheetForm>) => onForm({ ...form, ...patch });
  const columns = sheet?.columns ?? [];

  function toggleText(column: string, on: boolean) {
    const chosen = new Set(form.textColumns);
    if (on) chosen.add(column);
    else chosen.delete(column);
    set({ textColumns: columns.filter((c) => chosen.has(c)) });
  }

  return (
    <div className={styles.importSheet}>
      {sheets.length > 1 ? (
        <SelectField
          label="Sheet"
          className={styles.importSheetSelect}
          value={form.sheet}
          options={sheets.map((s) => ({ value: s.name, label: `${s.name} (${s.rowCount} ${s.rowCount === 1 ? 'row' : 'rows'})` }))}
          onChange={(event) => {
            const next = sheetOf(inspection, event.target.value);
            if (next) onForm(sheetForm(next, namesTaken));
          }}
        />
      ) : null}
      <RadioGroup
        legend="The rows are"
        value={form.use}
        onChange={(use) => set({ use })}
        options={[
          { value: 'documents', label: 'Texts to import as documents' },
          { value: 'attributes', label: 'Attributes of documents already in the project' },
        ]}
      />
      {form.use === 'documents' ? (
        <>
          <fieldset className={styles.importColumns}>
            <legend className={styles.importLegend}>Text columns</legend>
            <div className={styles.importColumnsList}>
              {columns.map((c) => (
                <label key={c} className={styles.importCheck}>
                  <input type="checkbox" checked={form.textColumns.includes(c)} onChange={(event) => toggleText(c, event.target.checked)} />
                  <span>{c}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className={styles.importSheetRow}>
            <RadioGroup
              legend="Documents"
              value={form.mode}
              onChange={(mode) => set({ mode })}
              options={[
                { value: 'row', label: 'Each row is a document' },
                { value: 'group', label: 'Rows with the same value in a column are one document' },
              ]}
            />
            <div className={styles.importSheetSelects}>
              {form.mode === 'group' ? (
                <>
                  <SelectField
                    label="Group rows by"
                    value={form.groupColumn}
                    options={columnOptions(columns, 'Choose a column…')}
                    onChange={(event) => set({ groupColumn: event.target.value })}
                  />
                  <SelectField
                    label="Speaker of each row"
                    value={form.nameColumn}
                    options={columnOptions(columns, 'None (row numbers)')}
                    onChange={(event) => set({ nameColumn: event.target.value })}
                  />
                </>
              ) : (
                <SelectField
                  label="Document names from"
                  value={form.nameColumn}
                  options={columnOptions(columns, 'Row numbers')}
                  onChange={(event) => set({ nameColumn: event.target.value })}
                />
              )}
            </div>
          </div>
        </>
      ) : (
        <SelectField
          label="Match documents by"
          className={styles.importSheetSelect}
          value={form.matchColumn}
          options={columnOptions(columns, 'Choose a column…')}
          onChange={(event) => set({ matchColumn: event.target.value })}
        />
      )}
      {problem ? (
        <p className={`${cardStyles.importNote} ${cardStyles.importNoteError}`}>
          {problem}
        </p>
      ) : (
        <p className={cardStyles.importFileSummary}>{spreadsheetOutcome(form, inspection)}</p>
      )}
      {form.use === 'attributes' && project.documents.count === 0 ? (
        <p className={`${cardStyles.importNote} ${cardStyles.importNoteWarn}`}>The project has no documents yet, so no row can match one.</p>
      ) : null}
      {sheet && sheet.sample.length > 0 ? <SampleTable sheet={sheet} form={form} /> : null}
    </div>
  );
}

type Sheet = NonNullable<ImportInspection['spreadsheet']>['sheets'][number];

function columnRole(column: string, form: SpreadsheetForm): string {
  if (form.use === 'attributes') return column === form.matchColumn ? 'match' : 'attribute';
  if (form.textColumns.includes(column)) return 'text';
  if (form.mode === 'group' && column === form.groupColumn) return 'group';
  if (column === form.nameColumn) return form.mode === 'group' ? 'speaker' : 'name';
  return 'attribute';
}

function SampleTable({ sheet, form }: { sheet: Sheet; form: SpreadsheetForm }) {
  const captionId = useId();
  const shown = sheet.sample.length;
  return (
    <div className={styles.importTableWrap} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.importTable}>
        <caption id={captionId} className={styles.importTableCaption}>
          First {shown === 1 ? 'row' : `${shown} rows`} of {sheet.rowCount}
        </caption>
        <thead>
          <tr>
            {sheet.columns.map((c) => {
              const role = columnRole(c, form);
              return (
                <th key={c} scope="col" data-role={role}>
                  <span className={styles.importTableName}>{c}</span>{' '}
                  <span className={styles.importTag} data-role={role}>{role}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sheet.sample.map((row, r) => (
            <tr key={r}>
              {sheet.columns.map((c, i) => (
                <td key={c} data-role={columnRole(c, form)}>
                  <span className={styles.importTableCell}>{row[i] ?? ''}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
