-- Run by RedisRateLimiter, which says what KEYS and ARGV hold and what the answer means.
-- include: current-rate.lua
local now_ms = math.floor(now_us / 1000)
redis.call('ZADD', KEYS[4], now_ms, ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now_ms - tonumber(ARGV[6]))
redis.call('PEXPIRE', KEYS[4], ARGV[6])
return {tostring(rate), redis.call('ZCARD', KEYS[4])}
