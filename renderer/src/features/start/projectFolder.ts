/** Characters no file system takes in a folder name (control characters too). */
const unsafe = /[\\/:*?"<>|\p{Cc}]/gu;

/**
 * Where a new project named `name` goes in `location`: LOCATION/NAME.marginalia, with the
 * location's own separator (a Windows path keeps its backslashes).
 */
export function projectFolderPath(location: string, name: string): string {
  const separator = location.includes('\\') && !location.includes('/') ? '\\' : '/';
  const folder = name.trim().replace(unsafe, '-').replace(/^\.+/, '') || 'Untitled';
  return `${location.replace(/[\\/]+$/, '')}${separator}${folder}.marginalia`;
}
