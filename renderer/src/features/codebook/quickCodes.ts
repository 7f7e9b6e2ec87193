/** Quick codes: up to nine codes pinned to the keys 1–9. Pure. */

export const MAX_QUICK_CODES = 9;

/** Pins or unpins a quick code; pinning a tenth is refused with a reason. */
export function toggleQuickCode(quickCodes: readonly string[], codeId: string): { next: string[] } | { error: string } {
  if (quickCodes.includes(codeId)) return { next: quickCodes.filter((id) => id !== codeId) };
  if (quickCodes.length >= MAX_QUICK_CODES) {
    return { error: `Nine quick codes are pinned already (keys 1–9): unpin one first.` };
  }
  return { next: [...quickCodes, codeId] };
}
