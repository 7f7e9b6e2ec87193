import type { MouseEvent } from 'react';
import { CodeGlyph } from './CodeGlyph';
import type { CodeNode, VisibleItem } from './codeTree';

export interface CodeTreeItemProps {
  node: CodeNode;
  layout: ReadonlyMap<string, VisibleItem>;
  counts: Record<string, number>;
  focusId: string | null;
  itemId: (codeId: string) => string;
  onFocusItem: (codeId: string) => void;
  onToggle: (codeId: string, expanded: boolean) => void;
}

/**
 * One code. The treeitem's accessible name is exactly the code's name (aria-label); the count
 * and the folder note are its description.
 */
export function CodeTreeItem({ node, layout, counts, focusId, itemId, onFocusItem, onToggle }: CodeTreeItemProps) {
  const { code, children } = node;
  const item = layout.get(code.id);
  if (!item) return null;

  const id = itemId(code.id);
  const descriptionId = `${id}-desc`;
  const count = counts[code.id] ?? 0;
  const isFolder = !code.codable;
  const showCount = !isFolder || count > 0;

  function onRowClick(event: MouseEvent) {
    event.stopPropagation();
    onFocusItem(code.id);
  }

  function onTwistyClick(event: MouseEvent) {
    event.stopPropagation();
    onFocusItem(code.id);
    onToggle(code.id, !item!.expanded);
  }

  return (
    <li
      id={id}
      role="treeitem"
      aria-label={code.name}
      aria-level={item.level}
      aria-setsize={item.setSize}
      aria-posinset={item.posInSet}
      aria-expanded={item.hasChildren ? item.expanded : undefined}
      aria-describedby={descriptionId}
      tabIndex={focusId === code.id ? 0 : -1}
      data-code-id={code.id}
      className="code-item"
    >
      <div
        className={['code-row', isFolder ? 'code-row--folder' : ''].filter(Boolean).join(' ')}
        style={{ paddingLeft: `calc(${item.level - 1} * var(--tree-indent) + var(--sp-2))` }}
        onClick={onRowClick}
        onDoubleClick={item.hasChildren ? onTwistyClick : undefined}
        title={code.description.definition || code.name}
      >
        <span className="code-row__twisty" aria-hidden="true" onClick={item.hasChildren ? onTwistyClick : undefined}>
          {item.hasChildren ? (
            <svg viewBox="0 0 12 12" width="10" height="10" className={item.expanded ? 'is-open' : undefined}>
              <path d="M4 2.5L7.5 6 4 9.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          ) : null}
        </span>
        <CodeGlyph color={code.color} folder={isFolder} />
        <span className="code-row__name" aria-hidden="true">
          {code.name}
        </span>
        <span className="code-row__count" id={descriptionId}>
          {isFolder ? <span className="sr-only">Folder. </span> : null}
          {showCount ? (
            <>
              <span aria-hidden="true">{count}</span>
              <span className="sr-only">{count === 1 ? '1 coding' : `${count} codings`}</span>
            </>
          ) : null}
        </span>
      </div>
      {item.hasChildren && item.expanded ? (
        <ul role="group" className="code-group">
          {children.map((child) => (
            <CodeTreeItem
              key={child.code.id}
              node={child}
              layout={layout}
              counts={counts}
              focusId={focusId}
              itemId={itemId}
              onFocusItem={onFocusItem}
              onToggle={onToggle}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
