-- Gives back the slots a send took when it did not reach the debtor (the provider refused it, or it had to
-- wait after all), never below zero.
-- KEYS: the counters the send took
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') > 0 then
    redis.call('DECR', KEYS[i])
  end
end
return 1
