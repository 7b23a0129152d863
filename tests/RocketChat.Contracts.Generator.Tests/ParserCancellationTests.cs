using System.Reflection;

namespace RocketChat.Contracts.Generator.Tests;

/// <summary>
/// A cancelled build stops parsing: the parser throws <see cref="OperationCanceledException"/> (the one exception it
/// lets out) instead of finishing a model nobody will use, even for a contract with no operation to loop over. The
/// parser is internal, so the test calls it the way the pipeline does, through reflection.
/// </summary>
public sealed class ParserCancellationTests
{
    private static readonly Assembly s_generator = typeof(ContractSourceGenerator).Assembly;

    private static object? Parse(string text, CancellationToken cancellationToken)
    {
        Type inputType = s_generator.GetType("RocketChat.Contracts.Generator.Parsing.ContractInput", throwOnError: true)!;
        object input = Activator.CreateInstance(inputType, "/contracts/cancelled.yaml", text, "Test.Api", "Api", null, "Consumer", null)!;
        MethodInfo parse = s_generator.GetType("RocketChat.Contracts.Generator.Parsing.ContractParser", throwOnError: true)!
            .GetMethod("Parse", BindingFlags.Public | BindingFlags.Static)!;
        try
        {
            return parse.Invoke(null, new[] { input, cancellationToken });
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    [Fact]
    public void A_contract_parses_into_a_model_when_the_build_is_not_cancelled()
    {
        Assert.NotNull(Parse("openapi: 3.0.3\ninfo:\n  title: Idle\npaths: {}\n", CancellationToken.None));
    }

    [Fact]
    public void A_cancelled_build_stops_parsing_a_contract_with_no_operations()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Parse("openapi: 3.0.3\ninfo:\n  title: Idle\npaths: {}\n", cancelled.Token));
    }
}
