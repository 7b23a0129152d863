using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RocketChat.Contracts.Generator.Diagnostics;
using RocketChat.Contracts.Generator.Emit;
using RocketChat.Contracts.Generator.Model;
using RocketChat.Contracts.Generator.Parsing;

namespace RocketChat.Contracts.Generator
{
    /// <summary>
    /// The AsyncAPI half of the generator: AsyncAPI 3 documents of DDP streams, with the OpenAPI contracts marked
    /// <c>ContractRole="Reference"</c> whose schemas they reuse, become stream descriptors and typed payloads.
    /// Pipeline: file → <see cref="ContractInput"/> → (<see cref="ReferencedContract"/>s) → <see cref="RealtimeModel"/> → source.
    /// </summary>
    internal static class RealtimePipeline
    {
        public static IncrementalValuesProvider<RealtimeModel> Models(IncrementalValuesProvider<ContractInput> inputs)
        {
            IncrementalValueProvider<EquatableArray<ReferencedContract>> references = inputs
                .Where(static input => input.IsReference && !input.IsAsyncApi)
                .Select(static (input, cancellationToken) => ReferencedContractReader.Read(input, cancellationToken))
                .WithTrackingName(ContractSourceGenerator.Steps.ReferencedContract)
                .Collect()
                .Select(static (contracts, _) => contracts.OrderBy(c => c.FileName, StringComparer.OrdinalIgnoreCase).ToEquatableArray());

            return inputs
                .Where(static input => input.IsAsyncApi)
                .Combine(references)
                .Select(static (pair, cancellationToken) => AsyncApiParser.Parse(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(ContractSourceGenerator.Steps.RealtimeModel);
        }

        public static void RegisterOutput(
            IncrementalGeneratorInitializationContext context,
            IncrementalValuesProvider<RealtimeModel> models,
            IncrementalValueProvider<EquatableArray<OutputClaim>> collisions)
        {
            context.RegisterSourceOutput(models.Combine(collisions), static (production, pair) => Emit(production, pair.Left, pair.Right));
        }

        /// <summary>The REST emitters write the records of the document's schemas; the header names the right source.</summary>
        private static string FromAsyncApi(string source)
        {
            int header = source.IndexOf(SourceWriter.OpenApiSource, StringComparison.Ordinal);
            return header < 0 ? source : source.Substring(0, header) + SourceWriter.AsyncApiSource + source.Substring(header + SourceWriter.OpenApiSource.Length);
        }

        private static void Emit(SourceProductionContext production, RealtimeModel model, EquatableArray<OutputClaim> collisions)
        {
            foreach (DiagnosticInfo diagnostic in model.Diagnostics)
            {
                production.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            if (ContractSourceGenerator.ReportedCollision(production, model.SourcePath, model.HintPrefix, model.Namespace, model.ClassName, collisions))
            {
                return;
            }

            ContractModel schemas = model.Schemas;
            try
            {
                if (schemas.Objects.Count > 0 || schemas.Enums.Count > 0 || schemas.Unions.Count > 0)
                {
                    production.AddSource(model.HintPrefix + ".Models.g.cs", SourceText.From(FromAsyncApi(ModelEmitter.Emit(schemas)), System.Text.Encoding.UTF8));
                }

                if (schemas.RootTypes.Count > 0)
                {
                    production.AddSource(model.HintPrefix + ".Json.g.cs", SourceText.From(FromAsyncApi(JsonEmitter.Emit(schemas)), System.Text.Encoding.UTF8));
                }

                if (model.Channels.Count > 0 || model.ArgumentTypes.Count > 0)
                {
                    production.AddSource(model.HintPrefix + ".Streams.g.cs", SourceText.From(RealtimeEmitter.Emit(model), System.Text.Encoding.UTF8));
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
