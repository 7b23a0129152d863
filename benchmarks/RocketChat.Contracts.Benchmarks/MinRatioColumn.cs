using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RocketChat.Contracts.Benchmarks;

/// <summary>
/// Min of a benchmark over Min of its group's baseline. On a shared, noisy machine other processes only ever add
/// time, so the fastest iteration is the least disturbed estimate; this ratio is printed next to BenchmarkDotNet's
/// mean-based Ratio so both can be read.
/// </summary>
public sealed class MinRatioColumn : IColumn
{
    public string Id => nameof(MinRatioColumn);

    public string ColumnName => "Ratio(Min)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Min of this benchmark / Min of the baseline of its group (less sensitive to load from other processes than the mean)";

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(summary.IsBaseline);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        BenchmarkCase? baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        double? current = summary[benchmarkCase]?.ResultStatistics?.Min;
        double? reference = baseline is null ? null : summary[baseline]?.ResultStatistics?.Min;
        return current is { } c && reference is { } r && r > 0 ? (c / r).ToString("0.00", CultureInfo.InvariantCulture) : "?";
    }

    public override string ToString() => ColumnName;
}
