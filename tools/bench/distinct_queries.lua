-- wrk script: the search load of tools/loadbench.sh with every query distinct, so none is
-- answered from the result cache: each of the twelve customer queries of search_queries.lua gets
-- a number of its own as a last word (a word the query analyzer sees and the index searches).
-- wrk runs this script once per thread: the thread's id keeps the numbers of two threads apart.
local queries = {
  "/api/v1/search?locale=en&q=reset%20password", "/api/v1/search?locale=en&q=invoice%20tax%20id",
  "/api/v1/search?locale=en&q=cancel%20subscription", "/api/v1/search?locale=en&q=sync%20not%20working",
  "/api/v1/search?locale=pt&q=esqueci%20minha%20senha", "/api/v1/search?locale=pt&q=nao%20consigo%20entrar",
  "/api/v1/search?locale=es&q=cancelar%20suscripcion", "/api/v1/search?locale=es&q=factura%20empresa",
  "/api/v1/search?locale=it&q=notifiche%20email", "/api/v1/search?locale=it&q=esportare%20dati",
  "/api/v1/search?locale=zh-TW&q=%E5%BF%98%E8%A8%98%E5%AF%86%E7%A2%BC", "/api/v1/search?locale=zh-TW&q=%E7%99%BC%E7%A5%A8",
}
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1] .. "%20" .. (id or 0) .. "0" .. i)
end
