// The keyboard shortcuts help: a dialog listing the shortcut table and the canvas gestures, closed with Escape or its button.
import { useEffect, useRef } from "react";
import { useT } from "../../i18n/useT";
import type { UiKey } from "../../i18n/en";
import { SHORTCUTS, displayKeys } from "../shortcuts";

const GESTURES: readonly { help: UiKey; keys: UiKey }[] = [
  { help: "help.box", keys: "help.boxKeys" },
  { help: "help.multi", keys: "help.multiKeys" },
  { help: "help.move", keys: "help.moveKeys" },
  { help: "help.connect", keys: "help.connectKeys" },
];

const isMac = () => typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function ShortcutsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const mac = isMac();

  // Opened once; never closed in a cleanup (closing fires `close`, which would unmount the panel under StrictMode's re-run).
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="lw-help" aria-labelledby="lw-help-title" onClose={onClose} onCancel={onClose}>
      <h2 id="lw-help-title">{t("help.title")}</h2>
      <table className="lw-shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">{t(s.help)}</th>
              <td>
                {s.keys.map((k) => (
                  <kbd key={k}>{displayKeys(k, mac)}</kbd>
                ))}
              </td>
            </tr>
          ))}
          {GESTURES.map((g) => (
            <tr key={g.help}>
              <th scope="row">{t(g.help)}</th>
              <td>{t(g.keys)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="lw-note">{t("help.note")}</p>
      <form method="dialog">
        <button type="submit" className="lw-cmd" autoFocus>
          {t("help.close")}
        </button>
      </form>
    </dialog>
  );
}
