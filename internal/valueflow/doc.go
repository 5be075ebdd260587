// Package valueflow follows one value of a package's SSA form through
// everything that can hold it, and hands every operation on it to a
// policy that says what the operation means.
//
// Every pass of leakvet asks the same question about some value (a
// channel, a cancel function, a context, a sync.WaitGroup): where does it
// go, and what is done with it? The answer needs the same machinery each
// time, and this package is the only place it is written:
//
//   - a seen-set keyed by value and context, so that a walk ends, and one
//     budget: Budget values per walk, and no function that
//     ssaidiom.TooBig says is beyond the size budget. When either runs
//     out the value has escaped, and unknown means silence;
//   - the instructions that only pass the value on: ChangeType, Convert,
//     MultiConvert and Phi; stores into local variables and the loads from
//     them (variables captured by closures included); fields of the
//     package's struct types that only the package can reach (unexported
//     ones, and exported ones of types whose values never leave the
//     package: fields.go), when the policy asks for them (Fields),
//     seen as one variable across all functions of the package;
//   - closures' free variables, in the contexts in which the policy says
//     the closure runs (for chanflow, the go statement that starts it);
//   - static calls into the parameters of the package's own functions, in
//     the context the policy gives the callee, and returns into the callers
//     of an unexported function that is only ever called directly.
//
// What the rest means is the policy's to say. The engine decodes each use
// into an Op (a receive or send, select cases included; a close; a call of
// the value; a method call on it; a hand-over to a function of another
// package; a return; anything else) and the policy returns a Verdict: the
// use is recorded, the value escapes, or the engine follows it on. A
// policy is small: chanflow's records sends, receives, ranges and closes
// and reads other packages' facts; lostsignal's say which code plays which
// part for a starter function, which calls take a signal, which methods of
// a group or command wait.
//
// A walk has two phases. The near phase follows the value in the
// function it was walked from and in everything that function hands it to
// (callees, closures, goroutines); the far phase, in the code the value
// reaches once it has left that scope: the callers it is returned to, and
// every load of a field or package-level variable that keeps it. Far work
// waits until the near phase is done, so the near record is complete even
// when the value escapes far away (Walk.EscapedFar), and a policy can tell
// the phases apart (Walk.Far). One walk of a channel thus serves both the
// passes that judge all its life (chanflow's) and those that judge what
// the function making it does before handing it back (lostsignal's
// summaries of returned channels read the near part of chanflow's record).
//
// The context type C is the policy's: the go statement a channel's alias
// runs in, the role a piece of code plays, the call through which the walk
// left the owner's body. A value reached in two contexts is followed in
// both.
//
// Design rules, kept here so that the next kinds of flow are added once,
// to the engine, and not to each pass: the engine never decides a domain
// question, a policy never follows a value itself (except to follow the
// result of an operation it recognises, through Walk.Value), and an
// escape decided anywhere ends the walk unless the walk is Lenient.
// The places where the next kinds join are marked in the code: elements
// of slices, arrays and maps are stores the engine does not follow yet
// (Walk.store), to be keyed like fields; a value sent on a channel is an
// escape today (Walk.use), to become an alias at every receive from the
// carrier channel, itself walked; the fields of a type, already one
// variable across the package, become one protocol once a policy judges
// the operations of all the type's methods together.
//
// A Package and its walks belong to one analysis pass, run by one
// goroutine; results handed to other passes are copied out of them.
package valueflow
