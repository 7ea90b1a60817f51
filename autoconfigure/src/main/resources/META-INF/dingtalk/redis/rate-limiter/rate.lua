-- Run by RedisRateLimiter, which says what KEYS and ARGV hold and what the answer means.
-- include: current-rate.lua
return tostring(rate)
