import { useCallback, useEffect, useReducer, useRef } from 'react';
import { ApiError } from '../../api/client';
import { useApi, useApiEvents } from '../../api/context';
import { encodeBase64, refuseBeforeReading } from './files';
import { buildImportOptions, initialForm, sampleCells } from './options';
import { formAfterReread, readEncoding } from './encoding-choice';
import type { ItemForm } from './options';
import type { ImportInspection } from '../../../../shared/api/contract';
import type { TextEncodingName } from '../../../../shared/text/encodings';
import { canRun, importReducer, readyEntries, summariseResults } from './session';
import type { ImportEntry, ImportSession } from './session';
import type { OpenedFile } from './OpenedFiles';
import { useChanges, useDocumentActions, useViewActions } from '../workbench/state/contexts';

export interface Importer {
  /** null while no import is under way (the dialog is closed). */
  session: ImportSession | null;
  /** Opens the dialog with these files, or adds them to the open one. */
  addFiles(files: readonly File[]): void;
  /** The same with files already staged by the desktop shell (a .qdpx the OS opened with the app). */
  addStaged(files: readonly OpenedFile[]): void;
  setForm(key: string, form: ItemForm): void;
  /** Reads a text or CSV file again in this encoding, for its preview and its import. */
  setEncoding(key: string, encoding: TextEncodingName): Promise<void>;
  remove(key: string): void;
  run(): Promise<void>;
  close(): void;
}

let nextKey = 0;

/**
 * The import, from files to results. Each file is read, staged (`import.stage`) and inspected
 * (`import.inspect`) one after another as soon as it is added, so the settings of the first
 * appear while the rest are still on their way. The run reports progress from the
 * `import.progress` events.
 */
export function useImporter(): Importer {
  const api = useApi();
  const { applyChange, takeSnapshot } = useChanges();
  const { openDocument } = useDocumentActions();
  const { say } = useViewActions();
  const [session, dispatch] = useReducer(importReducer, null);

  /** Bumped when the dialog closes: replies for an abandoned import are dropped. */
  const generation = useRef(0);
  /** Files are prepared one at a time: one large file's bytes in memory at once. */
  const queue = useRef<Promise<void>>(Promise.resolve());
  /** A spreadsheet may be a table of attributes: the backend says which of its sample's cells name documents. */
  const namesTaken = useCallback(
    async (inspection: ImportInspection) => (inspection.kind === 'spreadsheet' ? api.call('documents.namesTaken', { names: sampleCells(inspection) }) : []),
    [api],
  );

  useApiEvents((event) => {
    if (event.name === 'import.progress') dispatch({ type: 'progress', progress: event.payload });
  });

  /** Looks into a staged file (`import.inspect`) and offers its settings. */
  const inspect = useCallback(
    async (key: string, stagedId: string, gen: number) => {
      const update = (patch: Partial<Omit<ImportEntry, 'key'>>) => {
        if (generation.current === gen) dispatch({ type: 'update', key, patch });
      };
      try {
        update({ phase: 'checking', stagedId });
        const inspection = await api.call('import.inspect', { source: { stagedId } });
        const names = await namesTaken(inspection);
        update({ phase: 'ready', inspection, form: initialForm(inspection, names), detectedEncoding: readEncoding(inspection), namesTaken: names });
      } catch (err) {
        update({ phase: 'refused', problem: ApiError.from(err).message });
      }
    },
    [api, namesTaken],
  );

  const prepare = useCallback(
    async (key: string, file: File, gen: number) => {
      const live = () => generation.current === gen;
      const update = (patch: Partial<Omit<ImportEntry, 'key'>>) => {
        if (live()) dispatch({ type: 'update', key, patch });
      };
      const refused = refuseBeforeReading(file);
      if (refused) {
        update({ phase: 'refused', problem: refused });
        return;
      }
      try {
        update({ phase: 'reading' });
        const base64 = await encodeBase64(new Uint8Array(await file.arrayBuffer()));
        if (!live()) return;
        update({ phase: 'uploading' });
        const { stagedId } = await api.call('import.stage', { fileName: file.name, base64 });
        if (live()) await inspect(key, stagedId, gen);
      } catch (err) {
        update({ phase: 'refused', problem: ApiError.from(err).message });
      }
    },
    [api, inspect],
  );

  /** Adds entries to the dialog and queues their preparation, one file at a time. */
  const enqueue = useCallback(<T extends { fileName: string; size: number }>(items: readonly T[], prepareOne: (key: string, item: T, gen: number) => Promise<void>) => {
    if (items.length === 0) return;
    const batch = items.map((item) => ({ item, key: `import-${++nextKey}` }));
    dispatch({ type: 'add', files: batch.map(({ item, key }) => ({ key, fileName: item.fileName, size: item.size })) });
    const gen = generation.current;
    for (const { item, key } of batch) {
      queue.current = queue.current.then(() => (generation.current === gen ? prepareOne(key, item, gen) : undefined));
    }
  }, []);

  const addFiles = useCallback(
    (files: readonly File[]) =>
      enqueue(
        files.map((file) => ({ file, fileName: file.name, size: file.size })),
        (key, { file }, gen) => prepare(key, file, gen),
      ),
    [enqueue, prepare],
  );

  const addStaged = useCallback(
    (files: readonly OpenedFile[]) => enqueue(files, (key, { stagedId }, gen) => inspect(key, stagedId, gen)),
    [enqueue, inspect],
  );

  const latestSession = useRef(session);
  useEffect(() => {
    latestSession.current = session;
  });

  /** The user chose another encoding for a text or CSV file: its preview is read again in it. */
  const setEncoding = useCallback(
    async (key: string, encoding: TextEncodingName) => {
      const entry = latestSession.current?.entries.find((e) => e.key === key);
      if (!entry?.stagedId || !entry.form) return;
      const gen = generation.current;
      const update = (patch: Partial<Omit<ImportEntry, 'key'>>) => {
        if (generation.current === gen) dispatch({ type: 'update', key, patch });
      };
      try {
        const inspection = await api.call('import.inspect', { source: { stagedId: entry.stagedId }, encoding });
        const names = await namesTaken(inspection);
        update({ inspection, form: formAfterReread(entry.form, inspection, names, encoding), encodingProblem: null, namesTaken: names });
      } catch (err) {
        // The file stays as it was read before; the message names it and says why this encoding does not fit.
        const message = ApiError.from(err).message;
        update({ encodingProblem: message });
        say(message);
      }
    },
    [api, namesTaken, say],
  );

  const setForm = useCallback((key: string, form: ItemForm) => dispatch({ type: 'form', key, form }), []);
  const remove = useCallback((key: string) => dispatch({ type: 'remove', key }), []);

  const run = useCallback(async () => {
    if (!session || !canRun(session).ok) return;
    const items = readyEntries(session.entries).map((e) => ({
      source: { stagedId: e.stagedId! },
      options: buildImportOptions(e.form!, e.inspection!),
    }));
    dispatch({ type: 'run' });
    try {
      const { results, change } = await api.call('import.run', { items });
      // An import's change lists the documents it added, in order.
      const firstImportedId = change?.createdIds[0] ?? null;
      dispatch({ type: 'finished', results, firstImportedId });
      if (change) applyChange(change);
      say(summariseResults(results));
    } catch (err) {
      const message = ApiError.from(err).message;
      dispatch({ type: 'failed', message });
      // Files before the one that stopped it are in the project: show them all the same.
      try {
        const state = await api.call('app.getState', {});
        if (state.project) takeSnapshot(state.project);
        say(`The import stopped: ${message}`);
      } catch {
        // The failure is already on screen; the project shows the import when next read.
      }
    }
  }, [api, applyChange, say, session, takeSnapshot]);

  const close = useCallback(() => {
    if (!session || session.stage === 'running') return;
    generation.current += 1;
    dispatch({ type: 'close' });
    if (session.stage === 'results' && session.firstImportedId) openDocument(session.firstImportedId);
  }, [openDocument, session]);

  return { session, addFiles, addStaged, setForm, setEncoding, remove, run, close };
}
