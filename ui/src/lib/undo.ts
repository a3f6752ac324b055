// Document-level undo for structural edits (adding, moving, deleting rows, switches). Text fields
// keep the browser's own undo; this stack never records keystrokes.

export interface UndoEntry {
  label: string;
  undo(): void;
  redo(): void;
}

export class UndoStack {
  private entries: UndoEntry[] = [];
  /** Number of entries currently applied; entries[pos..] can be redone. */
  private pos = 0;

  constructor(private readonly limit = 200) {}

  /** Records an edit that has already been applied. Drops anything that could be redone. */
  push(entry: UndoEntry): void {
    this.entries.length = this.pos;
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
    this.pos = this.entries.length;
  }

  /** Applies `entry` (its redo) and records it. */
  apply(entry: UndoEntry): UndoEntry {
    entry.redo();
    this.push(entry);
    return entry;
  }

  get canUndo(): boolean {
    return this.pos > 0;
  }

  get canRedo(): boolean {
    return this.pos < this.entries.length;
  }

  /** The entry an undo would revert, if any. */
  peek(): UndoEntry | undefined {
    return this.entries[this.pos - 1];
  }

  undo(): UndoEntry | undefined {
    if (!this.canUndo) return undefined;
    this.pos -= 1;
    const e = this.entries[this.pos];
    e.undo();
    return e;
  }

  redo(): UndoEntry | undefined {
    if (!this.canRedo) return undefined;
    const e = this.entries[this.pos];
    this.pos += 1;
    e.redo();
    return e;
  }
}
