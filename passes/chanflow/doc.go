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
// fields of struct types declared in the package that only the package
// can reach (unexported, or exported in a type none of whose values
// leaves the package), the
// package's unexported variables (for a channel made in the package;
// every load of the variable is then an alias), and static
// calls (into generic functions too), and records every operation on it:
// sends, receives, range loops that end only when the channel is closed,
// and closes. When the channel reaches code the analysis cannot see (an
// exported global, an interface, a dynamic call, another channel, a map or slice,
// a field other packages may reach, the result of an exported function or a method) it is
// marked as escaped: anyone may then close it or receive from it, and the
// passes stay silent. A channel returned by an unexported function that is
// only ever called directly is followed into its callers. A channel
// returned receive-only (<-chan T) by a method or an exported function
// is followed into the package's static calls of it and marked
// RecvOnlyOut rather than escaped: callers the package cannot see may
// receive from it but can neither send on it nor close it, so its sends
// and closes are still all known (Channel.NeverSent).
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
// The walks are those of internal/valueflow, leakvet's one value-flow
// engine, under a policy that records sends, receives, ranges and closes,
// follows returned channels into their callers, and applies the facts of
// other packages' functions. Each channel is walked once: every operation
// says whether it belongs to the channel's near life (the function that
// makes it and the code it hands the channel to) or its far life (the
// callers it is returned to, the fields and package variables that keep
// it), and a channel that escapes only in its far life says so
// (Channel.EscapedFar), so that lostsignal summarises a function that
// returns a channel from the near part of the same record. lostsignal
// walks the handles that are not channels (cancel functions, contexts,
// groups) with the same engine under policies of its own.
//
// The Result is read-only once chanflow's run has returned, so that the
// passes that require it may read it at the same time: run computes the
// summaries of all of the package's functions with channel parameters
// (closures included), the go statements that start each function, and
// keeps the facts of other packages' functions that its walks imported;
// it keeps no *analysis.Pass. The one thing built later is the package's
// SSA form, for a package without channels that a dependant inspects
// anyway: it is built once (sync.Once), from the pass's syntax and types,
// which never change, so that packages no pass needs it for never pay for
// it.
//
// One leak, one diagnostic: Channel.Owner says which of the passes judges
// the goroutines a channel can leave blocked (rangeclose for a range loop
// that never ends, lostsignal for a channel handed back to callers,
// goroutineexit for the rest, nobody for a channel that escapes or lives
// as long as the process), and the passes defer to it.
package chanflow
