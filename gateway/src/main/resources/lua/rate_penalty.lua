-- The provider throttled us: halve this bucket's rate until the given time (extending, never shortening).
-- KEYS: 1 bucket hash
-- ARGV: 1 penalty length in ms
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ms = now + tonumber(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[1], 'pu') or '0')
if until_ms > current then
  redis.call('HSET', KEYS[1], 'pu', until_ms)
end
redis.call('PEXPIRE', KEYS[1], math.max(60000, tonumber(ARGV[1]) * 2))
return until_ms
