/**
 * How a student changes the playground's points: a click on the map adds a point of the chosen
 * class or removes the nearest one (saved in the URL as edits of the generated set), and a CSV
 * upload replaces them (two feature columns and a 0/1 target; playgroundPoints says why not).
 * Either way the split into training and test points changes, so training starts over.
 */
import { DataError } from "../../../src/data/dataError.js";
import { parseCsv } from "../../../src/data/parseCsv.js";
import type { Heatmap } from "../charts/heatmap.js";
import { filePicker } from "../ui/controls.js";
import { h } from "../ui/dom.js";
import { anyMessage, t } from "../ui/i18n.js";
import { write } from "../ui/state.js";
import { encodeEdits, pointsFromUpload, removeNearest } from "./playgroundPoints.js";
import type { SetupControls } from "./playgroundSetupControls.js";
import { noEdits, type PlaygroundState } from "./playgroundState.js";

export interface PointInputNeeds {
  state: PlaygroundState;
  heatmap: Heatmap;
  setup: SetupControls;
  restart(): void;
  showError(text: string): void;
  hideError(): void;
}

export interface PointInput {
  /** The upload picker, the uploaded file's name, and the note on what a click did. */
  elements: HTMLElement[];
  /** Back to the generated data set: no upload, no clicked edits. */
  forget(): void;
}

export function saveEdits(state: PlaygroundState): void {
  const { add, del } = encodeEdits(state.edits);
  write("pg.add", add, "");
  write("pg.del", del, "");
}

export function playgroundPointInput(needs: PointInputNeeds): PointInput {
  const { state, heatmap, setup } = needs;
  const pointNote = h("p", { class: "small", "aria-live": "polite", "data-testid": "point-note" });
  const uploadedName = h("p", { class: "small" });

  /** The data-set menu names the upload while it is in use (an entry not offered for choosing). */
  const showUploadInSelect = () => {
    const menu = setup.dataset.element.querySelector("select")!;
    let entry = menu.querySelector<HTMLOptionElement>("option[value=uploaded]");
    entry ??= menu.appendChild(
      h("option", {
        value: "uploaded",
        disabled: true,
        "data-i18n": "path.dataset.upload",
        text: t("path.dataset.upload"),
      }),
    );
    menu.value = entry.value;
  };

  const upload = filePicker({
    key: "pg.upload",
    label: "playground.upload",
    button: "lab.chooseFile",
    testId: "playground-upload",
    onFile: async (file) => {
      needs.hideError();
      try {
        const data = parseCsv(await file.text(), file.name);
        const usable = pointsFromUpload(data, file.name);
        if ("key" in usable) return needs.showError(t(usable.key, usable.params));
        state.uploaded = usable.points;
        uploadedName.textContent = t("playground.uploaded", { file: file.name, count: data.n });
        showUploadInSelect();
        needs.restart();
      } catch (error) {
        // the library's DataError names the file, row and column; anything else is unexpected
        needs.showError(
          error instanceof DataError ? anyMessage(error.key, error.params) : anyMessage(String(error)),
        );
      }
    },
  });

  heatmap.canvas.addEventListener("click", (event) => {
    if (state.uploaded) return; // an upload is the student's own data: not edited by clicks
    const rect = heatmap.canvas.getBoundingClientRect();
    const scale = heatmap.canvas.width / rect.width;
    const [a, b] = heatmap.toData((event.clientX - rect.left) * scale, (event.clientY - rect.top) * scale);
    const mode = setup.clickMode.value();
    if (mode === "remove") {
      if (!removeNearest(state.points, state.edits, a, b)) return;
    } else state.edits.added.push([a, b, mode === "add1" ? 1 : 0]);
    saveEdits(state);
    needs.restart();
    // a new point changes the split into training and test points: training starts over
    pointNote.textContent = t(state.running ? "playground.pointRestarted" : "playground.pointAdded", {
      count: state.points.y.length,
    });
  });

  return {
    elements: [pointNote, upload.element, uploadedName],
    forget() {
      state.uploaded = null;
      uploadedName.textContent = "";
      upload.showName("");
      setup.dataset.set(setup.dataset.value()); // the menu shows the generated data set again
      state.edits = noEdits();
      saveEdits(state);
    },
  };
}
