/**
 * csv-parse's failures as reglab's DataErrors: our own errors (thrown from a record callback) pass
 * through; the parser's are named by their code, so the message is translated rather than
 * csv-parse's English sentence, and keeps the row.
 */
import { DataError, displayName } from "./dataError.js";

const REASONS: Record<string, "csv.quoteNotClosed" | "csv.badQuote" | "csv.recordTooLarge"> = {
  CSV_QUOTE_NOT_CLOSED: "csv.quoteNotClosed",
  CSV_INVALID_CLOSING_QUOTE: "csv.badQuote",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "csv.badQuote",
  CSV_MAX_RECORD_SIZE: "csv.recordTooLarge",
};

export function csvParserError(error: unknown, source: string): DataError {
  if (error instanceof DataError) return error;
  const file = displayName(source, 200);
  const { code, lines } = error as { code?: string; lines?: number };
  const reason = code ? REASONS[code] : undefined;
  return new DataError(reason ?? "csv.unreadable", { file, row: lines ?? "?" });
}
