// A progress bar for long steps: redrawn in place on a terminal, one line per step otherwise (CI logs).

export function progressBar(total: number, log: (line: string) => void) {
  const started = Date.now();
  const tty = Boolean(process.stdout.isTTY);
  let done = 0;
  let last = '';
  const draw = (label: string) => {
    const width = 24;
    const filled = Math.round((done / total) * width);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${seconds} s  ${label}`;
    if (tty) process.stdout.write(`\r${line.padEnd(last.length)}`);
    else log(line);
    last = line;
  };
  return {
    /** Starts the next step (the one before it is then done). */
    step(label: string) {
      if (done < total) draw(label);
      done += 1;
    },
    done() {
      done = total;
      draw('done');
      if (tty) process.stdout.write('\n');
    },
  };
}
