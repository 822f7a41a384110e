/**
 * Lunr 2.3.9's term weights, computed as `lunr.Builder` computes its field vectors (same
 * formulas, same order of operations, same rounding), so scores equal a Lunr-built index's.
 * The browser computes them when a query's postings arrive: a posting carries only what stays
 * the same when other articles come and go (term frequency, field length).
 */

/** Lunr's BM25 term-frequency saturation (`Builder#k1`). */
export const K1 = 1.2;
/** Lunr's BM25 field-length normalisation (`Builder#b`). */
export const B = 0.75;

/**
 * Lunr's inverse document frequency (`lunr.idf`): `documentsWithTerm` counts (field, document)
 * pairs, as Lunr does.
 *
 * @param documentsWithTerm Postings of the term over all fields.
 * @param documentCount Documents in the index.
 * @returns The idf.
 */
export function idf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/**
 * A term's weight in one document field, ×1000 as an integer (Lunr keeps 3 decimals).
 *
 * @param termIdf From {@link idf}.
 * @param tf Occurrences of the term in the field.
 * @param fieldLength Indexed words of the field.
 * @param averageLength Mean length of the field over all documents.
 * @param boost Field boost.
 * @returns Weight × 1000.
 */
export function weight(termIdf: number, tf: number, fieldLength: number, averageLength: number, boost: number): number {
  let score = (termIdf * ((K1 + 1) * tf)) / (K1 * (1 - B + B * (fieldLength / averageLength)) + tf);
  score *= boost;
  return Math.round((Math.round(score * 1000) / 1000) * 1000);
}
