// What an empty canvas says: drag a trigger here to start (the decision: a new flow starts empty, not with a trigger).
import { useT } from "../../i18n/useT";
import { NodeIcon } from "./NodeIcon";

export function EmptyHint() {
  const { t } = useT();
  return (
    <div className="lw-empty" role="note">
      <NodeIcon type="trigger" size={36} />
      <p className="lw-empty-title">{t("canvas.emptyTitle")}</p>
      <p className="lw-empty-help">{t("canvas.emptyHelp")}</p>
    </div>
  );
}
