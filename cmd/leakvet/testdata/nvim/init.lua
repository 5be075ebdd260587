-- A minimal Neovim configuration for the tests of "leakvet lsp": it opens
-- the Go file $LEAKVET_FILE, waits for leakvet's diagnostics, writes them
-- as JSON to $LEAKVET_OUT (read back through vim.diagnostic.get) and quits.
--
-- Without $LEAKVET_CONFIG, it attaches "$LEAKVET_BIN lsp" to the file
-- itself, with Neovim 0.7's vim.lsp.start_client or later versions'
-- vim.lsp.start. With $LEAKVET_CONFIG, a configuration from the README, it
-- runs that file first, as a user's init.lua, and then opens the Go file as
-- a user would, once Neovim has started and detects file types: the
-- configuration's FileType autocommand must attach leakvet (found on PATH).
local file = assert(os.getenv("LEAKVET_FILE"), "LEAKVET_FILE not set")
local out = assert(os.getenv("LEAKVET_OUT"), "LEAKVET_OUT not set")
local readme_config = os.getenv("LEAKVET_CONFIG")

local function report_and_quit(buf)
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
end

if readme_config then
  dofile(readme_config)
  vim.api.nvim_create_autocmd("VimEnter", {
    nested = true, -- so that :edit runs the FileType autocommands
    callback = function()
      vim.cmd("edit " .. vim.fn.fnameescape(file))
      report_and_quit(vim.api.nvim_get_current_buf())
    end,
  })
  return
end

local bin = assert(os.getenv("LEAKVET_BIN"), "LEAKVET_BIN not set")
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
report_and_quit(buf)
