/**
 * Commands the desktop menu hands to the UI (as a `shell.request` event), and the keys that do
 * the same in the page. The menu shows these keys; the page's own key handling
 * (renderer/src/features/workbench/shortcuts.ts) answers to them, and a test holds the two together.
 */
export const shellCommands = ['undo', 'redo', 'codePalette', 'importDocuments', 'closeProject'] as const;
export type ShellCommand = (typeof shellCommands)[number];

/** In Electron's accelerator syntax; commands without a key in the page have none. */
export const commandAccelerators = {
  undo: 'CmdOrCtrl+Z',
  redo: 'Shift+CmdOrCtrl+Z',
  codePalette: 'CmdOrCtrl+K',
} as const satisfies Partial<Record<ShellCommand, string>>;
