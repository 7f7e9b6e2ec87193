import styles from './CodeGlyph.module.css';
import codebookStyles from './codebook.module.css';
/** A code's colour: a swatch for a codable code, a tinted folder for a grouping folder. */
export function CodeGlyph({ color, folder }: { color: string; folder: boolean }) {
  if (folder) {
    return (
      <svg className={`${styles.codeGlyph} ${codebookStyles.codeGlyphFolder}`} data-glyph="folder" viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
        <path
          d="M1.75 4.25a1 1 0 0 1 1-1h3.3l1.5 1.5h5.7a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1H2.75a1 1 0 0 1-1-1z"
          fill={color}
          fillOpacity="0.22"
          stroke={color}
          strokeWidth="1.3"
          strokeLinejoin="round"
        />
      </svg>
    );
  }
  return <span className={`${styles.codeGlyph} ${codebookStyles.codeGlyphSwatch}`} data-glyph="swatch" style={{ backgroundColor: color }} aria-hidden="true" />;
}
