// Binary min-heaps of timers ordered by due time, then by the lead's entry order (same instant: first followed first).

export interface Timer {
  readonly t: number;
  readonly seq: number;
  readonly id: string;
}

/**
 * The run's heap: each timer is three numbers in parallel arrays (due time, entry order, the lead's slot in the run),
 * so a timer costs no object and the garbage collector never walks the heap.
 */
export class SlotHeap {
  private t = new Float64Array(1024);
  private seq = new Float64Array(1024);
  private slot = new Int32Array(1024);
  private n = 0;

  get size(): number {
    return this.n;
  }

  /** Due time of the first timer; Infinity when there is none. */
  peekTime(): number {
    return this.n > 0 ? (this.t[0] as number) : Number.POSITIVE_INFINITY;
  }

  /** Slot of the first timer; -1 when there is none. */
  rootSlot(): number {
    return this.n > 0 ? (this.slot[0] as number) : -1;
  }

  /** Sifts a hole up instead of swapping pairs: one write per level. */
  push(t: number, seq: number, slot: number): void {
    if (this.n === this.t.length) this.grow();
    const ts = this.t;
    const ss = this.seq;
    const ls = this.slot;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = ts[parent] as number;
      const ps = ss[parent] as number;
      if (!(t < pt || (t === pt && seq < ps))) break;
      ts[i] = pt;
      ss[i] = ps;
      ls[i] = ls[parent] as number;
      i = parent;
    }
    ts[i] = t;
    ss[i] = seq;
    ls[i] = slot;
  }

  /** Removes the first timer and returns its slot (-1 when empty); its due time is `peekTime()` before the call. */
  pop(): number {
    if (this.n === 0) return -1;
    const ts = this.t;
    const ss = this.seq;
    const ls = this.slot;
    const top = ls[0] as number;
    const n = --this.n;
    if (n > 0) {
      const lt = ts[n] as number;
      const lq = ss[n] as number;
      const lslot = ls[n] as number;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && ((ts[r] as number) < (ts[l] as number) || (ts[r] === ts[l] && (ss[r] as number) < (ss[l] as number))) ? r : l;
        const mt = ts[m] as number;
        const mq = ss[m] as number;
        if (!(mt < lt || (mt === lt && mq < lq))) break;
        ts[i] = mt;
        ss[i] = mq;
        ls[i] = ls[m] as number;
        i = m;
      }
      ts[i] = lt;
      ss[i] = lq;
      ls[i] = lslot;
    }
    return top;
  }

  private grow(): void {
    const size = this.t.length * 2;
    const t = new Float64Array(size);
    const seq = new Float64Array(size);
    const slot = new Int32Array(size);
    t.set(this.t);
    seq.set(this.seq);
    slot.set(this.slot);
    this.t = t;
    this.seq = seq;
    this.slot = slot;
  }
}

/** Timers as objects over a SlotHeap (for callers that carry an id; the run itself uses slots). */
export class TimerHeap {
  private readonly heap = new SlotHeap();
  private readonly items: Timer[] = [];
  private readonly free: number[] = [];

  get size(): number {
    return this.heap.size;
  }

  peek(): Timer | undefined {
    return this.heap.size > 0 ? this.top() : undefined;
  }

  push(timer: Timer): void {
    const slot = this.free.pop() ?? this.items.length;
    this.items[slot] = timer;
    this.heap.push(timer.t, timer.seq, slot);
  }

  pop(): Timer | undefined {
    const slot = this.heap.pop();
    if (slot < 0) return undefined;
    const timer = this.items[slot];
    this.free.push(slot);
    return timer;
  }

  private top(): Timer | undefined {
    // Peek without popping: pop and push back would reorder equal keys, so look at the root's slot directly.
    const slot = this.heap.rootSlot();
    return slot < 0 ? undefined : this.items[slot];
  }
}
