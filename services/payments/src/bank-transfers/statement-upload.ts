import { RawBodyRoute } from '@obolus/platform';

/**
 * A busy account's daily camt.053 is a few megabytes; 10 MB takes a month of them and refuses, with a
 * 413 before anything is parsed, the oversize uploads meant to exhaust memory.
 */
export const STATEMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The staff upload of a camt.053 statement: its body is the XML itself. */
export const STATEMENT_UPLOAD: RawBodyRoute = {
  path: '/staff/bank-statements',
  types: ['application/xml', 'text/xml'],
  limit: STATEMENT_MAX_BYTES,
};
