/** Which files are documents (no imports: the site and the ingest test names cheaply). */

/** Read as documents (PDF, Word, RTF). */
export const DOCUMENT = /\.(?:pdf|docx|doc|rtf)$/i;
/** Office formats we know and cannot read yet: rejected with a reason, not as "unknown". */
export const OFFICE_UNSUPPORTED = /\.(?:wps|et|dps|xls|xlsx|xlsm|ppt|pptx|odt)$/i;
