using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using RocketChat.Contracts.Generator.Diagnostics;
using RocketChat.Contracts.Generator.Emit;
using RocketChat.Contracts.Generator.Model;
using RocketChat.Contracts.Generator.Parsing;

namespace RocketChat.Contracts.Generator
{
    /// <summary>
    /// Reads OpenAPI 3 contracts given as AdditionalFiles (.yaml, .yml, .json) and emits records, JSON converters,
    /// a JsonSerializerContext and typed clients; AsyncAPI 3 documents of DDP streams go to <see cref="RealtimePipeline"/>. Pipeline: file → <see cref="ContractInput"/> → <see cref="ContractModel"/> → source.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ContractSourceGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names, asserted by the incremental-caching tests.</summary>
        public static class Steps
        {
            public const string Input = "ContractInput";
            public const string Model = "ContractModel";
            public const string Collisions = "OutputCollisions";
            public const string ReferencedContract = "ReferencedContract";
            public const string RealtimeModel = "RealtimeModel";
        }

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ContractInput> inputs = context.AdditionalTextsProvider
                .Where(static file => IsContractFile(file.Path))
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, cancellationToken) => ReadInput(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(Steps.Input);

            // AsyncAPI documents and reference-only OpenAPI files go to the realtime pipeline; the rest are REST contracts.
            IncrementalValuesProvider<RealtimeModel> realtimeModels = RealtimePipeline.Models(inputs);

            IncrementalValuesProvider<ContractModel?> models = inputs
                .Where(static input => !input.IsReference && !input.IsAsyncApi)
                .Select(static (input, cancellationToken) => ContractParser.Parse(input, cancellationToken))
                .WithTrackingName(Steps.Model);

            // Contracts claiming the same generated files: reported, not left to CS8785 (which drops all their code).
            IncrementalValueProvider<EquatableArray<OutputClaim>> collisions = models
                .Where(static model => model != null)
                .Select(static (model, _) => new OutputClaim(model!.HintPrefix, model.SourcePath))
                .Collect()
                .Combine(realtimeModels.Select(static (model, _) => new OutputClaim(model.HintPrefix, model.SourcePath)).Collect())
                .Select(static (claims, _) => OutputClaim.Collisions(claims.Left.AddRange(claims.Right)))
                .WithTrackingName(Steps.Collisions);

            RealtimePipeline.RegisterOutput(context, realtimeModels, collisions);

            context.RegisterSourceOutput(models.Combine(collisions), static (production, pair) => Emit(production, pair.Left, pair.Right));
        }

        /// <summary>RCG017 when another contract (OpenAPI or AsyncAPI) claims the same generated files; nothing is emitted then.</summary>
        internal static bool ReportedCollision(
            SourceProductionContext production, string sourcePath, string hintPrefix, string ns, string clientName, EquatableArray<OutputClaim> collisions)
        {
            string[] others = collisions
                .Where(c => string.Equals(c.HintPrefix, hintPrefix, StringComparison.OrdinalIgnoreCase) && c.SourcePath != sourcePath)
                .Select(c => c.SourcePath)
                .ToArray();
            if (others.Length == 0)
            {
                return false;
            }

            production.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.OutputCollision,
                Location.Create(sourcePath, default, default),
                ns,
                clientName,
                string.Join("', '", others)));
            return true;
        }

        private static bool IsContractFile(string path) =>
            path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

        private static ContractInput ReadInput(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
        {
            AnalyzerConfigOptions fileOptions = options.GetOptions(file);
            fileOptions.TryGetValue("build_metadata.AdditionalFiles.Namespace", out string? ns);
            fileOptions.TryGetValue("build_metadata.AdditionalFiles.ClientName", out string? clientName);
            fileOptions.TryGetValue("build_metadata.AdditionalFiles.Visibility", out string? visibility);
            fileOptions.TryGetValue("build_metadata.AdditionalFiles.ContractRole", out string? role);
            options.GlobalOptions.TryGetValue("build_property.RootNamespace", out string? rootNamespace);
            SourceText? text = file.GetText(cancellationToken);
            return new ContractInput(file.Path, text?.ToString() ?? string.Empty, ns, clientName, visibility, rootNamespace, role);
        }

        private static void Emit(SourceProductionContext production, ContractModel? model, EquatableArray<OutputClaim> collisions)
        {
            if (model == null)
            {
                return;
            }

            foreach (DiagnosticInfo diagnostic in model.Diagnostics)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (ReportedCollision(production, model.SourcePath, model.HintPrefix, model.Namespace, model.ClientName, collisions))
            {
                return;
            }

            if (model.Objects.Count == 0 && model.Clients.Count == 0 && model.Enums.Count == 0)
            {
                return;
            }

            try
            {
                production.AddSource(model.HintPrefix + ".Models.g.cs", SourceText.From(ModelEmitter.Emit(model), System.Text.Encoding.UTF8));
                production.CancellationToken.ThrowIfCancellationRequested();
                production.AddSource(model.HintPrefix + ".Json.g.cs", SourceText.From(JsonEmitter.Emit(model), System.Text.Encoding.UTF8));
                production.CancellationToken.ThrowIfCancellationRequested();
                // A contract of payloads only (webhooks, shared schemas) has nothing to call: no empty client class.
                if (model.Clients.Count > 0)
                {
                    production.AddSource(model.HintPrefix + ".Clients.g.cs", SourceText.From(ClientEmitter.Emit(model), System.Text.Encoding.UTF8));
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // An emitter bug: report, never throw.
                production.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, ex.GetType().Name + ": " + ex.Message));
            }
        }
    }
}
