// Move up, move down and delete buttons for one row of a list, named for screen readers ("Move rule 2 up").
import { useT } from "../../../i18n/useT";

export function RowActions({
  name,
  index,
  count,
  onMove,
  onDelete,
}: {
  name: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onDelete: (index: number) => void;
}) {
  const { t } = useT();
  return (
    <span className="lw-row-actions">
      <button
        type="button"
        className="lw-icon-button"
        aria-label={t("forms.row.up", { name })}
        title={t("forms.row.up", { name })}
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="lw-icon-button"
        aria-label={t("forms.row.down", { name })}
        title={t("forms.row.down", { name })}
        disabled={index >= count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="lw-icon-button lw-danger"
        aria-label={t("forms.row.delete", { name })}
        title={t("forms.row.delete", { name })}
        onClick={() => onDelete(index)}
      >
        ✕
      </button>
    </span>
  );
}
