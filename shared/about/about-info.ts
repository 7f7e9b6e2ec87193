/**
 * What Help → About shows. Generated at build time from package.json and the production
 * dependency tree (electron/packaging/about-info.ts) into the renderer bundle, which both the
 * desktop app and browser mode run.
 */

export interface ThirdPartyLicence {
  name: string;
  version: string;
  /** The SPDX expression its package.json declares ("MIT", "Apache-2.0", "(MIT OR GPL-3.0)"). */
  licence: string;
  /** Its licence file, as an index into AboutInfo.licenceTexts (many share one), or null when it ships none. */
  text: number | null;
  /** How it reaches users, when not as an ordinary package in the app. */
  note?: string;
}

export interface AboutInfo {
  productName: string;
  version: string;
  /** The date of the source this build was made from (YYYY-MM-DD). */
  date: string;
  licence: string;
  licenceText: string;
  electronVersion: string;
  /** Where newer releases are published, when the build knows (the release workflow sets it). */
  releasesUrl: string | null;
  thirdParty: ThirdPartyLicence[];
  /** The distinct licence texts the packages ship. */
  licenceTexts: string[];
}

export const NO_NETWORK_STATEMENT = 'Marginalia never connects to the internet.';

export const SECURITY_RELEASES =
  'A new release follows each Electron security release, so the browser engine inside Marginalia stays patched. Marginalia does not update itself: install the new version over the old one.';
