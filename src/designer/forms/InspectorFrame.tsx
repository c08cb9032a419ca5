// The frame of every node's inspector form: shares node, fields, issues and language with the controls, and says what the node does.
import { createDraft, finishDraft } from "immer";
import { useId, useMemo, type ReactNode } from "react";
import type { z } from "zod";
import type { NodeOf, NodeType } from "../../engine";
import type { InspectorProps } from "./node-ui";
import { FormProvider } from "./context";
import { IssueList } from "./controls/IssueList";
import { unclaimedIssues } from "./issues";
import { useT } from "../../i18n/useT";
import "./forms.css";

/**
 * `claims`: config paths the form's controls show issues for; the node's other issues (unwired ports, unreachable
 * node, anything outside those paths) are listed at the top so none is missing from the form.
 */
export function InspectorFrame<T extends NodeType>({
  inspector,
  claims,
  children,
}: {
  inspector: InspectorProps<T>;
  claims: readonly string[];
  children: ReactNode;
}) {
  const { t, te } = useT();
  const listId = useId();
  const { node, flow, fields, issues, lang, updateFlow } = inspector;
  const value = useMemo(
    () => ({ nodeId: node.id, flow, fields, issues, lang, updateFlow }),
    [node.id, flow, fields, issues, lang, updateFlow],
  );
  const general = unclaimedIssues(issues, claims);
  return (
    <FormProvider value={value}>
      <div className={`lw-form lw-form--${node.type}`}>
        <p className="lw-hint lw-node-description">{te(`node.${node.type}.description`)}</p>
        {general.length > 0 && (
          <div className="lw-node-issues" role="group" aria-label={t("forms.nodeIssues")}>
            <IssueList id={listId} issues={general} />
          </div>
        )}
        {children}
      </div>
    </FormProvider>
  );
}

type Config<T extends NodeType> = NodeOf<T>["config"];
export type ConfigUpdate<T extends NodeType> = InspectorProps<T>["updateConfig"];

/**
 * updateConfig behind the node's own zod schema: a change that would make the config invalid is dropped, so the
 * document always stays loadable (controls keep such text in their box and say what is wrong).
 */
export function useGuardedUpdate<T extends NodeType>(inspector: InspectorProps<T>, schema: z.ZodType<Config<T>>): ConfigUpdate<T> {
  const { node, updateConfig } = inspector;
  return (recipe, options) => {
    const draft = createDraft(node.config);
    recipe(draft as Parameters<typeof recipe>[0]); // the same type; TypeScript cannot relate the generic forms
    const next = finishDraft(draft);
    if (!schema.safeParse(next).success) return;
    updateConfig(recipe, options);
  };
}
