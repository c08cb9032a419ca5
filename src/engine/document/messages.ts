// Texts of problems found while reading a flow document, in English and 简体中文.
import { defineMessages } from "../i18n/table";

export const documentMessages = defineMessages(
  {
    "doc.not_json": "The file is not valid JSON: {detail}",
    "doc.not_object": "The file does not hold a flow: expected a JSON object.",
    "doc.wrong_format": 'This is not a Leadwire flow: "format" must be "leadwire.flow".',
    "doc.bad_version": '"version" must be a whole number of 1 or more, not {version}.',
    "doc.newer_version":
      "This flow was saved by a newer Leadwire (format version {version}); this one reads versions up to {supported}. Update Leadwire to open it.",
    "doc.no_migration": "No upgrade is known from format version {version}.",
    "doc.invalid": "{path}: {detail}",
    "doc.duplicate_id": '{path}: the id "{id}" is used twice; ids must be unique in their list.',
    "doc.load_failed": "The flow cannot be loaded:",
    "doc.too_deep": "{path}…: the flow nests far too deep to be read (condition groups may be nested at most {max} levels).",
  },
  {
    "doc.not_json": "文件不是有效的 JSON：{detail}",
    "doc.not_object": "文件中没有流程：应为一个 JSON 对象。",
    "doc.wrong_format": '这不是 Leadwire 流程："format" 必须是 "leadwire.flow"。',
    "doc.bad_version": '"version" 必须是不小于 1 的整数，而不是 {version}。',
    "doc.newer_version":
      "此流程由更新版本的 Leadwire 保存（格式版本 {version}）；当前版本最多读取版本 {supported}。请升级 Leadwire 后再打开。",
    "doc.no_migration": "没有从格式版本 {version} 升级的方法。",
    "doc.invalid": "{path}：{detail}",
    "doc.duplicate_id": '{path}：id "{id}" 重复使用；同一列表中的 id 必须唯一。',
    "doc.load_failed": "无法加载流程：",
    "doc.too_deep": "{path}…：流程嵌套过深，无法读取（条件组最多嵌套 {max} 层）。",
  },
);
