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

  push(timer: Timer): void {
    const a = this.items;
    a.push(timer);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i] as Timer, a[parent] as Timer)) break;
      [a[i], a[parent]] = [a[parent] as Timer, a[i] as Timer];
      i = parent;
    }
  }

  pop(): Timer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && before(a[l] as Timer, a[m] as Timer)) m = l;
        if (r < a.length && before(a[r] as Timer, a[m] as Timer)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m] as Timer, a[i] as Timer];
        i = m;
      }
    }
    return top;
  }
}
