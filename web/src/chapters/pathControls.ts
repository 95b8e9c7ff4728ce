/**
 * The path chapter's controls, each bound to its URL key: the data (a built-in set or an upload),
 * the GLM family, the elastic-net mix α — each change fits the path anew — and the buttons that move
 * the λ cursor to cross-validation's choices or save the model there.
 */
import type { GlmFamily } from "../../../src/glm/glmPath.js";
import { button, buttonRow, filePicker, select, slider } from "../ui/controls.js";
import type { PathSource } from "./pathState.js";

export interface PathHandlers {
  /** Another data source chosen. */
  onSource(): void;
  /** The family or α changed: the same data, fitted again. */
  refit(): void;
  /** α also reshapes the boundary strip. */
  onAlpha(): void;
  /** A CSV chosen: its name and text. */
  onUpload(file: File): void;
  toLambdaMin(): void;
  toLambdaOneSe(): void;
  exportModel(): void;
}

export type PathControls = ReturnType<typeof pathControls>;

export function pathControls(on: PathHandlers) {
  const source = select<PathSource>({
    key: "path.data",
    label: "path.dataset",
    options: [
      { value: "diabetes", label: "path.dataset.diabetes" },
      { value: "breast_cancer", label: "path.dataset.breast_cancer" },
      { value: "wine", label: "path.dataset.wine" },
      { value: "iris", label: "path.dataset.iris" },
      { value: "upload", label: "path.dataset.upload" },
    ],
    value: "diabetes",
    onChange: on.onSource,
  });
  const family = select<"auto" | GlmFamily>({
    key: "path.family",
    label: "path.family",
    options: [
      { value: "auto", label: "path.family.auto" },
      { value: "gaussian", label: "path.family.gaussian" },
      { value: "binomial", label: "path.family.binomial" },
      { value: "multinomial", label: "path.family.multinomial" },
    ],
    value: "auto",
    onChange: on.refit,
  });
  const alpha = slider({
    key: "path.alpha",
    label: "path.alpha",
    min: 0,
    max: 1,
    step: 0.05,
    value: 1,
    onInput: () => {
      on.refit();
      on.onAlpha();
    },
  });
  const upload = filePicker({
    key: "path.upload",
    label: "path.upload",
    button: "lab.chooseFile",
    testId: "path-upload",
    onFile: on.onUpload,
  });
  const jumps = buttonRow(
    "path.jump",
    "path.jump",
    button("path.toMin", on.toLambdaMin, { "data-testid": "to-lambda-min" }),
    button("path.toOneSe", on.toLambdaOneSe),
    button("path.export", on.exportModel),
  );
  return { source, family, alpha, upload, jumps };
}
