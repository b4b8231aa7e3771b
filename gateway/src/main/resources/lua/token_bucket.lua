-- A token bucket shared by every gateway on this Redis. The request is always granted, possibly on
-- credit: the answer is how many milliseconds the caller must wait before using it. Waiting callers
-- therefore queue up in Redis order and the rate holds across processes.
-- With a fourth argument, a request that would have to wait longer than that many milliseconds is not
-- granted at all: the answer is then the wait, negated, and nothing is reserved.
-- KEYS: 1 bucket hash
-- ARGV: 1 rate per second, 2 burst, 3 tokens requested, 4 longest acceptable wait in ms (optional)
-- While the provider's throttling penalty runs (field 'pu', ms), the bucket fills at half the rate: every
-- gateway on this Redis slows down together, and the full rate returns by itself when the penalty ends.
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local requested = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'pu')
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
if tonumber(b[3] or '0') > now then
  rate = rate / 2
end
if now > ts then
  tokens = math.min(burst, tokens + (now - ts) * rate / 1000)
end
tokens = tokens - requested
if ARGV[4] and tokens < 0 then
  local wait = math.ceil(-tokens * 1000 / rate)
  if wait > tonumber(ARGV[4]) then
    return -wait
  end
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', math.max(now, ts))
redis.call('PEXPIRE', KEYS[1], math.max(60000, math.ceil((burst - tokens) * 1000 / rate) * 2))
if tokens >= 0 then
  return 0
end
return math.ceil(-tokens * 1000 / rate)
