// Texts of the flow library (save errors, conflicts, import, publish, status), in English and 简体中文.
import { defineMessages, engineTables, makeTranslator, type EngineCode, type Translate } from "../engine";

const en = {
  "storage.untitled": "Untitled flow",
  "storage.copy_name": "{name} (copy)",
  "storage.my_copy_name": "{name} (my copy)",
  "storage.status.saved": "All changes saved",
  "storage.status.pending": "Unsaved changes…",
  "storage.status.saving": "Saving…",
  "storage.status.error": "Not saved",
  "storage.status.conflict": "Changed in another tab",
  "storage.quota_exceeded":
    "The browser has no room left to save this flow. Your changes are kept in this tab; free some space (delete old flows or empty the trash) — saving is retried in {seconds} s.",
  "storage.unavailable":
    "The browser's storage is not available (private window or storage blocked). Your changes are kept in this tab only; export the flow to keep it — saving is retried in {seconds} s.",
  "storage.save_failed": "The flow could not be saved ({detail}). Your changes are kept in this tab; saving is retried in {seconds} s.",
  "storage.conflict.changed":
    "This flow was changed in another tab (or window) after you opened it. Reload it to see those changes, or keep yours as a copy.",
  "storage.conflict.trashed": "This flow was moved to the trash in another tab. Restore it from the trash, or keep your version as a copy.",
  "storage.conflict.missing": "This flow was deleted for good in another tab. Keep your version as a copy so it is not lost.",
  "storage.not_found": 'There is no flow with the id "{id}".',
  "storage.replace_missing": 'The flow "{id}" to replace does not exist (or is in the trash); nothing was imported.',
  "storage.replace_conflict": "The flow to replace was changed since you chose it; nothing was imported. Try again.",
  "storage.publish_blocked": "The flow has {count} error(s); fix them before publishing.",
  "storage.flow_file": "flow",
};

type Codes = keyof typeof en;

const zhCN: Record<Codes, string> = {
  "storage.untitled": "未命名流程",
  "storage.copy_name": "{name}（副本）",
  "storage.my_copy_name": "{name}（我的副本）",
  "storage.status.saved": "所有更改已保存",
  "storage.status.pending": "有未保存的更改…",
  "storage.status.saving": "正在保存…",
  "storage.status.error": "未保存",
  "storage.status.conflict": "已在其他标签页中更改",
  "storage.quota_exceeded":
    "浏览器没有剩余空间来保存此流程。您的更改仍保留在此标签页中；请释放一些空间（删除旧流程或清空回收站）— 将在 {seconds} 秒后重试保存。",
  "storage.unavailable":
    "浏览器存储不可用（隐私窗口或存储被阻止）。您的更改仅保留在此标签页中；请导出流程以免丢失 — 将在 {seconds} 秒后重试保存。",
  "storage.save_failed": "无法保存流程（{detail}）。您的更改仍保留在此标签页中；将在 {seconds} 秒后重试保存。",
  "storage.conflict.changed": "您打开此流程后，它已在其他标签页（或窗口）中被更改。请重新加载以查看这些更改，或将您的版本另存为副本。",
  "storage.conflict.trashed": "此流程已在其他标签页中移到回收站。请从回收站恢复，或将您的版本另存为副本。",
  "storage.conflict.missing": "此流程已在其他标签页中被永久删除。请将您的版本另存为副本，以免丢失。",
  "storage.not_found": "不存在 id 为“{id}”的流程。",
  "storage.replace_missing": "要替换的流程“{id}”不存在（或在回收站中）；未导入任何内容。",
  "storage.replace_conflict": "要替换的流程在您选择后已被更改；未导入任何内容。请重试。",
  "storage.publish_blocked": "流程有 {count} 个错误；请先修正再发布。",
  "storage.flow_file": "流程",
};

export const storageMessages = defineMessages(en, zhCN);

export type StorageMessageCode = Codes;

/** The flow library's translator: the engine's texts and its own. */
export const translate: Translate<EngineCode | StorageMessageCode> = makeTranslator([...engineTables, storageMessages]);
