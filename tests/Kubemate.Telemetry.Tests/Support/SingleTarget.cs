using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Exposition;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Tests.Support;

/// <summary>One linkerd-proxy scrape target (shop/web-0) fed by hand, for the embedded store's tests.</summary>
public static class SingleTarget
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    public static readonly LabelSet Target = Estates.Labels(("job", "linkerd-proxy"), ("namespace", "shop"), ("pod", "web-0"), ("deployment", "web"));

    /// <summary>A scrape of the target <paramref name="second"/> seconds after <see cref="Start"/> answering <paramref name="text"/>.</summary>
    public static void Append(EmbeddedStore store, int second, string text) =>
        store.Append("t", Target, Start.AddSeconds(second), PrometheusTextParser.Parse(text).Samples);
}
