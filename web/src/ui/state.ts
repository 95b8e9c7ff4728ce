/**
 * The whole state of the lab lives in the URL's query string, so an experiment is shared by
 * sharing its link and a reload restores it. Each control owns one key (chapter prefix + name); a
 * value equal to its default is left out, keeping links short. Bad values in a hand-edited link
 * fall back to the default instead of breaking the page.
 *
 * Teacher mode: `hide=key,key…` hides those controls (or whole chapters, by chapter id) and
 * `only=chapter,chapter…` shows just those chapters, so a class sees what the lesson needs.
 */
const params = new URLSearchParams(location.search);
let pending: number | undefined;

function flush(): void {
  pending = undefined;
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

export function readString(key: string): string | null {
  return params.get(key);
}

export function readNumber(key: string, fallback: number, min: number, max: number): number {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= min && value <= max ? value : fallback;
}

export function readChoice<T extends string>(key: string, choices: readonly T[], fallback: T): T {
  const raw = params.get(key);
  return raw !== null && (choices as readonly string[]).includes(raw) ? (raw as T) : fallback;
}

export function readBoolean(key: string, fallback: boolean): boolean {
  const raw = params.get(key);
  return raw === "1" ? true : raw === "0" ? false : fallback;
}

/** Stores a value (removing it when it equals the default); the URL updates shortly after. */
export function write(
  key: string,
  value: string | number | boolean,
  fallback: string | number | boolean,
): void {
  const text = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
  const defaultText = typeof fallback === "boolean" ? (fallback ? "1" : "0") : String(fallback);
  if (text === defaultText) params.delete(key);
  else params.set(key, text);
  if (pending === undefined) pending = window.setTimeout(flush, 120);
}

/** Writes the URL now (before a test reads it, or before copying a link). */
export function flushState(): void {
  if (pending !== undefined) {
    window.clearTimeout(pending);
    flush();
  }
}

const listed = (key: string) =>
  new Set(
    (params.get(key) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
const hiddenKeys = listed("hide");
const onlyChapters = listed("only");
/** The chapter ids (kept here, not imported, so this module stays the leaf every other imports). */
const CHAPTER_KEYS = new Set(["sigmoid", "stepper", "playground", "path", "instability", "scale"]);
/** `only=` names no real chapter (a typo): show every chapter rather than an empty page. */
const onlyIsValid = [...onlyChapters].some((id) => CHAPTER_KEYS.has(id));

/** Teacher mode: is this control (state key) or chapter (id) hidden? */
export function isHidden(key: string): boolean {
  return hiddenKeys.has(key);
}

export function isChapterShown(id: string): boolean {
  return !hiddenKeys.has(id) && (!onlyIsValid || onlyChapters.has(id));
}

/**
 * The keys in `only=` and `hide=` that name no chapter and no control (`known` holds the control
 * keys of the chapters built, and the key prefixes of those not built): the page shows them.
 */
export function unknownTeacherKeys(isKnown: (key: string) => boolean): string[] {
  const only = [...onlyChapters].filter((id) => !CHAPTER_KEYS.has(id));
  const hide = [...hiddenKeys].filter((key) => !CHAPTER_KEYS.has(key) && !isKnown(key));
  return [...only, ...hide];
}

export const teacherMode = (): boolean => hiddenKeys.size > 0 || onlyChapters.size > 0;
