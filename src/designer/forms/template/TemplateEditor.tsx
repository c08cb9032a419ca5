// Subject and message of a notification: variable chips insert at the cursor, and a live preview renders a sample lead as plain text.
import { useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { FieldDef, Flow } from "../../../engine";
import { parseTemplate, renderTemplate } from "../../../../nodes/notify/template";
import { FieldShell } from "../controls/FieldShell";
import { useT } from "../../../i18n/useT";
import { insertAt, sampleScopes } from "./sample";
import { VariableChips } from "./VariableChips";

type Box = "subject" | "template";

export interface TemplateEditorProps {
  readonly subject: string;
  readonly template: string;
  readonly onChange: (box: Box, text: string, typing: boolean) => void;
  readonly flow: Flow;
  readonly fields: readonly FieldDef[];
  /** Hide the subject box (channels without one, e.g. SMS); a subject already set is kept in the document. */
  readonly showSubject?: boolean;
  /** Config path of the message inside the node (e.g. "remind[0]"): the boxes then show the issues at "remind[0].template". */
  readonly path?: string;
}

export function TemplateEditor({ subject, template, onChange, flow, fields, showSubject = true, path }: TemplateEditorProps) {
  const { t } = useT();
  const titleId = useId();
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [target, setTarget] = useState<Box>("template");
  const cursor = useRef<{ box: Box; at: number } | null>(null);

  useLayoutEffect(() => {
    const c = cursor.current;
    if (!c) return;
    cursor.current = null;
    const el = c.box === "subject" ? subjectRef.current : bodyRef.current;
    el?.focus();
    el?.setSelectionRange(c.at, c.at);
  });

  const insert = (token: string) => {
    const box = showSubject ? target : "template";
    const el = box === "subject" ? subjectRef.current : bodyRef.current;
    const text = box === "subject" ? subject : template;
    const { text: next, cursor: at } = insertAt(text, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, token);
    cursor.current = { box, at };
    onChange(box, next, false);
  };

  const scopes = useMemo(
    () =>
      sampleScopes(flow, fields, {
        text: (field) => t("forms.tpl.sampleText", { field }),
        yes: t("forms.yes"),
        ownerName: t("forms.tpl.sampleOwner"),
        teamName: t("forms.tpl.sampleTeam"),
      }),
    [flow, fields, t],
  );
  const previewSubject = renderTemplate(parseTemplate(subject).segments, scopes);
  const previewBody = renderTemplate(parseTemplate(template).segments, scopes);

  return (
    <div className="lw-template">
      {showSubject && (
        <FieldShell label={t("forms.tpl.subject")} path={path ? `${path}.subject` : "subject"}>
          {(w) => (
            <input
              {...w}
              ref={subjectRef}
              className="lw-input"
              value={subject}
              onFocus={() => setTarget("subject")}
              onChange={(e) => onChange("subject", e.target.value, true)}
            />
          )}
        </FieldShell>
      )}
      <FieldShell label={t("forms.tpl.body")} path={path ? `${path}.template` : "template"}>
        {(w) => (
          <textarea
            {...w}
            ref={bodyRef}
            className="lw-input lw-textarea"
            rows={5}
            value={template}
            onFocus={() => setTarget("template")}
            onChange={(e) => onChange("template", e.target.value, true)}
          />
        )}
      </FieldShell>
      <VariableChips fields={fields} onInsert={insert} />
      <section className="lw-preview" aria-labelledby={titleId}>
        <h4 id={titleId} className="lw-section-title">
          {t("forms.tpl.preview")}
        </h4>
        <div aria-live="polite" data-testid="template-preview">
          {showSubject && (
            <p className="lw-preview-subject">
              <span className="lw-label">{t("forms.tpl.subject")}: </span>
              {previewSubject}
            </p>
          )}
          <p className="lw-preview-body">{previewBody}</p>
        </div>
      </section>
    </div>
  );
}
