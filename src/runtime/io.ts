// Where the CLI's commands write their lines: the console, or a test's buffer.
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}
