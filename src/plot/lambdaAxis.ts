/**
 * An x axis for regularization paths: positions are ln λ (so the curves are glmnet's), but the
 * ticks sit at round λ values — 1, 2 and 5 × 10^k inside the range, or only the powers of ten when
 * those would crowd — and are labelled in λ, the number every readout uses.
 */
import { formatNumber } from "../i18n/format.js";

/** At most this many ticks before only the powers of ten are kept. */
const MAX_TICKS = 8;

export function lambdaTicks(lambdas: ArrayLike<number>): number[] {
  let low = Number.POSITIVE_INFINITY;
  let high = 0;
  for (let k = 0; k < lambdas.length; k++) {
    const lambda = lambdas[k]!;
    if (!(lambda > 0)) continue;
    low = Math.min(low, lambda);
    high = Math.max(high, lambda);
  }
  if (!(high >= low)) return [];
  const candidates = (multiples: readonly number[]) => {
    const ticks: number[] = [];
    for (let e = Math.floor(Math.log10(low)); e <= Math.ceil(Math.log10(high)); e++)
      for (const m of multiples) {
        const value = Number((m * 10 ** e).toPrecision(1));
        if (value >= low * (1 - 1e-12) && value <= high * (1 + 1e-12)) ticks.push(value);
      }
    return ticks;
  };
  const all = candidates([1, 2, 5]);
  if (all.length <= MAX_TICKS) return all.length >= 2 ? all : [low, high];
  const decades = candidates([1]);
  return decades.length >= 2 ? decades : all.filter((_, k) => k % 3 === 0);
}

/**
 * Plot x-axis options: ln λ positions, λ labels, λ falling to the right (as glmnet draws it). The
 * title is centred under the ticks (at Plot's default, the right end, it runs into the last tick's
 * label); the chart needs a bottom margin of 40 px for it.
 */
export function lambdaAxis(lambdas: ArrayLike<number>, label: string) {
  return {
    label,
    labelAnchor: "center" as const,
    labelOffset: 34,
    reverse: true,
    ticks: lambdaTicks(lambdas).map(Math.log),
    tickFormat: (position: number) => formatNumber(Number(Math.exp(position).toPrecision(6))),
  };
}
