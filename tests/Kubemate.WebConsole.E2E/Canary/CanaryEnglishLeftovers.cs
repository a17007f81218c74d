using Kubemate.WebConsole.E2E.Pages;

namespace Kubemate.WebConsole.E2E.Canary;

/// <summary>
/// <see cref="EnglishLeftovers"/> for the release pages: the console's strings plus every English <c>CanaryText</c>
/// string that has a different Chinese translation.
/// </summary>
public static class CanaryEnglishLeftovers
{
    // Metric names and the mode A/B read the same in both languages.
    private static readonly HashSet<string> SharedTerms = ["p50", "p95", "p99", "A/B", "YAML", "GitOps"];

    private static readonly Lazy<IReadOnlyList<string>> Fragments = new(() => EnglishLeftovers.TranslatedFragments("CanaryText", SharedTerms));

    /// <summary>
    /// The console's own text on the page, without what is data: YAML and diffs, and messages from the cluster and
    /// the controller (names of Services and reasons stay as Kubernetes and Kubemate's log write them).
    /// </summary>
    public const string OwnText =
        "() => { const c = document.body.cloneNode(true); c.querySelectorAll('pre, .km-server-message').forEach(e => e.remove()); return c.innerText; }";

    public static IReadOnlyList<string> Find(string visibleText) =>
    [
        .. EnglishLeftovers.Find(visibleText),
        .. EnglishLeftovers.Occurring(Fragments.Value, visibleText),
    ];
}
