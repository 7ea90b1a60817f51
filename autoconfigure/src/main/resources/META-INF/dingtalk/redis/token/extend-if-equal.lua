-- Run by RedisSharedTokenStore, which says what KEYS and ARGV hold and what the answer means.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
