namespace Kubemate.Model.Validation;

/// <summary>Builds field paths the way Kubernetes prints them: <c>spec.backends[0].weight</c>.</summary>
public static class FieldPath
{
    public static string Child(string parent, string field) => parent.Length == 0 ? field : $"{parent}.{field}";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static string Key(string parent, string key) => $"{parent}[{key}]";
}
