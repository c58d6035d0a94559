// Writing results: one JSON document on stdout, or text; messages always on stderr. A reader that
// closes stdout early (`solidcell … | head -1`) ends the results quietly, never with an EPIPE stack.

/** Where a command writes. */
export interface CommandOutput {
  /** Prints the JSON result (one document, stdout). */
  json(value: unknown): void;
  /** Prints human-readable result lines (stdout). */
  text(line: string): void;
  /** Prints a message (stderr), never mixed into results. */
  message(line: string): void;
}

/** Streams whose reader went away (EPIPE): later writes to them are dropped. */
const closedStreams = new WeakSet<NodeJS.WritableStream>();

/**
 * Makes a closed pipe on `stream` end its output quietly: EPIPE marks it closed, any other stream
 * error is rethrown. Call once per process stream (the program's entry point does).
 */
export function toleratePipeClose(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closedStreams.add(stream);
  });
}

function writeLine(stream: NodeJS.WritableStream, text: string): void {
  if (!closedStreams.has(stream)) stream.write(`${text}\n`);
}

/** Output bound to the process streams. */
export const processOutput: CommandOutput = {
  json: (value) => writeLine(process.stdout, JSON.stringify(value, null, 2)),
  text: (line) => writeLine(process.stdout, line),
  message: (line) => writeLine(process.stderr, line),
};
