// The simulation's texts (progress, results, errors, export headers) in English and Simplified Chinese.
import { defineMessages, engineTables, makeTranslator, type CodeOf, type EngineCode, type Translate } from "../engine";

export const simulationMessages = defineMessages(
  {
    "sim.no_leads": "No leads to run: generate sample leads, import a file or paste rows first.",
    "sim.progress": "{done} of {total} leads · {rate} leads/s",
    "sim.done": "{total} leads run in {seconds} s ({rate} leads/s)",
    "sim.cancelled": "Run cancelled after {done} of {total} leads; nothing was kept.",
    "sim.invalid": "The flow has {count} error(s); fix them before running.",
    "sim.failed": "The run stopped: {detail}",
    "sim.worker_failed": "The simulation could not start in the background: {detail}",
    "sim.trace_gone": "The traces of run {runId} are no longer kept (only the newest run's are); run again to see them.",
    "sim.no_such_lead": "Run {runId} has no lead number {lead}.",
    "sim.csv.id": "id",
    "sim.csv.status": "status",
    "sim.csv.owner": "owner",
    "sim.csv.owner_name": "owner name",
    "sim.csv.team": "team",
    "sim.csv.score": "score",
    "sim.csv.grade": "grade",
    "sim.csv.path": "path",
    "sim.csv.notifications": "notifications",
    "sim.csv.trace": "first trace line",
    "sim.csv.error": "error",
  },
  {
    "sim.no_leads": "没有可运行的线索：请先生成示例线索、导入文件或粘贴数据行。",
    "sim.progress": "已处理 {done} / {total} 条线索 · 每秒 {rate} 条",
    "sim.done": "已运行 {total} 条线索，用时 {seconds} 秒（每秒 {rate} 条）",
    "sim.cancelled": "运行已在处理 {done} / {total} 条线索后取消，未保留任何结果。",
    "sim.invalid": "流程有 {count} 个错误，请修正后再运行。",
    "sim.failed": "运行中止：{detail}",
    "sim.worker_failed": "无法在后台启动模拟：{detail}",
    "sim.trace_gone": "第 {runId} 次运行的轨迹已不再保留（只保留最新一次运行的）；请重新运行后查看。",
    "sim.no_such_lead": "第 {runId} 次运行没有第 {lead} 号线索。",
    "sim.csv.id": "编号",
    "sim.csv.status": "状态",
    "sim.csv.owner": "负责人",
    "sim.csv.owner_name": "负责人姓名",
    "sim.csv.team": "团队",
    "sim.csv.score": "分数",
    "sim.csv.grade": "等级",
    "sim.csv.path": "路径",
    "sim.csv.notifications": "通知数",
    "sim.csv.trace": "首条轨迹",
    "sim.csv.error": "错误",
  },
);

/** The simulation's translator: the engine's texts and its own. */
export const translate: Translate<EngineCode | CodeOf<typeof simulationMessages>> = makeTranslator([...engineTables, simulationMessages]);
