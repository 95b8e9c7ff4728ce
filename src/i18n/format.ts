/**
 * Number formatting shared by tables, figures and reports (the same in English and Chinese).
 * Four significant digits, exponent notation outside [1e-4, 1e6), no trailing zeros.
 */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e6) return String(Number(value.toPrecision(digits)));
  const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
  return `${Number(mantissa)}e${exponent}`;
}

/** A share in [0, 1] as a percentage with one decimal: 0.5415 → "54.1%". */
export function formatShare(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}
