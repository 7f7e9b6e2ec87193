/** The desktop menu shows keys (shared/commands) that the page must answer to itself: the two held together. */
import { describe, expect, it } from 'vitest';
import { commandAccelerators } from '../../../shared/commands/commands';
import { shortcutFor } from '../../../renderer/src/features/workbench/shortcuts';
import type { KeyInput } from '../../../renderer/src/features/workbench/shortcuts';

/** The key press an Electron accelerator stands for, on one platform. */
function keyPress(accelerator: string, apple: boolean): KeyInput {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  const has = (modifier: string) => parts.includes(modifier);
  const shiftKey = has('Shift');
  return {
    // As browsers report it: Shift turns a letter upper-case.
    key: shiftKey ? key.toUpperCase() : key.toLowerCase(),
    ctrlKey: has('CmdOrCtrl') && !apple,
    metaKey: has('CmdOrCtrl') && apple,
    shiftKey,
    altKey: has('Alt'),
  };
}

describe('the keys the desktop menu shows', () => {
  it.each([
    ['undo', 'undo'],
    ['redo', 'redo'],
    ['codePalette', 'palette'],
  ] as const)('%s: the page does the same on Windows and Linux (Ctrl) and on macOS (Cmd)', (command, shortcut) => {
    for (const apple of [false, true]) {
      expect(shortcutFor(keyPress(commandAccelerators[command], apple), false, apple)).toEqual({ type: shortcut });
    }
  });
});
