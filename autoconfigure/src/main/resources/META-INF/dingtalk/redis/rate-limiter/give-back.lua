-- Run by RedisRateLimiter, which says what KEYS and ARGV hold and what the answer means.
redis.call('ZADD', KEYS[3], ARGV[1], ARGV[1])
redis.call('PEXPIRE', KEYS[3], ARGV[2])
return 1
