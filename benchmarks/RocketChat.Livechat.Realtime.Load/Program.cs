using System.Globalization;
using RocketChat.Livechat.Realtime.Load;

// latency [samples]          REST send -> the subscriber's event, one visitor, sequential (default 2,000 after 200 warm-up)
// connections [count]        many visitor WebSockets: memory per connection on both sides, one message each, none lost (default 1,000)
// serve                      the emulator child process the two runs above drive (stdin: mem | quit)
return args switch
{
    ["serve"] => await EmulatorProcess.ServeAsync(),
    ["latency", ..] => await LatencyRun.RunAsync(Count(args, 2_000)),
    ["connections", ..] => await ConnectionsRun.RunAsync(Count(args, 1_000)),
    _ => Usage(),
};

static int Count(string[] args, int fallback) => args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : fallback;

static int Usage()
{
    Console.Error.WriteLine("usage: RocketChat.Livechat.Realtime.Load latency [samples] | connections [count] | serve");
    return 2;
}
