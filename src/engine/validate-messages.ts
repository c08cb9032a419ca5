// Texts of flow-level validation issues (graph, settings), in English and 简体中文.
import { defineMessages } from "./i18n/table";

export const validateMessages = defineMessages(
  {
    "flow.no_trigger": "The flow has no trigger: add one so leads can enter.",
    "flow.cycle": "These nodes form a loop, which would never end: {nodes}.",
    "flow.cycle_long": "{count} nodes form a loop, which would never end: {nodes} → … and {more} more.",
    "flow.port_two_edges": 'The port "{port}" of {node} has {count} connections; an output connects to at most one node.',
    "flow.edge_missing_source": 'A connection starts at the node "{node}", which does not exist.',
    "flow.edge_missing_target": 'A connection leads to the node "{node}", which does not exist.',
    "flow.edge_bad_source_port": '{node} has no output "{port}" (it has: {ports}).',
    "flow.edge_bad_target_port": '{node} has no input "{port}".',
    "flow.edge_into_trigger": "A connection leads into the trigger {node}; leads only enter a flow at triggers.",
    "flow.unreachable": "No lead can reach {node}: no trigger leads to it.",
    "flow.bad_timezone": '"{timezone}" is not a known time zone (use a name like Europe/Berlin).',
    "flow.bad_config": "{detail}",
  },
  {
    "flow.no_trigger": "流程没有触发器：请添加一个，线索才能进入。",
    "flow.cycle": "这些节点形成了循环，线索将永远无法结束：{nodes}。",
    "flow.cycle_long": "{count} 个节点形成了循环，线索将永远无法结束：{nodes} → … 以及另外 {more} 个。",
    "flow.port_two_edges": "{node} 的端口“{port}”有 {count} 条连线；一个输出最多连接一个节点。",
    "flow.edge_missing_source": "有连线从不存在的节点“{node}”出发。",
    "flow.edge_missing_target": "有连线指向不存在的节点“{node}”。",
    "flow.edge_bad_source_port": "{node} 没有输出端口“{port}”（可用：{ports}）。",
    "flow.edge_bad_target_port": "{node} 没有输入端口“{port}”。",
    "flow.edge_into_trigger": "有连线指向触发器 {node}；线索只能从触发器进入流程。",
    "flow.unreachable": "没有线索能到达 {node}：没有触发器通向它。",
    "flow.bad_timezone": "“{timezone}”不是已知的时区（请使用如 Asia/Shanghai 的名称）。",
    "flow.bad_config": "{detail}",
  },
);
