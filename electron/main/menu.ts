import { Menu, app } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { commandAccelerators } from '../../shared/commands/commands';
import type { ShellCommand } from '../../shared/commands/commands';

/**
 * The application menu: File, Edit, View and Help, as a desktop user expects them. Commands the
 * UI also has a key for (undo, redo, the code palette) show the UI's own accelerator but do not
 * register it: the page keeps handling the key itself (so a text field's own Ctrl+Z still
 * works there), and choosing the item asks the UI to do what the key does. Help → About
 * Marginalia (and, on macOS, the app menu's About) opens the same About dialog as the UI.
 */

export interface MenuActions {
  openProject: () => void;
  showAbout: () => void;
  /** Hands a command to the UI. */
  command: (command: ShellCommand) => void;
}

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform, packaged: boolean): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: 'About Marginalia', click: () => actions.showAbout() };
  const command = (label: string, name: ShellCommand, extra: MenuItemConstructorOptions = {}): MenuItemConstructorOptions => ({
    label,
    click: () => actions.command(name),
    ...(name in commandAccelerators && { accelerator: commandAccelerators[name as keyof typeof commandAccelerators], registerAccelerator: false }),
    ...extra,
  });
  const appMenu: MenuItemConstructorOptions = {
    label: 'Marginalia',
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  // The OS keeps the list (app.addRecentDocument); only macOS shows it inside the app's menu.
  const openRecent: MenuItemConstructorOptions[] = isMac
    ? [{ label: 'Open Recent', role: 'recentDocuments', submenu: [{ label: 'Clear Menu', role: 'clearRecentDocuments' }] }]
    : [];
  return [
    ...(isMac ? [appMenu] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
        ...openRecent,
        command('Import Documents…', 'importDocuments'),
        { type: 'separator' },
        command('Close Project', 'closeProject'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        command('Undo', 'undo'),
        command('Redo', 'redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        command('Code Selection…', 'codePalette'),
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(packaged ? [] : ([{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[])),
      ],
    },
    { label: 'Help', role: 'help', submenu: [about] },
  ];
}

export function installMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, process.platform, app.isPackaged)));
}
