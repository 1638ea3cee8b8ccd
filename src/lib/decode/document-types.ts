/** Which files are documents (no imports: the site and the ingest test names cheaply). */

/** Read as documents (PDF, Word, RTF, MHTML: a web page saved as one file). */
export const DOCUMENT = /\.(?:pdf|docx|doc|rtf|mht|mhtml)$/i;
/** Office formats we know and cannot read yet: rejected with a reason, not as "unknown". */
export const OFFICE_UNSUPPORTED = /\.(?:wps|et|dps|xls|xlsx|xlsm|ppt|pptx|odt)$/i;
/** Read by their extension: text and web pages, and the documents. Other names are read by content or rejected (ingest/by-content.ts). */
export const ACCEPTED = /\.(?:txt|md|csv|tsv|html?|pdf|docx|doc|rtf|mht|mhtml)$/i;
