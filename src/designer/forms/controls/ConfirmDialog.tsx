// "Are you sure?" before a change that destroys a lot at once: the consequence in words, a red confirm button, Cancel.
import { Dialog } from "./Dialog";
import { useT } from "../../../i18n/useT";

export interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  /** The confirm button's words: the action itself ("Delete 5 steps"), never a bare "OK". */
  readonly confirm: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

export function ConfirmDialog({ title, message, confirm, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useT();
  return (
    <Dialog title={title} onClose={onCancel} narrow>
      <p className="lw-confirm-message">{message}</p>
      <div className="lw-confirm-actions">
        <button type="button" className="lw-button" onClick={onCancel}>
          {t("forms.dialog.cancel")}
        </button>
        <button type="button" className="lw-button lw-button--danger" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
