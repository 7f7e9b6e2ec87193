import { useEffect, useState } from 'react';
import type { AboutInfo } from '../../../../shared/about/about-info';
import { NO_NETWORK_STATEMENT, SECURITY_RELEASES } from '../../../../shared/about/about-info';
import { formatDate } from '../../lib/format';
import { Button } from '../../ui/Button';
import { DialogModal } from '../../ui/DialogModal';
import iconUrl from '../../../../resources/icon.svg';
import styles from './About.module.css';

/** The About box: version and date, the no-network promise, where releases are, the licences. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const [about, setAbout] = useState<AboutInfo | null>(null);
  useEffect(() => {
    // Its own chunk: the licence texts load only when someone opens About.
    let live = true;
    void import('virtual:marginalia-about').then((module) => live && setAbout(module.default));
    return () => {
      live = false;
    };
  }, []);

  return (
    <DialogModal title="About Marginalia" wide onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
      {about === null ? <p className={styles.muted}>Loading…</p> : <AboutBody about={about} />}
    </DialogModal>
  );
}

function AboutBody({ about }: { about: AboutInfo }) {
  return (
    <div className={styles.about}>
      <div className={styles.identity}>
        <img className={styles.icon} src={iconUrl} alt="" width={56} height={56} />
        <div>
          <p className={styles.name}>{about.productName}</p>
          <p className={styles.muted}>
            Version {about.version} · {formatDate(about.date)} · Electron {about.electronVersion}
          </p>
        </div>
      </div>

      <p className={styles.offline}>
        <strong>{NO_NETWORK_STATEMENT}</strong> Your projects stay on this computer: it sends no telemetry, checks for no updates
        and fetches nothing, not even fonts.
      </p>

      <section aria-labelledby="about-releases">
        <h3 id="about-releases" className={styles.heading}>
          Newer releases
        </h3>
        {about.releasesUrl ? (
          <p>
            Newer releases are published at <span className={styles.address}>{about.releasesUrl}</span>.
          </p>
        ) : (
          <p>This copy was built from a source checkout, which does not say where releases are published.</p>
        )}
        <p className={styles.muted}>{SECURITY_RELEASES}</p>
      </section>

      <section aria-labelledby="about-licence">
        <h3 id="about-licence" className={styles.heading}>
          Licence
        </h3>
        <p>Marginalia is free software under the {about.licence} licence.</p>
        {about.licenceText ? (
          <details className={styles.details}>
            <summary>The licence text</summary>
            <pre className={styles.text}>{about.licenceText}</pre>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="about-third-party">
        <h3 id="about-third-party" className={styles.heading}>
          Third-party software
        </h3>
        <p>Marginalia is built with {about.thirdParty.length} open-source packages, each under its own licence:</p>
        <ul className={styles.packages} aria-label="Third-party licences">
          {about.thirdParty.map((pkg) => (
            <li key={`${pkg.name}@${pkg.version}`}>
              <details className={styles.details}>
                <summary>
                  <span className={styles.package}>{pkg.name}</span> <span className={styles.muted}>{pkg.version}</span> ·{' '}
                  {pkg.licence}
                </summary>
                {pkg.note ? <p className={styles.muted}>{pkg.note}</p> : null}
                {pkg.text === null ? (
                  <p className={styles.muted}>This package ships no licence file; its package declares {pkg.licence}.</p>
                ) : (
                  <pre className={styles.text}>{about.licenceTexts[pkg.text]}</pre>
                )}
              </details>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
