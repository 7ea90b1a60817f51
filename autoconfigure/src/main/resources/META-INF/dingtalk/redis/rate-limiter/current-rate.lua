-- The shared rate as it stands now, in every script: the stored rate plus one request per second for
-- each whole second since it last changed, up to the configured rate.
-- Shared: the scripts that need it include it (a Redis script cannot load another).
local now = redis.call('TIME')
local now_us = tonumber(now[1]) * 1000000 + tonumber(now[2])
local max = tonumber(ARGV[1])
local min = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[2], 'rate', 'changed', 'decreased')
local rate = tonumber(state[1]) or max
local changed = tonumber(state[2]) or now_us
local decreased = tonumber(state[3]) or 0
if rate > max then rate = max end
-- times ahead of the clock were written before it stepped back
if changed > now_us then changed = now_us end
if decreased > now_us then decreased = now_us - 1000000 end
if rate < max then
  local seconds = math.floor((now_us - changed) / 1000000)
  if seconds >= 1 then
    rate = math.min(max, rate + seconds)
    changed = changed + seconds * 1000000
  end
else
  changed = now_us
end
