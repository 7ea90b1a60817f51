-- Redis's clock as milliseconds since the epoch, in now.
-- Shared: the scripts that need it include it (a Redis script cannot load another).
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
