import type { Configuration } from 'electron-builder';
import { readDependencyTree } from './dependency-tree';
import { ICON_DIR } from './icon-files';
import { shippedPackages } from './shipped-packages';

/**
 * The electron-builder configuration: what goes into app.asar, the installers per operating
 * system, the fuses, the .qdpx association. Kept in code rather than package.json so the
 * packages left out of app.asar are derived from the lock file, not listed by hand twice.
 */

export const APP_ID = 'org.marginalia.workbench';
export const PRODUCT_NAME = 'Marginalia';
/** Where electron-builder writes the unpacked app and the installers (under the ignored out/). */
export const PACKAGE_OUT_DIR = 'out/package';

/**
 * The security checklist's fuses. They are flipped in the Electron binary itself just before
 * signing, so a shipped Marginalia ignores ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect,
 * loads code only from its own app.asar (whose hash is checked on macOS and Windows), and
 * encrypts its cookie store. The app uses worker threads, never `process.fork`, which RunAsNode
 * off would break.
 */
export const FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // The UI is served from app://, never file://.
  grantFileProtocolExtraPrivileges: false,
  // Flipping fuses breaks the ad-hoc signature Apple silicon needs; signing (if any) follows.
  resetAdHocDarwinSignature: true,
} as const;

export interface BuilderOptions {
  /** A stand-in Electron distribution folder: the check's, whose binary has no fuses to flip. */
  standInElectronDist?: string;
  /** No signing identity was provided: sign nothing and name the installers `-unsigned`. */
  unsigned?: boolean;
}

/**
 * Whether this host builds without a signing identity. Linux packages are not code-signed (the
 * checksums vouch for them); macOS and Windows installers are, when the host's secrets give
 * electron-builder a certificate (CSC_LINK; WIN_CSC_LINK on Windows).
 */
export function isUnsigned(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform === 'linux') return false;
  return !(env.CSC_LINK || (platform === 'win32' && env.WIN_CSC_LINK));
}

export function builderConfig(root: string, options: BuilderOptions = {}): Configuration {
  const { leftOut } = shippedPackages(readDependencyTree(root));
  const label = options.unsigned ? '-unsigned' : '';
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: 'Copyright © the Marginalia authors. MIT licence.',
    directories: { output: PACKAGE_OUT_DIR, buildResources: ICON_DIR },
    // The built bundles and the sample; node_modules holds the production tree, less what Vite
    // already bundled and the command line's TypeScript runner (see shipped-packages.ts).
    files: [
      'package.json',
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      'resources/sample/**',
      // Packages' source maps, TypeScript sources and declarations, and their own tests.
      '!**/*.map',
      '!**/node_modules/**/*.{ts,mts,cts,tsx}',
      '!**/node_modules/**/{test,tests,__tests__}/**',
      ...leftOut.map((p) => `!${p.path}{,/**}`),
    ],
    asar: true,
    // No auto-updater, no publishing from here: the release workflow uploads the files.
    publish: null,
    electronFuses: options.standInElectronDist ? null : FUSES,
    ...(options.standInElectronDist ? { electronDist: options.standInElectronDist } : {}),
    artifactName: `\${productName}-\${version}-\${os}-\${arch}${label}.\${ext}`,
    fileAssociations: [
      {
        ext: 'qdpx',
        name: 'REFI-QDA project',
        description: 'A qualitative-analysis project exchanged in the REFI-QDA standard',
        mimeType: 'application/x-qdpx',
        role: 'Viewer',
      },
    ],
    linux: {
      target: ['AppImage', 'deb'],
      executableName: 'marginalia',
      category: 'Education;Science',
      icon: ICON_DIR,
      synopsis: 'Qualitative coding of interview transcripts, on your own computer',
      maintainer: 'The Marginalia authors',
    },
    deb: { packageName: 'marginalia' },
    mac: {
      target: [{ target: 'dmg', arch: ['universal'] }],
      category: 'public.app-category.education',
      icon: `${ICON_DIR}/icon.icns`,
      hardenedRuntime: true,
      ...(options.unsigned ? { identity: null, notarize: false } : {}),
    },
    dmg: { title: '${productName} ${version}' },
    win: { target: [{ target: 'nsis', arch: ['x64'] }], icon: `${ICON_DIR}/icon.ico` },
    nsis: {
      // Asks: for this user (the default; no administrator rights, as on university machines)
      // or for everyone; the folder can be changed.
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      // Settings stay on uninstall; projects live in Documents and are never touched.
      deleteAppDataOnUninstall: false,
      installerIcon: `${ICON_DIR}/icon.ico`,
      uninstallerIcon: `${ICON_DIR}/icon.ico`,
    },
  };
}
