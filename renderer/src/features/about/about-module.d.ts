// Generated at build time by electron/packaging/about-info.ts (the `aboutModule` Vite plugin).
declare module 'virtual:marginalia-about' {
  import type { AboutInfo } from '../../../../shared/about/about-info';

  const about: AboutInfo;
  export default about;
}
