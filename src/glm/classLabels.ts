/**
 * Class labels as the user wrote them. A classification target may be numbers (0/1, 3/5/8) or
 * text ("M"/"R"); text labels are coded 0 … K−1 when read (data/datasetBuilder.ts) and the path
 * keeps their names (classLabels), so what a user reads — JSON, saved models, figures, predicted
 * classes — names the classes as the file does.
 */
export type ClassLabel = number | string;

/** The labels of class values (codes when `labels` is given, the values themselves otherwise). */
export function classNames(values: readonly number[], labels?: readonly string[]): ClassLabel[] {
  return labels ? values.map((value) => labels[value]!) : [...values];
}
