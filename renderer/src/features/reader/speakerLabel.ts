/**
 * A speaker label split where it may wrap. Survey column names ("QUAL_HOBBY_OPINIONS") are one
 * long word to the browser, which would break them mid-word in the narrow speaker column; after
 * an underscore, slash, hyphen or dot is where a reader expects the break, so each part ends there.
 */
export function speakerLabelParts(label: string): string[] {
  return label.match(/[^_/.\-\s]*[_/.\-\s]+|[^_/.\-\s]+$/g) ?? [label];
}
