// How a node is named in traces and messages: its label, or its id when it has none.
export function nodeName(node: { id: string; label?: string | undefined }): string {
  const label = node.label?.trim();
  return label ? `"${label}"` : node.id;
}
