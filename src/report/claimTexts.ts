/** The words of each claim, in one language, with its measured numbers filled in. */
import type { ArticleClaims } from "../experiments/claims.js";
import { formatNumber, formatShare } from "../i18n/format.js";
import type { Translator } from "../i18n/translate.js";

export type ClaimId = "C1" | "C2" | "C3" | "C4" | "C5";
export const CLAIM_IDS: readonly ClaimId[] = ["C1", "C2", "C3", "C4", "C5"];

export interface ClaimText {
  title: string;
  measured: string;
  explanation: string;
}

function list(values: readonly number[], t: Translator): string {
  return values.length === 0 ? t("list.none") : values.map((v) => formatNumber(v)).join(", ");
}

/** Steps to the target, or "more than N" when it was not reached within the N steps run. */
function steps(value: number | null, limit: number, t: Translator): string {
  return value === null ? t("list.never", { steps: limit }) : String(value);
}

export function claimTexts(claims: ArticleClaims, t: Translator): Record<ClaimId, ClaimText> {
  const { C1, C2, C3, C4, C5 } = claims;
  const n = (value: number) => formatNumber(value, 3);
  const last = C1.slopes.length - 1;
  return {
    C1: {
      title: t("claim.C1.title"),
      measured: t("claim.C1.measured", {
        xMin: formatNumber(C1.xMin),
        xMax: formatNumber(C1.xMax),
        mLarge: formatNumber(C1.slopes[0]!),
        mSmall: formatNumber(C1.slopes[last]!),
        shareLarge: formatShare(C1.saturatedShares[0]!),
        shareSmall: formatShare(C1.saturatedShares[last]!),
        slopeLarge: formatNumber(C1.maxSlopes[0]!),
        slopeSmall: formatNumber(C1.maxSlopes[last]!),
      }),
      explanation: t("claim.C1.explain", { cutoff: formatNumber(C1.saturationCutoff, 3) }),
    },
    C2: {
      title: t("claim.C2.title"),
      measured: t("claim.C2.measured", {
        eta: formatNumber(C2.learningRate),
        smallM: formatNumber(C2.smallM),
        largeM: formatNumber(C2.largeM),
        smallDydz: formatNumber(C2.smallMeanDydz, 3),
        largeDydz: formatNumber(C2.largeMeanDydz, 3),
        smallSteps: steps(C2.smallStepsToTarget, C2.steps, t),
        largeSteps: steps(C2.largeStepsToTarget, C2.steps, t),
        steps: C2.steps,
        stalled: C2.largeStalledSteps,
        finalM: formatNumber(C2.largeFinalM),
        l2: formatNumber(C2.l2),
        l2Steps: steps(C2.largeWithL2StepsToTarget, C2.steps, t),
      }),
      explanation: t("claim.C2.explain"),
    },
    C3: {
      title: t("claim.C3.title"),
      measured: t("claim.C3.measured", {
        rates: list(C3.learningRates, t),
        smallM: formatNumber(C3.smallM),
        largeM: formatNumber(C3.largeM),
        smallClean: list(C3.smallCleanRates, t),
        largeClean: list(C3.largeCleanRates, t),
        stalledRates: list(C3.largeStalledRates, t),
        overshootRates: list(C3.largeOvershootRates, t),
        rises: list(C3.largeOvershootRises, t),
        l2: formatNumber(C3.l2),
        l2Clean: list(C3.largeWithL2CleanRates, t),
      }),
      explanation: t("claim.C3.explain"),
    },
    C4: {
      title: t("claim.C4.title"),
      measured: t("claim.C4.measured", {
        data: C4.toy.data,
        lambdaHigh: formatNumber(C4.toy.bestLambda),
        normLow: n(C4.toy.atZero.weightNorm),
        normHigh: n(C4.toy.atBest.weightNorm),
        sensLow: n(C4.toy.atZero.sensitivity),
        sensHigh: n(C4.toy.atBest.sensitivity),
        lipLow: n(C4.toy.atZero.lipschitzBound),
        lipHigh: n(C4.toy.atBest.lipschitzBound),
        correlation: formatNumber(C4.toy.normSensitivityCorrelation, 2),
        realData: C4.real.data,
        realLipLow: n(C4.real.atZero.lipschitzBound),
        realLipHigh: n(C4.real.atBest.lipschitzBound),
        realSensLow: n(C4.real.atZero.sensitivity),
        realSensHigh: n(C4.real.atBest.sensitivity),
      }),
      explanation: t("claim.C4.explain"),
    },
    C5: {
      title: t("claim.C5.title"),
      measured: t("claim.C5.measured", {
        data: C5.toy.data,
        trainLow: n(C5.toy.atZero.trainLoss),
        testLow: n(C5.toy.atZero.testLoss),
        gapLow: n(C5.toy.atZero.gap),
        bestLambda: formatNumber(C5.toy.bestLambda),
        trainBest: n(C5.toy.atBest.trainLoss),
        testBest: n(C5.toy.atBest.testLoss),
        gapBest: n(C5.toy.atBest.gap),
        realData: C5.real.data,
        realGapLow: n(C5.real.atZero.gap),
        realGapBest: n(C5.real.atBest.gap),
        realBestLambda: formatNumber(C5.real.bestLambda),
        realTestLow: n(C5.real.atZero.testLoss),
        realTestBest: n(C5.real.atBest.testLoss),
      }),
      explanation: t("claim.C5.explain"),
    },
  };
}
