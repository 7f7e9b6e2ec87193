/**
 * The native menu as a desktop user reads it: File, Edit, View, Help, with the same keys the
 * page answers to (shared/commands; tests/unit/renderer/shortcuts.test.ts checks the page's side).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../../electron/main/menu';
import type { MenuActions } from '../../../electron/main/menu';
import { commandAccelerators } from '../../../shared/commands/commands';

vi.mock('electron', () => ({ Menu: {}, app: {} }));

function actions() {
  return { openProject: vi.fn<MenuActions['openProject']>(), showAbout: vi.fn<MenuActions['showAbout']>(), command: vi.fn<MenuActions['command']>() };
}

type Item = MenuItemConstructorOptions;
const submenu = (template: Item[], label: string): Item[] => {
  const menu = template.find((m) => m.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
};
const item = (template: Item[], menu: string, label: string): Item => {
  const found = submenu(template, menu).find((m) => m.label === label);
  if (!found) throw new Error(`no ${menu} → ${label}`);
  return found;
};

describe('the application menu', () => {
  it.each(['linux', 'win32'] as const)('on %s: File, Edit, View and Help, in that order', (platform) => {
    const template = menuTemplate(actions(), platform, true);
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(submenu(template, 'File').map((m) => m.label ?? m.role ?? m.type)).toEqual([
      'Open Project…', 'Import Documents…', 'separator', 'Close Project', 'separator', 'quit',
    ]);
    expect(submenu(template, 'Edit').map((m) => m.label ?? m.role ?? m.type)).toEqual([
      'Undo', 'Redo', 'separator', 'cut', 'copy', 'paste', 'selectAll', 'separator', 'Code Selection…',
    ]);
    expect(submenu(template, 'Help').map((m) => m.label)).toEqual(['About Marginalia']);
  });

  it('on macOS: the app menu with About first, and Open Recent from the system list', () => {
    const template = menuTemplate(actions(), 'darwin', true);
    expect(template.map((m) => m.label)).toEqual(['Marginalia', 'File', 'Edit', 'View', 'Help']);
    expect(submenu(template, 'Marginalia')[0]?.label).toBe('About Marginalia');
    expect(item(template, 'File', 'Open Recent')).toMatchObject({ role: 'recentDocuments', submenu: [{ role: 'clearRecentDocuments' }] });
    expect(submenu(template, 'File').at(-1)).toEqual({ role: 'close' });
  });

  it('View zooms and goes full screen; developer tools only when not packaged', () => {
    const roles = (packaged: boolean) => submenu(menuTemplate(actions(), 'linux', packaged), 'View').map((m) => m.role).filter(Boolean);
    expect(roles(true)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(false)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'reload', 'forceReload', 'toggleDevTools']);
  });

  it.each([
    ['Edit', 'Undo', 'undo'],
    ['Edit', 'Redo', 'redo'],
    ['Edit', 'Code Selection…', 'codePalette'],
  ] as const)('%s → %s shows the key the page answers to, leaves the key to the page, and asks the UI', (menu, label, command) => {
    const a = actions();
    const entry = item(menuTemplate(a, 'linux', true), menu, label);
    expect(entry.accelerator).toBe(commandAccelerators[command]);
    // Registered, the menu would take the key from the page: a text field's own undo would stop working.
    expect(entry.registerAccelerator).toBe(false);
    (entry.click as () => void)();
    expect(a.command).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('File → Open Project… (Ctrl/Cmd+O) opens the native folder dialog; Import and Close go to the UI', () => {
    const a = actions();
    const template = menuTemplate(a, 'linux', true);
    const open = item(template, 'File', 'Open Project…');
    expect(open.accelerator).toBe('CmdOrCtrl+O');
    (open.click as () => void)();
    expect(a.openProject).toHaveBeenCalledOnce();
    (item(template, 'File', 'Import Documents…').click as () => void)();
    (item(template, 'File', 'Close Project').click as () => void)();
    expect(a.command.mock.calls).toEqual([['importDocuments'], ['closeProject']]);
    (item(template, 'Help', 'About Marginalia').click as () => void)();
    expect(a.showAbout).toHaveBeenCalledOnce();
  });
});
