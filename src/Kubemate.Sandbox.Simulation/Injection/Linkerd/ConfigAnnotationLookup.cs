using System.Globalization;

namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>
/// The configuration annotations in force for one pod: the pod's own, then the namespace's for keys the pod does
/// not set (the injector copies those onto the pod). Remembers where each came from so warnings name the right field.
/// </summary>
internal sealed class ConfigAnnotationLookup
{
    private readonly IReadOnlyDictionary<string, string> podAnnotations;
    private readonly IReadOnlyDictionary<string, string> namespaceAnnotations;

    public ConfigAnnotationLookup(IReadOnlyDictionary<string, string> podAnnotations, IReadOnlyDictionary<string, string> namespaceAnnotations)
    {
        this.podAnnotations = podAnnotations;
        this.namespaceAnnotations = namespaceAnnotations;
    }

    public List<string> Warnings { get; } = [];

    public bool TryGet(string key, out string value)
    {
        if (podAnnotations.TryGetValue(key, out value!))
        {
            return true;
        }
        return namespaceAnnotations.TryGetValue(key, out value!);
    }

    public string? Get(string key) => TryGet(key, out var value) ? value : null;

    /// <summary>The annotations the pod inherits from its namespace: configuration keys (and the inject switch) it does not set itself.</summary>
    public IEnumerable<KeyValuePair<string, string>> InheritedFromNamespace() =>
        LinkerdConfigAnnotations.All.Append(LinkerdNames.InjectAnnotation)
            .Where(key => !podAnnotations.ContainsKey(key) && namespaceAnnotations.ContainsKey(key))
            .Select(key => KeyValuePair.Create(key, namespaceAnnotations[key]));

    public string FieldPath(string key) =>
        podAnnotations.ContainsKey(key) ? $"metadata.annotations[\"{key}\"]" : $"namespace metadata.annotations[\"{key}\"]";

    public void Warn(string key, string value, string problem, string fallback) =>
        Warnings.Add($"{FieldPath(key)}: \"{value}\" {problem}; using {fallback}");

    public int Port(string key, int fallback)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }
        if (PortRanges.TryParsePort(value, out var port))
        {
            return port;
        }
        Warn(key, value, "is not a port number (0-65535)", fallback.ToString(CultureInfo.InvariantCulture));
        return fallback;
    }

    public long Integer(string key, long fallback)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }
        if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        Warn(key, value, "is not an integer", fallback.ToString(CultureInfo.InvariantCulture));
        return fallback;
    }

    public bool Boolean(string key, bool fallback)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }
        if (GoBool.TryParse(value, out var flag))
        {
            return flag;
        }
        Warn(key, value, "is not a boolean", fallback ? "true" : "false");
        return fallback;
    }

    /// <summary>A value that must be "enabled" or "disabled".</summary>
    public bool EnabledDisabled(string key, bool fallback)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }
        if (value is LinkerdNames.InjectEnabled or LinkerdNames.InjectDisabled)
        {
            return value == LinkerdNames.InjectEnabled;
        }
        Warn(key, value, "must be \"enabled\" or \"disabled\"", fallback ? "enabled" : "disabled");
        return fallback;
    }

    /// <summary>A Go duration written back as whole milliseconds (<c>1500ms</c>) or whole seconds (<c>90s</c>).</summary>
    public string Duration(string key, string fallback, bool inSeconds)
    {
        if (!TryGet(key, out var value))
        {
            return fallback;
        }
        if (GoDuration.TryParse(value, out var duration))
        {
            return inSeconds ? $"{(long)duration.TotalSeconds}s" : $"{(long)(duration.TotalSeconds * 1000)}ms";
        }
        Warn(key, value, "is not a duration such as 500ms or 1m30s", fallback.Length > 0 ? fallback : "none");
        return fallback;
    }

    /// <summary>A resource quantity in canonical form, or the fallback when the annotation is absent or invalid.</summary>
    public string? Quantity(string key, string? fallback)
    {
        if (!TryGet(key, out var value))
        {
            return fallback is null ? null : ResourceQuantity.Canonicalize(fallback) ?? fallback;
        }
        if (ResourceQuantity.Canonicalize(value) is { } canonical)
        {
            return canonical;
        }
        Warn(key, value, "is not a resource quantity such as 500m or 64Mi", fallback ?? "none");
        return fallback;
    }
}
