-- Takes a slot in every contact-policy counter of one send, or in none: each counter must be below its
-- limit (and, for calls, the last attempt old enough), checked and incremented in one step, so two
-- gateways can never both send the third message of a day. Answers 1 when taken, 0 when refused (the
-- caller reads the counters again and decides again).
-- KEYS: 1..n the counters; n+1 (calls only) the last attempt's time
-- ARGV: 1 n; then for each counter i: 2i limit, 2i+1 expiry (unix ms, the window's end plus a grace);
--       then (calls only) 2n+2 minimum spacing ms, 2n+3 now ms
local n = tonumber(ARGV[1])
for i = 1, n do
  local v = tonumber(redis.call('GET', KEYS[i]) or '0')
  if v >= tonumber(ARGV[2 * i]) then
    return 0
  end
end
local spaced = #KEYS > n
local spacing, now
if spaced then
  spacing = tonumber(ARGV[2 * n + 2])
  now = tonumber(ARGV[2 * n + 3])
  local last = tonumber(redis.call('GET', KEYS[n + 1]) or '0')
  if last > 0 and now < last + spacing then
    return 0
  end
end
for i = 1, n do
  redis.call('INCR', KEYS[i])
  redis.call('PEXPIREAT', KEYS[i], ARGV[2 * i + 1])
end
if spaced then
  redis.call('SET', KEYS[n + 1], now, 'PX', math.max(1, spacing))
end
return 1
