// The designer's routes, kept in the URL hash: `#/` the home screen, `#/trash`, `#/flow/<id>` a flow, `#/new` a new empty flow.
export type Route =
  | { readonly screen: "home" }
  | { readonly screen: "trash" }
  | { readonly screen: "flow"; readonly id: string }
  | { readonly screen: "start" }
  | { readonly screen: "new" };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "");
  if (path === "") return { screen: "start" };
  if (path === "/trash") return { screen: "trash" };
  if (path === "/new") return { screen: "new" };
  const flow = /^\/flow\/(.+)$/.exec(path);
  if (flow?.[1]) return { screen: "flow", id: decodeURIComponent(flow[1]) };
  return { screen: "home" };
}

export function flowHref(id: string): string {
  return `#/flow/${encodeURIComponent(id)}`;
}

export function goTo(href: string): void {
  window.location.hash = href;
}
