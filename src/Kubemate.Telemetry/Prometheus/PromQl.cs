using System.Globalization;
using System.Text;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Prometheus;

/// <summary>Translates the query primitive into PromQL.</summary>
public static class PromQl
{
    public static string Translate(MetricQuery query)
    {
        var selector = Selector(query.SeriesName, query.Matchers);
        var window = Duration(query.Window);
        return query.Function switch
        {
            QueryFunctionKind.Increase => $"sum by ({Join(query.GroupBy)}) (increase({selector}[{window}]))",
            QueryFunctionKind.Rate => $"sum by ({Join(query.GroupBy)}) (rate({selector}[{window}]))",
            QueryFunctionKind.Quantile => string.Create(CultureInfo.InvariantCulture,
                $"histogram_quantile({query.Quantile}, sum by ({Join(["le", .. query.GroupBy])}) (rate({selector}[{window}])))"),
            _ => $"sum by ({Join(query.GroupBy)}) ({selector})",
        };
    }

    public static string Selector(string metric, IReadOnlyList<LabelMatcher> matchers)
    {
        if (matchers.Count == 0)
        {
            return metric;
        }
        var text = new StringBuilder(metric).Append('{');
        for (var i = 0; i < matchers.Count; i++)
        {
            var matcher = matchers[i];
            text.Append(i == 0 ? "" : ",").Append(matcher.Name).Append(matcher.Operator switch
            {
                MatchOperator.Equal => "=",
                MatchOperator.NotEqual => "!=",
                MatchOperator.Regex => "=~",
                _ => "!~",
            }).Append(Quote(matcher.Value));
        }
        return text.Append('}').ToString();
    }

    /// <summary>A PromQL duration: whole seconds when possible, else milliseconds.</summary>
    public static string Duration(TimeSpan span) =>
        span.Ticks % TimeSpan.TicksPerSecond == 0
            ? ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s"
            : ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";

    private static string Join(IEnumerable<string> labels) => string.Join(", ", labels);

    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
