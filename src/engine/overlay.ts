// Fields a walk writes (score, grade) laid over the input lead, so writing two fields never copies a 200-field lead.

/**
 * An overlay is a small object holding only the written fields and, under this symbol (never a field name: field names
 * are strings), the lead it covers. Readers of lead fields look through it (`readField`, expressions, templates).
 */
export const OVERLAID: unique symbol = Symbol("overlaid lead");

type Overlaid = { readonly [OVERLAID]?: Readonly<Record<string, unknown>> };

/** The lead under an overlay, or undefined for a lead that is not one. */
export function overlaidLead(lead: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> | undefined {
  return (lead as Overlaid)[OVERLAID];
}

/** A plain object with every field of a lead (an overlay's written fields over its lead's), for the state to keep. */
export function plainLead(lead: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const under = overlaidLead(lead);
  if (under === undefined) return Object.assign({}, lead);
  const out = plainLead(under);
  for (const key of Object.keys(lead)) out[key] = lead[key];
  return out;
}
