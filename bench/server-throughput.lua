-- wrk script of bench/server-throughput with KEYS > 1: every request carries an X-API-Key chosen at random from a
-- file of secrets, one per line (the file's path follows wrk's "--"). nginx gets the same script and ignores the
-- header, so that the load generator does the same work for both targets.
--
-- The requests are formatted once per key in init(): request() only picks one, which keeps wrk's own cost per
-- request close to that of a fixed request on a machine whose cores it shares with the servers.

local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("index", threads)
end

local requests = {}

function init(args)
   local path = args[1]
   if not path then
      error("server-throughput.lua: give the keys file after --")
   end
   for line in io.lines(path) do
      if line ~= "" then
         -- wrk's own headers (Host, any -H) and the key.
         local headers = {}
         for name, value in pairs(wrk.headers) do
            headers[name] = value
         end
         headers["X-API-Key"] = line
         requests[#requests + 1] = wrk.format(nil, nil, headers)
      end
   end
   if #requests == 0 then
      error("server-throughput.lua: no keys in " .. path)
   end
   -- Every thread its own sequence: the same one would send the same keys in step.
   math.randomseed(os.time() * 64 + (index or 0))
end

function request()
   return requests[math.random(#requests)]
end
