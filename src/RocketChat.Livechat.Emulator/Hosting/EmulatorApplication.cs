using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RocketChat.Livechat.Emulator.Http;

namespace RocketChat.Livechat.Emulator.Hosting;

/// <summary>Builds the Kestrel application: loopback only, no logging noise, the API gateway after routing, then the routes.</summary>
internal static class EmulatorApplication
{
    public static WebApplication Build(EmulatorOptions options, EmulatorEndpoints endpoints)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // Many emulators may run in one test process: do not put a file watcher on each one's content root.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);

            // The gateway applies the server's own limits (MaxRequestBodySize, MaxFileSize); Kestrel's 30 MB default
            // would refuse a 50 MB JSON body or a 100 MiB upload first.
            kestrel.Limits.MaxRequestBodySize = null;
        });

        WebApplication app = builder.Build();
        var rateLimiter = new RateLimiter(options.TimeProvider, options.RateLimitWindow);
        ILogger logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("RocketChat.Livechat.Emulator");
        app.Use(next => new SafetyNetMiddleware(next, logger).InvokeAsync);
        app.UseWebSockets();
        app.UseRouting();
        app.Use(next => new ApiGatewayMiddleware(next, endpoints.Accounts, rateLimiter, options).InvokeAsync);
        ApiRoutes.Map(app, endpoints);
        endpoints.Realtime.Map(app);
        app.MapFallback("{*path}", async context =>
        {
            // The body parsers run on every path before any route: an oversized or malformed body fails first.
            if (!HttpMethods.IsGet(context.Request.Method))
            {
                await RequestInput.ReadBodyAsync(context.Request, options.MaxRequestBodySize, context.RequestAborted).ConfigureAwait(false);
            }

            throw ApiErrors.EndpointDoesNotExist();
        });
        return app;
    }

    /// <summary>The address Kestrel actually bound (the port is chosen by the OS when 0 was asked for).</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
