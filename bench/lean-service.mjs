// The leanest durable lead service there can be, for bench/service.bench.mjs to measure what several processes reach on
// the machine it runs on: HTTP JSON in, one Redis script per group of requests (a counter and a first-outcome key per
// lead: what a routing service must write before it answers), the answer out. No engine, no validation, no state of
// its own. Not part of the product. Usage: node bench/lean-service.mjs <port> <redisUrl> <keyPrefix>
import http from "node:http";
import Redis from "ioredis";

const [port, redisUrl, prefix] = process.argv.slice(2);
const redis = new Redis(redisUrl);
redis.defineCommand("commitBatch", {
  numberOfKeys: 1,
  lua: `local n = redis.call('INCRBY', KEYS[1], #ARGV)
for i = 1, #ARGV do redis.call('SET', KEYS[1] .. ':o:' .. ARGV[i], n - #ARGV + i, 'PX', 60000, 'NX') end
return n`,
});

let queue = [];
let busy = false;
/** Group commit: whatever arrived while a write was on its way is written in the next one. */
async function flush() {
  if (busy || queue.length === 0) return;
  busy = true;
  const batch = queue;
  queue = [];
  const n = await redis.commitBatch(`${prefix}:counter`, ...batch.map((b) => b.id));
  batch.forEach((b, i) => b.res.end(JSON.stringify({ outcomes: [{ id: b.id, seq: n - batch.length + i + 1, status: "assigned" }] })));
  busy = false;
  setImmediate(flush);
}

http
  .createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (req.method !== "POST") return void res.end('{"status":"ok"}');
      queue.push({ id: String(JSON.parse(body).id), res });
      setImmediate(flush);
    });
  })
  .listen(Number(port), "127.0.0.1");
