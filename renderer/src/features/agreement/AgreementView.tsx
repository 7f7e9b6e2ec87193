/** Placeholder until this view is built. */
export function AgreementView() {
  return null;
}
