// The shortcut table: Ctrl and ⌘ both work, Shift makes redo, and letters ignore case.
import { describe, expect, it } from "vitest";
import { displayKeys, shortcutFor } from "./shortcuts";

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe("shortcuts", () => {
  it("maps the documented combinations", () => {
    expect(shortcutFor(key("z", { ctrlKey: true }))).toBe("undo");
    expect(shortcutFor(key("z", { metaKey: true }))).toBe("undo");
    expect(shortcutFor(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(shortcutFor(key("y", { ctrlKey: true }))).toBe("redo");
    expect(shortcutFor(key("Delete"))).toBe("delete");
    expect(shortcutFor(key("Backspace"))).toBe("delete");
    expect(shortcutFor(key("c", { ctrlKey: true }))).toBe("copy");
    expect(shortcutFor(key("v", { metaKey: true }))).toBe("paste");
    expect(shortcutFor(key("d", { ctrlKey: true }))).toBe("duplicate");
    expect(shortcutFor(key("?", { shiftKey: true }))).toBe("help");
    expect(shortcutFor(key("Escape"))).toBe("clear");
  });

  it("ignores plain letters and Alt combinations", () => {
    expect(shortcutFor(key("z"))).toBeNull();
    expect(shortcutFor(key("z", { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it("shows ⌘ on a Mac and Ctrl elsewhere", () => {
    expect(displayKeys("Shift+Mod+Z", true)).toBe("⇧+⌘+Z");
    expect(displayKeys("Mod+Y", false)).toBe("Ctrl+Y");
  });
});
