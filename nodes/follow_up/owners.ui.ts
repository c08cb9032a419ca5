// Whose working hours a follow-up counts: the teams of the routes on the paths into it, and the hours said in words.
import { assignsFrom, portOf, type Flow, type FlowNode, type Team, type WorkingHours } from "../../src/engine";

/** The teams of every node that assigns an owner upstream of `nodeId` (a route after a breach included), in flow order. */
export function teamsBefore(flow: Flow, nodeId: string): Team[] {
  const seen = new Set<string>([nodeId]);
  const queue = [nodeId];
  const teamIds = new Set<string>();
  while (queue.length > 0) {
    const target = queue.shift() as string;
    for (const edge of flow.edges) {
      if (edge.target !== target || seen.has(edge.source)) continue;
      seen.add(edge.source);
      queue.push(edge.source);
    }
  }
  for (const node of flow.nodes) {
    if (!seen.has(node.id)) continue;
    const team = assignsFrom(node);
    if (team) teamIds.add(team);
  }
  return flow.teams.filter((t) => teamIds.has(t.id));
}

/** The nodes one of the node's ports is wired to. */
export function targetsOf(flow: Flow, nodeId: string, port: string): FlowNode[] {
  return flow.edges
    .filter((e) => e.source === nodeId && portOf(e) === port)
    .map((e) => flow.nodes.find((n) => n.id === e.target))
    .filter((n) => n !== undefined);
}

/** "Mon–Fri 09:00–18:00": runs of consecutive weekdays joined, then the shift. */
export function describeHours(hours: WorkingHours, dayName: (day: number) => string): string {
  const days = [...new Set(hours.days)].sort((a, b) => a - b);
  const runs: string[] = [];
  let i = 0;
  while (i < days.length) {
    let j = i;
    while (j + 1 < days.length && (days[j + 1] as number) === (days[j] as number) + 1) j++;
    const first = dayName(days[i] as number);
    runs.push(
      j - i >= 2
        ? `${first}–${dayName(days[j] as number)}`
        : days
            .slice(i, j + 1)
            .map(dayName)
            .join(", "),
    );
    i = j + 1;
  }
  return `${runs.join(", ")} ${hours.start}–${hours.end}`;
}
