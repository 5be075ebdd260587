// Package chanflow defines an Analyzer that computes, once per package,
// where each channel goes and what is done with it. It reports nothing; the
// leakvet passes that judge leaks require it and read its Result.
//
// # Analyzer chanflow
//
// chanflow: compute the flow of channels for leakvet's passes
//
// For every make(chan) in the package, chanflow follows the channel through
// local variables (including variables captured by closures), conversions
// such as chan T to <-chan T, phi nodes, closures' free variables,
// unexported fields of struct types declared in the package, and static
// calls (into generic functions too), and records every operation on it:
// sends, receives, range loops that end only when the channel is closed,
// and closes. When the channel reaches code the analysis cannot see (a
// global, an interface, a dynamic call, another channel, a map or slice,
// an exported field, the result of an exported function or a method) it is
// marked as escaped: anyone may then close it or receive from it, and the
// passes stay silent. A channel returned by an unexported function that is
// only ever called directly is followed into its callers.
//
// Calls into other packages are seen through facts: for every function
// with channel parameters, chanflow exports a summary saying, for each
// such parameter, whether the function may close it, lets it escape,
// ranges over it until it is closed (in the caller's goroutine or in one it
// starts), sends on it, or receives from it. Summaries are computed
// transitively, so a call chain across packages is seen through.
//
// Every walk is bounded; when the budget runs out the channel is treated
// as escaped, and unknown means silence.
//
// One leak, one diagnostic: Channel.Owner says which of the passes judges
// the goroutines a channel can leave blocked (rangeclose for a range loop
// that never ends, lostsignal for a channel handed back to callers,
// goroutineexit for the rest, nobody for a channel that escapes or lives
// as long as the process), and the passes defer to it.
package chanflow
