import { Menu, app } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu. Help → About Marginalia (and, on macOS, the app menu's About) opens
 * the same About dialog as the UI, with the licences and the no-network statement.
 */

export interface MenuActions {
  openProject: () => void;
  showAbout: () => void;
}

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform, packaged: boolean): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: 'About Marginalia', click: () => actions.showAbout() };
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
  return [
    ...(isMac ? [appMenu] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    ...(packaged
      ? []
      : [{ label: 'View', submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] } satisfies MenuItemConstructorOptions]),
    { label: 'Help', role: 'help', submenu: [about] },
  ];
}

export function installMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, process.platform, app.isPackaged)));
}
