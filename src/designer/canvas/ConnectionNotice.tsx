// The on-the-spot message near the canvas (why a connection was refused), announced by screen readers and dismissable.
import { useEffect } from "react";
import { useT } from "../../i18n/useT";
import { useDesignerStore } from "../store/context";
import { useNotice } from "../store/useNotice";

const SHOW_MS = 8000;

export function ConnectionNotice() {
  const store = useDesignerStore();
  const notice = useNotice();
  const { t } = useT();

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => {
      if (store.getState().notice?.id === notice.id) store.getState().showNotice(null);
    }, SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice, store]);

  return (
    <div className="lw-notice-region" role="alert" aria-live="assertive">
      {notice && (
        <div className="lw-notice">
          <span className="lw-notice-text">{notice.message}</span>
          <button
            type="button"
            className="lw-notice-close"
            onClick={() => store.getState().showNotice(null)}
            aria-label={t("canvas.dismiss")}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
