using Kubemate.Direct.Terminal;
using Kubemate.Remote;

namespace Kubemate.Direct;

/// <summary>Runs a command's work on its backend and turns a refusal into the message and exit code the user gets.</summary>
public static class OperationRun
{
    public static async Task<int> WithBackendAsync(TextWriter error, string command, Func<IOperationsBackend> open, Func<IOperationsBackend, Task<int>> work)
    {
        try
        {
            await using var backend = open();
            return await work(backend);
        }
        catch (OperationException failure)
        {
            return Report(error, command, failure);
        }
    }

    public static int Report(TextWriter error, string command, OperationException failure)
    {
        switch (failure.Failure)
        {
            case OperationFailure.Invalid:
                error.WriteLine($"{command}: {failure.Message}; nothing changed");
                foreach (var (field, reasons) in failure.Errors)
                {
                    foreach (var reason in reasons)
                    {
                        error.WriteLine($"  {field}: {reason}");
                    }
                }
                error.Flush();
                return ExitCodes.Usage;
            case OperationFailure.Denied:
                error.WriteLine($"{command}: denied: {failure.Message}");
                break;
            case OperationFailure.Conflict:
                ConflictPrinter.Write(error, failure.Conflicts.Select(c => ("", c)));
                break;
            default:
                error.WriteLine($"{command}: {failure.Message}");
                break;
        }
        error.Flush();
        return ExitCodes.Failed;
    }
}
