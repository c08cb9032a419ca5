// A toolbar button: an icon with the action's name as its accessible name and tooltip (with its shortcut).
const ICONS = {
  undo: "M9 14 4 9l5-5M4 9h10a6 6 0 0 1 0 12h-3",
  redo: "m15 14 5-5-5-5M20 9H10a6 6 0 0 0 0 12h3",
  copy: "M9 9h11v11H9zM5 15H4V4h11v1",
  paste: "M9 4h6v3H9zM8 5H5v16h14V5h-3",
  duplicate: "M8 8h12v12H8zM4 16V4h12M14 11v6M11 14h6",
  delete: "M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3",
  layout: "M3 5h6v5H3zM15 3h6v5h-6zM15 16h6v5h-6zM9 7.5h3v11h3M12 5.5h3",
  box: "M4 4h4M12 4h4M20 4v4M20 12v4M20 20h-4M12 20H8M4 20v-4M4 12V8",
  download: "M12 3v12M7 10l5 5 5-5M4 21h16",
  home: "M3 11 12 3l9 8M5 10v10h14V10",
  publish: "M12 21V9M7 14l5-5 5 5M4 3h16",
  history: "M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 3",
  help: "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zM9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3M12 17h.01",
  rename: "M4 20h4L19 9l-4-4L4 16zM13 7l4 4",
  minimap: "M3 4h18v16H3zM12 12h7v6h-7z",
  fields: "M8 6h13M8 12h13M8 18h13M3.5 6h.01M3.5 12h.01M3.5 18h.01",
  fold: "M15 6l-6 6 6 6",
  unfold: "M9 6l6 6-6 6",
  close: "M6 6l12 12M18 6 6 18",
  plus: "M12 5v14M5 12h14",
} as const;

export type ToolIcon = keyof typeof ICONS;

/** One of the toolbar's line icons, drawn in the text colour (hidden from screen readers: the button carries the name). */
export function ToolSvg({ icon, size = 18 }: { icon: ToolIcon; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ICONS[icon]} />
    </svg>
  );
}

export interface ToolButtonProps {
  readonly icon: ToolIcon;
  readonly label: string;
  readonly keys?: string;
  readonly disabled?: boolean;
  readonly pressed?: boolean;
  readonly onClick: () => void;
  /** Shown beside the icon for the actions a newcomer looks for first (the others have a tooltip with their shortcut). */
  readonly text?: boolean;
}

export function ToolButton({ icon, label, keys, disabled, pressed, onClick, text }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={text ? "lw-tool lw-tool-text" : "lw-tool"}
      {...(text ? {} : { "aria-label": label })}
      title={keys ? `${label} (${keys})` : label}
      disabled={disabled}
      {...(pressed === undefined ? {} : { "aria-pressed": pressed })}
      onClick={onClick}
    >
      <ToolSvg icon={icon} />
      {text && <span>{label}</span>}
    </button>
  );
}
