// A labelled text box; text the document cannot take (e.g. an empty required name) stays in the box and is flagged, never lost.
import { useT } from "../../../i18n/useT";
import { FieldShell, type ShellProps } from "./FieldShell";
import { useDraft } from "./useDraft";

export interface TextFieldProps extends ShellProps {
  readonly value: string | undefined;
  readonly onChange: (text: string) => void;
  readonly placeholder?: string;
  /** Empty text is not committed (the document needs a value); the box keeps it and says so. */
  readonly required?: boolean;
  /** Further refusal: a message when the text cannot be committed, else null. */
  readonly refuse?: (text: string) => string | null;
  readonly multiline?: boolean;
  readonly type?: "text" | "email";
}

export function TextField({ value, onChange, placeholder, required, refuse, multiline, type = "text", ...shell }: TextFieldProps) {
  const { t } = useT();
  const [text, setText] = useDraft(
    value ?? "",
    (v) => v,
    (typed, v) => typed === v,
  );
  const problem = required && text.trim() === "" ? t("forms.required") : (refuse?.(text) ?? null);
  const change = (next: string) => {
    setText(next);
    const refused = required && next.trim() === "" ? true : refuse?.(next) != null;
    if (!refused) onChange(next);
  };
  return (
    <FieldShell {...shell} local={problem ?? undefined}>
      {(wiring) =>
        multiline ? (
          <textarea
            {...wiring}
            className="lw-input lw-textarea"
            value={text}
            placeholder={placeholder}
            onChange={(e) => change(e.target.value)}
            rows={4}
          />
        ) : (
          <input
            {...wiring}
            type={type}
            className="lw-input"
            value={text}
            placeholder={placeholder}
            onChange={(e) => change(e.target.value)}
          />
        )
      }
    </FieldShell>
  );
}
