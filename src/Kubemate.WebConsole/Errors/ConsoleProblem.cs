namespace Kubemate.WebConsole.Errors;

/// <summary>An error as the console shows it in place: what happened, the server's words, and what to do.</summary>
public sealed record ConsoleProblem(string Title, string Detail, string Hint);
