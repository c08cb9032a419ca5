// What every form control of one inspector shares: the node, the language, the fields, the issues and undo marks.
import { createContext, useContext, useId, useMemo, type ReactNode } from "react";
import type { Draft } from "immer";
import type { FieldDef, Flow, Lang, Issue } from "../../engine";
import { issuesAt } from "./issues";

export interface FormContextValue {
  readonly nodeId: string;
  readonly lang: Lang;
  readonly flow: Flow;
  readonly fields: readonly FieldDef[];
  readonly issues: readonly Issue[];
  /** Changes the whole document as one undoable step (a field picker adds a new lead field). */
  readonly updateFlow: (recipe: (flow: Draft<Flow>) => void) => void;
}

const FormContext = createContext<FormContextValue | null>(null);

export function FormProvider({ value, children }: { value: FormContextValue; children: ReactNode }) {
  return <FormContext.Provider value={value}>{children}</FormContext.Provider>;
}

export function useForm(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error("Form controls must be rendered inside an inspector's FormProvider");
  return ctx;
}

/** An undo mark for one control: calls with the same mark (typing in one box) merge into one step. */
export function useMark(path: string): string {
  const { nodeId } = useForm();
  return `${nodeId}:${path}`;
}

/** The issues for a config path, and the id their message list gets (for aria-describedby), or undefined when there are none. */
export function useIssues(path: string | undefined): { issues: Issue[]; describedBy: string | undefined; issueId: string } {
  const { issues } = useForm();
  const issueId = `${useId()}-issues`;
  const found = useMemo(() => (path === undefined ? [] : issuesAt(issues, path)), [issues, path]);
  return { issues: found, describedBy: found.length > 0 ? issueId : undefined, issueId };
}

/** A field's name for people: its label, else its key. */
export function fieldName(field: FieldDef | undefined, key: string): string {
  return field?.label?.trim() || key;
}
