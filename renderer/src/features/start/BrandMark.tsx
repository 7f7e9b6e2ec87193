import styles from './start.module.css';
/** The app mark: a page with a note in its margin. Inline SVG, nothing fetched. */
export function BrandMark() {
  return (
    <svg className={styles.brandMark} viewBox="0 0 40 40" width="40" height="40" aria-hidden="true">
      <rect width="40" height="40" rx="9" fill="var(--c-accent)" />
      <rect x="10" y="9" width="15" height="22" rx="2" fill="var(--c-text-on-accent)" opacity="0.95" />
      <path d="M13 14h9M13 18h9M13 22h6" stroke="var(--c-accent)" strokeWidth="1.6" strokeLinecap="round" />
      <rect x="27.5" y="12.5" width="3" height="11" rx="1.5" fill="var(--c-brand-mark)" />
    </svg>
  );
}
