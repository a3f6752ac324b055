// Short messages at the bottom of the window: what an action did, or why it failed (errors stay
// longer), sometimes with one action (Undo).

export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** At most this many are shown; a new one pushes the oldest out. */
const MAX = 4;

export class Toasts {
  items = $state<Toast[]>([]);
  private seq = 0;

  show(message: string, kind: Toast['kind'] = 'info', action?: Toast['action']): void {
    const id = ++this.seq;
    this.items.push({ id, message, kind, action });
    if (this.items.length > MAX) this.items.shift();
    setTimeout(() => this.dismiss(id), kind === 'error' ? 12000 : action ? 8000 : 4000);
  }

  dismiss(id: number): void {
    const i = this.items.findIndex((t) => t.id === id);
    if (i >= 0) this.items.splice(i, 1);
  }
}
