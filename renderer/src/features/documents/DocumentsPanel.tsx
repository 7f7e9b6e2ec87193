import { useId, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent } from 'react';
import type { AttributeFilter } from '../../../../shared/api/contract';
import { plural } from '../../../../shared/text/plural';
import { useApiEvents } from '../../api/context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { PaneHeader } from '../../ui/PaneHeader';
import { FileDropZone, ImportFileInput, usePreventFileNavigation } from '../import/FileInputs';
import { ImportDialog } from '../import/ImportDialog';
import { useOpenedFiles } from '../import/OpenedFiles';
import { useImporter } from '../import/useImporter';
import { DocumentList } from './DocumentList';
import { isTextField, pastedTextFile } from './pastedText';
import { activeFilterCount, attributeFilterOptions, describeFilter, setFilterOptions, toggleFilterValue } from './attributeFilter';
import type { FilterAttributeOptions } from './attributeFilter';
import styles from './documents.module.css';
import { useChanges, useProject, useDocument, useDocumentActions } from '../workbench/state/contexts';
import { useDocumentFacets, useListedFilter } from '../workbench/state/useDocuments';

/**
 * The documents, narrowed by the workbench's attribute filter (which the retrieval views use
 * too). The filter is a set of checkboxes per attribute, from the values the documents have.
 * Files come in through "Import…", by dropping them from the desktop onto the list, or as text
 * pasted (Ctrl/Cmd+V) on the list: a new document, through the same import dialog.
 */
export function DocumentsPanel() {
  const { project } = useProject();
  const { attributeFilter, documentId } = useDocument();
  const { openDocument, setAttributeFilter } = useDocumentActions();
  const { showError } = useChanges();
  const { attributes, sets } = project;
  const count = project.documents.count;
  const [open, setOpen] = useState(false);
  const filterId = useId();

  // The filter's values are asked for when it is opened; whether there is anything to filter by
  // is known from the project (its sets and attributes), so the bar is there from the first frame.
  const facets = useDocumentFacets(showError, open);
  const options = useMemo(() => [...setFilterOptions(sets), ...attributeFilterOptions(facets ?? [])], [facets, sets]);
  const filterable = sets.length > 0 || attributes.length > 0;
  const listed = useListedFilter(attributeFilter);
  const active = activeFilterCount(attributeFilter);
  const summary = describeFilter(attributeFilter, project);
  const importer = useImporter();
  useOpenedFiles(importer.addStaged);
  const fileInput = useRef<HTMLInputElement>(null);
  usePreventFileNavigation();
  const chooseFiles = () => fileInput.current?.click();
  // The desktop menu's File → Import Documents… opens the same file picker as the Import… button.
  useApiEvents((event) => {
    if (event.name === 'shell.request' && event.payload.action === 'command' && event.payload.command === 'importDocuments') chooseFiles();
  });

  function paste(event: ClipboardEvent<HTMLDivElement>) {
    if (isTextField(event.target)) return;
    const files = [...event.clipboardData.files];
    const text = event.clipboardData.getData('text/plain');
    if (files.length === 0 && text.trim() === '') return;
    event.preventDefault();
    importer.addFiles(files.length > 0 ? files : [pastedTextFile(text)]);
  }


  return (
    <div className={styles.documentsPanel} onPaste={paste}>
      <PaneHeader title="Documents" count={count} countLabel={plural(count, 'document')}>
        <Button size="sm" variant="ghost" className={styles.documentsPanelImport} onClick={chooseFiles} title="Import transcripts, spreadsheets or REFI-QDA files">
          <ImportIcon />
          Import…
        </Button>
        <ImportFileInput ref={fileInput} label="Choose files to import" onFiles={importer.addFiles} />
      </PaneHeader>
      {filterable ? (
        <div className={styles.docFilter}>
          <div className={styles.docFilterBar}>
            <button
              type="button"
              className={styles.docFilterToggle}
              aria-expanded={open}
              aria-controls={filterId}
              onClick={() => setOpen(!open)}
            >
              <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
                <path d="M2.5 3.5h11l-4.25 5v4l-2.5 1v-5z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
              </svg>
              Filter
              {active > 0 ? (
                <span className={styles.docFilterBadge}>
                  <span aria-hidden="true">{active}</span>
                  <span className={'sr-only'}>({active} active)</span>
                </span>
              ) : null}
            </button>
            <span className={styles.docFilterCount} role="status">
              {active > 0 && listed ? `${listed.total} of ${count}` : ''}
            </span>
            {active > 0 ? (
              <Button size="sm" variant="ghost" className={styles.docFilterClear} onClick={() => setAttributeFilter({})}>
                Clear filters
              </Button>
            ) : null}
          </div>
          {!open && summary.length > 0 ? (
            <ul className={styles.docFilterSummary} aria-label="Active filters">
              {summary.map((s) => (
                <li key={s.name}>
                  <span className={styles.docFilterSummaryName}>{s.name}:</span> {s.values}
                </li>
              ))}
            </ul>
          ) : null}
          {open ? (
            <div id={filterId} className={styles.docFilterGroups}>
              {options.map((o) => (
                <FilterGroup key={o.key} options={o} filter={attributeFilter} onChange={setAttributeFilter} />
              ))}
              {facets !== null && options.length === 0 ? <p className={styles.docFilterNone}>No document has an attribute value yet.</p> : null}
            </div>
          ) : null}
        </div>
      ) : null}
      <FileDropZone className={styles.documentsPanelDrop} onFiles={importer.addFiles} prompt="Drop files to import them">
        <div className={styles.documentsPanelList}>
          {count === 0 ? (
            <div className={styles.documentsPanelEmpty}>
              <EmptyState title="No documents yet">
                Import transcripts (.docx, .odt, .pdf, .txt, .md, .vtt, .srt), survey spreadsheets (.csv, .xlsx) or a REFI-QDA project, or
                drop the files here.
              </EmptyState>
              <Button size="sm" variant="primary" onClick={chooseFiles}>
                Import files…
              </Button>
            </div>
          ) : !listed ? null : listed.total === 0 ? (
            <EmptyState title="No document matches the filter">
              <Button size="sm" onClick={() => setAttributeFilter({})}>
                Clear filters
              </Button>
            </EmptyState>
          ) : (
            <DocumentList filter={listed.filter} total={listed.total} attributes={attributes} openId={documentId} onOpen={openDocument} />
          )}
        </div>
      </FileDropZone>
      <ImportDialog importer={importer} />
    </div>
  );
}

function ImportIcon() {
  return (
    <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <path d="M8 10.5V2.5m0 8L5 7.5m3 3l3-3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M2.75 10v2.25c0 .7.55 1.25 1.25 1.25h8c.7 0 1.25-.55 1.25-1.25V10" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

/** One attribute's values as checkboxes, folded away until asked for (open when some are ticked). */
function FilterGroup({
  options,
  filter,
  onChange,
}: {
  options: FilterAttributeOptions;
  filter: AttributeFilter;
  onChange: (filter: AttributeFilter) => void;
}) {
  const chosen = filter[options.key] ?? [];
  const [expanded, setExpanded] = useState(chosen.length > 0);
  const listId = useId();
  return (
    <fieldset className={styles.docFilterGroup}>
      <legend className={'sr-only'}>{options.name}</legend>
      <button
        type="button"
        className={styles.docFilterGroupToggle}
        aria-expanded={expanded}
        aria-controls={listId}
        onClick={() => setExpanded(!expanded)}
      >
        <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true" className={expanded ? styles.isOpen : undefined}>
          <path d="M4 2.5L7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className={styles.docFilterGroupName}>{options.name}</span>
        {chosen.length > 0 ? <span className={styles.docFilterGroupCount}>{chosen.length} selected</span> : null}
      </button>
      {expanded ? (
        <ul id={listId} className={styles.docFilterValues}>
          {options.values.map((v) => (
            <li key={String(v.value)}>
              <label className={styles.docFilterValue}>
                <input
                  type="checkbox"
                  checked={chosen.includes(v.value)}
                  onChange={(event) => onChange(toggleFilterValue(filter, options.key, v.value, event.target.checked))}
                />
                <span className={styles.docFilterValueLabel}>{v.label}</span>
                <span className={styles.docFilterValueCount} aria-hidden="true">
                  {v.count}
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
