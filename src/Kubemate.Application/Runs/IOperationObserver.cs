namespace Kubemate.Application.Runs;

/// <summary>What the host wants to know of background runs (its metrics and logs); the registry itself knows no host.</summary>
public interface IOperationObserver
{
    void Started(OperationRun run);

    void Finished(OperationRun run);

    void Failed(OperationRun run, Exception error);
}
