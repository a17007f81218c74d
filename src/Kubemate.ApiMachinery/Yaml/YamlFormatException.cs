namespace Kubemate.ApiMachinery.Yaml;

/// <summary>The input is not YAML (or JSON) that Kubernetes would accept.</summary>
public sealed class YamlFormatException : FormatException
{
    public YamlFormatException(string message) : base(message)
    {
    }

    public YamlFormatException(string message, Exception inner) : base(message, inner)
    {
    }
}
