// A modal dialog: focus moves in on open and back to the opener on close, Escape closes, Tab stays inside.
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useT } from "../../../i18n/useT";

const FOCUSABLE =
  "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

export function Dialog({
  title,
  onClose,
  children,
  narrow = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** A short question (a confirmation) rather than a form. */
  narrow?: boolean;
}) {
  const { t } = useT();
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    box.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    return () => opener?.focus();
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== "Tab" || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };
  return (
    <div className="lw-dialog-backdrop">
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={narrow ? "lw-dialog lw-dialog--narrow" : "lw-dialog"}
        onKeyDown={onKeyDown}
      >
        <header className="lw-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="lw-button" onClick={onClose}>
            {t("forms.dialog.close")}
          </button>
        </header>
        <div className="lw-dialog-body">{children}</div>
      </div>
    </div>
  );
}
