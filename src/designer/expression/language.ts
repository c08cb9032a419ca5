// Registers the expression language with Monaco once: colours, brackets, completion of fields and functions, function docs on hover.
import type * as Monaco from "monaco-editor/esm/vs/editor/editor.api";
import { type FieldDef, EXPR_FUNCTIONS, type Lang } from "../../engine";
import { KEYWORDS, expressionCompletions, isAfterLeadDot } from "./completions";

export const LANGUAGE_ID = "leadwire-expr";

interface EditorContext {
  readonly fields: readonly FieldDef[];
  readonly lang: Lang;
}

/** Each open editor's fields and language, by model URI: one provider serves every editor. */
const contexts = new Map<string, EditorContext>();

export function setEditorContext(uri: string, ctx: EditorContext): void {
  contexts.set(uri, ctx);
}

export function clearEditorContext(uri: string): void {
  contexts.delete(uri);
}

const tokens: Monaco.languages.IMonarchLanguage = {
  ignoreCase: false,
  keywords: [...KEYWORDS, ...KEYWORDS.map((k) => k.toUpperCase()), "lead", "LEAD"],
  functions: EXPR_FUNCTIONS.map((f) => f.name),
  tokenizer: {
    root: [
      [/[A-Za-z_][A-Za-z0-9_]*(?=\s*\()/, { cases: { "@functions": "predefined", "@default": "identifier" } }],
      [/[A-Za-z_][A-Za-z0-9_]*/, { cases: { "@keywords": "keyword", "@default": "variable" } }],
      [/\d+(\.\d+)?([eE][+-]?\d+)?/, "number"],
      [/"([^"\\]|\\.)*"/, "string"],
      [/'([^'\\]|\\.)*'/, "string"],
      [/[()[\]]/, "@brackets"],
      [/==|!=|<=|>=|&&|\|\||[<>!+\-*/%,.]/, "operator"],
    ],
  },
};

export function registerExpressionLanguage(monaco: typeof Monaco): void {
  const { languages } = monaco;
  languages.register({ id: LANGUAGE_ID });
  languages.setMonarchTokensProvider(LANGUAGE_ID, tokens);
  languages.setLanguageConfiguration(LANGUAGE_ID, {
    brackets: [
      ["(", ")"],
      ["[", "]"],
    ],
    autoClosingPairs: [
      { open: "(", close: ")" },
      { open: "[", close: "]" },
      { open: '"', close: '"' },
      { open: "'", close: "'" },
    ],
    wordPattern: /[A-Za-z_][A-Za-z0-9_]*/,
  });
  const kinds = {
    field: languages.CompletionItemKind.Field,
    function: languages.CompletionItemKind.Function,
    keyword: languages.CompletionItemKind.Keyword,
  };
  languages.registerCompletionItemProvider(LANGUAGE_ID, {
    triggerCharacters: ["."],
    provideCompletionItems(model, position) {
      const ctx = contexts.get(model.uri.toString()) ?? { fields: [], lang: "en" };
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const before = model.getLineContent(position.lineNumber).slice(0, word.startColumn - 1);
      const suggestions = expressionCompletions(ctx.fields, ctx.lang, isAfterLeadDot(before)).map((c) => ({
        label: c.label,
        kind: kinds[c.kind],
        insertText: c.insertText,
        ...(c.snippet ? { insertTextRules: languages.CompletionItemInsertTextRule.InsertAsSnippet } : {}),
        detail: c.detail,
        ...(c.documentation ? { documentation: c.documentation } : {}),
        range,
      }));
      return { suggestions };
    },
  });
  languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model, position) {
      const word = model.getWordAtPosition(position);
      const fn = word && EXPR_FUNCTIONS.find((f) => f.name === word.word);
      if (!word || !fn) return null;
      const lang = contexts.get(model.uri.toString())?.lang ?? "en";
      return {
        range: {
          startLineNumber: position.lineNumber,
          endLineNumber: position.lineNumber,
          startColumn: word.startColumn,
          endColumn: word.endColumn,
        },
        contents: [{ value: `\`${fn.signature}\`` }, { value: fn.doc[lang], supportHtml: false }],
      };
    },
  });
}
