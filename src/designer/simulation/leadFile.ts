// Leads as a file a manager can download and import again: CSV (lists joined with "; ") or JSON.
import Papa from "papaparse";
import type { Lead, LeadValue } from "../../engine";

/** id and createdAt first, then every other key in the order the leads first show it. */
export function leadColumns(leads: readonly Lead[]): string[] {
  const keys = ["id", "createdAt"];
  for (const lead of leads) for (const k of Object.keys(lead)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

function cell(value: LeadValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join("; ");
  const text = String(value);
  // A spreadsheet would run a cell starting with = + - @ as a formula; lead data is data (a leading ' keeps it text).
  return /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
}

export function leadsToCsv(leads: readonly Lead[]): string {
  const columns = leadColumns(leads);
  return Papa.unparse({ fields: columns, data: leads.map((lead) => columns.map((k) => cell(lead[k]))) }, { newline: "\n" });
}

export function leadsToJson(leads: readonly Lead[]): string {
  return `${JSON.stringify(leads, null, 2)}\n`;
}
