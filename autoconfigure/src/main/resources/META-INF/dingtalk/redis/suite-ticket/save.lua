-- Run by RedisSuiteTicketStore, which says what KEYS and ARGV hold and what the answer means.
if (tonumber(redis.call('GET', KEYS[2])) or 0) > tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
return 1
