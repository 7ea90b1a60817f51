-- Run by RedisRateLimiter, which says what KEYS and ARGV hold and what the answer means.
-- include: current-rate.lua
if now_us - decreased >= 1000000 then
  rate = math.max(min, rate / 2)
  redis.call('HSET', KEYS[2], 'rate', tostring(rate), 'changed', tostring(now_us), 'decreased', tostring(now_us))
  redis.call('PEXPIRE', KEYS[2], 3600000)
end
return tostring(rate)
