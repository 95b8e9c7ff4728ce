export { saturatedShare, saturatedShareOfInterval, saturationCutoff, steepestSlope } from "./saturation.js";
