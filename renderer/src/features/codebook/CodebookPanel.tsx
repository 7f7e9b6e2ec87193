import { useMemo, useState } from 'react';
import { countsWithout, firstRoundOf } from '../../../../shared/domain/second-round';
import type { Code } from '../../../../shared/domain/schemas';
import { plural } from '../../../../shared/text/plural';
import { Button } from '../../ui/Button';
import { MenuPopup } from '../../ui/MenuPopup';
import type { MenuPopupItem } from '../../ui/MenuPopup';
import { PaneHeader } from '../../ui/PaneHeader';
import { ToggleGroup } from '../../ui/ToggleGroup';
import { DeleteCodeDialog, DescribeCodeDialog, MergeCodeDialog, RecolourCodeDialog } from './CodeDialogs';
import { CodebookTree } from './CodebookTree';
import type { TreeCommand } from './CodebookTree';
import { codableCount, codeCounts } from './codeCounts';
import type { CountMode } from './codeCounts';
import { keyboardMove } from './codeMoves';
import { toggleQuickCode } from './quickCodes';
import styles from './CodebookPanel.module.css';
import { useProject, useChanges, useDocument, useDocumentActions, useViewActions } from '../workbench/state/contexts';
import { PlusIcon, NewCodeForm } from './NewCodeForm';

type CodeDialog = 'describe' | 'recolour' | 'merge' | 'delete';

/**
 * The codebook: a toolbar (new code, new child code, whose codings the counts show) over the
 * code tree, with each code's actions in a context menu (right-click, the ⋯ button, Shift+F10)
 * and the dialogs they open. Every change goes through `workbench.change`.
 */
export function CodebookPanel() {
  const { project, quickCodes, coderName } = useProject();
  const { change, setQuickCodes, showError } = useChanges();
  const { activeCodeId, selection } = useDocument();
  const { codeSelection, setActiveCodeId } = useDocumentActions();
  const { setCentre, openMemos } = useViewActions();
  const codes = project.codebook;
  const [countMode, setCountMode] = useState<CountMode>('all');
  const [creating, setCreating] = useState<{ parentId: string | null } | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ codeId: string; x: number; y: number } | null>(null);
  const [dialog, setDialog] = useState<{ kind: CodeDialog; codeId: string } | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ codeId: string; seq: number } | null>(null);

  const activeCode = codes.find((c) => c.id === activeCodeId) ?? null;
  const codable = codableCount(codes);
  const blindTo = firstRoundOf(project.coders, coderName);
  const counts = useMemo(
    () => codeCounts(countsWithout(project.codingCounts, blindTo), countMode, project.currentCoderId),
    [project.codingCounts, blindTo, countMode, project.currentCoderId],
  );
  const quickKeys = useMemo(() => new Map(quickCodes.map((id, i) => [id, i + 1])), [quickCodes]);

  function focusCode(codeId: string) {
    setFocusRequest((r) => ({ codeId, seq: (r?.seq ?? 0) + 1 }));
  }

  function startCreating(parentId: string | null) {
    setMenu(null);
    setCreating({ parentId });
  }

  async function create(name: string, parentId: string | null) {
    const result = await change('code.create', { name, parentId });
    const newId = result?.createdIds[0];
    if (!newId) return false;
    setCreating(null);
    setActiveCodeId(newId);
    focusCode(newId);
    return true;
  }

  async function rename(codeId: string, name: string | null) {
    setRenamingId(null);
    focusCode(codeId);
    const code = codes.find((c) => c.id === codeId);
    const trimmed = name?.trim() ?? '';
    if (!code || !trimmed || trimmed === code.name) return;
    await change('code.update', { codeId, name: trimmed });
  }

  async function move(codeId: string, place: { parentId: string | null; index: number } | null) {
    if (!place) return;
    const result = await change('code.move', { codeId, ...place });
    if (result) focusCode(codeId);
  }

  function togglePin(codeId: string) {
    const outcome = toggleQuickCode(quickCodes, codeId);
    if ('error' in outcome) showError(new Error(outcome.error));
    else setQuickCodes(outcome.next);
  }

  function showSegments(codeId: string) {
    setActiveCodeId(codeId);
    setCentre({ kind: 'segments', codeId });
  }

  function onCommand(command: TreeCommand) {
    switch (command.type) {
      case 'new':
        startCreating(null);
        return;
      case 'newChild':
        startCreating(command.codeId);
        return;
      case 'rename':
        setRenamingId(command.codeId);
        return;
      case 'delete':
        setDialog({ kind: 'delete', codeId: command.codeId });
        return;
      case 'apply':
        void codeSelection(command.codeId);
        return;
      case 'move':
        void move(command.codeId, keyboardMove(codes, command.codeId, command.direction));
        return;
      case 'menu':
        setMenu({ codeId: command.codeId, x: command.x, y: command.y });
        return;
    }
  }

  function closeDialog(changed: boolean) {
    const current = dialog;
    setDialog(null);
    if (!current) return;
    // After a delete or merge the code is gone: keep the keyboard in the tree, on a neighbour.
    if (changed && (current.kind === 'delete' || current.kind === 'merge')) {
      // `codes` here is the codebook from before the change, when the dialog opened.
      const code = codes.find((c) => c.id === current.codeId);
      const siblings = codes.filter((c) => c.parentId === code?.parentId);
      const at = code ? siblings.indexOf(code) : -1;
      const neighbour = siblings[at + 1]?.id ?? siblings[at - 1]?.id ?? code?.parentId ?? null;
      setActiveCodeId(neighbour);
      if (neighbour) focusCode(neighbour);
    } else {
      focusCode(current.codeId);
    }
  }

  const menuCode = menu ? (codes.find((c) => c.id === menu.codeId) ?? null) : null;
  const dialogCode = dialog ? (codes.find((c) => c.id === dialog.codeId) ?? null) : null;

  return (
    <div className={styles.codebookPanel}>
      <PaneHeader title="Codebook" count={codable} countLabel={plural(codable, 'code')}>
        <ToggleGroup
          className={styles.codebookPanelCounts}
          label="Counts"
          value={countMode}
          onChange={setCountMode}
          options={[
            { value: 'mine', label: 'Mine', title: 'Count only your codings' },
            { value: 'all', label: 'All coders', title: 'Count every coder’s codings' },
          ]}
        />
      </PaneHeader>
      <div className={styles.codebookPanelToolbar}>
        <Button size="sm" variant="ghost" onClick={() => startCreating(null)} title="New code at the top level (Insert)">
          <PlusIcon />
          New code
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={!activeCode}
          onClick={() => activeCode && startCreating(activeCode.id)}
          title={activeCode ? `New code inside “${activeCode.name}” (Shift+Insert)` : 'Select a code first'}
        >
          <PlusIcon />
          New child code
        </Button>
      </div>
      {creating ? (
        <NewCodeForm
          parent={creating.parentId ? (codes.find((c) => c.id === creating.parentId) ?? null) : null}
          codes={codes}
          onCreate={(name) => create(name, creating.parentId)}
          onCancel={() => {
            setCreating(null);
            if (activeCodeId) focusCode(activeCodeId);
          }}
        />
      ) : null}
      <div className={styles.codebookPanelScroll}>
        <CodebookTree
          codes={codes}
          counts={counts}
          quickKeys={quickKeys}
          activeId={activeCodeId}
          onActivate={setActiveCodeId}
          renamingId={renamingId}
          onRenameDone={(id, name) => void rename(id, name)}
          canApply={selection !== null}
          focusRequest={focusRequest}
          onCommand={onCommand}
        />
      </div>
      {menu && menuCode ? (
        <MenuPopup
          label={`Actions for ${menuCode.name}`}
          x={menu.x}
          y={menu.y}
          items={menuItems(menuCode)}
          onClose={(chosen) => {
            setMenu(null);
            if (!chosen) focusCode(menuCode.id);
          }}
        />
      ) : null}
      {dialog && dialogCode ? renderDialog(dialog.kind, dialogCode) : null}
    </div>
  );

  function menuItems(code: Code): MenuPopupItem[] {
    const key = quickKeys.get(code.id);
    const open = (kind: CodeDialog) => () => setDialog({ kind, codeId: code.id });
    return [
      { id: 'rename', label: 'Rename', shortcut: 'F2', keys: 'F2', onSelect: () => setRenamingId(code.id) },
      { id: 'recolour', label: 'Recolour…', onSelect: open('recolour') },
      { id: 'describe', label: 'Describe…', onSelect: open('describe') },
      {
        id: 'pin',
        label: key ? `Unpin quick code ${key}` : 'Pin as quick code',
        disabled: !code.codable && !key,
        onSelect: () => {
          togglePin(code.id);
          focusCode(code.id);
        },
        separatorBefore: true,
      },
      { id: 'segments', label: 'Show coded segments', onSelect: () => showSegments(code.id) },
      { id: 'memo', label: 'Memo…', onSelect: () => openMemos({ type: 'code', id: code.id }) },
      { id: 'child', label: 'New child code', shortcut: 'Shift+Ins', keys: 'Shift+Insert', onSelect: () => startCreating(code.id), separatorBefore: true },
      { id: 'merge', label: 'Merge into…', onSelect: open('merge') },
      { id: 'delete', label: 'Delete…', shortcut: 'Del', keys: 'Delete', danger: true, onSelect: open('delete') },
    ];
  }

  function renderDialog(kind: CodeDialog, code: Code) {
    switch (kind) {
      case 'delete':
        return <DeleteCodeDialog code={code} onDone={closeDialog} />;
      case 'merge':
        return <MergeCodeDialog code={code} onDone={closeDialog} />;
      case 'describe':
        return <DescribeCodeDialog code={code} onDone={closeDialog} />;
      case 'recolour':
        return <RecolourCodeDialog code={code} onDone={closeDialog} />;
    }
  }
}

