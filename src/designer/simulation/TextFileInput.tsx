// A file picker for a CSV or JSON text file (leads, events): checks the size, reads the text, says what went wrong.
import { useId } from "react";
import { useT, type T } from "../../i18n/useT";
import { MAX_FILE_BYTES } from "./importLeads";

export type PickedText = { readonly name: string; readonly text: string } | { readonly error: string };

/** The file's text, or the reason it cannot be used (too big, unreadable) in the reader's words. */
export async function readPickedFile(picked: File, t: T): Promise<PickedText> {
  if (picked.size > MAX_FILE_BYTES) return { error: t("simui.fileTooBig", { name: picked.name, size: Math.round(picked.size / 1048576) }) };
  try {
    return { name: picked.name, text: await picked.text() };
  } catch (error) {
    return { error: t("simui.fileUnreadable", { name: picked.name, detail: error instanceof Error ? error.message : String(error) }) };
  }
}

/**
 * A labelled file picker in the designer's own button style (the browser's control says "Choose File / No file chosen" in
 * the browser's language, whatever the designer's); choosing the same file again reads it again.
 */
export function TextFileInput({ label, onPick }: { label: string; onPick: (file: File | undefined) => void }) {
  const t = useT().t;
  const id = useId();
  return (
    <span className="lw-file-pick">
      <span>{label}</span>{" "}
      <label htmlFor={id} className="lw-button">
        {t("simui.pickFile")}
      </label>
      <input
        id={id}
        className="lw-sr-only"
        aria-label={label}
        type="file"
        accept=".csv,.json,.txt,text/csv,application/json"
        onChange={(e) => {
          onPick(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
    </span>
  );
}
