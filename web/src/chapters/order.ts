/** The chapters in the article's order: their ids are section ids, `only=` keys and link anchors. */
export const CHAPTER_IDS = ["sigmoid", "stepper", "playground", "path", "instability", "scale"] as const;
export type ChapterId = (typeof CHAPTER_IDS)[number];
