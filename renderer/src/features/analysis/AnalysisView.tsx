/** Placeholder until this view is built. */
export function AnalysisView() {
  return null;
}
