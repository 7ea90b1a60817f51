-- Run by RedisRateLimiter, which says what KEYS and ARGV hold and what the answer means.
return redis.call('ZREM', KEYS[4], ARGV[1])
