export { en, type MessageKey } from "./en.js";
export { formatNumber, formatShare } from "./format.js";
export {
  catalog,
  LANGS,
  type Lang,
  langFromLocale,
  type MessageParams,
  type Translator,
  translate,
  translator,
} from "./translate.js";
export { zh } from "./zh.js";
