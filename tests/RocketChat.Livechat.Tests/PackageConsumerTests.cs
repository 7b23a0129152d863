using System.Diagnostics;

namespace RocketChat.Livechat.Tests;

/// <summary>
/// The generator the way consumers get it: packed, restored from a local folder feed into a separate project that brings
/// its own contract, compiled with warnings as errors, and run against a loopback server.
/// </summary>
public sealed class PackageConsumerTests
{
    private const string Contract = """
        openapi: 3.0.3
        info:
          title: Pets
          version: '1'
        paths:
          /api/pets/{name}:
            get:
              operationId: getPet
              tags: [Pets]
              parameters:
                - name: name
                  in: path
                  required: true
                  schema:
                    type: string
                - name: tags
                  in: query
                  schema:
                    type: array
                    items:
                      type: string
              responses:
                '200':
                  description: The pet.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Pet'
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name:
                  type: string
                age:
                  type: integer
        """;

    private const string Program = """
        using RocketChat.Contracts.Runtime;
        using Consumer.Pets;

        var connection = new RocketChatConnection(new HttpClient(), new Uri(args[0]));
        var client = new PetStoreClient(connection);
        Pet pet = await client.Pets.GetPetAsync("rex/1", tags: ["good", "dog"]);
        Console.WriteLine($"{pet.Name} is {pet.Age}");
        """;

    [Fact]
    public async Task A_consumer_restores_the_packages_generates_from_its_own_yaml_and_calls_over_loopback()
    {
        string work = Directory.CreateTempSubdirectory("rc-consumer-").FullName;
        try
        {
            string feed = Path.Combine(work, "feed");
            foreach (string project in new[] { "generator/RocketChat.Contracts.Generator", "src/RocketChat.Contracts.Runtime" })
            {
                await RunAsync("dotnet", $"pack \"{Path.Combine(RepoPaths.Root, project)}\" -c Release -o \"{feed}\" -p:Version=0.1.0-local", RepoPaths.Root);
            }

            string consumer = Path.Combine(work, "consumer");
            Directory.CreateDirectory(consumer);
            await File.WriteAllTextAsync(Path.Combine(consumer, "pets.yaml"), Contract);
            await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), Program);
            await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
                    <!-- As the generator's PACKAGE.md shows for reviewing and snapshot-testing the generated code. -->
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                    <CompilerGeneratedFilesOutputPath>Generated</CompilerGeneratedFilesOutputPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <Compile Remove="Generated/**" />
                  </ItemGroup>
                  <ItemGroup>
                    <PackageReference Include="RocketChat.Contracts.Generator" Version="0.1.0-local" PrivateAssets="all" />
                    <PackageReference Include="RocketChat.Contracts.Runtime" Version="0.1.0-local" />
                    <AdditionalFiles Include="pets.yaml" Namespace="Consumer.Pets" ClientName="PetStore" />
                  </ItemGroup>
                </Project>
                """);

            await using LoopbackServer server = await LoopbackServer.StartAsync();
            server.Respond(CannedResponse.Json("""{"name":"Rex","age":3}"""));
            string output = await RunAsync("dotnet", $"run -c Release -- {server.BaseAddress}", consumer);

            Assert.Contains("Rex is 3", output);
            // OpenAPI's default for a query array: form, exploded, the name as the contract writes it.
            Assert.Equal("/api/pets/rex%2F1?tags=good&tags=dog", server.LastRequest.RawTarget);

            // The generated files land where PACKAGE.md says, named after the contract's namespace and client.
            string generated = Path.Combine(consumer, "Generated", "RocketChat.Contracts.Generator", "RocketChat.Contracts.Generator.ContractSourceGenerator");
            Assert.Equal(
                new[] { "Consumer.Pets.PetStore.Clients.g.cs", "Consumer.Pets.PetStore.Json.g.cs", "Consumer.Pets.PetStore.Models.g.cs" },
                Directory.GetFiles(generated).Select(Path.GetFileName).Order().ToArray());
            Assert.Contains("public sealed partial record Pet", File.ReadAllText(Path.Combine(generated, "Consumer.Pets.PetStore.Models.g.cs")));

            // Nothing of the generator leaks into the consumer's output: no YamlDotNet, no generator assembly.
            string[] binaries = Directory.GetFiles(Path.Combine(consumer, "bin"), "*.dll", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray()!;
            Assert.Contains("RocketChat.Contracts.Runtime.dll", binaries);
            Assert.DoesNotContain("YamlDotNet.dll", binaries);
            Assert.DoesNotContain("RocketChat.Contracts.Generator.dll", binaries);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string file, string arguments, string directory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        string output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{file} {arguments} exited {process.ExitCode}:\n{output}");
        return output;
    }
}
