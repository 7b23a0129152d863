using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using RocketChat.Contracts.Benchmarks;

// `--verify` runs only the cross-check (same requests, same data from all three clients) and exits.
if (args is ["--verify"])
{
    Console.Write(Equivalence.Verify(new Contenders()));
    return 0;
}

// `--alloc` prints the per-call allocation breakdown (fixed part vs JSON reading) and exits.
if (args is ["--alloc"])
{
    Console.Write(AllocationProbe.Run());
    return 0;
}

// `--emulator-flow [visitors] [parallel]` runs the whole livechat conversation for many visitors against one emulator
// and prints lost/duplicated/5xx counts with timings (default 10,000 visitors, 16 conversations at a time).
if (args is ["--emulator-flow", ..])
{
    int visitors = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
    int parallel = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
    Console.Write(await RocketChat.Contracts.Benchmarks.Emulator.EmulatorFlowRun.RunAsync(visitors, parallel));
    return 0;
}

// A short job for a small, noisy machine: one process per benchmark, 3 warm-up and 15 measured iterations.
// Override from the command line (e.g. --iterationCount 20) when there is time.
IConfig config = DefaultConfig.Instance
    .AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithId("Short15").AsDefault())
    .WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Microsecond).WithRatioStyle(RatioStyle.Value))
    .AddColumn(StatisticColumn.Median, StatisticColumn.Min, new MinRatioColumn())
    .WithOptions(ConfigOptions.DisableLogFile);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
