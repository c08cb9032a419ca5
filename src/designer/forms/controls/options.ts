// A choice field's options as a manager types them: separated by commas (also the Chinese "，" and "、"), blanks dropped.
export function splitOptions(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((o) => o.trim())
    .filter((o) => o !== "");
}
