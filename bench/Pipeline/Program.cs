using BenchmarkDotNet.Running;
using Ledger.Bench.Pipeline;

// P5 (QUALITY.md): what the mediator and its behaviours cost per request, without I/O. The
// Application's real registration (AddApplication: the generated mediator, every behaviour,
// validators, scoped services), with every port (database, identity, clock...) a no-op stand-in:
// the figure is the pipeline's own CPU and allocations. ./build.sh bench runs it in a short job.
BenchmarkSwitcher.FromAssembly(typeof(PipelineBenchmarks).Assembly).Run(args);
