// A binary min-heap of timers ordered by due time, then by the lead's entry order (same instant: first followed first).

export interface Timer {
  readonly t: number;
  readonly seq: number;
  readonly id: string;
}

const before = (a: Timer, b: Timer) => a.t < b.t || (a.t === b.t && a.seq < b.seq);

export class TimerHeap {
  private readonly items: Timer[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): Timer | undefined {
    return this.items[0];
  }

  /** Sifts a hole up instead of swapping pairs: one write per level. */
  push(timer: Timer): void {
    const a = this.items;
    let i = a.length;
    a.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[parent] as Timer;
      if (!before(timer, p)) break;
      a[i] = p;
      i = parent;
    }
    a[i] = timer;
  }

  pop(): Timer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    const n = a.length;
    if (n > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && before(a[r] as Timer, a[l] as Timer) ? r : l;
        const child = a[m] as Timer;
        if (!before(child, last)) break;
        a[i] = child;
        i = m;
      }
      a[i] = last;
    }
    return top;
  }
}
