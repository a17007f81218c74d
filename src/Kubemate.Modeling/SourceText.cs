namespace Kubemate.Modeling;

/// <summary>
/// The text of one input (a model file, or Kubernetes objects) and the name its problems are reported under: a
/// file's path, <c>stdin</c>, or a request field. Reading files is the caller's business; this library reads text.
/// </summary>
public sealed record SourceText(string Name, string Text);
