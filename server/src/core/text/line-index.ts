/**
 * Offset ↔ line/character conversion for one text, built once (O(lines)) and
 * answered by binary search, so converting thousands of findings stays cheap.
 * Lines and characters are 0-based UTF-16 units, like LSP positions.
 */
export interface LineCharacter {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // \r\n, \n and a lone \r all end a line, as in LSP.
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Position of a UTF-16 offset (clamped into the text). */
  positionAt(offset: number): LineCharacter {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] ?? 0) };
  }

  /** Offset of a position; characters past the end of a line clamp to the line's end. */
  offsetAt(pos: LineCharacter): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.starts[pos.line] ?? 0;
    const next = this.starts[pos.line + 1] ?? this.text.length + 1;
    const lineEnd = Math.max(start, next - (this.text.charCodeAt(next - 2) === 13 && next - 1 <= this.text.length ? 2 : 1));
    return Math.min(start + Math.max(0, pos.character), pos.line + 1 < this.starts.length ? lineEnd : this.text.length);
  }

  /** Start offset of a 0-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))] ?? 0;
  }
}
