// The trigger node's texts in English and 简体中文.
import { defineMessages } from "../../src/engine/i18n/table";
export const triggerMessages = defineMessages(
  {
    "node.trigger.name": "Trigger",
    "node.trigger.description": "Where leads enter: by source and an optional condition.",
    "trigger.entered": "Entered at {node}",
    "trigger.wrong_source": "Not accepted by {node}: source {source} is not one of {sources}",
    "trigger.condition_failed": "Not accepted by {node}: {rule} does not hold",
  },
  {
    "node.trigger.name": "触发器",
    "node.trigger.description": "线索进入流程的入口：按来源和可选条件筛选。",
    "trigger.entered": "从 {node} 进入",
    "trigger.wrong_source": "{node} 未接收：来源 {source} 不在 {sources} 之中",
    "trigger.condition_failed": "{node} 未接收：条件 {rule} 不成立",
  },
);
