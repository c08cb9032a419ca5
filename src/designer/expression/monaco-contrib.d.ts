// The untyped side-effect module of monaco-editor that registers the editor's contributions (suggest, hover, markers…).
declare module "monaco-editor/esm/vs/editor/editor.all.js";
