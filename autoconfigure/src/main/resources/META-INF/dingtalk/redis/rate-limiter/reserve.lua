-- Run by RedisRateLimiter, which says what KEYS and ARGV hold and what the answer means.
-- include: current-rate.lua
redis.call('HSET', KEYS[2], 'rate', tostring(rate), 'changed', tostring(changed), 'decreased', tostring(decreased))
redis.call('PEXPIRE', KEYS[2], 3600000)
local max_wait = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', '(' .. string.format('%.0f', now_us))
local returned = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
if returned[1] and tonumber(returned[2]) - now_us <= max_wait then
  redis.call('ZREM', KEYS[3], returned[1])
  return {string.format('%.0f', tonumber(returned[2]) - now_us), tostring(rate), returned[1]}
end
local interval = math.floor(1000000 * tonumber(ARGV[3]) / rate)
local tat = tonumber(redis.call('GET', KEYS[1])) or 0
if tat > now_us + max_wait + interval then tat = now_us + max_wait end
local slot = math.max(tat, now_us)
if slot - now_us > max_wait then
  return {'-1', tostring(rate), string.format('%.0f', slot - now_us)}
end
local next = slot + interval
redis.call('SET', KEYS[1], string.format('%.0f', next), 'PX', math.floor((next - now_us) / 1000) + 1000)
return {string.format('%.0f', slot - now_us), tostring(rate), string.format('%.0f', slot)}
