// Buffered file writers that respect stream backpressure, so millions of rows never sit in memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

const CHUNK = 1 << 16;

export class TextSink {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly stream: WriteStream) {}

  static open(path: string): TextSink {
    return new TextSink(createWriteStream(path, { encoding: 'utf8' }));
  }

  /** Buffers the text; resolves once the buffer, when full, has been handed to the stream. */
  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }

  private async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

export type Cell = string | number | null;

/** RFC 4180 cell: empty for not recorded, quoted only when needed. */
function csvCell(value: Cell): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export class CsvSink {
  rows = 0;

  private constructor(private readonly sink: TextSink) {}

  static async open(path: string, header: readonly string[]): Promise<CsvSink> {
    const sink = TextSink.open(path);
    await sink.write(header.join(',') + '\n');
    return new CsvSink(sink);
  }

  async row(cells: readonly Cell[]): Promise<void> {
    this.rows++;
    await this.sink.write(cells.map(csvCell).join(',') + '\n');
  }

  close(): Promise<void> {
    return this.sink.close();
  }
}
