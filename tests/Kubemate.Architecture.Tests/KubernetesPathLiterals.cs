using System.Text.RegularExpressions;

namespace Kubemate.Architecture.Tests;

/// <summary>
/// Finds Kubernetes REST paths written as string literals in C# or Razor source. Kubemate's own REST API also lives
/// under <c>/api/v1/</c>, so the pattern names what only Kubernetes serves: any <c>apis/GROUP/...</c>, the core
/// group's version hole (<c>api/{version}</c>), a core collection (<c>api/v1/pods</c>, <c>api/v1/secrets</c>, ...),
/// the namespaces collection, one namespace, or anything inside one namespace except Kubemate's <c>mesh</c> resource;
/// a literal passed to a route mapping (<c>MapGroup("/api/v1/namespaces")</c>) is the host's own route.
/// </summary>
public static partial class KubernetesPathLiterals
{
    private const string CorePlurals =
        "pods|services|secrets|configmaps|endpoints|events|nodes|serviceaccounts|persistentvolumes|persistentvolumeclaims|" +
        "replicationcontrollers|resourcequotas|limitranges|podtemplates|componentstatuses|bindings";

    private const string Pattern =
        "(?<!Map(?:Group|Get|Post|Put|Patch|Delete|Methods)\\()" + // the host mapping its own route
        "\"/?(?<path>" +
        "apis/[a-z0-9.{]" + // a named API group, or its hole
        "|api/\\{" + // the core group at a version hole
        "|api/v1/(?:" + CorePlurals + ")(?=[\"/?{])" + // a core collection across namespaces
        "|api/v1/namespaces(?=\")" + // the namespaces collection
        "|api/v1/namespaces/[^\"/\\s]+(?:\"|/(?!(?:mesh|canaries)[\"/]))" + // one namespace, or what is in it (Kubemate's mesh and canaries are its own)
        ")";

    [GeneratedRegex(Pattern)]
    private static partial Regex Literal();

    /// <summary>Each Kubernetes path literal in the text, with its line number.</summary>
    public static IEnumerable<(int Line, string Text)> Find(string source) =>
        Literal().Matches(source).Select(m => (source[..m.Index].Count(c => c == '\n') + 1, LineAt(source, m.Index)));

    private static string LineAt(string source, int index)
    {
        var start = source.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        var end = source.IndexOf('\n', index);
        return source[start..(end < 0 ? source.Length : end)].Trim();
    }
}
