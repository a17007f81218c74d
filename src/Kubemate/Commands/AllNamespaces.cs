using System.CommandLine;
using Kubemate.CommandLine;

namespace Kubemate.Commands;

/// <summary>
/// kubectl's <c>-A/--all-namespaces</c> for a verb that filters by <c>-n</c>: every namespace, said explicitly.
/// Given with <c>-n</c> it is bad usage (kubectl lets -A win silently; here the two do not go together).
/// </summary>
public static class AllNamespaces
{
    public static Option<bool> Create(Option<string?> ns)
    {
        var option = Flags.Switch("--all-namespaces", "Every namespace (the default when -n is not given)", "-A");
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<bool>() && result.GetResult(ns) is { Implicit: false })
            {
                result.AddError($"cannot be combined with {ns.Name}: say one namespace or all");
            }
        });
        return option;
    }
}
