/** Every chapter's "Try this" steps, in page order: the story tests walk them all. */
import type { Story } from "../ui/chapter.js";
import { INSTABILITY_STORY } from "./instabilityStory.js";
import type { ChapterId } from "./order.js";
import { PATH_STORY } from "./pathStory.js";
import { PLAYGROUND_STORY } from "./playgroundStory.js";
import { SCALE_STORY } from "./scaleStory.js";
import { SIGMOID_STORY } from "./sigmoidStory.js";
import { STEPPER_STORY } from "./stepperStory.js";

export const STORIES: readonly { chapter: ChapterId; story: Story }[] = [
  { chapter: "sigmoid", story: SIGMOID_STORY },
  { chapter: "stepper", story: STEPPER_STORY },
  { chapter: "playground", story: PLAYGROUND_STORY },
  { chapter: "path", story: PATH_STORY },
  { chapter: "instability", story: INSTABILITY_STORY },
  { chapter: "scale", story: SCALE_STORY },
];
