export { articleReport, type ReportFigures, type ReportInput } from "./articleReport.js";
export { claimsDocument } from "./claimsDocument.js";
export { CLAIM_IDS, type ClaimId, type ClaimText, claimTexts } from "./claimTexts.js";
