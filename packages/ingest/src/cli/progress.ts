// A progress bar on a terminal, plain lines otherwise (CI logs, pipes).
import cliProgress from 'cli-progress';

export class Progress {
  private bar: cliProgress.SingleBar | null = null;
  private n = 0;
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
  ) {
    if (stream.isTTY && total > 1) {
      this.bar = new cliProgress.SingleBar(
        { stream, format: 'ingest [{bar}] {value}/{total} {item}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, 0, { item: '' });
    }
  }
  tick(by: number, line?: string) {
    if (by <= 0) return;
    this.n += by;
    if (this.bar) this.bar.update(this.n, { item: (line ?? '').slice(0, 60) });
    else if (line) this.stream.write(`[${this.n}/${this.total}] ${line}\n`);
  }
  done() {
    this.bar?.stop();
  }
}
