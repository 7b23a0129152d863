using System.Diagnostics;
using System.Reflection;

namespace RocketChat.Livechat.Cli.Tests;

/// <summary>
/// The conventional publish and tool commands work: publish settings typed on the command line do not reach the
/// generator, and the tool is packed per platform as Native AOT with a framework-dependent fallback. (.ci/run
/// publishes, packs and installs the tool for real; these checks evaluate the projects in seconds.)
/// </summary>
public sealed class PackagingTests
{
    private static readonly string RepoRoot = typeof(PackagingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "RepoRoot").Value!;

    [Fact]
    public async Task Publish_settings_given_on_the_command_line_do_not_reach_the_generator()
    {
        // `dotnet publish src/RocketChat.Livechat.Cli -r linux-x64 -p:PublishAot=true` passes these to every project.
        string values = await GetPropertiesAsync("generator/RocketChat.Contracts.Generator/RocketChat.Contracts.Generator.csproj",
            ["-p:PublishAot=true", "-p:SelfContained=true", "-p:PublishTrimmed=true"], "PublishAot", "SelfContained", "PublishTrimmed");

        Assert.Equal("false|false|false", values);
    }

    [Fact]
    public async Task The_tool_is_packed_as_Native_AOT_per_platform_with_a_framework_dependent_fallback()
    {
        string values = await GetPropertiesAsync("src/RocketChat.Livechat.Cli/RocketChat.Livechat.Cli.csproj", [], "PackAsTool", "PublishAot", "ToolPackageRuntimeIdentifiers");

        string[] parts = values.Split('|');
        Assert.Equal("true", parts[0]);
        Assert.Equal("true", parts[1]);
        string[] rids = parts[2].Split(';');
        Assert.Contains("linux-x64", rids);
        Assert.Contains("win-x64", rids);
        Assert.Contains("osx-arm64", rids);
        Assert.Contains("any", rids);
    }

    private static async Task<string> GetPropertiesAsync(string project, string[] globals, params string[] names)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot };
        start.ArgumentList.Add("msbuild");
        start.ArgumentList.Add(Path.Combine(RepoRoot, project));
        foreach (string global in globals)
        {
            start.ArgumentList.Add(global);
        }

        foreach (string name in names)
        {
            start.ArgumentList.Add("-getProperty:" + name);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, output + await error);

        // One name prints its value; several print a JSON object.
        if (names.Length == 1)
        {
            return output.Trim();
        }

        using var json = System.Text.Json.JsonDocument.Parse(output);
        System.Text.Json.JsonElement properties = json.RootElement.GetProperty("Properties");
        return string.Join("|", names.Select(n => properties.GetProperty(n).GetString()));
    }
}
