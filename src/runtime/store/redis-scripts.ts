// The Lua scripts of a batch: BEGIN takes the flow's lease and returns what changed since the caller's copy; COMMIT writes;
// RELEASE gives the lease back; FORWARD hands a batch to the lease holder. Each runs atomically in Redis. Per-lead keys are named from the flow prefix inside the scripts (one Redis, not a Cluster).
// The lease key is never written to the append-only file or replicas (`set_repl(REPL_NONE)`, Redis 7's effects
// replication): with `appendfsync always` every propagated write costs an fsync, and taking the lease was one per batch
// (about 5 ms here). A lease lost in a restart or failover is safe: COMMIT checks the token, so its batch is decided again.

// The inbox (batches handed to the lease holder) is never written to the AOF or replicas either: after a restart it is
// empty, and the processes whose batches were in it time out and send them again (a lead routed once is answered from
// its first outcome, so nothing is routed twice). An inbox item is `deadlineMs\n{"r":requestId,"c":replyChannel,
// "ids":[…]}\npayload`; the deadline is Redis's clock when pushed plus the sender's wait, and a holder drops later ones.

/**
 * KEYS: lock, meta, changes, fields, timers, inbox. ARGV: token, leaseMs, cachedVersion, prefix, dueBy ("" = none),
 * dueLimit, then the count of ids and the ids, then the count of followed lead ids and those ids, then inbox room (leads).
 * The token may be the caller's own lease (kept by its last COMMIT): then the lease is extended.
 * → {0, pttl} when another process holds the lease; else {1, version, seq, reset, changed (field, value|nil)…,
 *   outcomes (per id, value|nil), followed (id, value) pairs of those that exist, due (id, value) pairs,
 *   inbox items taken, their ids' stored outcomes as (id, value) pairs}.
 */
export const BEGIN = `
redis.set_repl(redis.REPL_NONE)
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {0, redis.call('PTTL', KEYS[1])} end
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
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
local inbox = {}
local inboxKnown = {}
local room = tonumber(ARGV[at + f + 1] or '0')
local nowMs = nil
while room > 0 do
  local item = redis.call('LPOP', KEYS[6])
  if not item then break end
  if not nowMs then
    local clock = redis.call('TIME')
    nowMs = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
  end
  local nl1 = string.find(item, '\\n', 1, true)
  local nl2 = string.find(item, '\\n', nl1 + 1, true)
  if tonumber(string.sub(item, 1, nl1 - 1)) >= nowMs then
    inbox[#inbox + 1] = string.sub(item, nl1 + 1)
    local ids = cjson.decode(string.sub(item, nl1 + 1, nl2 - 1)).ids
    for i = 1, #ids do
      local id = ids[i]
      local o = redis.call('GET', prefix .. 'o:' .. id)
      if o then
        inboxKnown[#inboxKnown + 1] = id
        inboxKnown[#inboxKnown + 1] = o
      end
      if not seen[id] then
        local v = redis.call('GET', prefix .. 'l:' .. id)
        if v then
          seen[id] = true
          followed[#followed + 1] = id
          followed[#followed + 1] = v
        end
      end
    end
    room = room - math.max(1, #ids)
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
return {1, version, seq, reset, changed, outcomes, followed, due, inbox, inboxKnown}
`;

/**
 * The end of COMMIT and RELEASE: what becomes of the lease. `keep` (an ARGV): "2" keep it (the holder lingers: other
 * processes' batches are expected; a push wakes it), "1" keep it while batches wait in the inbox, "" give it back. Returns
 * 0 given back, 1 kept with batches waiting (run a batch now), 2 given back although batches wait (take it again if nobody
 * does), 3 kept, inbox empty (wait for a push).
 */
function keepOrRelease(keep: string, leaseMs: string, lock: string, inbox: string): string {
  return `
local waiting = redis.call('LLEN', ${inbox}) > 0
if ${keep} == '2' or (${keep} == '1' and waiting) then
  redis.call('PEXPIRE', ${lock}, ${leaseMs})
  if waiting then return {VERSION, 1} end
  return {VERSION, 3}
end
redis.call('DEL', ${lock})
redis.call('PUBLISH', ${lock} .. ':free', '1')
if waiting then return {VERSION, 2} end
return {VERSION, 0}`;
}

/**
 * KEYS: lock, meta, changes, fields, timers, outbox, inbox. ARGV: token, prefix, outcomeTtlMs, seq ("" = none),
 * followed ("1"/""), keep (see keepOrRelease), leaseMs, then counted groups: fields (name,
 * value; "" deletes), outcomes (id, value), leads (id, value, ttlMs; "" deletes), timers (id, dueMs; "" removes),
 * notifications (JSON each, appended to the outbox stream in the same step), replies (channel, message) to the processes
 * whose forwarded batches this one decided (published only here, so an answer exists only if its batch committed).
 * → {version, flag} (flag: see keepOrRelease); {-1, 0} when the lease was lost (nothing written).
 */
export const COMMIT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {-1, 0} end
local version = redis.call('HINCRBY', KEYS[2], 'version', 1)
if ARGV[4] ~= '' then redis.call('HSET', KEYS[2], 'seq', ARGV[4]) end
if ARGV[5] ~= '' then redis.call('HSET', KEYS[2], 'followed', '1') end
local prefix = ARGV[2]
local at = 8
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
at = at + 1 + n
n = tonumber(ARGV[at])
redis.set_repl(redis.REPL_NONE)
for i = 0, n - 1 do redis.call('PUBLISH', ARGV[at + 1 + 2 * i], ARGV[at + 2 + 2 * i]) end
${keepOrRelease("ARGV[6]", "ARGV[7]", "KEYS[1]", "KEYS[7]").replaceAll("VERSION", "version")}
`;

/**
 * KEYS: lock, inbox. ARGV: token, keep, leaseMs, then replies (channel, message) counted. Gives the lease back when a batch
 * wrote nothing (or failed before writing), or keeps it like COMMIT; the replies are answers from stored outcomes only.
 * → {0, flag} like COMMIT's; flag 0 also when the lease was no longer this caller's.
 */
// COMMIT and RELEASE publish on `<lock>:free`, so a waiting process tries again at once instead of polling.
export const RELEASE = `
redis.set_repl(redis.REPL_NONE)
local n = tonumber(ARGV[4] or '0')
for i = 0, n - 1 do redis.call('PUBLISH', ARGV[5 + 2 * i], ARGV[6 + 2 * i]) end
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {0, 0} end
${keepOrRelease("ARGV[2]", "ARGV[3]", "KEYS[1]", "KEYS[2]").replaceAll("VERSION", "0")}
`;

/**
 * KEYS: lock, inbox. ARGV: item (`{"r","c","ids"}\npayload`), waitMs. Hands a batch to the process holding the lease: pushed
 * only while the lease is held, in one step with that check, so the holder's COMMIT (which keeps the lease while the inbox
 * is not empty) cannot miss it, and the holder is woken on its channel (the lease token starts with it), in case it
 * lingers idle. → 1 pushed, 0 the lease is free (take it instead).
 */
export const FORWARD = `
redis.set_repl(redis.REPL_NONE)
local holder = redis.call('GET', KEYS[1])
if not holder then return 0 end
local wake = string.match(holder, '^(%S+) ')
if wake then redis.call('PUBLISH', wake, '') end
local clock = redis.call('TIME')
local deadline = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000) + tonumber(ARGV[2])
redis.call('RPUSH', KEYS[2], deadline .. '\\n' .. ARGV[1])
redis.call('PEXPIRE', KEYS[2], 60000)
return 1
`;
