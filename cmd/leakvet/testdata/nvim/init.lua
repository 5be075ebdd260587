-- A minimal Neovim configuration that attaches "leakvet lsp" to the Go
-- file given in $LEAKVET_FILE, waits for its diagnostics, writes them as
-- JSON to $LEAKVET_OUT (read back through vim.diagnostic.get) and quits.
-- Works with Neovim 0.7 (vim.lsp.start_client) and later (vim.lsp.start).
local bin = assert(os.getenv("LEAKVET_BIN"), "LEAKVET_BIN not set")
local file = assert(os.getenv("LEAKVET_FILE"), "LEAKVET_FILE not set")
local out = assert(os.getenv("LEAKVET_OUT"), "LEAKVET_OUT not set")

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local config = {
  name = "leakvet",
  cmd = { bin, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
}
if vim.lsp.start then
  vim.lsp.start(config, { bufnr = buf })
else
  local id = vim.lsp.start_client(config)
  vim.lsp.buf_attach_client(buf, id)
end

local timeout = tonumber(os.getenv("LEAKVET_TIMEOUT_MS") or "120000")
vim.wait(timeout, function()
  return #vim.diagnostic.get(buf) > 0
end, 50)

local diags = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(diags, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    message = d.message, source = d.source, severity = d.severity,
  })
end
local f = assert(io.open(out, "w"))
f:write(vim.fn.json_encode(diags))
f:close()
for _, client in pairs(vim.lsp.get_active_clients()) do
  client.stop()
end
vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
vim.cmd("qa!")
