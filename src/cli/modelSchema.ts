/**
 * The saved model document (reglab_model: 1, written by `path|cv --save` and the web lab) checked
 * against its schema before `predict` uses it: the version, a family reglab knows, finite numbers
 * everywhere, and shapes that agree — L λ values, p feature names, a0 of L (per class for the
 * multinomial family, per response for mgaussian), beta of L × p (per class or response). The first problem is named by its field, e.g.
 * `beta[3][7]`, so a hand-edited or truncated model is found at once.
 */
import { z } from "zod";
import { DataError, displayName } from "../data/dataError.js";

const finite = z.number().finite();
const positive = finite.positive();
const vector = z.array(finite);
// a class label as the data wrote it: a number, or text
const label = z.union([finite, z.string().min(1)]);
const matrix = z.array(vector);

const distinct = <T>(values: readonly T[]) => new Set(values).size === values.length;
const decreasing = (values: readonly number[]) => values.every((v, k) => k === 0 || v < values[k - 1]!);

const common = {
  reglab_model: z.literal(1),
  alpha: finite.min(0).max(1),
  // a name twice would make "which column" ambiguous; λ out of order would interpolate wrongly
  feature_names: z.array(z.string()).min(1).refine(distinct, { message: "distinct" }),
  target_name: z.string(),
  lambda: z.array(positive).min(1).refine(decreasing, { message: "decreasing" }),
  lambda_min: positive.optional(),
  lambda_1se: positive.optional(),
  // the column the path's offsets came from: predict reads the same one (glmnet's newoffset)
  offset_column: z.string().optional(),
  // the relaxed lasso's refits (--relax) and a relaxed cv's choices of (λ, γ)
  relaxed: z
    .object({
      lambda: z.array(positive).refine(decreasing, { message: "decreasing" }),
      a0: vector,
      beta: matrix,
    })
    .optional(),
  relaxed_lambda_min: positive.optional(),
  relaxed_lambda_1se: positive.optional(),
  gamma_min: finite.min(0).max(1).optional(),
  gamma_1se: finite.min(0).max(1).optional(),
};

const modelSchema = z.discriminatedUnion("family", [
  z.object({ ...common, family: z.literal("gaussian"), classes: z.null(), a0: vector, beta: matrix }),
  z.object({ ...common, family: z.literal("poisson"), classes: z.null(), a0: vector, beta: matrix }),
  z.object({ ...common, family: z.literal("cox"), classes: z.null(), a0: vector, beta: matrix }),
  z.object({
    ...common,
    family: z.literal("binomial"),
    classes: z.tuple([label, label]).refine(distinct, { message: "distinct" }),
    a0: vector,
    beta: matrix,
  }),
  z.object({
    ...common,
    family: z.literal("mgaussian"),
    classes: z.null(),
    responses: z.array(z.string().min(1)).min(2).refine(distinct, { message: "distinct" }),
    a0: matrix,
    beta: z.array(matrix),
  }),
  z.object({
    ...common,
    family: z.literal("multinomial"),
    classes: z.array(label).min(2).refine(distinct, { message: "distinct" }),
    a0: matrix,
    beta: z.array(matrix),
  }),
]);

export type SavedModel = z.infer<typeof modelSchema>;

/** "beta[3][7]" from zod's path ["beta", 3, 7]. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) =>
      typeof key === "number" ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key),
    "",
  );
}

/** The first field whose length disagrees with L, p or K, or null. */
function shapeProblem(model: SavedModel): { field: string; found: number; expected: number } | null {
  const L = model.lambda.length;
  const p = model.feature_names.length;
  const check = (field: string, found: number, expected: number) =>
    found === expected ? null : { field, found, expected };
  const block = (a0: number[], beta: number[][], prefix: string) =>
    check(`${prefix}a0`, a0.length, L) ??
    check(`${prefix}beta`, beta.length, L) ??
    beta.map((row, k) => check(`${prefix}beta[${k}]`, row.length, p)).find((problem) => problem) ??
    null;
  if (model.family !== "multinomial" && model.family !== "mgaussian") return block(model.a0, model.beta, "");
  // one block per class or response
  const blocks = model.family === "multinomial" ? model.classes : model.responses;
  const K = blocks.length;
  return (
    check("a0", model.a0.length, K) ??
    check("beta", model.beta.length, K) ??
    blocks
      .map((_, c) => {
        const found = block(model.a0[c]!, model.beta[c]!, "");
        return found && { ...found, field: found.field.replace(/^(a0|beta)/, `$1[${c}]`) };
      })
      .find((problem) => problem) ??
    null
  );
}

/** The parsed model, or a DataError naming the file and the first field that is wrong. */
export function validateModel(document: unknown, file: string): SavedModel {
  const name = displayName(file, 200);
  if (typeof document !== "object" || document === null || !("reglab_model" in document))
    throw new DataError("predict.badModel", { file: name });
  const family = (document as { family?: unknown }).family;
  if (
    typeof family === "string" &&
    !["gaussian", "binomial", "poisson", "cox", "multinomial", "mgaussian"].includes(family)
  )
    throw new DataError("model.unknownFamily", { file: name, family: displayName(family, 40) });
  const parsed = modelSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = fieldName(issue.path) || "reglab_model";
    const value = issue.path.reduce<unknown>(
      (node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key],
      document,
    );
    if (value === undefined) throw new DataError("model.missingField", { file: name, field });
    // what the field should hold, in the catalog's words
    const rule =
      issue.message === "distinct"
        ? "model.rule.distinct"
        : issue.message === "decreasing"
          ? "model.rule.decreasing"
          : issue.code === "invalid_value"
            ? "model.rule.value"
            : typeof value === "number" || issue.code === "too_small" || issue.code === "too_big"
              ? "model.rule.number"
              : "model.rule.type";
    throw new DataError(rule, {
      file: name,
      field,
      value: displayName(
        typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value)),
        40,
      ),
    });
  }
  const problem = shapeProblem(parsed.data);
  if (problem) throw new DataError("model.badShape", { file: name, ...problem });
  return parsed.data;
}
