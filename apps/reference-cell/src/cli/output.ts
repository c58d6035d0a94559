// Writing results: one JSON document on stdout, or text; messages always on stderr.

/** Where a command writes. */
export interface CommandOutput {
  /** Prints the JSON result (one document, stdout). */
  json(value: unknown): void;
  /** Prints human-readable result lines (stdout). */
  text(line: string): void;
  /** Prints a message (stderr), never mixed into results. */
  message(line: string): void;
}

/** Output bound to the process streams. */
export const processOutput: CommandOutput = {
  json: (value) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`),
  text: (line) => process.stdout.write(`${line}\n`),
  message: (line) => process.stderr.write(`${line}\n`),
};
