// The two Lua scripts of a batch: BEGIN takes the flow's lease and returns what changed since the caller's copy; COMMIT writes.
// Both run atomically in Redis. Per-lead keys are named from the flow prefix inside the scripts (one Redis, not a Cluster).
// The lease key is never written to the append-only file or replicas (`set_repl(REPL_NONE)`, Redis 7's effects
// replication): with `appendfsync always` every propagated write costs an fsync, and taking the lease was one per batch
// (about 5 ms here). A lease lost in a restart or failover is safe: COMMIT checks the token, so its batch is decided again.

/**
 * KEYS: lock, meta, changes, fields, timers. ARGV: token, leaseMs, cachedVersion, prefix, dueBy ("" = none), dueLimit,
 * then the count of ids and the ids, then the count of followed lead ids and those ids.
 * → {0, pttl} when another process holds the lease; else {1, version, seq, reset, changed (field, value|nil)…,
 *   outcomes (per id, value|nil), followed (id, value) pairs of those that exist, due (id, value) pairs}.
 */
export const BEGIN = `
redis.set_repl(redis.REPL_NONE)
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {0, redis.call('PTTL', KEYS[1])}
end
local version = tonumber(redis.call('HGET', KEYS[2], 'version') or '0')
local seq = redis.call('HGET', KEYS[2], 'seq') or false
local cached = tonumber(ARGV[3])
local reset = 0
local names
if version < cached then
  reset = 1
  names = redis.call('ZRANGE', KEYS[3], 0, -1)
elseif version > cached then
  names = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. cached, '+inf')
else
  names = {}
end
local changed = {}
for i = 1, #names, 500 do
  local chunk = {}
  for j = i, math.min(i + 499, #names) do chunk[#chunk + 1] = names[j] end
  local vals = redis.call('HMGET', KEYS[4], unpack(chunk))
  for j = 1, #chunk do
    changed[#changed + 1] = chunk[j]
    changed[#changed + 1] = vals[j]
  end
end
local prefix = ARGV[4]
local n = tonumber(ARGV[7])
local outcomes = {}
for i = 1, n do outcomes[i] = redis.call('GET', prefix .. 'o:' .. ARGV[7 + i]) end
local at = 8 + n
local f = tonumber(ARGV[at])
local followed = {}
local seen = {}
for i = 1, f do
  local id = ARGV[at + i]
  local v = redis.call('GET', prefix .. 'l:' .. id)
  if v and not seen[id] then
    seen[id] = true
    followed[#followed + 1] = id
    followed[#followed + 1] = v
  end
end
local due = {}
if ARGV[5] ~= '' then
  local ids = redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', ARGV[5], 'LIMIT', 0, tonumber(ARGV[6]))
  for i = 1, #ids do
    local id = ids[i]
    if not seen[id] then
      local v = redis.call('GET', prefix .. 'l:' .. id)
      if v then
        seen[id] = true
        due[#due + 1] = id
        due[#due + 1] = v
      else
        redis.set_repl(redis.REPL_ALL)
        redis.call('ZREM', KEYS[5], id)
        redis.set_repl(redis.REPL_NONE)
      end
    end
  end
end
return {1, version, seq, reset, changed, outcomes, followed, due}
`;

/**
 * KEYS: lock, meta, changes, fields, timers, outbox. ARGV: token, prefix, outcomeTtlMs, seq ("" = none), followed ("1"/""),
 * then counted groups: fields (name, value; "" deletes), outcomes (id, value), leads (id, value, ttlMs; "" deletes),
 * timers (id, dueMs; "" removes), notifications (JSON each, appended to the outbox stream in the same step).
 * → the new version, or -1 when the lease was lost (nothing written).
 */
export const COMMIT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
local version = redis.call('HINCRBY', KEYS[2], 'version', 1)
if ARGV[4] ~= '' then redis.call('HSET', KEYS[2], 'seq', ARGV[4]) end
if ARGV[5] ~= '' then redis.call('HSET', KEYS[2], 'followed', '1') end
local prefix = ARGV[2]
local at = 6
local n = tonumber(ARGV[at])
-- One HSET, HDEL and ZADD per chunk of fields rather than per field: a 500-member roster changes about three fields a lead.
for i = 0, n - 1, 200 do
  local set, del, seen = {}, {}, {}
  for j = i, math.min(i + 199, n - 1) do
    local name, value = ARGV[at + 1 + 2 * j], ARGV[at + 2 + 2 * j]
    if value == '' then del[#del + 1] = name else set[#set + 1] = name; set[#set + 1] = value end
    seen[#seen + 1] = version
    seen[#seen + 1] = name
  end
  if #set > 0 then redis.call('HSET', KEYS[4], unpack(set)) end
  if #del > 0 then redis.call('HDEL', KEYS[4], unpack(del)) end
  redis.call('ZADD', KEYS[3], unpack(seen))
end
at = at + 1 + 2 * n
n = tonumber(ARGV[at])
for i = 0, n - 1 do
  redis.call('SET', prefix .. 'o:' .. ARGV[at + 1 + 2 * i], ARGV[at + 2 + 2 * i], 'PX', ARGV[3], 'NX')
end
at = at + 1 + 2 * n
n = tonumber(ARGV[at])
for i = 0, n - 1 do
  local id, value, ttl = ARGV[at + 1 + 3 * i], ARGV[at + 2 + 3 * i], ARGV[at + 3 + 3 * i]
  if value == '' then redis.call('UNLINK', prefix .. 'l:' .. id) else redis.call('SET', prefix .. 'l:' .. id, value, 'PX', ttl) end
end
at = at + 1 + 3 * n
n = tonumber(ARGV[at])
for i = 0, n - 1 do
  local id, due = ARGV[at + 1 + 2 * i], ARGV[at + 2 + 2 * i]
  if due == '' then redis.call('ZREM', KEYS[5], id) else redis.call('ZADD', KEYS[5], due, id) end
end
at = at + 1 + 2 * n
n = tonumber(ARGV[at])
for i = 1, n do redis.call('XADD', KEYS[6], 'MAXLEN', '~', 1000000, '*', 'n', ARGV[at + i]) end
redis.set_repl(redis.REPL_NONE)
redis.call('DEL', KEYS[1])
redis.call('PUBLISH', KEYS[1] .. ':free', '1')
return version
`;

/** KEYS: lock. ARGV: token. Gives the lease back when a batch wrote nothing (or failed before writing). */
// COMMIT and RELEASE publish on `<lock>:free`, so a waiting process tries again at once instead of polling.
export const RELEASE = `
redis.set_repl(redis.REPL_NONE)
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  redis.call('PUBLISH', KEYS[1] .. ':free', '1')
end
return 1
`;
