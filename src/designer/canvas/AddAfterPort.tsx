// The "+" beside a free output port: opens a small list of node types; the chosen one is added right of the card and wired
// from that port. The list is drawn outside the zoomed canvas (fixed, in the page) so it stays readable at any zoom.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { createPortal } from "react-dom";
import { nodeRegistry, type NodeType } from "../../engine";
import { useT } from "../../i18n/useT";
import { NODE_TYPES } from "../../../nodes/ui";
import { NodeIcon } from "./NodeIcon";
import { useAddAfterPort } from "./useAddNode";

/** Types that can follow a port: everything with an input (a trigger starts a flow, nothing leads into it). */
const FOLLOWERS: readonly NodeType[] = NODE_TYPES.filter((type) => nodeRegistry[type].ports.in.length > 0);

export function AddAfterPort({ nodeId, port, portName, nodeName }: { nodeId: string; port: string; portName: string; nodeName: string }) {
  const { t, te } = useT();
  const add = useAddAfterPort();
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!at) return;
    menu.current?.querySelector<HTMLButtonElement>("button")?.focus();
    const outside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node) && event.target !== button.current) setAt(null);
    };
    document.addEventListener("pointerdown", outside, true);
    return () => document.removeEventListener("pointerdown", outside, true);
  }, [at]);

  const toggle = () => {
    if (at) return setAt(null);
    const r = button.current?.getBoundingClientRect();
    if (r)
      setAt({
        left: Math.min(r.right + 6, window.innerWidth - 220),
        top: Math.min(r.top - 8, window.innerHeight - 48 * FOLLOWERS.length - 40),
      });
  };
  const close = () => {
    setAt(null);
    button.current?.focus();
  };
  const choose = (type: NodeType) => {
    setAt(null);
    add(nodeId, port, type);
  };
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (step !== undefined) {
      event.preventDefault();
      items[(index + step + items.length) % items.length]?.focus();
    }
  };

  const label = t("canvas.addAfter", { port: portName, node: nodeName });
  return (
    <>
      <button
        ref={button}
        type="button"
        className="lw-port-add nodrag nopan"
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={at !== null}
        {...(at ? { "aria-controls": menuId } : {})}
        onClick={(event) => {
          event.stopPropagation();
          toggle();
        }}
      >
        <span aria-hidden="true">+</span>
      </button>
      {at &&
        createPortal(
          <div
            ref={menu}
            id={menuId}
            className="lw-add-menu"
            role="menu"
            aria-label={t("canvas.addMenu", { port: portName })}
            style={at}
            onKeyDown={onMenuKey}
            // A portal's events still bubble through the React tree, into the node card: without this a choice also
            // "clicks" the card, and React Flow adds it to the selection beside the new node.
            onClick={(event) => event.stopPropagation()}
            onPointerDown={(event) => event.stopPropagation()}
            onMouseDown={(event) => event.stopPropagation()}
          >
            {FOLLOWERS.map((type) => (
              <button key={type} type="button" role="menuitem" className="lw-add-item" data-node-type={type} onClick={() => choose(type)}>
                <NodeIcon type={type} size={18} />
                <span>{te(`node.${type}.name`)}</span>
              </button>
            ))}
          </div>,
          document.body,
        )}
    </>
  );
}
